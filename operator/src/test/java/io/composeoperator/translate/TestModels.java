package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.HealthCheckConfig;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small builders of Compose models for translate's unit tests. */
final class TestModels {
  static final String FILE = "compose.yaml";

  private final Map<String, ServiceConfig> services = new TreeMap<>();
  private final Map<String, VolumeConfig> volumes = new TreeMap<>();
  private final Map<String, SecretConfig> secrets = new TreeMap<>();
  private final Map<String, ConfigObjConfig> configs = new TreeMap<>();
  private final Map<String, String> files = new TreeMap<>();

  private TestModels() {}

  static TestModels project() {
    return new TestModels();
  }

  static ComposeModel of(ServiceConfig... services) {
    TestModels project = project();
    for (ServiceConfig service : services) {
      project.service(service);
    }
    return project.build();
  }

  TestModels service(ServiceConfig service) {
    services.put(service.name(), service);
    return this;
  }

  TestModels volume(String key) {
    volumes.put(
        key, new VolumeConfig(key, null, false, null, new TreeMap<>(), new TreeMap<>(), null));
    return this;
  }

  TestModels volume(VolumeConfig volume) {
    volumes.put(volume.key(), volume);
    return this;
  }

  TestModels sharedVolume(String key) {
    return volume(
        new VolumeConfig(
            key,
            null,
            false,
            null,
            new TreeMap<>(),
            new TreeMap<>(),
            new VolumeKubernetesConfig(null, null, List.of("ReadWriteMany"))));
  }

  TestModels secret(String key) {
    secrets.put(key, new SecretConfig(key, null, null, null, true));
    return this;
  }

  TestModels config(ConfigObjConfig config) {
    configs.put(config.key(), config);
    return this;
  }

  TestModels file(String path, String content) {
    files.put(path, content);
    return this;
  }

  ComposeModel build() {
    return new ComposeModel(
        FILE,
        "test",
        new TreeMap<>(services),
        new TreeMap<>(volumes),
        new TreeMap<>(),
        new TreeMap<>(secrets),
        new TreeMap<>(configs),
        new TreeMap<>(files),
        List.of());
  }

  /** A service with an image. */
  static ServiceConfig.Builder service(String name) {
    return ServiceConfig.builder(name).image(ImageConfig.of("nginx:1.27"));
  }

  /** A context for the only (or first) service of a model, with default options. */
  static ServiceContext context(ComposeModel model, String service) {
    return context(model, service, ProjectOptions.defaults("test"));
  }

  static ServiceContext context(ComposeModel model, String service, ProjectOptions options) {
    return ServiceContext.of(model, model.services().get(service), options);
  }

  static ServiceContext context(ServiceConfig service) {
    return context(of(service), service.name());
  }

  static ServiceContext context(ServiceConfig service, ProjectOptions options) {
    return context(of(service), service.name(), options);
  }

  static HealthCheckConfig healthcheck(HealthCheckConfig.Kind kind, String... test) {
    return new HealthCheckConfig(
        kind,
        List.of(test),
        HealthCheckConfig.DEFAULT_INTERVAL,
        HealthCheckConfig.DEFAULT_TIMEOUT,
        HealthCheckConfig.DEFAULT_START_PERIOD,
        HealthCheckConfig.DEFAULT_START_INTERVAL,
        HealthCheckConfig.DEFAULT_RETRIES);
  }

  static ProjectOptions withProfile(io.composeoperator.api.v1alpha1.SecurityProfile profile) {
    ProjectOptions d = ProjectOptions.defaults("test");
    return new ProjectOptions(
        d.name(), null, Map.of(), List.of(), null, Map.of(), Map.of(), null, null, profile, null);
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
