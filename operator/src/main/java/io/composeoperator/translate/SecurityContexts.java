package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SysctlBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code user}, {@code group_add}, {@code cap_add}/{@code cap_drop}, {@code privileged}, {@code
 * read_only}, {@code security_opt}, {@code sysctls} → pod and container securityContexts, shaped by
 * the project's security profile (ARCHITECTURE.md, "Security profiles"). What the profile refuses
 * is refused earlier by {@link SecurityProfiles#check}; this class only builds.
 *
 * <p>A named user ({@code user: postgres}) cannot be mapped (Kubernetes takes numeric IDs only):
 * warned, and under {@code restricted}, where the kubelet must verify non-root, the service runs as
 * {@link #FALLBACK_UID} instead (ARCHITECTURE.md, "Resources, users and images").
 */
final class SecurityContexts {
  /** The UID (and GID) used for named users under {@code restricted}, and by wait containers. */
  static final long FALLBACK_UID = 65532L;

  private SecurityContexts() {}

  /** A numeric user and group parsed from {@code user}; either may be null. */
  record UserIds(Long uid, Long gid) {}

  /** The numeric IDs of {@code user}, with warnings for names (and the restricted fallback). */
  static UserIds userIds(ServiceContext ctx) {
    String user = ctx.service().security().user();
    boolean restricted = ctx.options().securityProfile() == SecurityProfile.restricted;
    if (user == null || user.isEmpty()) {
      if (restricted) {
        // restricted sets runAsNonRoot: the kubelet refuses to start an image whose user is root
        ctx.warn(
            "user",
            "no numeric user is set; the restricted profile requires a non-root user, so the pod"
                + " will not start if the image runs as root (set user: \"uid:gid\")");
      }
      return new UserIds(null, null);
    }
    String[] parts = user.split(":", 2);
    Long uid = numeric(parts[0]);
    Long gid = parts.length > 1 ? numeric(parts[1]) : null;
    if (uid == null && "root".equals(parts[0])) {
      uid = 0L;
    }
    if (parts.length > 1 && gid == null) {
      if ("root".equals(parts[1])) {
        gid = 0L;
      } else {
        ctx.warn(
            "user",
            "group \""
                + parts[1]
                + "\" is a name; Kubernetes only takes numeric IDs, so the image's group is used");
      }
    }
    if (uid == null) {
      if (restricted) {
        ctx.warn(
            "user",
            "user \""
                + parts[0]
                + "\" is a name, which the kubelet cannot verify as non-root; under the restricted"
                + " profile the service runs as UID "
                + FALLBACK_UID
                + " instead");
        return new UserIds(FALLBACK_UID, gid == null ? FALLBACK_UID : gid);
      }
      ctx.warn(
          "user",
          "user \""
              + parts[0]
              + "\" is a name; Kubernetes only takes numeric IDs, so the image's user is used"
              + " (give \"uid:gid\" to set it)");
    }
    return new UserIds(uid, gid);
  }

  /** True for {@code user: 0}, {@code root}, {@code 0:x}, {@code root:x}. */
  static boolean isRootUser(String user) {
    if (user == null) {
      return false;
    }
    String name = user.split(":", 2)[0];
    return name.equals("root") || (numeric(name) != null && numeric(name) == 0L);
  }

  /** The pod's securityContext. */
  static PodSecurityContext pod(ServiceContext ctx, UserIds ids) {
    ServiceConfig service = ctx.service();
    PodSecurityContextBuilder pod =
        new PodSecurityContextBuilder()
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile();
    // user "uid:gid" → fsGroup, so named volumes are writable by the group
    if (ids.gid() != null && ids.gid() != 0L) {
      pod.withFsGroup(ids.gid());
    }
    List<Long> groups = new ArrayList<>();
    for (String group : service.security().groupAdd()) {
      Long gid = numeric(group);
      if (gid == null) {
        ctx.warn(
            "group_add",
            "group \"" + group + "\" is a name; Kubernetes only takes numeric IDs, ignored");
      } else if (!groups.contains(gid)) {
        groups.add(gid);
      }
    }
    if (!groups.isEmpty()) {
      pod.withSupplementalGroups(groups);
    }
    for (Map.Entry<String, String> sysctl : service.security().sysctls().entrySet()) {
      // sysctls → pod securityContext.sysctls (unsafe ones need the kubelet's allow-list)
      pod.addToSysctls(
          new SysctlBuilder().withName(sysctl.getKey()).withValue(sysctl.getValue()).build());
      if (!SecurityProfiles.SAFE_SYSCTLS.contains(sysctl.getKey())) {
        ctx.warn(
            "sysctls",
            sysctl.getKey()
                + " is an unsafe sysctl: the kubelet must allow it (--allowed-unsafe-sysctls),"
                + " or the pod is refused");
      }
    }
    return pod.build();
  }

  /** The main container's securityContext. */
  static SecurityContext container(ServiceContext ctx, UserIds ids) {
    ServiceConfig service = ctx.service();
    boolean restricted = ctx.options().securityProfile() == SecurityProfile.restricted;
    SecurityContextBuilder sc = new SecurityContextBuilder();
    sc.withRunAsUser(ids.uid()).withRunAsGroup(ids.gid());
    if (restricted) {
      sc.withRunAsNonRoot(true);
    }
    sc.withCapabilities(capabilities(service, restricted));
    if (service.security().privileged()) {
      sc.withPrivileged(true);
    }
    if (service.security().readOnly()) {
      sc.withReadOnlyRootFilesystem(true);
    }
    boolean noNewPrivileges = restricted;
    for (String opt : service.security().securityOpt()) {
      String normalized = opt.replace('=', ':').toLowerCase(Locale.ROOT);
      if (normalized.equals("no-new-privileges") || normalized.equals("no-new-privileges:true")) {
        noNewPrivileges = true;
      } else if (normalized.equals("no-new-privileges:false")) {
        continue;
      } else if (normalized.equals("seccomp:unconfined")) {
        sc.withNewSeccompProfile().withType("Unconfined").endSeccompProfile();
      } else if (normalized.equals("apparmor:unconfined")) {
        sc.withNewAppArmorProfile().withType("Unconfined").endAppArmorProfile();
      } else {
        ctx.warn("security_opt", "\"" + opt + "\" has no Kubernetes equivalent; ignored");
      }
    }
    if (noNewPrivileges) {
      if (service.security().privileged()) {
        ctx.warn(
            "security_opt",
            "no-new-privileges cannot be combined with privileged on Kubernetes; ignored");
      } else {
        sc.withAllowPrivilegeEscalation(false);
      }
    }
    SecurityContext built = sc.build();
    return built;
  }

  private static Capabilities capabilities(ServiceConfig service, boolean restricted) {
    List<String> add = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    for (String cap : service.security().capAdd()) {
      String name = capability(cap);
      if (!add.contains(name)) {
        add.add(name);
      }
    }
    if (restricted) {
      // restricted: drop ALL, only NET_BIND_SERVICE may come back (checked by SecurityProfiles)
      drop.add("ALL");
    } else {
      for (String cap : service.security().capDrop()) {
        String name = capability(cap);
        if (!drop.contains(name)) {
          drop.add(name);
        }
      }
    }
    if (add.isEmpty() && drop.isEmpty()) {
      return null;
    }
    return new CapabilitiesBuilder().withAdd(add).withDrop(drop).build();
  }

  /** The securityContext of the operator's own init containers: compliant with every profile. */
  static SecurityContext hardened() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(FALLBACK_UID)
        .withRunAsGroup(FALLBACK_UID)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /** {@code cap_add}/{@code cap_drop} entry → capability name: upper case, no {@code CAP_}. */
  static String capability(String cap) {
    String name = cap.trim().toUpperCase(Locale.ROOT);
    return name.startsWith("CAP_") ? name.substring(4) : name;
  }

  static Long numeric(String value) {
    if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
