package io.composeoperator.translate;

import static io.composeoperator.translate.PodValidity.nullToEmpty;
import static io.composeoperator.translate.ValidityRules.labels;
import static io.composeoperator.translate.ValidityRules.q;

import io.composeoperator.translate.ValidityRules.Violations;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API server's rules for the pod settings beyond containers and mounts: host aliases, DNS
 * configuration, node selector, affinity, security contexts, pull policy, env sources and the items
 * of ConfigMap and Secret volumes.
 */
final class PodSettingsValidity {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
  private static final Set<String> SECCOMP_TYPES =
      Set.of("RuntimeDefault", "Unconfined", "Localhost");
  private static final int MAX_FILE_MODE = 0777;

  private PodSettingsValidity() {}

  static boolean isIp(String value) {
    return value != null && (IPV4.matcher(value).matches() || IPV6.matcher(value).matches());
  }

  static void pod(Violations v, String path, PodSpec spec) {
    List<HostAlias> aliases = nullToEmpty(spec.getHostAliases());
    for (int i = 0; i < aliases.size(); i++) {
      if (!isIp(aliases.get(i).getIp())) {
        v.add(
            path + ".hostAliases[" + i + "].ip",
            q(aliases.get(i).getIp()) + " must be a valid IP address");
      }
    }
    dnsConfig(v, path + ".dnsConfig", spec.getDnsConfig());
    labels(v, path + ".nodeSelector", spec.getNodeSelector());
    affinity(v, path + ".affinity", spec.getAffinity());
    podSecurityContext(v, path + ".securityContext", spec.getSecurityContext());
    List<Volume> volumes = nullToEmpty(spec.getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      volumeItems(v, path + ".volumes[" + i + "]", volumes.get(i));
    }
  }

  private static void dnsConfig(Violations v, String path, PodDNSConfig dns) {
    if (dns == null) {
      return;
    }
    List<String> servers = nullToEmpty(dns.getNameservers());
    for (int i = 0; i < servers.size(); i++) {
      if (!isIp(servers.get(i))) {
        v.add(path + ".nameservers[" + i + "]", q(servers.get(i)) + " must be a valid IP address");
      }
    }
    List<String> searches = nullToEmpty(dns.getSearches());
    for (int i = 0; i < searches.size(); i++) {
      String search =
          searches.get(i).endsWith(".")
              ? searches.get(i).substring(0, searches.get(i).length() - 1)
              : searches.get(i);
      ValidityRules.dns1123Subdomain(
          v, path + ".searches[" + i + "]", search.toLowerCase(java.util.Locale.ROOT));
    }
    var options = nullToEmpty(dns.getOptions());
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).getName() == null || options.get(i).getName().isEmpty()) {
        v.add(path + ".options[" + i + "].name", "required value");
      }
    }
  }

  private static void affinity(Violations v, String path, Affinity affinity) {
    if (affinity == null) {
      return;
    }
    List<PodAffinityTerm> terms = new ArrayList<>();
    if (affinity.getPodAffinity() != null) {
      terms.addAll(
          nullToEmpty(
              affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
    }
    if (affinity.getPodAntiAffinity() != null) {
      terms.addAll(
          nullToEmpty(
              affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
    }
    for (int i = 0; i < terms.size(); i++) {
      PodAffinityTerm term = terms.get(i);
      String p = path + ".terms[" + i + "]";
      if (term.getTopologyKey() == null || term.getTopologyKey().isEmpty()) {
        v.add(p + ".topologyKey", "required value (can not be empty)");
      } else {
        ValidityRules.qualifiedName(v, p + ".topologyKey", term.getTopologyKey());
      }
      if (term.getLabelSelector() != null) {
        labels(v, p + ".labelSelector.matchLabels", term.getLabelSelector().getMatchLabels());
      }
    }
  }

  private static void podSecurityContext(Violations v, String path, PodSecurityContext sc) {
    if (sc == null) {
      return;
    }
    nonNegative(v, path + ".runAsUser", sc.getRunAsUser());
    nonNegative(v, path + ".runAsGroup", sc.getRunAsGroup());
    nonNegative(v, path + ".fsGroup", sc.getFsGroup());
    for (Long group : nullToEmpty(sc.getSupplementalGroups())) {
      nonNegative(v, path + ".supplementalGroups", group);
    }
    seccomp(v, path + ".seccompProfile", sc.getSeccompProfile());
  }

  /** Container-level settings: pull policy, security context, env sources. */
  static void container(Violations v, String path, io.fabric8.kubernetes.api.model.Container c) {
    if (c.getImagePullPolicy() != null && !PULL_POLICIES.contains(c.getImagePullPolicy())) {
      v.add(
          path + ".imagePullPolicy", q(c.getImagePullPolicy()) + " is not one of " + PULL_POLICIES);
    }
    SecurityContext sc = c.getSecurityContext();
    if (sc != null) {
      nonNegative(v, path + ".securityContext.runAsUser", sc.getRunAsUser());
      nonNegative(v, path + ".securityContext.runAsGroup", sc.getRunAsGroup());
      seccomp(v, path + ".securityContext.seccompProfile", sc.getSeccompProfile());
      if (Boolean.TRUE.equals(sc.getPrivileged())
          && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        v.add(
            path + ".securityContext",
            "cannot set allowPrivilegeEscalation to false and privileged to true");
      }
      if (Boolean.TRUE.equals(sc.getRunAsNonRoot())
          && sc.getRunAsUser() != null
          && sc.getRunAsUser() == 0) {
        v.add(path + ".securityContext.runAsUser", "runAsNonRoot with runAsUser 0 can never start");
      }
    }
    var env = nullToEmpty(c.getEnv());
    for (int i = 0; i < env.size(); i++) {
      EnvVarSource from = env.get(i).getValueFrom();
      if (from != null) {
        long sources =
            Stream.of(
                    from.getConfigMapKeyRef(),
                    from.getSecretKeyRef(),
                    from.getFieldRef(),
                    from.getResourceFieldRef(),
                    from.getFileKeyRef())
                .filter(s -> s != null)
                .count();
        if (sources != 1) {
          v.add(
              path + ".env[" + i + "].valueFrom",
              "must specify exactly one source, has " + sources);
        }
      }
    }
  }

  private static void seccomp(Violations v, String path, SeccompProfile profile) {
    if (profile == null) {
      return;
    }
    if (!SECCOMP_TYPES.contains(String.valueOf(profile.getType()))) {
      v.add(path + ".type", q(profile.getType()) + " is not one of " + SECCOMP_TYPES);
    } else if (profile.getType().equals("Localhost") == (profile.getLocalhostProfile() == null)) {
      v.add(path + ".localhostProfile", "must be set for type Localhost and only for it");
    }
  }

  private static void nonNegative(Violations v, String path, Long value) {
    if (value != null && value < 0) {
      v.add(path, value + " must be between 0 and 2147483647, inclusive");
    }
  }

  private static void volumeItems(Violations v, String path, Volume volume) {
    List<KeyToPath> items = new ArrayList<>();
    Integer defaultMode = null;
    if (volume.getConfigMap() != null) {
      items.addAll(nullToEmpty(volume.getConfigMap().getItems()));
      defaultMode = volume.getConfigMap().getDefaultMode();
    }
    if (volume.getSecret() != null) {
      items.addAll(nullToEmpty(volume.getSecret().getItems()));
      defaultMode = volume.getSecret().getDefaultMode();
    }
    if (volume.getProjected() != null) {
      for (var source : nullToEmpty(volume.getProjected().getSources())) {
        if (source.getConfigMap() != null) {
          items.addAll(nullToEmpty(source.getConfigMap().getItems()));
        }
        if (source.getSecret() != null) {
          items.addAll(nullToEmpty(source.getSecret().getItems()));
        }
      }
    }
    if (defaultMode != null && (defaultMode < 0 || defaultMode > MAX_FILE_MODE)) {
      v.add(path + ".defaultMode", defaultMode + " must be a file mode between 0 and 0777 (octal)");
    }
    for (int i = 0; i < items.size(); i++) {
      KeyToPath item = items.get(i);
      String p = path + ".items[" + i + "]";
      if (item.getKey() == null || item.getKey().isEmpty()) {
        v.add(p + ".key", "required value");
      }
      String file = item.getPath();
      if (file == null
          || file.isEmpty()
          || file.startsWith("/")
          || List.of(file.split("/")).contains("..")) {
        v.add(p + ".path", q(file) + " must be a relative path without '..'");
      }
      if (item.getMode() != null && (item.getMode() < 0 || item.getMode() > MAX_FILE_MODE)) {
        v.add(p + ".mode", item.getMode() + " must be a file mode between 0 and 0777 (octal)");
      }
    }
  }
}
