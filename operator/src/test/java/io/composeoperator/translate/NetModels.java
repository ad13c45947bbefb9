package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.NetworkConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hand-built Compose models for the networking tests (the loader is not needed). */
final class NetModels {
  private NetModels() {}

  /** A model of these services; networks: the implicit default plus the given declared ones. */
  static ComposeModel model(List<ServiceConfig> services, String... networks) {
    Map<String, NetworkConfig> nets = new TreeMap<>();
    nets.put("default", network("default", true));
    for (String name : networks) {
      nets.put(name, network(name, false));
    }
    return model(services, nets);
  }

  static ComposeModel model(List<ServiceConfig> services, Map<String, NetworkConfig> networks) {
    return new ComposeModel(
        "compose.yaml",
        "shop",
        services.stream()
            .collect(
                Collectors.toMap(
                    ServiceConfig::name, Function.identity(), (a, b) -> a, TreeMap::new)),
        new TreeMap<>(),
        new TreeMap<>(networks),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        List.of());
  }

  static ComposeModel model(ServiceConfig... services) {
    return model(Arrays.asList(services));
  }

  static NetworkConfig network(String key, boolean implicit) {
    return new NetworkConfig(key, null, false, false, null, new TreeMap<>(), implicit);
  }

  /** {@code HOST:CONTAINER}. */
  static ServicePortConfig published(int published, int target) {
    return new ServicePortConfig(null, target, published, false, null, "tcp", "ingress", null);
  }

  /** {@code CONTAINER} alone: published on a random host port. */
  static ServicePortConfig random(int target) {
    return new ServicePortConfig(null, target, null, true, null, "tcp", "ingress", null);
  }

  /** A port in {@code ports} that is not published. */
  static ServicePortConfig internal(int target) {
    return ServicePortConfig.internal(target, "tcp");
  }
}
