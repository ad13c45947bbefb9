package io.composeoperator.compose;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys the Compose specification knows, taken from the official compose-spec JSON schema
 * ({@code schema/compose-spec.json} of compose-spec/compose-spec). Every set is sorted and
 * unmodifiable. Keys starting with {@code x-} are extensions and allowed everywhere a mapping
 * allows them; they are not listed here.
 */
public final class ComposeKeys {

  /** Keys of the document itself. */
  public static final Set<String> TOP_LEVEL_KEYS =
      sorted(
          "configs",
          "include",
          "models",
          "name",
          "networks",
          "secrets",
          "services",
          "version",
          "volumes");

  /** Keys of a service ({@code services.<name>}). */
  public static final Set<String> SERVICE_KEYS =
      sorted(
          "annotations",
          "attach",
          "blkio_config",
          "build",
          "cap_add",
          "cap_drop",
          "cgroup",
          "cgroup_parent",
          "command",
          "configs",
          "container_name",
          "cpu_count",
          "cpu_percent",
          "cpu_period",
          "cpu_quota",
          "cpu_rt_period",
          "cpu_rt_runtime",
          "cpu_shares",
          "cpus",
          "cpuset",
          "credential_spec",
          "depends_on",
          "deploy",
          "develop",
          "device_cgroup_rules",
          "devices",
          "dns",
          "dns_opt",
          "dns_search",
          "domainname",
          "entrypoint",
          "env_file",
          "environment",
          "expose",
          "extends",
          "external_links",
          "extra_hosts",
          "gpus",
          "group_add",
          "healthcheck",
          "hostname",
          "image",
          "init",
          "ipc",
          "isolation",
          "label_file",
          "labels",
          "links",
          "logging",
          "mac_address",
          "mem_limit",
          "mem_reservation",
          "mem_swappiness",
          "memswap_limit",
          "models",
          "network_mode",
          "networks",
          "oom_kill_disable",
          "oom_score_adj",
          "pid",
          "pids_limit",
          "platform",
          "ports",
          "post_start",
          "pre_start",
          "pre_stop",
          "privileged",
          "profiles",
          "provider",
          "pull_policy",
          "pull_refresh_after",
          "read_only",
          "restart",
          "runtime",
          "scale",
          "secrets",
          "security_opt",
          "shm_size",
          "stdin_open",
          "stop_grace_period",
          "stop_signal",
          "storage_opt",
          "sysctls",
          "tmpfs",
          "tty",
          "ulimits",
          "use_api_socket",
          "user",
          "userns_mode",
          "uts",
          "volumes",
          "volumes_from",
          "working_dir");

  /** Keys of {@code services.<name>.deploy}. */
  public static final Set<String> DEPLOY_KEYS =
      sorted(
          "endpoint_mode",
          "labels",
          "mode",
          "placement",
          "replicas",
          "resources",
          "restart_policy",
          "rollback_config",
          "update_config");

  /** Keys of {@code deploy.resources}. */
  public static final Set<String> DEPLOY_RESOURCES_KEYS = sorted("limits", "reservations");

  /** Keys of {@code deploy.resources.limits}. */
  public static final Set<String> DEPLOY_RESOURCES_LIMITS_KEYS = sorted("cpus", "memory", "pids");

  /** Keys of {@code deploy.resources.reservations}. */
  public static final Set<String> DEPLOY_RESOURCES_RESERVATIONS_KEYS =
      sorted("cpus", "devices", "generic_resources", "memory");

  /** Keys of {@code deploy.restart_policy}. */
  public static final Set<String> DEPLOY_RESTART_POLICY_KEYS =
      sorted("condition", "delay", "max_attempts", "window");

  /** Keys of {@code deploy.placement}. */
  public static final Set<String> DEPLOY_PLACEMENT_KEYS =
      sorted("constraints", "max_replicas_per_node", "preferences");

  /** Keys of {@code deploy.update_config} and {@code deploy.rollback_config}. */
  public static final Set<String> DEPLOY_UPDATE_CONFIG_KEYS =
      sorted("delay", "failure_action", "max_failure_ratio", "monitor", "order", "parallelism");

  /** Keys of {@code services.<name>.healthcheck}. */
  public static final Set<String> HEALTHCHECK_KEYS =
      sorted("disable", "interval", "retries", "start_interval", "start_period", "test", "timeout");

  /** Keys of a lifecycle hook ({@code post_start[i]}, {@code pre_stop[i]}). */
  public static final Set<String> HOOK_KEYS =
      sorted("command", "environment", "privileged", "user", "working_dir");

  /** Keys of a {@code pre_start[i]} step: a hook's keys plus the image it runs. */
  public static final Set<String> PRE_START_KEYS =
      sorted("command", "environment", "image", "privileged", "user", "working_dir");

  /** Keys of {@code services.<name>.build} in its long form. */
  public static final Set<String> BUILD_KEYS =
      sorted(
          "additional_contexts",
          "args",
          "cache_from",
          "cache_to",
          "context",
          "dockerfile",
          "dockerfile_inline",
          "entitlements",
          "extra_hosts",
          "isolation",
          "labels",
          "network",
          "no_cache",
          "platforms",
          "privileged",
          "pull",
          "secrets",
          "shm_size",
          "ssh",
          "tags",
          "target",
          "ulimits");

  /** Keys of a port in the long syntax ({@code services.<name>.ports[i]}). */
  public static final Set<String> PORT_KEYS =
      sorted("app_protocol", "host_ip", "mode", "name", "protocol", "published", "target");

  /** Keys of a volume mount in the long syntax ({@code services.<name>.volumes[i]}). */
  public static final Set<String> SERVICE_VOLUME_KEYS =
      sorted(
          "bind",
          "consistency",
          "image",
          "read_only",
          "source",
          "target",
          "tmpfs",
          "type",
          "volume");

  /** Keys of {@code volumes[i].bind}. */
  public static final Set<String> SERVICE_VOLUME_BIND_KEYS =
      sorted("create_host_path", "propagation", "recursive", "selinux");

  /** Keys of {@code volumes[i].volume}. */
  public static final Set<String> SERVICE_VOLUME_VOLUME_KEYS =
      sorted("labels", "nocopy", "subpath");

  /** Keys of {@code volumes[i].tmpfs}. */
  public static final Set<String> SERVICE_VOLUME_TMPFS_KEYS = sorted("mode", "size");

  /** Keys of {@code volumes[i].image}. */
  public static final Set<String> SERVICE_VOLUME_IMAGE_KEYS = sorted("subpath");

  /** Keys of a service's secret or config in the long syntax. */
  public static final Set<String> SERVICE_FILE_REF_KEYS =
      sorted("gid", "mode", "source", "target", "uid");

  /** Keys of a {@code depends_on} entry in the long syntax. */
  public static final Set<String> DEPENDS_ON_KEYS = sorted("condition", "required", "restart");

  /** Keys of a service's network entry ({@code services.<name>.networks.<network>}). */
  public static final Set<String> SERVICE_NETWORK_KEYS =
      sorted(
          "aliases",
          "driver_opts",
          "gw_priority",
          "interface_name",
          "ipv4_address",
          "ipv6_address",
          "link_local_ips",
          "mac_address",
          "priority");

  /** Keys of an {@code env_file} entry in the long syntax. */
  public static final Set<String> ENV_FILE_KEYS = sorted("format", "path", "required");

  /** Keys of {@code extends} in the long syntax. */
  public static final Set<String> EXTENDS_KEYS = sorted("file", "service");

  /** Keys of {@code services.<name>.logging}. */
  public static final Set<String> LOGGING_KEYS = sorted("driver", "options");

  /** Keys of a top-level volume ({@code volumes.<name>}). */
  public static final Set<String> VOLUME_KEYS =
      sorted("driver", "driver_opts", "external", "labels", "name");

  /** Keys of a top-level network ({@code networks.<name>}). */
  public static final Set<String> NETWORK_KEYS =
      sorted(
          "attachable",
          "driver",
          "driver_opts",
          "enable_ipv4",
          "enable_ipv6",
          "external",
          "internal",
          "ipam",
          "labels",
          "name");

  /** Keys of a top-level secret ({@code secrets.<name>}). */
  public static final Set<String> SECRET_KEYS =
      sorted(
          "driver",
          "driver_opts",
          "environment",
          "external",
          "file",
          "labels",
          "name",
          "template_driver");

  /** Keys of a top-level config ({@code configs.<name>}). */
  public static final Set<String> CONFIG_KEYS =
      sorted("content", "environment", "external", "file", "labels", "name", "template_driver");

  /** Keys of a service's {@code x-kubernetes} block (compose-operator's own extension). */
  public static final Set<String> SERVICE_KUBERNETES_KEYS =
      sorted("expose", "httpRoute", "ingress");

  /** Keys of a service's {@code x-kubernetes.ingress} block. */
  public static final Set<String> SERVICE_INGRESS_KEYS =
      sorted("className", "host", "path", "port", "tlsSecret");

  /** Keys of a service's {@code x-kubernetes.httpRoute} block. */
  public static final Set<String> SERVICE_HTTP_ROUTE_KEYS =
      sorted("hostnames", "parentRefs", "path", "port");

  /** Keys of one entry of {@code x-kubernetes.httpRoute.parentRefs} written as a mapping. */
  public static final Set<String> HTTP_ROUTE_PARENT_KEYS =
      sorted("name", "namespace", "sectionName");

  /**
   * kompose's service labels that are read as aliases of {@code x-kubernetes} (kompose's user
   * guide, "Labels"); other {@code kompose.*} labels are warned about.
   */
  public static final Set<String> KOMPOSE_SERVICE_LABELS =
      sorted(
          "kompose.service.type",
          "kompose.service.expose",
          "kompose.service.expose.ingress-class-name",
          "kompose.service.expose.tls-secret",
          "kompose.volume.size",
          "kompose.volume.storage-class-name");

  /** kompose's volume labels that are read as aliases of a volume's {@code x-kubernetes}. */
  public static final Set<String> KOMPOSE_VOLUME_LABELS =
      sorted("kompose.volume.size", "kompose.volume.storage-class-name");

  /** Keys of a volume's {@code x-kubernetes} block (compose-operator's own extension). */
  public static final Set<String> VOLUME_KUBERNETES_KEYS =
      sorted("accessModes", "size", "storageClassName");

  /** Keys of {@code external} in its (deprecated) mapping form. */
  public static final Set<String> EXTERNAL_KEYS = sorted("name");

  private ComposeKeys() {}

  private static Set<String> sorted(String... keys) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(List.of(keys)));
  }
}
