package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.Locale;
import java.util.Set;

/**
 * The security profiles (ARCHITECTURE.md, "Security profiles"), mirroring the Pod Security
 * Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/): what a service
 * may ask for under {@code restricted}, {@code baseline} (default) and {@code privileged}. A
 * refusal is a {@link ComposeException} of kind {@link ComposeException.Kind#FORBIDDEN} that names
 * the key and the profile.
 */
final class SecurityProfiles {
  /** The capabilities the baseline Pod Security Standard allows to add. */
  static final Set<String> BASELINE_CAPABILITIES =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  /** The only capability the restricted standard allows to add. */
  static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  /** The sysctls the baseline Pod Security Standard allows ("safe" sysctls). */
  static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");

  private SecurityProfiles() {}

  /**
   * Refuses what the project's profile does not allow.
   *
   * @throws ComposeException of kind FORBIDDEN
   */
  static void check(ServiceContext ctx) {
    SecurityProfile profile = ctx.options().securityProfile();
    if (profile == SecurityProfile.privileged) {
      return;
    }
    ServiceConfig service = ctx.service();
    if (service.security().privileged()) {
      throw refused(ctx, profile, "privileged", "privileged containers are not allowed");
    }
    if ("host".equals(service.namespaces().networkMode())) {
      throw refused(ctx, profile, "network_mode", "the host network namespace is not allowed");
    }
    if ("host".equals(service.namespaces().pid())) {
      throw refused(ctx, profile, "pid", "the host PID namespace is not allowed");
    }
    if ("host".equals(service.namespaces().ipc())) {
      throw refused(ctx, profile, "ipc", "the host IPC namespace is not allowed");
    }
    if ("host".equals(service.namespaces().uts())) {
      throw refused(ctx, profile, "uts", "the host UTS namespace is not allowed");
    }
    if (!service.security().devices().isEmpty()) {
      throw refused(ctx, profile, "devices", "host devices are not allowed");
    }
    for (Claims.ServiceMount mount : Claims.mountsOf(ctx.model(), service)) {
      ServiceVolumeConfig volume = mount.volume();
      if (!ServiceVolumeConfig.BIND.equals(volume.type())) {
        continue;
      }
      BindMounts.Decision decision =
          BindMounts.decide(ctx.bindMounts(), service, volume, ctx.options());
      if (decision.kind() == BindMounts.Kind.HOST_PATH) {
        throw refused(
            ctx,
            profile,
            mount.key(),
            "bind mount of "
                + volume.source()
                + " as a hostPath volume is not allowed: "
                + decision.reason());
      }
    }
    for (String cap : service.security().capAdd()) {
      String name = SecurityContexts.capability(cap);
      boolean allowed =
          profile == SecurityProfile.restricted
              ? NET_BIND_SERVICE.equals(name)
              : BASELINE_CAPABILITIES.contains(name);
      if (!allowed) {
        throw refused(
            ctx,
            profile,
            BASELINE_CAPABILITIES.contains(name)
                ? SecurityProfile.baseline
                : SecurityProfile.privileged,
            "cap_add",
            "capability "
                + name
                + " is not allowed"
                + (profile == SecurityProfile.restricted
                    ? " (only NET_BIND_SERVICE may be added)"
                    : ""));
      }
    }
    for (String sysctl : service.security().sysctls().keySet()) {
      if (!SAFE_SYSCTLS.contains(sysctl)) {
        throw refused(ctx, profile, "sysctls", "the unsafe sysctl " + sysctl + " is not allowed");
      }
    }
    for (String opt : service.security().securityOpt()) {
      String normalized = opt.replace('=', ':').toLowerCase(Locale.ROOT);
      if (normalized.equals("seccomp:unconfined") || normalized.equals("apparmor:unconfined")) {
        throw refused(ctx, profile, "security_opt", opt + " is not allowed");
      }
    }
    if (profile == SecurityProfile.restricted
        && SecurityContexts.isRootUser(service.security().user())) {
      throw refused(
          ctx,
          profile,
          SecurityProfile.baseline,
          "user",
          "the root user is not allowed (restricted forces runAsNonRoot)");
    }
  }

  /** A refusal of something only {@code privileged} allows (host paths, namespaces, devices). */
  static ComposeException refused(
      ServiceContext ctx, SecurityProfile profile, String key, String problem) {
    return refused(ctx, profile, SecurityProfile.privileged, key, problem);
  }

  /**
   * A refusal that names the setting that would allow it: the project's {@code
   * spec.securityProfile} ({@code --security-profile} of render and convert), which the operator
   * caps at its {@code --max-security-profile}.
   *
   * @param allowedBy the lowest profile that allows what is refused
   */
  static ComposeException refused(
      ServiceContext ctx,
      SecurityProfile profile,
      SecurityProfile allowedBy,
      String key,
      String problem) {
    return new ComposeException(
        ComposeException.Kind.FORBIDDEN,
        ctx.file(),
        ctx.path(key),
        "refused by security profile "
            + profile
            + ": "
            + problem
            + "; the profile is spec.securityProfile (--security-profile): "
            + allowedBy
            + " allows it, if the operator's --max-security-profile does");
  }
}
