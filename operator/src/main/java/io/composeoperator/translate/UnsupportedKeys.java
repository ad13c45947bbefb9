package io.composeoperator.translate;

import static java.util.Map.entry;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import java.util.Map;

/**
 * Warnings for the Compose keys that the model does not carry ({@link
 * ServiceConfig#unmodelledKeys}, {@link ComposeModel#ignoredTopLevelKeys}): each says that the key
 * is ignored and why, so that nothing in the file is dropped silently.
 */
public final class UnsupportedKeys {
  private static final String CPU_TUNING =
      "CPU tuning beyond cpus (requests and limits) cannot be set per container";
  private static final String SWARM_UPDATE =
      "Swarm update settings; the Deployment rolls out with its default rolling update";
  private static final String GPU =
      "Swarm generic resources are not mapped; ask for GPUs with gpus or"
          + " deploy.resources.reservations.devices (capabilities: [gpu])";
  private static final String INTERFACE =
      "pods have one interface on the cluster network; per-network interface settings do not"
          + " exist there";
  private static final String BUILD = "images are not built on the cluster";
  private static final String PIDS =
      "a per-container pids limit cannot be set on Kubernetes (it is a kubelet setting)";
  private static final String GENERIC = "Kubernetes has no equivalent for it";

  /**
   * Reasons by path relative to a service ({@code deploy.placement}) or to the document ({@code
   * include}); a network, volume, secret or config key is written as {@code *}. The longest
   * matching prefix wins. Only keys the model does not carry belong here: a key the model carries
   * is warned about (or mapped) by the class that translates it, and UnsupportedKeysTest loads a
   * Compose file that reaches every entry, so an entry made dead by modelling its key fails it.
   */
  static final Map<String, String> REASONS =
      Map.ofEntries(
          entry("develop", "a local development feature (file sync) with no meaning on a cluster"),
          entry("logging", "container logs go to the cluster's logging"),
          entry("ulimits", "Kubernetes has no per-container ulimits"),
          entry("pids_limit", PIDS),
          entry("deploy.resources.limits.pids", PIDS),
          entry("deploy.resources.reservations.generic_resources", GPU),
          entry(
              "deploy.update_config",
              "Swarm's update pacing and failure handling; a Deployment's rollout has no such"
                  + " setting (only order and parallelism are mapped)"),
          entry("deploy.rollback_config", SWARM_UPDATE),
          entry(
              "deploy.endpoint_mode",
              "the service name always resolves to the pods' addresses (headless Service)"),
          entry(
              "deploy.restart_policy.delay",
              "Kubernetes restarts containers with its own back-off"),
          entry(
              "deploy.restart_policy.window",
              "Kubernetes restarts containers with its own back-off"),
          entry("blkio_config", "block I/O weights and limits cannot be set per container"),
          entry("cpu_count", CPU_TUNING),
          entry("cpu_percent", CPU_TUNING),
          entry("cpu_period", CPU_TUNING),
          entry("cpu_quota", CPU_TUNING),
          entry("cpu_rt_period", CPU_TUNING),
          entry("cpu_rt_runtime", CPU_TUNING),
          entry("cpu_shares", CPU_TUNING),
          entry("cpuset", CPU_TUNING),
          entry("cgroup_parent", "the kubelet places containers in its own cgroups"),
          entry("credential_spec", "Windows credential specs (gMSA) are not mapped"),
          entry("isolation", "Windows isolation modes are not mapped"),
          entry("device_cgroup_rules", "device cgroup rules cannot be set on Kubernetes"),
          entry(
              "external_links",
              "containers outside the project cannot be linked; give them a Service (for example"
                  + " an ExternalName Service) in the namespace"),
          entry("mac_address", "pods get their MAC address from the cluster network"),
          entry("mem_swappiness", "swap is configured per node, not per container"),
          entry("memswap_limit", "swap is configured per node, not per container"),
          entry(
              "oom_kill_disable",
              "the kubelet sets out-of-memory behaviour from the pod's QoS class"),
          entry(
              "oom_score_adj", "the kubelet sets out-of-memory behaviour from the pod's QoS class"),
          entry(
              "runtime",
              "the container runtime is chosen by a RuntimeClass, which Compose cannot name"),
          entry(
              "storage_opt",
              "per-container storage driver options do not exist; disk use is bounded by"
                  + " ephemeral-storage"),
          entry("attach", "attaching to container output is a feature of the compose command"),
          entry("provider", "provider services run through Compose plugins, not as containers"),
          entry("models", "AI models are run by Docker Model Runner, not by Kubernetes"),
          entry("use_api_socket", "there is no Docker API socket on a cluster"),
          entry("pull_refresh_after", "image pulls follow the pod's imagePullPolicy"),
          entry("build", BUILD),
          entry(
              "networks.*.driver_opts",
              "network driver options do not apply: pods use the cluster network"),
          entry("networks.*.gw_priority", INTERFACE),
          entry("networks.*.interface_name", INTERFACE),
          entry("networks.*.link_local_ips", INTERFACE),
          entry("networks.*.mac_address", INTERFACE),
          entry("networks.*.priority", INTERFACE),
          entry("networks.*.ipam", "pod addresses are assigned by the cluster"),
          entry("networks.*.attachable", "there are no network objects on Kubernetes"),
          entry("networks.*.enable_ipv4", "IP families are a setting of the cluster"),
          entry("networks.*.enable_ipv6", "IP families are a setting of the cluster"),
          entry("volumes.bind", "bind mount options are a feature of the Docker host"),
          entry(
              "volumes.options",
              "SELinux relabelling and mount propagation are features of the Docker host"),
          entry("volumes.volume.labels", "volume labels are not copied to the claim"),
          entry("secrets.*.labels", "Secrets are created by the user, who labels them"),
          entry("configs.*.labels", "config labels are not copied to the ConfigMap"),
          entry("secrets.*.driver", "Secrets are created by the user, not by a driver"),
          entry("secrets.*.driver_opts", "Secrets are created by the user, not by a driver"),
          entry("secrets.*.template_driver", "Secret content is not templated"),
          entry("configs.*.template_driver", "config content is not templated"));

  private UnsupportedKeys() {}

  /**
   * Adds one warning per unmodelled key of every service and of the document, and for the keys the
   * model carries but no Kubernetes object can express ({@code volumes_from: [container:x]}, {@code
   * devices}, {@code depends_on.*.restart}).
   */
  public static void warnAbout(ComposeModel model, Warnings warnings) {
    for (ServiceConfig service : model.services().values()) {
      String prefix = "services." + service.name() + ".";
      for (String path : service.unmodelledKeys()) {
        String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        warnings.add(path, message(relative, true));
      }
      modelledButNotExpressible(service, prefix, warnings);
    }
    for (String path : model.ignoredTopLevelKeys()) {
      warnings.add(path, message(path, false));
    }
  }

  private static void modelledButNotExpressible(
      ServiceConfig service, String prefix, Warnings warnings) {
    for (int i = 0; i < service.volumesFrom().size(); i++) {
      String entry = service.volumesFrom().get(i);
      if (entry.startsWith("container:")) {
        // a service's volumes_from is mapped (Claims.mountsOf); a container outside the project
        // has no counterpart on a cluster
        warnings.add(
            prefix + "volumes_from[" + i + "]",
            "`"
                + entry
                + "` is ignored: a container outside the project does not exist on a cluster;"
                + " mount the same named volumes instead");
      }
    }
    if (!service.security().devices().isEmpty()) {
      // baseline and restricted refuse devices before this; under privileged they are not mapped
      warnings.add(
          prefix + "devices",
          "`devices` is ignored: host devices are not mapped (a privileged container sees the"
              + " node's devices)");
    }
    service
        .dependsOn()
        .forEach(
            (dependency, config) -> {
              if (config.restart()) {
                warnings.add(
                    prefix + "depends_on." + dependency + ".restart",
                    "`restart` is ignored: pods are not restarted when "
                        + dependency
                        + " is updated");
              }
            });
  }

  private static String message(String relative, boolean inService) {
    String reason = reason(reasonKey(relative, inService));
    int colon = relative.indexOf(':');
    if (colon >= 0) {
      // a short-syntax mount option: volumes[0]:z
      return "mount option `" + relative.substring(colon + 1) + "` is ignored: " + reason;
    }
    String plain = relative.replaceAll("\\[[0-9]+]", "");
    String key = plain.substring(plain.lastIndexOf('.') + 1);
    return "`" + key + "` is ignored: " + reason;
  }

  /**
   * The key of {@link #REASONS} that explains a path relative to a service ({@code
   * deploy.placement.constraints}, {@code volumes[0]:z}) or to the document ({@code
   * networks.front.ipam}): the longest matching prefix of the normalized path, or null when none
   * matches (the generic reason).
   */
  static String reasonKey(String relative, boolean inService) {
    int colon = relative.indexOf(':');
    String candidate =
        colon >= 0
            ? normalize(relative.substring(0, colon), inService) + ".options"
            : normalize(relative, inService);
    while (!REASONS.containsKey(candidate)) {
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      candidate = candidate.substring(0, dot);
    }
    return candidate;
  }

  private static String reason(String key) {
    return key == null ? GENERIC : REASONS.get(key);
  }

  /**
   * Drops list indices ({@code ports[0].x} → {@code ports.x}) and writes the name of a network,
   * volume, secret or config as {@code *} ({@code networks.front.ipam} → {@code networks.*.ipam}).
   * Inside a service only {@code networks.<name>} names something; its volumes, secrets and configs
   * are lists.
   */
  static String normalize(String path, boolean inService) {
    String[] parts = path.replaceAll("\\[[0-9]+]", "").split("\\.");
    boolean named =
        inService
            ? parts[0].equals("networks")
            : parts[0].matches("networks|volumes|secrets|configs");
    if (named && parts.length > 2) {
      parts[1] = "*";
    }
    return String.join(".", parts);
  }
}
