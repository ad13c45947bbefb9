package io.composeoperator.compose;

import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's {@code depends_on} (list form: {@code service_started}, required; map form with
 * {@code condition}, {@code required} (default true), {@code restart}) plus the implicit
 * dependencies of {@code links}, {@code volumes_from} and {@code service:x} namespaces (compose-go
 * {@code loader/normalize.go}).
 */
final class Dependencies {

  private static final List<String> NAMESPACE_KEYS =
      List.of("network_mode", "ipc", "pid", "uts", "cgroup");

  private final Fields fields;

  Dependencies(Fields fields) {
    this.fields = fields;
  }

  SortedMap<String, ServiceDependency> of(Map<String, Object> service, String servicePath) {
    SortedMap<String, ServiceDependency> out = new TreeMap<>();
    String path = servicePath + ".depends_on";
    Object dependsOn = service.get("depends_on");
    if (dependsOn instanceof List) {
      for (String name : fields.strings(dependsOn, path)) {
        out.put(name, new ServiceDependency(Condition.SERVICE_STARTED, true, false, false));
      }
    } else {
      fields
          .map(dependsOn, path)
          .forEach((name, entry) -> out.put(name, entry(entry, path + "." + name)));
    }
    for (String link : fields.strings(service.get("links"), servicePath + ".links")) {
      implicit(out, link.split(":", 2)[0]);
    }
    for (String from : fields.strings(service.get("volumes_from"), servicePath + ".volumes_from")) {
      if (!from.startsWith("container:")) {
        implicit(out, from.split(":", 2)[0]);
      }
    }
    for (String key : NAMESPACE_KEYS) {
      String mode = fields.string(service.get(key), servicePath + "." + key);
      if (mode != null && mode.startsWith("service:")) {
        implicit(out, mode.substring("service:".length()));
      }
    }
    return out;
  }

  private ServiceDependency entry(Object value, String path) {
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.DEPENDS_ON_KEYS, path);
    String condition = fields.string(map.get("condition"), path + ".condition");
    Condition parsed = Condition.SERVICE_STARTED;
    if (condition != null) {
      parsed = null;
      for (Condition c : Condition.values()) {
        if (c.composeName().equals(condition)) {
          parsed = c;
        }
      }
      if (parsed == null) {
        throw fields.error(
            path + ".condition",
            Fields.quote(condition)
                + " is not a condition (service_started, service_healthy or"
                + " service_completed_successfully)");
      }
    }
    boolean required =
        !map.containsKey("required") || fields.bool(map.get("required"), path + ".required");
    return new ServiceDependency(
        parsed, required, fields.bool(map.get("restart"), path + ".restart"), false);
  }

  private static void implicit(SortedMap<String, ServiceDependency> out, String name) {
    out.putIfAbsent(name, new ServiceDependency(Condition.SERVICE_STARTED, true, false, true));
  }
}
