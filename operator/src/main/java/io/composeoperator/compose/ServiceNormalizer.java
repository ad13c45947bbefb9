package io.composeoperator.compose;

import io.composeoperator.compose.model.BuildConfig;
import io.composeoperator.compose.model.DnsConfig;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.MetadataConfig;
import io.composeoperator.compose.model.NamespacesConfig;
import io.composeoperator.compose.model.ProcessConfig;
import io.composeoperator.compose.model.SecurityConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.compose.model.StopConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One service from its loaded (interpolated, extends-resolved) mapping into a {@link
 * ServiceConfig}: every short and long syntax normalized, unknown keys refused, known keys the
 * model does not carry listed in {@code unmodelledKeys}.
 */
final class ServiceNormalizer {

  /**
   * Service keys read into the model outside the groups below; the other keys Compose knows (and
   * not in a group's key list) are unmodelled. {@code extends} is resolved before normalizing.
   */
  static final List<String> OTHER_KEYS =
      List.of(
          "gpus",
          "environment",
          "env_file",
          "ports",
          "expose",
          "volumes",
          "tmpfs",
          "secrets",
          "configs",
          "healthcheck",
          "depends_on",
          "links",
          "volumes_from",
          "restart",
          "deploy",
          "scale",
          "shm_size",
          "networks",
          "profiles",
          "extends");

  /** Keys read by {@link #image}. */
  static final List<String> IMAGE_KEYS = List.of("image", "build", "pull_policy", "platform");

  /** Keys read by {@link #process}. */
  static final List<String> PROCESS_KEYS =
      List.of("command", "entrypoint", "working_dir", "tty", "stdin_open", "init");

  /** Keys read by {@link #security}. */
  static final List<String> SECURITY_KEYS =
      List.of(
          "user",
          "group_add",
          "cap_add",
          "cap_drop",
          "privileged",
          "read_only",
          "security_opt",
          "sysctls",
          "devices");

  /** Keys read by {@link #namespaces}. */
  static final List<String> NAMESPACES_KEYS =
      List.of("network_mode", "pid", "ipc", "uts", "cgroup", "userns_mode");

  /** Keys read by {@link #dns}. */
  static final List<String> DNS_KEYS =
      List.of(
          "hostname",
          "domainname",
          "container_name",
          "extra_hosts",
          "dns",
          "dns_search",
          "dns_opt");

  /** Keys read by {@link #stop}. */
  static final List<String> STOP_KEYS = List.of("stop_grace_period", "stop_signal");

  /**
   * Keys read into {@code ServiceConfig.metadata} (the labels are read first, as {@code
   * x-kubernetes} needs them; {@link #metadata} adds {@code annotations} and {@code
   * deploy.labels}).
   */
  static final List<String> METADATA_KEYS = List.of("labels", "label_file", "annotations");

  /** Service keys read into the model; the other keys Compose knows are unmodelled. */
  static final Set<String> MODELLED =
      Stream.of(
              OTHER_KEYS,
              IMAGE_KEYS,
              PROCESS_KEYS,
              SECURITY_KEYS,
              NAMESPACES_KEYS,
              DNS_KEYS,
              STOP_KEYS,
              METADATA_KEYS,
              Resources.KEYS,
              Hooks.KEYS)
          .flatMap(List::stream)
          .collect(Collectors.toUnmodifiableSet());

  /** {@code deploy} keys read into the model. */
  static final Set<String> DEPLOY_MODELLED =
      Set.of(
          "replicas",
          "resources",
          "restart_policy",
          "labels",
          "mode",
          "placement",
          "update_config");

  private static final Set<String> BUILD_MODELLED = Set.of("context", "dockerfile", "target");
  private static final Pattern PULL_POLICY =
      Pattern.compile(
          "always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+");

  private final Fields fields;
  private final Environment environment;
  private final Ports ports;
  private final List<Warning> warnings;
  private final Set<String> volumes;
  private final Set<String> networks;
  private final Set<String> secrets;
  private final Set<String> configs;

  ServiceNormalizer(
      Fields fields,
      Environment environment,
      List<Warning> warnings,
      Set<String> volumes,
      Set<String> networks,
      Set<String> secrets,
      Set<String> configs) {
    this.fields = fields;
    this.environment = environment;
    this.ports = new Ports(fields, warnings);
    this.warnings = warnings;
    this.volumes = volumes;
    this.networks = networks;
    this.secrets = secrets;
    this.configs = configs;
  }

  /**
   * The service's model; every independent problem of the service is reported at once (one {@link
   * ComposeException} listing them, sorted by path).
   */
  ServiceConfig normalize(String name, Map<String, Object> s) {
    String path = "services." + name;
    Problems p = new Problems();
    p.check(() -> fields.checkKeys(s, ComposeKeys.SERVICE_KEYS, path));
    List<String> unmodelled = new ArrayList<>();
    new TreeSet<>(s.keySet())
        .stream()
            .filter(k -> !MODELLED.contains(k) && !k.startsWith("x-"))
            .forEach(k -> unmodelled.add(path + "." + k));
    Map<String, Object> deploy =
        p.attempt(() -> fields.map(s.get("deploy"), path + ".deploy"), new LinkedHashMap<>());
    p.check(() -> fields.checkKeys(deploy, ComposeKeys.DEPLOY_KEYS, path + ".deploy"));
    p.check(
        () ->
            checkBlock(
                deploy.get("placement"),
                ComposeKeys.DEPLOY_PLACEMENT_KEYS,
                path + ".deploy.placement"));
    p.check(
        () ->
            checkBlock(
                deploy.get("update_config"),
                ComposeKeys.DEPLOY_UPDATE_CONFIG_KEYS,
                path + ".deploy.update_config"));
    p.check(
        () ->
            checkBlock(
                deploy.get("rollback_config"),
                ComposeKeys.DEPLOY_UPDATE_CONFIG_KEYS,
                path + ".deploy.rollback_config"));
    p.check(() -> checkBlock(s.get("logging"), ComposeKeys.LOGGING_KEYS, path + ".logging"));
    new TreeSet<>(deploy.keySet())
        .stream()
            .filter(k -> !DEPLOY_MODELLED.contains(k) && !k.startsWith("x-"))
            .forEach(k -> unmodelled.add(path + ".deploy." + k));
    Map<String, Object> restartPolicy =
        p.attempt(
            () -> fields.map(deploy.get("restart_policy"), path + ".deploy.restart_policy"),
            new LinkedHashMap<>());
    for (String k : List.of("delay", "window")) {
      if (restartPolicy.containsKey(k)) {
        unmodelled.add(path + ".deploy.restart_policy." + k);
      }
    }
    ImageConfig image = image(s, path, p, unmodelled);
    NamespacesConfig namespaces = namespaces(s, path, p);
    Healthchecks.Result health =
        p.attempt(
            () -> new Healthchecks(fields).of(s.get("healthcheck"), path + ".healthcheck"), null);
    Mounts mounts = new Mounts(fields, volumes, unmodelled);
    List<ServiceVolumeConfig> mountList = new ArrayList<>();
    mountList.addAll(
        p.attempt(() -> mounts.volumes(s.get("volumes"), path + ".volumes"), List.of()));
    mountList.addAll(p.attempt(() -> mounts.tmpfs(s.get("tmpfs"), path + ".tmpfs"), List.of()));
    Resources resources = new Resources(fields, unmodelled);
    ServiceConfig.Builder b =
        ServiceConfig.builder(name)
            .image(image)
            .volumes(mountList)
            .namespaces(namespaces)
            .process(process(s, path, p))
            .security(security(s, path, p))
            .dns(dns(s, path, p));
    b.environment(
        p.attempt(() -> environment.of(s.get("env_file"), s.get("environment"), path), null));
    b.ports(p.attempt(() -> ports.ports(s.get("ports"), path + ".ports"), null));
    b.expose(p.attempt(() -> ports.expose(s.get("expose"), path + ".expose"), null));
    b.secrets(
        p.attempt(
            () ->
                new FileRefs(fields, warnings)
                    .secrets(s.get("secrets"), secrets, path + ".secrets"),
            null));
    b.configs(
        p.attempt(
            () ->
                new FileRefs(fields, warnings)
                    .configs(s.get("configs"), configs, path + ".configs"),
            null));
    if (health != null) {
      b.healthcheck(health.healthcheck()).healthcheckDisabled(health.disabled());
      if (health.healthcheck() != null && health.healthcheck().fromImage()) {
        warnings.add(
            new Warning(
                path + ".healthcheck",
                "has no test, so it runs the image's own HEALTHCHECK, which cannot be read on a"
                    + " cluster: no probe is set (give healthcheck.test to get a readinessProbe)"));
      }
    }
    b.dependsOn(p.attempt(() -> new Dependencies(fields).of(s, path), null));
    b.restart(
        p.attempt(
            () -> new Restarts(fields).of(s.get("restart"), deploy.get("restart_policy"), path),
            null));
    b.replicas(p.attempt(() -> replicas(s.get("scale"), deploy.get("replicas"), path), null));
    b.resources(p.attempt(() -> resources.of(s, deploy, path), null));
    b.deploy(p.attempt(() -> new DeploySettings(fields, unmodelled).of(deploy, path), null));
    b.deviceRequests(
        p.attempt(() -> new DeviceRequests(fields).of(s.get("gpus"), deploy, path), null));
    b.stop(stop(s, path, p));
    b.shmSize(
        p.attempt(() -> ByteSizes.parse(fields, s.get("shm_size"), path + ".shm_size"), null));
    b.networks(
        p.attempt(
            () ->
                new ServiceNetworks(fields, unmodelled)
                    .of(s.get("networks"), namespaces.networkMode(), networks, path + ".networks"),
            null));
    b.links(p.attempt(() -> links(s.get("links"), path + ".links"), null));
    b.volumesFrom(
        p.attempt(() -> fields.strings(s.get("volumes_from"), path + ".volumes_from"), null));
    SortedMap<String, String> labels =
        p.attempt(
            () ->
                environment.labels(
                    s.get("label_file"),
                    fields.listOrDict(s.get("labels"), path + ".labels"),
                    path),
            null);
    b.metadata(metadata(labels, s, deploy, path, p));
    b.profiles(p.attempt(() -> Profiles.of(fields, s.get("profiles"), path + ".profiles"), null));
    b.lifecycle(p.attempt(() -> new Hooks(fields, environment).of(s, path), null));
    b.kubernetes(
        p.attempt(
            () ->
                KubernetesExtensions.service(fields, s.get("x-kubernetes"), labels, path, warnings),
            null));
    p.throwIfAny();
    return b.unmodelledKeys(unmodelled).build();
  }

  /** Reads {@link #IMAGE_KEYS}; an image or a build is required. */
  private ImageConfig image(
      Map<String, Object> s, String path, Problems p, List<String> unmodelled) {
    int before = p.count();
    String image = p.attempt(() -> fields.string(s.get("image"), path + ".image"), null);
    BuildConfig build = p.attempt(() -> build(s.get("build"), path + ".build", unmodelled), null);
    if (p.count() == before) {
      p.check(() -> checkImage(image, build, path));
    }
    return new ImageConfig(
        image,
        build,
        p.attempt(() -> pullPolicy(s.get("pull_policy"), path + ".pull_policy"), null),
        p.attempt(() -> fields.string(s.get("platform"), path + ".platform"), null));
  }

  /** Reads {@link #PROCESS_KEYS}. */
  private ProcessConfig process(Map<String, Object> s, String path, Problems p) {
    return ProcessConfig.builder()
        .command(p.attempt(() -> command(s, "command", path), null))
        .entrypoint(p.attempt(() -> command(s, "entrypoint", path), null))
        .workingDir(
            p.attempt(() -> fields.string(s.get("working_dir"), path + ".working_dir"), null))
        .tty(p.attempt(() -> fields.bool(s.get("tty"), path + ".tty"), false))
        .stdinOpen(p.attempt(() -> fields.bool(s.get("stdin_open"), path + ".stdin_open"), false))
        .init(p.attempt(() -> fields.bool(s.get("init"), path + ".init"), false))
        .build();
  }

  /** Reads {@link #SECURITY_KEYS}. */
  private SecurityConfig security(Map<String, Object> s, String path, Problems p) {
    return SecurityConfig.builder()
        .user(p.attempt(() -> fields.string(s.get("user"), path + ".user"), null))
        .groupAdd(p.attempt(() -> fields.strings(s.get("group_add"), path + ".group_add"), null))
        .capAdd(p.attempt(() -> fields.strings(s.get("cap_add"), path + ".cap_add"), null))
        .capDrop(p.attempt(() -> fields.strings(s.get("cap_drop"), path + ".cap_drop"), null))
        .privileged(p.attempt(() -> fields.bool(s.get("privileged"), path + ".privileged"), false))
        .readOnly(p.attempt(() -> fields.bool(s.get("read_only"), path + ".read_only"), false))
        .securityOpt(
            p.attempt(() -> fields.strings(s.get("security_opt"), path + ".security_opt"), null))
        .sysctls(p.attempt(() -> fields.listOrDict(s.get("sysctls"), path + ".sysctls"), null))
        .devices(p.attempt(() -> devices(s.get("devices"), path + ".devices"), null))
        .build();
  }

  /** Reads {@link #NAMESPACES_KEYS}. */
  private NamespacesConfig namespaces(Map<String, Object> s, String path, Problems p) {
    return NamespacesConfig.builder()
        .networkMode(
            p.attempt(() -> fields.string(s.get("network_mode"), path + ".network_mode"), null))
        .pid(p.attempt(() -> fields.string(s.get("pid"), path + ".pid"), null))
        .ipc(p.attempt(() -> fields.string(s.get("ipc"), path + ".ipc"), null))
        .uts(p.attempt(() -> fields.string(s.get("uts"), path + ".uts"), null))
        .cgroup(p.attempt(() -> fields.string(s.get("cgroup"), path + ".cgroup"), null))
        .userns(p.attempt(() -> fields.string(s.get("userns_mode"), path + ".userns_mode"), null))
        .build();
  }

  /** Reads {@link #DNS_KEYS}. */
  private DnsConfig dns(Map<String, Object> s, String path, Problems p) {
    return DnsConfig.builder()
        .hostname(p.attempt(() -> fields.string(s.get("hostname"), path + ".hostname"), null))
        .domainname(p.attempt(() -> fields.string(s.get("domainname"), path + ".domainname"), null))
        .containerName(
            p.attempt(() -> fields.string(s.get("container_name"), path + ".container_name"), null))
        .extraHosts(
            p.attempt(
                () -> ExtraHosts.of(fields, s.get("extra_hosts"), path + ".extra_hosts"), null))
        .dns(p.attempt(() -> fields.stringOrList(s.get("dns"), path + ".dns"), null))
        .dnsSearch(
            p.attempt(() -> fields.stringOrList(s.get("dns_search"), path + ".dns_search"), null))
        .dnsOpt(p.attempt(() -> fields.strings(s.get("dns_opt"), path + ".dns_opt"), null))
        .build();
  }

  /** Reads {@link #STOP_KEYS}. */
  private StopConfig stop(Map<String, Object> s, String path, Problems p) {
    return new StopConfig(
        p.attempt(
            () -> Durations.parse(fields, s.get("stop_grace_period"), path + ".stop_grace_period"),
            null),
        p.attempt(() -> fields.string(s.get("stop_signal"), path + ".stop_signal"), null));
  }

  /** The service's {@link #METADATA_KEYS} and {@code deploy.labels}, given its labels. */
  private MetadataConfig metadata(
      SortedMap<String, String> labels,
      Map<String, Object> s,
      Map<String, Object> deploy,
      String path,
      Problems p) {
    return new MetadataConfig(
        labels,
        p.attempt(() -> fields.listOrDict(deploy.get("labels"), path + ".deploy.labels"), null),
        p.attempt(() -> fields.listOrDict(s.get("annotations"), path + ".annotations"), null));
  }

  /** A service needs an image or a build section; an image must be a valid reference. */
  private void checkImage(String image, BuildConfig build, String path) {
    if ((image == null || image.isBlank()) && build == null) {
      throw fields.error(path, "a service needs an image or a build section");
    }
    if (image != null && !image.isBlank()) {
      ImageReferences.check(fields, image, path + ".image");
    }
  }

  /**
   * An unmodelled block is still checked for unknown keys, so a typo is not hidden by its warning.
   */
  private void checkBlock(Object value, Set<String> known, String path) {
    fields.checkKeys(fields.map(value, path), known, path);
  }

  private BuildConfig build(Object value, String path, List<String> unmodelled) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      return new BuildConfig(fields.string(value, path), null, null);
    }
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.BUILD_KEYS, path);
    new TreeSet<>(map.keySet())
        .stream()
            .filter(k -> !BUILD_MODELLED.contains(k) && !k.startsWith("x-"))
            .forEach(k -> unmodelled.add(path + "." + k));
    String context = fields.string(map.get("context"), path + ".context");
    return new BuildConfig(
        context == null ? "." : context,
        fields.string(map.get("dockerfile"), path + ".dockerfile"),
        fields.string(map.get("target"), path + ".target"));
  }

  /**
   * {@code command} / {@code entrypoint}: null keeps the image's; a string is split like a shell.
   */
  private List<String> command(Map<String, Object> s, String key, String servicePath) {
    Object value = s.get(key);
    String path = servicePath + "." + key;
    if (value == null) {
      return null;
    }
    if (value instanceof List) {
      return fields.strings(value, path);
    }
    return CommandSplitter.split(fields, fields.string(value, path), path);
  }

  private Integer replicas(Object scale, Object replicas, String path) {
    Long fromScale = fields.integer(scale, path + ".scale");
    Long fromDeploy = fields.integer(replicas, path + ".deploy.replicas");
    if (fromScale != null && fromScale < 0) {
      throw fields.error(
          path + ".scale", fromScale + " is not a number of replicas (it is negative)");
    }
    if (fromDeploy != null && fromDeploy < 0) {
      throw fields.error(
          path + ".deploy.replicas", fromDeploy + " is not a number of replicas (it is negative)");
    }
    if (fromScale != null && fromDeploy != null && !fromScale.equals(fromDeploy)) {
      throw fields.error(
          path + ".scale",
          "scale (" + fromScale + ") and deploy.replicas (" + fromDeploy + ") must agree");
    }
    Long n = fromScale != null ? fromScale : fromDeploy;
    if (n != null && n > Integer.MAX_VALUE) {
      throw fields.error(
          path + (fromScale != null ? ".scale" : ".deploy.replicas"), n + " replicas are too many");
    }
    return n == null ? null : n.intValue();
  }

  private List<String> devices(Object value, String path) {
    List<String> out = new ArrayList<>();
    List<Object> items = fields.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (items.get(i) instanceof Map) {
        Map<String, Object> map = fields.map(items.get(i), itemPath);
        fields.checkKeys(map, Set.of("source", "target", "permissions"), itemPath);
        String source = fields.requiredString(map.get("source"), itemPath + ".source");
        String target = fields.string(map.get("target"), itemPath + ".target");
        String permissions = fields.string(map.get("permissions"), itemPath + ".permissions");
        out.add(
            source
                + ":"
                + (target == null ? source : target)
                + (permissions == null ? "" : ":" + permissions));
      } else {
        out.add(fields.requiredString(items.get(i), itemPath));
      }
    }
    return out;
  }

  private SortedMap<String, String> links(Object value, String path) {
    SortedMap<String, String> out = new TreeMap<>();
    for (String link : fields.strings(value, path)) {
      String[] parts = link.split(":", 2);
      out.put(parts[0], parts.length > 1 ? parts[1] : parts[0]);
    }
    return out;
  }

  private String pullPolicy(Object value, String path) {
    String policy = fields.string(value, path);
    if (policy != null && !PULL_POLICY.matcher(policy).matches()) {
      throw fields.error(
          path,
          Fields.quote(policy)
              + " is not a pull policy (always, never, missing, build, daily, weekly, every_<duration>)");
    }
    return policy;
  }
}
