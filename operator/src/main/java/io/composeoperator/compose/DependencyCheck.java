package io.composeoperator.compose;

import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks the dependencies between enabled services: a dependency on an undefined service or on a
 * service disabled by profiles is an error unless {@code required: false} (then it is dropped with
 * a warning); {@code service_healthy} needs a healthcheck; cycles are errors (spec {@code
 * 15-profiles.md}, docker/compose {@code convergence.go}).
 */
final class DependencyCheck {

  private final Fields fields;
  private final List<Warning> warnings;

  DependencyCheck(Fields fields, List<Warning> warnings) {
    this.fields = fields;
    this.warnings = warnings;
  }

  /**
   * Returns the enabled services with dropped optional dependencies removed.
   *
   * @param disabledProfiles the profiles of each service that is defined but disabled
   */
  Map<String, ServiceConfig> check(
      Map<String, ServiceConfig> enabled, Map<String, List<String>> disabledProfiles) {
    Map<String, ServiceConfig> out = new LinkedHashMap<>();
    enabled.forEach(
        (name, service) -> {
          SortedMap<String, ServiceDependency> kept = new TreeMap<>();
          service
              .dependsOn()
              .forEach(
                  (dep, d) -> {
                    String path =
                        "services."
                            + name
                            + (d.implicit() ? implicitSource(service, dep) : ".depends_on." + dep);
                    String problem = null;
                    if (enabled.containsKey(dep)) {
                      ServiceConfig target = enabled.get(dep);
                      if (d.condition() == Condition.SERVICE_HEALTHY
                          && (target.healthcheck() == null || target.healthcheck().fromImage())) {
                        problem =
                            target.healthcheck() != null
                                ? "service "
                                    + dep
                                    + "'s healthcheck has no test: it runs the image's own"
                                    + " HEALTHCHECK, which cannot be read on a cluster, so its"
                                    + " health cannot be waited for (give"
                                    + " services."
                                    + dep
                                    + ".healthcheck.test)"
                                : "service "
                                    + dep
                                    + " has no healthcheck configured"
                                    + (target.healthcheckDisabled() ? " (it is disabled)" : "");
                        if (!d.required()) {
                          warnings.add(
                              new Warning(
                                  path, problem + "; not waiting for it (required: false)"));
                          kept.put(
                              dep,
                              new ServiceDependency(
                                  Condition.SERVICE_STARTED, false, d.restart(), d.implicit()));
                          return;
                        }
                      } else {
                        kept.put(dep, d);
                        return;
                      }
                    } else if (disabledProfiles.containsKey(dep)) {
                      problem =
                          "depends on service "
                              + dep
                              + ", which is disabled by its profiles "
                              + disabledProfiles.get(dep)
                              + " (activate one of them)";
                    } else {
                      problem = "depends on undefined service " + dep;
                    }
                    if (d.required()) {
                      throw fields.error(path, problem);
                    }
                    warnings.add(
                        new Warning(path, problem + "; dropped because it is required: false"));
                  });
          out.put(name, service.toBuilder().dependsOn(kept).build());
        });
    cycles(out);
    return out;
  }

  /** Where an implicit dependency comes from, as a YAML path suffix. */
  private static String implicitSource(ServiceConfig service, String dep) {
    if (service.links().containsKey(dep)) {
      return ".links";
    }
    if (service.volumesFrom().stream().anyMatch(v -> v.split(":", 2)[0].equals(dep))) {
      return ".volumes_from";
    }
    String namespace = "service:" + dep;
    if (namespace.equals(service.namespaces().networkMode())) {
      return ".network_mode";
    }
    if (namespace.equals(service.namespaces().ipc())) {
      return ".ipc";
    }
    if (namespace.equals(service.namespaces().pid())) {
      return ".pid";
    }
    return namespace.equals(service.namespaces().uts()) ? ".uts" : ".cgroup";
  }

  private void cycles(Map<String, ServiceConfig> services) {
    Set<String> done = new HashSet<>();
    for (String name : services.keySet()) {
      visit(name, services, new ArrayList<>(), done);
    }
  }

  private void visit(
      String name, Map<String, ServiceConfig> services, List<String> stack, Set<String> done) {
    if (done.contains(name)) {
      return;
    }
    int at = stack.indexOf(name);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
      cycle.add(name);
      throw fields.error(
          "services." + cycle.get(0) + ".depends_on",
          "dependency cycle: " + String.join(" -> ", cycle));
    }
    stack.add(name);
    for (String dep : services.get(name).dependsOn().keySet()) {
      visit(dep, services, stack, done);
    }
    stack.remove(stack.size() - 1);
    done.add(name);
  }
}
