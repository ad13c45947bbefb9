package io.composeoperator.compose.model;

import java.util.List;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * One Compose service, normalized. Collections are never null (empty when unset); scalars are null
 * when the file does not set them, unless documented otherwise.
 *
 * @param name the Compose service name, as written in the file
 * @param image {@code image}, {@code build}, {@code pull_policy} and {@code platform}; never null
 * @param process {@code command}, {@code entrypoint}, {@code working_dir}, {@code tty}, {@code
 *     stdin_open}, {@code init}; never null
 * @param environment the effective environment in order: {@code env_file} entries first, then
 *     {@code environment}, later entries replacing earlier ones of the same name; entries that
 *     resolve to "unset" are removed
 * @param ports published and unpublished {@code ports}, ranges expanded, one entry per port
 * @param expose {@code expose}, ranges expanded (only target and protocol are set)
 * @param volumes {@code volumes} and {@code tmpfs} (as type {@code tmpfs}), in file order
 * @param secrets {@code secrets} with targets resolved to absolute paths
 * @param configs {@code configs} with targets resolved to absolute paths
 * @param healthcheck the effective healthcheck with Compose's defaults filled in; null when the
 *     file sets none or disables it (see {@code healthcheckDisabled})
 * @param healthcheckDisabled true for {@code disable: true} or {@code test: ["NONE"]}
 * @param dependsOn {@code depends_on} plus the implicit dependencies of {@code links}, {@code
 *     volumes_from} and {@code service:x} namespaces, by service name
 * @param restart the effective restart policy ({@code deploy.restart_policy} wins over {@code
 *     restart}); null when neither is set
 * @param replicas {@code deploy.replicas} / {@code scale} (checked to agree); null when neither is
 *     set
 * @param resources limits and reservations from {@code deploy.resources} and the legacy keys
 * @param deviceRequests GPU requests from {@code gpus} and {@code
 *     deploy.resources.reservations.devices}, in that order
 * @param deploy {@code deploy.mode}, {@code deploy.placement} and {@code deploy.update_config};
 *     never null ({@link DeployConfig#NONE} when unset)
 * @param security {@code user}, {@code group_add}, {@code cap_add}, {@code cap_drop}, {@code
 *     privileged}, {@code read_only}, {@code security_opt}, {@code sysctls}, {@code devices}; never
 *     null
 * @param namespaces {@code network_mode}, {@code pid}, {@code ipc}, {@code uts}, {@code cgroup},
 *     {@code userns_mode}; never null
 * @param stop {@code stop_grace_period} and {@code stop_signal}; never null
 * @param dns {@code hostname}, {@code domainname}, {@code container_name}, {@code extra_hosts},
 *     {@code dns}, {@code dns_search}, {@code dns_opt}; never null
 * @param shmSize {@code shm_size}, or null
 * @param networks the networks this service joins, by network key; a service that sets none joins
 *     {@code default} (unless {@code network_mode} is set)
 * @param links {@code links} as service name to alias (alias = the name when none is given)
 * @param metadata {@code labels} (with {@code label_file}), {@code deploy.labels} and {@code
 *     annotations}; never null
 * @param profiles {@code profiles}
 * @param kubernetes the service's {@code x-kubernetes} block, or null
 * @param lifecycle {@code pre_start}, {@code post_start} and {@code pre_stop}; never null
 * @param unmodelledKeys keys that Compose knows, that are set on this service and that this model
 *     does not carry, as YAML paths ({@code services.api.develop}); translate warns about each so
 *     that nothing is dropped silently
 */
public record ServiceConfig(
    String name,
    ImageConfig image,
    ProcessConfig process,
    List<EnvVar> environment,
    List<ServicePortConfig> ports,
    List<ServicePortConfig> expose,
    List<ServiceVolumeConfig> volumes,
    List<ServiceFileRef> secrets,
    List<ServiceFileRef> configs,
    HealthCheckConfig healthcheck,
    boolean healthcheckDisabled,
    SortedMap<String, ServiceDependency> dependsOn,
    RestartPolicy restart,
    Integer replicas,
    ResourcesConfig resources,
    DeployConfig deploy,
    List<DeviceRequest> deviceRequests,
    SecurityConfig security,
    NamespacesConfig namespaces,
    StopConfig stop,
    DnsConfig dns,
    ByteSize shmSize,
    SortedMap<String, ServiceNetworkConfig> networks,
    SortedMap<String, String> links,
    List<String> volumesFrom,
    MetadataConfig metadata,
    List<String> profiles,
    ServiceKubernetesConfig kubernetes,
    LifecycleConfig lifecycle,
    List<String> unmodelledKeys) {

  public ServiceConfig {
    image = image == null ? ImageConfig.NONE : image;
    process = process == null ? ProcessConfig.NONE : process;
    security = security == null ? SecurityConfig.NONE : security;
    namespaces = namespaces == null ? NamespacesConfig.NONE : namespaces;
    dns = dns == null ? DnsConfig.NONE : dns;
    stop = stop == null ? StopConfig.NONE : stop;
    environment = List.copyOf(environment);
    ports = List.copyOf(ports);
    expose = List.copyOf(expose);
    volumes = List.copyOf(volumes);
    secrets = List.copyOf(secrets);
    configs = List.copyOf(configs);
    dependsOn = ComposeModel.frozen(dependsOn);
    resources = resources == null ? ResourcesConfig.NONE : resources;
    deploy = deploy == null ? DeployConfig.NONE : deploy;
    deviceRequests = deviceRequests == null ? List.of() : List.copyOf(deviceRequests);
    networks = ComposeModel.frozen(networks);
    links = ComposeModel.frozen(links);
    volumesFrom = List.copyOf(volumesFrom);
    metadata = metadata == null ? MetadataConfig.NONE : metadata;
    profiles = List.copyOf(profiles);
    lifecycle = lifecycle == null ? LifecycleConfig.NONE : lifecycle;
    unmodelledKeys = List.copyOf(unmodelledKeys);
  }

  /** Starts a builder for a service of this name; every collection starts empty. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** Returns a builder holding this service's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.image = image;
    b.process = process;
    b.environment = environment == null ? null : new java.util.ArrayList<>(environment);
    b.ports = ports == null ? null : new java.util.ArrayList<>(ports);
    b.expose = expose == null ? null : new java.util.ArrayList<>(expose);
    b.volumes = volumes == null ? null : new java.util.ArrayList<>(volumes);
    b.secrets = secrets == null ? null : new java.util.ArrayList<>(secrets);
    b.configs = configs == null ? null : new java.util.ArrayList<>(configs);
    b.healthcheck = healthcheck;
    b.healthcheckDisabled = healthcheckDisabled;
    b.dependsOn = new java.util.TreeMap<>(dependsOn);
    b.restart = restart;
    b.replicas = replicas;
    b.resources = resources;
    b.deploy = deploy;
    b.deviceRequests = new java.util.ArrayList<>(deviceRequests);
    b.security = security;
    b.namespaces = namespaces;
    b.stop = stop;
    b.dns = dns;
    b.shmSize = shmSize;
    b.networks = new java.util.TreeMap<>(networks);
    b.links = new java.util.TreeMap<>(links);
    b.volumesFrom = volumesFrom == null ? null : new java.util.ArrayList<>(volumesFrom);
    b.metadata = metadata;
    b.profiles = profiles == null ? null : new java.util.ArrayList<>(profiles);
    b.kubernetes = kubernetes;
    b.lifecycle = lifecycle;
    b.unmodelledKeys = unmodelledKeys == null ? null : new java.util.ArrayList<>(unmodelledKeys);
    return b;
  }

  /** Mutable builder for {@link ServiceConfig}, for the loader and for tests. */
  public static final class Builder {
    private String name = null;
    private ImageConfig image = ImageConfig.NONE;
    private ProcessConfig process = ProcessConfig.NONE;
    private List<EnvVar> environment = new java.util.ArrayList<>();
    private List<ServicePortConfig> ports = new java.util.ArrayList<>();
    private List<ServicePortConfig> expose = new java.util.ArrayList<>();
    private List<ServiceVolumeConfig> volumes = new java.util.ArrayList<>();
    private List<ServiceFileRef> secrets = new java.util.ArrayList<>();
    private List<ServiceFileRef> configs = new java.util.ArrayList<>();
    private HealthCheckConfig healthcheck = null;
    private boolean healthcheckDisabled = false;
    private SortedMap<String, ServiceDependency> dependsOn = new java.util.TreeMap<>();
    private RestartPolicy restart = null;
    private Integer replicas = null;
    private ResourcesConfig resources = null;
    private DeployConfig deploy = null;
    private List<DeviceRequest> deviceRequests = new java.util.ArrayList<>();
    private SecurityConfig security = SecurityConfig.NONE;
    private NamespacesConfig namespaces = NamespacesConfig.NONE;
    private StopConfig stop = StopConfig.NONE;
    private DnsConfig dns = DnsConfig.NONE;
    private ByteSize shmSize = null;
    private SortedMap<String, ServiceNetworkConfig> networks = new java.util.TreeMap<>();
    private SortedMap<String, String> links = new java.util.TreeMap<>();
    private List<String> volumesFrom = new java.util.ArrayList<>();
    private MetadataConfig metadata = MetadataConfig.NONE;
    private List<String> profiles = new java.util.ArrayList<>();
    private ServiceKubernetesConfig kubernetes = null;
    private LifecycleConfig lifecycle = null;
    private List<String> unmodelledKeys = new java.util.ArrayList<>();

    private Builder() {}

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder image(ImageConfig value) {
      this.image = value;
      return this;
    }

    /** Changes {@code image}: {@code edit} gets its current value. */
    public Builder image(UnaryOperator<ImageConfig> edit) {
      this.image = edit.apply(image);
      return this;
    }

    public Builder process(ProcessConfig value) {
      this.process = value;
      return this;
    }

    /** Changes {@code process}: {@code edit} gets a builder holding its current values. */
    public Builder process(UnaryOperator<ProcessConfig.Builder> edit) {
      this.process = edit.apply(process.toBuilder()).build();
      return this;
    }

    public Builder environment(List<EnvVar> value) {
      this.environment = value;
      return this;
    }

    public Builder ports(List<ServicePortConfig> value) {
      this.ports = value;
      return this;
    }

    public Builder expose(List<ServicePortConfig> value) {
      this.expose = value;
      return this;
    }

    public Builder volumes(List<ServiceVolumeConfig> value) {
      this.volumes = value;
      return this;
    }

    public Builder secrets(List<ServiceFileRef> value) {
      this.secrets = value;
      return this;
    }

    public Builder configs(List<ServiceFileRef> value) {
      this.configs = value;
      return this;
    }

    public Builder healthcheck(HealthCheckConfig value) {
      this.healthcheck = value;
      return this;
    }

    public Builder healthcheckDisabled(boolean value) {
      this.healthcheckDisabled = value;
      return this;
    }

    public Builder dependsOn(SortedMap<String, ServiceDependency> value) {
      this.dependsOn = value;
      return this;
    }

    public Builder restart(RestartPolicy value) {
      this.restart = value;
      return this;
    }

    public Builder replicas(Integer value) {
      this.replicas = value;
      return this;
    }

    public Builder resources(ResourcesConfig value) {
      this.resources = value;
      return this;
    }

    public Builder deploy(DeployConfig value) {
      this.deploy = value;
      return this;
    }

    public Builder deviceRequests(List<DeviceRequest> value) {
      this.deviceRequests = value;
      return this;
    }

    public Builder security(SecurityConfig value) {
      this.security = value;
      return this;
    }

    /** Changes {@code security}: {@code edit} gets a builder holding its current values. */
    public Builder security(UnaryOperator<SecurityConfig.Builder> edit) {
      this.security = edit.apply(security.toBuilder()).build();
      return this;
    }

    public Builder namespaces(NamespacesConfig value) {
      this.namespaces = value;
      return this;
    }

    /** Changes {@code namespaces}: {@code edit} gets a builder holding its current values. */
    public Builder namespaces(UnaryOperator<NamespacesConfig.Builder> edit) {
      this.namespaces = edit.apply(namespaces.toBuilder()).build();
      return this;
    }

    public Builder stop(StopConfig value) {
      this.stop = value;
      return this;
    }

    /** Changes {@code stop}: {@code edit} gets its current value. */
    public Builder stop(UnaryOperator<StopConfig> edit) {
      this.stop = edit.apply(stop);
      return this;
    }

    public Builder dns(DnsConfig value) {
      this.dns = value;
      return this;
    }

    /** Changes {@code dns}: {@code edit} gets a builder holding its current values. */
    public Builder dns(UnaryOperator<DnsConfig.Builder> edit) {
      this.dns = edit.apply(dns.toBuilder()).build();
      return this;
    }

    public Builder shmSize(ByteSize value) {
      this.shmSize = value;
      return this;
    }

    public Builder networks(SortedMap<String, ServiceNetworkConfig> value) {
      this.networks = value;
      return this;
    }

    public Builder links(SortedMap<String, String> value) {
      this.links = value;
      return this;
    }

    public Builder volumesFrom(List<String> value) {
      this.volumesFrom = value;
      return this;
    }

    public Builder metadata(MetadataConfig value) {
      this.metadata = value;
      return this;
    }

    /** Changes {@code metadata}: {@code edit} gets its current value. */
    public Builder metadata(UnaryOperator<MetadataConfig> edit) {
      this.metadata = edit.apply(metadata);
      return this;
    }

    public Builder profiles(List<String> value) {
      this.profiles = value;
      return this;
    }

    public Builder kubernetes(ServiceKubernetesConfig value) {
      this.kubernetes = value;
      return this;
    }

    public Builder lifecycle(LifecycleConfig value) {
      this.lifecycle = value;
      return this;
    }

    public Builder unmodelledKeys(List<String> value) {
      this.unmodelledKeys = value;
      return this;
    }

    public ServiceConfig build() {
      return new ServiceConfig(
          name,
          image,
          process,
          environment,
          ports,
          expose,
          volumes,
          secrets,
          configs,
          healthcheck,
          healthcheckDisabled,
          dependsOn,
          restart,
          replicas,
          resources,
          deploy,
          deviceRequests,
          security,
          namespaces,
          stop,
          dns,
          shmSize,
          networks,
          links,
          volumesFrom,
          metadata,
          profiles,
          kubernetes,
          lifecycle,
          unmodelledKeys);
    }
  }
}
