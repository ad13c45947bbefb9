package io.composeoperator.translate;

import static io.composeoperator.translate.ValidityRules.atLeast;
import static io.composeoperator.translate.ValidityRules.dns1123Label;
import static io.composeoperator.translate.ValidityRules.dns1123Subdomain;
import static io.composeoperator.translate.ValidityRules.intOrPortName;
import static io.composeoperator.translate.ValidityRules.portName;
import static io.composeoperator.translate.ValidityRules.portNumber;
import static io.composeoperator.translate.ValidityRules.protocol;
import static io.composeoperator.translate.ValidityRules.protocolOrTcp;
import static io.composeoperator.translate.ValidityRules.q;
import static io.composeoperator.translate.ValidityRules.quantity;

import io.composeoperator.translate.ValidityRules.Violations;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The API server's rules for a pod spec (k8s.io/kubernetes {@code ValidatePodSpec}). */
final class PodValidity {
  private PodValidity() {}

  /** Checks a pod spec found at {@code path} ({@code spec.template.spec}). */
  static void check(Violations v, String path, PodSpec spec) {
    if (spec == null) {
      v.add(path, "required value (pod spec)");
      return;
    }
    Set<String> volumeNames = volumes(v, path + ".volumes", spec.getVolumes());
    List<Container> containers = nullToEmpty(spec.getContainers());
    if (containers.isEmpty()) {
      v.add(path + ".containers", "required value (at least one container)");
    }
    Set<String> containerNames = new HashSet<>();
    List<Container> init = nullToEmpty(spec.getInitContainers());
    for (int i = 0; i < init.size(); i++) {
      container(v, path + ".initContainers[" + i + "]", init.get(i), volumeNames, containerNames);
      if (init.get(i).getLivenessProbe() != null || init.get(i).getReadinessProbe() != null) {
        v.add(path + ".initContainers[" + i + "]", "init containers may not have probes");
      }
    }
    for (int i = 0; i < containers.size(); i++) {
      container(v, path + ".containers[" + i + "]", containers.get(i), volumeNames, containerNames);
    }
    podFields(v, path, spec);
    PodSettingsValidity.pod(v, path, spec);
  }

  private static void podFields(Violations v, String path, PodSpec spec) {
    if (spec.getHostname() != null) {
      dns1123Label(v, path + ".hostname", spec.getHostname());
    }
    if (spec.getSubdomain() != null) {
      dns1123Label(v, path + ".subdomain", spec.getSubdomain());
    }
    if (spec.getServiceAccountName() != null) {
      dns1123Subdomain(v, path + ".serviceAccountName", spec.getServiceAccountName());
    }
    if (spec.getTerminationGracePeriodSeconds() != null
        && spec.getTerminationGracePeriodSeconds() < 0) {
      v.add(path + ".terminationGracePeriodSeconds", "must be greater than or equal to 0");
    }
    if (spec.getDnsConfig() != null) {
      if (nullToEmpty(spec.getDnsConfig().getNameservers()).size() > 3) {
        v.add(path + ".dnsConfig.nameservers", "must not have more than 3 nameservers");
      }
      if (nullToEmpty(spec.getDnsConfig().getSearches()).size() > 32) {
        v.add(path + ".dnsConfig.searches", "must not have more than 32 search paths");
      }
    }
    if ("None".equals(spec.getDnsPolicy())
        && (spec.getDnsConfig() == null
            || nullToEmpty(spec.getDnsConfig().getNameservers()).isEmpty())) {
      v.add(path + ".dnsConfig", "dnsPolicy None requires at least one nameserver");
    }
    if (spec.getSecurityContext() != null) {
      List<Sysctl> sysctls = nullToEmpty(spec.getSecurityContext().getSysctls());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < sysctls.size(); i++) {
        String name = sysctls.get(i).getName();
        String p = path + ".securityContext.sysctls[" + i + "].name";
        if (name == null
            || name.length() > ValidityRules.MAX_SUBDOMAIN
            || !ValidityRules.SYSCTL.matcher(name).matches()) {
          v.add(p, q(name) + " is not a valid sysctl name");
        } else if (!seen.add(name)) {
          v.add(p, q(name) + " duplicate sysctl name");
        }
      }
    }
    List<io.fabric8.kubernetes.api.model.LocalObjectReference> pullSecrets =
        nullToEmpty(spec.getImagePullSecrets());
    for (int i = 0; i < pullSecrets.size(); i++) {
      dns1123Subdomain(v, path + ".imagePullSecrets[" + i + "].name", pullSecrets.get(i).getName());
    }
  }

  private static Set<String> volumes(Violations v, String path, List<Volume> volumes) {
    Set<String> names = new HashSet<>();
    List<Volume> list = nullToEmpty(volumes);
    for (int i = 0; i < list.size(); i++) {
      Volume volume = list.get(i);
      String p = path + "[" + i + "]";
      dns1123Label(v, p + ".name", volume.getName());
      if (volume.getName() != null && !names.add(volume.getName())) {
        v.add(p + ".name", q(volume.getName()) + " duplicate volume name");
      }
      int sources = countSources(volume);
      if (sources != 1) {
        v.add(p, "a volume must have exactly one volume source, has " + sources);
      }
      if (volume.getPersistentVolumeClaim() != null) {
        dns1123Subdomain(
            v,
            p + ".persistentVolumeClaim.claimName",
            volume.getPersistentVolumeClaim().getClaimName());
      }
      if (volume.getConfigMap() != null) {
        dns1123Subdomain(v, p + ".configMap.name", volume.getConfigMap().getName());
      }
      if (volume.getSecret() != null) {
        dns1123Subdomain(v, p + ".secret.secretName", volume.getSecret().getSecretName());
      }
    }
    return names;
  }

  /** Counts the non-null volume source fields (every getter except the name). */
  private static int countSources(Volume volume) {
    int count = 0;
    for (Method method : Volume.class.getMethods()) {
      if (method.getParameterCount() != 0
          || !method.getName().startsWith("get")
          || method.getDeclaringClass() != Volume.class
          || Stream.of("getName", "getAdditionalProperties").anyMatch(method.getName()::equals)) {
        continue;
      }
      try {
        if (method.invoke(volume) != null) {
          count++;
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + method, e);
      }
    }
    return count;
  }

  private static void container(
      Violations v, String path, Container c, Set<String> volumeNames, Set<String> names) {
    dns1123Label(v, path + ".name", c.getName());
    if (c.getName() != null && !names.add(c.getName())) {
      v.add(path + ".name", q(c.getName()) + " duplicate container name (init and main together)");
    }
    if (c.getImage() == null || c.getImage().isBlank()) {
      v.add(path + ".image", "required value");
    }
    ports(v, path + ".ports", nullToEmpty(c.getPorts()));
    env(v, path + ".env", nullToEmpty(c.getEnv()));
    mounts(v, path + ".volumeMounts", nullToEmpty(c.getVolumeMounts()), volumeNames);
    probe(v, path + ".livenessProbe", c.getLivenessProbe(), true);
    probe(v, path + ".startupProbe", c.getStartupProbe(), true);
    probe(v, path + ".readinessProbe", c.getReadinessProbe(), false);
    resources(v, path + ".resources", c.getResources());
    securityContext(v, path + ".securityContext", c.getSecurityContext());
    PodSettingsValidity.container(v, path, c);
  }

  private static void ports(Violations v, String path, List<ContainerPort> ports) {
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      String p = path + "[" + i + "]";
      if (port.getName() != null) {
        portName(v, p + ".name", port.getName());
        if (!names.add(port.getName())) {
          v.add(p + ".name", q(port.getName()) + " duplicate port name");
        }
      }
      portNumber(v, p + ".containerPort", port.getContainerPort());
      if (port.getHostPort() != null && port.getHostPort() != 0) {
        portNumber(v, p + ".hostPort", port.getHostPort());
      }
      protocol(v, p + ".protocol", port.getProtocol());
      String key = port.getContainerPort() + "/" + protocolOrTcp(port.getProtocol());
      if (!numbers.add(key)) {
        v.add(p, key + " duplicate port and protocol within a container");
      }
    }
  }

  private static void env(Violations v, String path, List<EnvVar> env) {
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      String p = path + "[" + i + "]";
      if (e.getName() == null || !ValidityRules.ENV_VAR_NAME.matcher(e.getName()).matches()) {
        v.add(
            p + ".name",
            q(e.getName())
                + " is not a valid environment variable name ([-._a-zA-Z][-._a-zA-Z0-9]*)");
      }
      if (e.getValue() != null && !e.getValue().isEmpty() && e.getValueFrom() != null) {
        v.add(p + ".valueFrom", "may not be specified when value is not empty");
      }
    }
  }

  private static void mounts(
      Violations v, String path, List<VolumeMount> mounts, Set<String> volumeNames) {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      String p = path + "[" + i + "]";
      if (m.getName() == null || !volumeNames.contains(m.getName())) {
        v.add(p + ".name", q(m.getName()) + " volume mount refers to no volume of the pod");
      }
      if (m.getMountPath() == null || m.getMountPath().isEmpty()) {
        v.add(p + ".mountPath", "required value");
      } else if (!paths.add(m.getMountPath())) {
        v.add(p + ".mountPath", q(m.getMountPath()) + " duplicate mount path in a container");
      }
      String subPath = m.getSubPath();
      if (subPath != null
          && (subPath.startsWith("/") || List.of(subPath.split("/")).contains(".."))) {
        v.add(p + ".subPath", q(subPath) + " must be a relative path without '..'");
      }
    }
  }

  private static void probe(Violations v, String path, Probe probe, boolean mustSucceedOnce) {
    if (probe == null) {
      return;
    }
    atLeast(v, path + ".periodSeconds", probe.getPeriodSeconds(), 1);
    atLeast(v, path + ".timeoutSeconds", probe.getTimeoutSeconds(), 1);
    atLeast(v, path + ".failureThreshold", probe.getFailureThreshold(), 1);
    atLeast(v, path + ".successThreshold", probe.getSuccessThreshold(), 1);
    atLeast(v, path + ".initialDelaySeconds", probe.getInitialDelaySeconds(), 0);
    if (mustSucceedOnce
        && probe.getSuccessThreshold() != null
        && probe.getSuccessThreshold() != 1) {
      v.add(path + ".successThreshold", "must be 1 for liveness and startup probes");
    }
    long handlers =
        Stream.of(probe.getExec(), probe.getHttpGet(), probe.getTcpSocket(), probe.getGrpc())
            .filter(h -> h != null)
            .count();
    if (handlers != 1) {
      v.add(path, "a probe must have exactly one handler, has " + handlers);
    }
    if (probe.getExec() != null && nullToEmpty(probe.getExec().getCommand()).isEmpty()) {
      v.add(path + ".exec.command", "required value");
    }
    if (probe.getHttpGet() != null) {
      intOrPortName(v, path + ".httpGet.port", probe.getHttpGet().getPort());
    }
    if (probe.getTcpSocket() != null) {
      intOrPortName(v, path + ".tcpSocket.port", probe.getTcpSocket().getPort());
    }
  }

  private static void resources(Violations v, String path, ResourceRequirements resources) {
    if (resources == null) {
      return;
    }
    Map<String, Quantity> limits = resources.getLimits() == null ? Map.of() : resources.getLimits();
    Map<String, Quantity> requests =
        resources.getRequests() == null ? Map.of() : resources.getRequests();
    limits.forEach((name, q) -> quantityOf(v, path + ".limits." + name, name, q));
    requests.forEach(
        (name, q) -> {
          BigDecimal request = quantityOf(v, path + ".requests." + name, name, q);
          if (request != null && limits.containsKey(name)) {
            BigDecimal limit = ValidityRules.quantity(new Violations(), "", limits.get(name));
            if (limit != null && request.compareTo(limit) > 0) {
              v.add(
                  path + ".requests." + name,
                  q.toString()
                      + " must be less than or equal to "
                      + name
                      + " limit "
                      + limits.get(name));
            }
          }
        });
  }

  private static BigDecimal quantityOf(Violations v, String path, String name, Quantity q) {
    BigDecimal value = quantity(v, path, q);
    // "512m" memory is a valid quantity but means 0.512 bytes: a unit mix-up (Compose's m = MiB).
    if (value != null
        && (name.equals("memory") || name.equals("ephemeral-storage"))
        && value.signum() > 0
        && value.stripTrailingZeros().scale() > 0) {
      v.add(path, q + " is a fraction of a byte (Compose 'm' is MiB; Kubernetes 'm' is milli)");
    }
    return value;
  }

  private static void securityContext(Violations v, String path, SecurityContext sc) {
    if (sc == null || sc.getCapabilities() == null) {
      return;
    }
    Capabilities caps = sc.getCapabilities();
    List<String> all = new ArrayList<>();
    all.addAll(nullToEmpty(caps.getAdd()));
    all.addAll(nullToEmpty(caps.getDrop()));
    for (String cap : all) {
      if (cap == null
          || cap.startsWith("CAP_")
          || !ValidityRules.CAPABILITY.matcher(cap).matches()) {
        v.add(
            path + ".capabilities",
            q(cap) + " is not a capability name (upper case, without the CAP_ prefix)");
      }
    }
  }

  static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
