package io.composeoperator.translate;

import io.composeoperator.compose.model.ExtraHost;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.HostAliasBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigOptionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A service's workload: a Deployment for a long-running service, a Job for a service that runs once
 * (ARCHITECTURE.md, "depends_on and run-once services"), with its pod template: labels, annotations
 * from Compose labels, init containers, the main container, volumes, securityContext, DNS, host
 * aliases, node selector and the namespaces the profile allows.
 *
 * <p>Choices: {@code restart: "no"} → Job with restartPolicy Never and backoffLimit 0; {@code
 * on-failure:N} → OnFailure with backoffLimit N, and {@code on-failure} without a maximum →
 * backoffLimit {@value #UNLIMITED_ON_FAILURE_BACKOFF} (Kubernetes' default, warned: Docker would
 * retry forever). A Job runs {@code replicas} pods to completion (completions = parallelism =
 * replicas); {@code replicas: 0} creates the Job suspended. {@code init: true} → {@code
 * shareProcessNamespace: true}: the pod's pause process becomes PID 1 and reaps zombies, as
 * Docker's tini does.
 */
final class Workloads {
  /** backoffLimit of {@code on-failure} without a maximum (Kubernetes' default). */
  static final int UNLIMITED_ON_FAILURE_BACKOFF = 6;

  /** The most nameservers a pod's dnsConfig may list. */
  static final int MAX_NAMESERVERS = 3;

  /** Compose's default {@code stop_grace_period}. */
  static final long DEFAULT_GRACE_SECONDS = 10;

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "(([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private Workloads() {}

  /**
   * What one service becomes.
   *
   * @param workload the Deployment or Job
   * @param filesConfigMap the service's {@code <service>-files} ConfigMap, or null
   * @param image the image it runs
   * @param mounted the ConfigMaps its pod mounts, whose content the pod template's hash covers
   */
  record ServiceObjects(
      HasMetadata workload, ConfigMap filesConfigMap, String image, List<ConfigMap> mounted) {}

  /** The pod template of a workload this class makes (Deployment, DaemonSet, Job); else null. */
  static PodTemplateSpec templateOf(HasMetadata object) {
    if (object instanceof Deployment deployment) {
      return deployment.getSpec().getTemplate();
    }
    if (object instanceof DaemonSet daemonSet) {
      return daemonSet.getSpec().getTemplate();
    }
    if (object instanceof Job job) {
      return job.getSpec().getTemplate();
    }
    return null;
  }

  /**
   * Translates one service.
   *
   * @param runsOnce true for a Job
   * @param affinityPeers object names of the services whose pods must share a node with this one
   *     (itself included), empty for none
   * @param projectConfigMaps the project's config ConfigMaps by name, for the content hash
   */
  static ServiceObjects forService(
      ServiceContext ctx,
      boolean runsOnce,
      SortedSet<String> affinityPeers,
      Map<String, ConfigMap> projectConfigMaps) {
    ServiceConfig service = ctx.service();
    SecurityProfiles.check(ctx);
    String image = Containers.image(ctx);
    SecurityContexts.UserIds ids = SecurityContexts.userIds(ctx);
    SecurityContext containerSecurity = SecurityContexts.container(ctx, ids);
    PodVolumes.PodStorage storage = PodVolumes.forService(ctx);

    List<Container> initContainers = new ArrayList<>(InitContainers.waitContainers(ctx));
    boolean waits = !initContainers.isEmpty();
    initContainers.addAll(
        InitContainers.seedContainers(ctx, image, storage.seeds(), containerSecurity));
    Set<String> containerNames = new java.util.HashSet<>(Set.of(ctx.objectName()));
    initContainers.forEach(c -> containerNames.add(c.getName()));
    initContainers.addAll(
        Lifecycles.preStartContainers(ctx, image, storage.mounts(), containerNames));
    Container main = Containers.main(ctx, image, containerSecurity, storage.mounts());

    List<Volume> volumes = new ArrayList<>();
    if (waits) {
      volumes.add(InitContainers.waitTokenVolume());
    }
    volumes.addAll(storage.volumes());

    PodSpecBuilder pod =
        new PodSpecBuilder()
            .withAutomountServiceAccountToken(false)
            .withServiceAccountName(waits ? Names.waitServiceAccount(ctx.project()) : null)
            // every pod: no <SERVICE>_PORT variables, which Compose never sets
            .withEnableServiceLinks(false)
            .withTerminationGracePeriodSeconds(graceSeconds(service))
            .withRestartPolicy(runsOnce ? jobRestartPolicy(service) : null)
            .withImagePullSecrets(
                ctx.options().imagePullSecrets().stream()
                    .map(name -> new LocalObjectReferenceBuilder().withName(name).build())
                    .toList())
            .withSecurityContext(SecurityContexts.pod(ctx, ids))
            .withInitContainers(initContainers)
            .withContainers(main)
            .withVolumes(volumes);
    hostAndDns(ctx, pod);
    namespaces(ctx, pod);
    platform(ctx, pod);
    if (service.process().init()
        || service.namespaces().pid() != null
            && service.namespaces().pid().startsWith("service:")) {
      if ("host".equals(service.namespaces().pid())) {
        // the API server refuses shareProcessNamespace together with hostPID
        ctx.warn(
            "init",
            "init: true is not needed with pid: host (the host's init reaps orphaned processes),"
                + " and Kubernetes cannot combine it with hostPID; ignored");
      } else {
        // init: true → the pause container is PID 1 and reaps zombies, as tini would;
        // pid: service:x → the containers of the pod (PodGroups) see each other's processes
        pod.withShareProcessNamespace(true);
      }
    }
    Affinity claimAffinity = null;
    if (!affinityPeers.isEmpty()) {
      claimAffinity = affinity(ctx, affinityPeers);
    } else if (service.replicas() != null
        && service.replicas() > 1
        && !storage.readWriteOnceClaims().isEmpty()) {
      // replicas of a service on a ReadWriteOnce claim must share the claim's node too
      claimAffinity =
          affinity(ctx, new java.util.TreeSet<>(List.of(ctx.podService(service.name()))));
    }
    pod.withAffinity(Scheduling.affinity(ctx, claimAffinity));
    pod.withTopologySpreadConstraints(Scheduling.spread(ctx));
    PodSpec podSpec = pod.build();

    List<ConfigMap> mounted = new ArrayList<>();
    for (String name : storage.configMaps()) {
      if (storage.filesConfigMap() != null
          && storage.filesConfigMap().getMetadata().getName().equals(name)) {
        mounted.add(storage.filesConfigMap());
      } else if (projectConfigMaps.containsKey(name)) {
        mounted.add(projectConfigMaps.get(name));
      }
    }
    SortedMap<String, String> annotations = annotations(ctx);
    SortedMap<String, String> podAnnotations = new TreeMap<>(annotations);
    String hash = ContentHash.of(mounted);
    if (hash != null) {
      podAnnotations.put(Labels.CONFIG_HASH, hash);
    }
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withLabels(Labels.forService(ctx.project(), ctx.objectName()))
            .withAnnotations(podAnnotations)
            .endMetadata()
            .withSpec(podSpec)
            .build();

    boolean daemon = !runsOnce && service.deploy().global();
    if (daemon && !storage.readWriteOnceClaims().isEmpty()) {
      ctx.warn(
          "deploy.mode",
          "a global service runs a pod on every node, but a ReadWriteOnce claim can be mounted on"
              + " one node only: pods on other nodes will not start (give the volume"
              + " x-kubernetes.accessModes: [ReadWriteMany])");
    }
    HasMetadata workload =
        runsOnce
            ? job(ctx, template, annotations)
            : daemon
                ? daemonSet(ctx, template, annotations)
                : deployment(ctx, template, annotations, !storage.readWriteOnceClaims().isEmpty());
    return new ServiceObjects(workload, storage.filesConfigMap(), image, mounted);
  }

  private static HasMetadata deployment(
      ServiceContext ctx,
      PodTemplateSpec template,
      SortedMap<String, String> annotations,
      boolean singleNodeClaim) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(ctx.objectName())
        .withLabels(Labels.forService(ctx.project(), ctx.objectName()))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        // left out when the file sets neither deploy.replicas nor scale, so an HPA may own it
        .withReplicas(ctx.service().replicas())
        .withNewSelector()
        .withMatchLabels(Labels.selector(ctx.project(), ctx.objectName()))
        .endSelector()
        .withStrategy(Scheduling.deploymentStrategy(ctx, singleNodeClaim))
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /**
   * {@code deploy.mode: global} → a DaemonSet: one pod on every node the placement allows; {@code
   * replicas} do not apply (warned).
   */
  private static HasMetadata daemonSet(
      ServiceContext ctx, PodTemplateSpec template, SortedMap<String, String> annotations) {
    if (ctx.service().replicas() != null) {
      ctx.warn(
          "deploy.replicas",
          "a global service runs one pod on every node; replicas "
              + ctx.service().replicas()
              + " is ignored");
    }
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withName(ctx.objectName())
        .withLabels(Labels.forService(ctx.project(), ctx.objectName()))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Labels.selector(ctx.project(), ctx.objectName()))
        .endSelector()
        .withUpdateStrategy(Scheduling.daemonSetStrategy(ctx))
        .withTemplate(template)
        .endSpec()
        .build();
  }

  private static HasMetadata job(
      ServiceContext ctx, PodTemplateSpec template, SortedMap<String, String> annotations) {
    ServiceConfig service = ctx.service();
    RestartPolicy restart = service.restart();
    int backoffLimit = 0;
    if (restart != null && restart.kind() == RestartPolicy.Kind.ON_FAILURE) {
      if (restart.maxAttempts() == null) {
        backoffLimit = UNLIMITED_ON_FAILURE_BACKOFF;
        ctx.warn(
            "restart",
            "on-failure without a maximum retries forever on Docker; the Job gives up after "
                + UNLIMITED_ON_FAILURE_BACKOFF
                + " retries (give on-failure:N to choose)");
      } else {
        backoffLimit = restart.maxAttempts();
      }
    }
    if (service.deploy().global()) {
      ctx.warn(
          "deploy.mode",
          "deploy.mode "
              + service.deploy().mode()
              + " runs a task on every node, and Kubernetes has no Job per node: one Job runs the"
              + " service once");
    }
    Integer replicas = service.replicas();
    Integer runs = replicas != null && replicas > 1 ? replicas : null;
    boolean suspend = replicas != null && replicas == 0;
    if (suspend) {
      ctx.warn("deploy.replicas", "replicas 0: the Job is created suspended and does not run");
    }
    return new JobBuilder()
        .withNewMetadata()
        .withName(ctx.objectName())
        .withLabels(Labels.forService(ctx.project(), ctx.objectName()))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(backoffLimit)
        .withCompletions(runs)
        .withParallelism(runs)
        .withSuspend(suspend ? true : null)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /** {@code restart: "no"} → Never; {@code on-failure} → OnFailure. */
  static String jobRestartPolicy(ServiceConfig service) {
    RestartPolicy restart = service.restart();
    return restart != null && restart.kind() == RestartPolicy.Kind.ON_FAILURE
        ? "OnFailure"
        : "Never";
  }

  /** {@code stop_grace_period} → terminationGracePeriodSeconds, rounded up; Compose's 10s. */
  static long graceSeconds(ServiceConfig service) {
    if (service.stop().gracePeriod() == null) {
      return DEFAULT_GRACE_SECONDS;
    }
    return service.stop().gracePeriod().getSeconds()
        + (service.stop().gracePeriod().getNano() > 0 ? 1 : 0);
  }

  /** {@code labels}, {@code deploy.labels}, {@code annotations} → annotations (later wins). */
  static SortedMap<String, String> annotations(ServiceContext ctx) {
    ServiceConfig service = ctx.service();
    SortedMap<String, String> annotations = new TreeMap<>();
    Map<String, String> all = new LinkedHashMap<>(service.metadata().labels());
    all.putAll(service.metadata().deployLabels());
    all.putAll(service.metadata().annotations());
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (isQualifiedName(e.getKey())) {
        annotations.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
      } else {
        ctx.warn(
            "labels",
            "\""
                + e.getKey()
                + "\" is not a valid Kubernetes annotation key; the label is dropped");
      }
    }
    return annotations;
  }

  static boolean isQualifiedName(String key) {
    if (!QUALIFIED_NAME.matcher(key).matches()) {
      return false;
    }
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    return name.length() <= 63 && (slash < 0 || slash <= 253);
  }

  private static void hostAndDns(ServiceContext ctx, PodSpecBuilder pod) {
    ServiceConfig service = ctx.service();
    if (service.dns().hostname() != null) {
      String host = service.dns().hostname();
      String first = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
      if (Names.isDns1123Label(first)) {
        pod.withHostname(first);
        if (!first.equals(host)) {
          ctx.warn(
              "hostname",
              "only the first label \"" + first + "\" of " + host + " can be the pod's hostname");
        }
      } else {
        ctx.warn("hostname", "\"" + host + "\" is not a valid pod hostname; ignored");
      }
    }
    if (service.dns().domainname() != null) {
      ctx.warn(
          "domainname",
          "domainname has no Kubernetes equivalent (a pod's subdomain must be a Service name);"
              + " ignored");
    }
    Map<String, List<String>> byIp = new LinkedHashMap<>();
    for (ExtraHost host : service.dns().extraHosts()) {
      if ("host-gateway".equals(host.ip())) {
        ctx.warn(
            "extra_hosts",
            host.host()
                + ":host-gateway has no Kubernetes equivalent (there is no host gateway"
                + " address); ignored");
        continue;
      }
      byIp.computeIfAbsent(host.ip(), k -> new ArrayList<>()).add(host.host());
    }
    List<HostAlias> aliases = new ArrayList<>();
    byIp.forEach(
        (ip, hosts) -> aliases.add(new HostAliasBuilder().withIp(ip).withHostnames(hosts).build()));
    pod.withHostAliases(aliases);
    if (!service.dns().dns().isEmpty()
        || !service.dns().dnsSearch().isEmpty()
        || !service.dns().dnsOpt().isEmpty()) {
      // dns, dns_search, dns_opt → dnsConfig on top of the cluster's resolver (default policy),
      // so that service names keep resolving
      List<String> nameservers = service.dns().dns();
      if (nameservers.size() > MAX_NAMESERVERS) {
        // the resolver reads at most three; Kubernetes refuses more
        ctx.warn(
            "dns",
            "only the first "
                + MAX_NAMESERVERS
                + " DNS servers are used (a resolver reads no more); the others are dropped");
        nameservers = nameservers.subList(0, MAX_NAMESERVERS);
      }
      PodDNSConfigBuilder dns =
          new PodDNSConfigBuilder()
              .withNameservers(nameservers)
              .withSearches(service.dns().dnsSearch());
      for (String opt : service.dns().dnsOpt()) {
        int colon = opt.indexOf(':');
        dns.addToOptions(
            colon < 0
                ? new PodDNSConfigOptionBuilder().withName(opt).build()
                : new PodDNSConfigOptionBuilder()
                    .withName(opt.substring(0, colon))
                    .withValue(opt.substring(colon + 1))
                    .build());
      }
      PodDNSConfig config = dns.build();
      pod.withDnsConfig(config);
    }
    if (service.process().workingDir() != null && !service.process().workingDir().startsWith("/")) {
      ctx.warn("working_dir", "a relative working_dir is resolved by the runtime");
    }
  }

  private static void namespaces(ServiceContext ctx, PodSpecBuilder pod) {
    ServiceConfig service = ctx.service();
    String networkMode = service.namespaces().networkMode();
    if (networkMode != null) {
      if (networkMode.equals("host")) {
        pod.withHostNetwork(true).withDnsPolicy("ClusterFirstWithHostNet");
      } else if (networkMode.equals("none")) {
        ctx.warn(
            "network_mode",
            "network_mode none cannot remove the pod's network interface; a NetworkPolicy admits no"
                + " incoming traffic, but the pod can still connect out");
      } else if (networkMode.startsWith("container:")) {
        throw ctx.error("network_mode", containerError(networkMode));
      } else if (networkMode.startsWith("service:")) {
        // one pod with the service (PodGroups): its containers share the network namespace
      } else if (!networkMode.equals("bridge") && !networkMode.equals("default")) {
        ctx.warn("network_mode", "network_mode " + networkMode + " is not mapped; ignored");
      }
    }
    if (service.namespaces().pid() != null) {
      if (service.namespaces().pid().equals("host")) {
        pod.withHostPID(true);
      } else if (service.namespaces().pid().startsWith("container:")) {
        throw ctx.error("pid", containerError(service.namespaces().pid()));
      } else if (!service.namespaces().pid().startsWith("service:")) {
        ctx.warn("pid", "pid " + service.namespaces().pid() + " is not mapped; ignored");
      }
    }
    if (service.namespaces().ipc() != null) {
      String ipc = service.namespaces().ipc();
      if (ipc.equals("host")) {
        pod.withHostIPC(true);
      } else if (ipc.startsWith("container:")) {
        throw ctx.error("ipc", containerError(ipc));
      } else if (!ipc.startsWith("service:")
          && !ipc.equals("private")
          && !ipc.equals("shareable")) {
        ctx.warn("ipc", "ipc " + ipc + " is not mapped; the pod's own IPC namespace is used");
      }
    }
    if (service.namespaces().uts() != null && !service.namespaces().uts().startsWith("service:")) {
      // uts: service:x runs the service in x's pod, whose containers share one (PodGroups)
      ctx.warn(
          "uts",
          "uts "
              + service.namespaces().uts()
              + " has no Kubernetes equivalent (hostNetwork implies it); ignored");
    }
    if (service.namespaces().userns() != null && !service.namespaces().userns().equals("host")) {
      ctx.warn(
          "userns_mode",
          "userns_mode " + service.namespaces().userns() + " is not mapped; ignored");
    }
    if (service.namespaces().cgroup() != null && !service.namespaces().cgroup().equals("private")) {
      ctx.warn("cgroup", "cgroup " + service.namespaces().cgroup() + " is not mapped; ignored");
    }
  }

  private static String containerError(String mode) {
    return mode
        + ": a container outside the project cannot share its namespaces with a pod; use"
        + " service:<name> to share those of a service of this file (it then runs in that"
        + " service's pod)";
  }

  /** {@code platform: linux/amd64} → nodeSelector kubernetes.io/os and kubernetes.io/arch. */
  private static void platform(ServiceContext ctx, PodSpecBuilder pod) {
    String platform = ctx.service().image().platform();
    if (platform == null) {
      return;
    }
    String[] parts = platform.toLowerCase(Locale.ROOT).split("/");
    SortedMap<String, String> selector = new TreeMap<>();
    if (!parts[0].isEmpty()) {
      selector.put("kubernetes.io/os", parts[0]);
    }
    if (parts.length > 1 && !parts[1].isEmpty()) {
      selector.put("kubernetes.io/arch", parts[1]);
    }
    if (parts.length > 2) {
      ctx.warn(
          "platform",
          "the variant " + parts[2] + " cannot be selected; only os and architecture are used");
    }
    pod.withNodeSelector(selector);
  }

  /**
   * Pods sharing a ReadWriteOnce claim must run on one node: required pod affinity to the pods of
   * every service that shares it (itself included, so the first pod can go anywhere).
   */
  static Affinity affinity(ServiceContext ctx, SortedSet<String> peers) {
    return new AffinityBuilder()
        .withNewPodAffinity()
        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withNewLabelSelector()
        .addToMatchLabels(Labels.PROJECT, ctx.project())
        .addNewMatchExpression()
        .withKey(Labels.SERVICE)
        .withOperator("In")
        .withValues(new ArrayList<>(peers))
        .endMatchExpression()
        .endLabelSelector()
        .withTopologyKey("kubernetes.io/hostname")
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endPodAffinity()
        .build();
  }
}
