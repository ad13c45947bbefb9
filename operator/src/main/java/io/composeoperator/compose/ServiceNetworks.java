package io.composeoperator.compose;

import io.composeoperator.compose.model.ServiceNetworkConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's {@code networks} (list of names or map of name to {@code aliases}, addresses, ...). A
 * service that sets neither {@code networks} nor {@code network_mode} joins {@code default} (spec
 * "implicit default network").
 */
final class ServiceNetworks {

  private static final Set<String> UNMODELLED =
      Set.of(
          "driver_opts",
          "gw_priority",
          "interface_name",
          "link_local_ips",
          "mac_address",
          "priority");

  private final Fields fields;
  private final List<String> unmodelled;

  ServiceNetworks(Fields fields, List<String> unmodelled) {
    this.fields = fields;
    this.unmodelled = unmodelled;
  }

  SortedMap<String, ServiceNetworkConfig> of(
      Object value, String networkMode, Set<String> declared, String path) {
    SortedMap<String, ServiceNetworkConfig> out = new TreeMap<>();
    if (value == null) {
      if (networkMode == null) {
        out.put("default", ServiceNetworkConfig.PLAIN);
      }
      return out;
    }
    if (networkMode != null) {
      throw fields.error(path, "cannot be set together with network_mode");
    }
    if (value instanceof List) {
      List<String> names = fields.strings(value, path);
      for (int i = 0; i < names.size(); i++) {
        out.put(declared(names.get(i), declared, path + "[" + i + "]"), ServiceNetworkConfig.PLAIN);
      }
      return out;
    }
    fields
        .map(value, path)
        .forEach(
            (name, entry) ->
                out.put(
                    declared(name, declared, path + "." + name), entry(entry, path + "." + name)));
    return out;
  }

  private ServiceNetworkConfig entry(Object value, String path) {
    if (value == null) {
      return ServiceNetworkConfig.PLAIN;
    }
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.SERVICE_NETWORK_KEYS, path);
    map.keySet().stream()
        .filter(UNMODELLED::contains)
        .sorted()
        .forEach(k -> unmodelled.add(path + "." + k));
    return new ServiceNetworkConfig(
        fields.strings(map.get("aliases"), path + ".aliases"),
        fields.string(map.get("ipv4_address"), path + ".ipv4_address"),
        fields.string(map.get("ipv6_address"), path + ".ipv6_address"));
  }

  private String declared(String name, Set<String> declared, String path) {
    if (!name.equals("default") && !declared.contains(name)) {
      throw fields.error(
          path,
          "network " + Fields.quote(name) + " is not declared in the top-level networks section");
    }
    return name;
  }
}
