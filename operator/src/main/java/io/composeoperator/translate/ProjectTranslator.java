package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Translates a loaded Compose project into the desired objects: a pure, deterministic function of
 * the model and the options (ARCHITECTURE.md, "Stages"). Loops over services in name order, calls
 * one class per concern, checks object-name collisions per kind, and sorts the objects by the fixed
 * kind order, then by name.
 */
public final class ProjectTranslator {
  /** The order of kinds in a translation: the {@code kind} names of {@link Kinds#OWNED}. */
  static final List<String> KIND_ORDER = Kinds.OWNED.stream().map(HasMetadata::getKind).toList();

  private ProjectTranslator() {}

  /**
   * Translates the model.
   *
   * @throws ComposeException when the project cannot be deployed
   */
  public static Translation translate(LoadResult loaded, ProjectOptions options) {
    return translate(loaded, options, PARALLEL_FROM);
  }

  /**
   * Translates the model, its services in parallel when there are at least {@code parallelFrom} of
   * them (tests compare both ways).
   */
  static Translation translate(LoadResult loaded, ProjectOptions options, int parallelFrom) {
    ComposeModel model = loaded.model();
    Warnings warnings = new Warnings();
    warnings.addAll(loaded.warnings());
    String file = model.sourceFile();
    UnsupportedKeys.warnAbout(model, warnings);
    PodGroups groups = PodGroups.of(model);

    Map<String, String> serviceNames = new TreeMap<>();
    for (String name : model.services().keySet()) {
      String objectName = Names.serviceName(file, "services." + name, name);
      if (!objectName.equals(name)) {
        warnings.add(
            "services." + name,
            "service "
                + name
                + " is named "
                + objectName
                + " on Kubernetes"
                + (objectName.startsWith(Names.SERVICE_PREFIX)
                        && !Names.sanitize(name).startsWith(Names.SERVICE_PREFIX)
                    ? " (a Service name must start with a letter): other services reach it as "
                        + objectName
                    : ""));
      }
      serviceNames.put(name, objectName);
    }
    Map<String, String> podServices = groups.podServices(serviceNames);
    model = groups.prepare(model, serviceNames, warnings);
    SortedSet<String> jobs = runOnceServices(model);
    model = withDefaultReplicas(model, jobs, options.defaultReplicas());
    checkGroupsRunAlike(model, groups, jobs);
    warnRenamedObjects(model, warnings);

    List<HasMetadata> objects = new ArrayList<>();
    List<ConfigMap> configMaps = ConfigMaps.forConfigs(model, options);
    objects.addAll(configMaps);
    Map<String, ConfigMap> configMapsByName = new HashMap<>();
    configMaps.forEach(c -> configMapsByName.put(c.getMetadata().getName(), c));
    objects.addAll(Claims.claims(model, options, warnings));
    SortedMap<String, SortedSet<String>> sharing =
        Claims.sharedSingleNodeClaims(model, options, warnings);

    SortedSet<String> requiredSecrets = Collections.synchronizedSortedSet(new TreeSet<>());
    List<HasMetadata> services = new ArrayList<>();
    Map<String, ServiceContext> contexts = new TreeMap<>();
    Map<String, Workloads.ServiceObjects> results = new TreeMap<>();
    // Each service translates on its own (the pure part of a render that grows with the project),
    // so a big project's services are translated on every core; the outcomes are then taken in
    // service order, so the objects, and the first error, are the same as one at a time.
    ComposeModel prepared = model;
    BindMounts.Index bindMounts = BindMounts.Index.of(model);
    Stream<ServiceConfig> each = List.copyOf(model.services().values()).stream();
    List<ServiceOutcome> outcomes =
        (model.services().size() >= parallelFrom ? each.parallel() : each)
            .map(
                service -> {
                  try {
                    return translateService(
                        service,
                        prepared,
                        options,
                        warnings,
                        requiredSecrets,
                        serviceNames,
                        podServices,
                        jobs,
                        sharing,
                        configMapsByName,
                        bindMounts);
                  } catch (RuntimeException e) {
                    return new ServiceOutcome(null, null, List.of(), e);
                  }
                })
            .toList();
    for (ServiceOutcome outcome : outcomes) {
      if (outcome.failure() != null) {
        throw outcome.failure();
      }
      String name = outcome.ctx().service().name();
      if (outcome.result().filesConfigMap() != null) {
        objects.add(outcome.result().filesConfigMap());
      }
      contexts.put(name, outcome.ctx());
      results.put(name, outcome.result());
      services.addAll(outcome.services());
    }
    List<Translation.ServiceSummary> summaries = new ArrayList<>();
    Map<String, Workloads.ServiceObjects> pods = new TreeMap<>();
    for (ServiceConfig service : model.services().values()) {
      if (groups.isGuest(service.name())) {
        continue;
      }
      List<PodGroups.Guest> guests = new ArrayList<>();
      for (String guest : groups.guestsOf(service.name())) {
        guests.add(new PodGroups.Guest(contexts.get(guest), results.get(guest)));
      }
      Workloads.ServiceObjects pod =
          guests.isEmpty()
              ? results.get(service.name())
              : PodGroups.merge(contexts.get(service.name()), results.get(service.name()), guests);
      pods.put(service.name(), pod);
      objects.add(pod.workload());
    }
    objects.addAll(services);
    for (ServiceConfig service : model.services().values()) {
      // a guest is reported under its own name, with the workload of the pod it runs in
      HasMetadata workload = pods.get(groups.hostOf(service.name())).workload();
      summaries.add(
          new Translation.ServiceSummary(
              service.name(),
              workload.getKind(),
              workload.getMetadata().getName(),
              results.get(service.name()).image(),
              workload.getKind().equals("DaemonSet")
                  ? null
                  : model.services().get(groups.hostOf(service.name())).replicas(),
              serviceNames.get(service.name())));
    }

    objects.addAll(NetworkPolicies.policiesFor(model, serviceNames, options, warnings));
    objects.addAll(WaitAccess.objectsFor(model, options));
    PodGroups.retarget(objects, serviceNames, podServices);
    Provenance.annotate(objects, model, serviceNames, groups);

    if (options.namespace() != null) {
      objects.forEach(o -> o.getMetadata().setNamespace(options.namespace()));
    }
    checkCollisions(file, objects);
    objects.sort(
        Comparator.comparingInt((HasMetadata o) -> kindRank(o.getKind()))
            .thenComparing(o -> o.getMetadata().getName()));
    return new Translation(objects, warnings.toList(), summaries, requiredSecrets);
  }

  /** From this many services on, they are translated in parallel (below, threads cost more). */
  static final int PARALLEL_FROM = 32;

  /** One service's translation, or why it failed. */
  private record ServiceOutcome(
      ServiceContext ctx,
      Workloads.ServiceObjects result,
      List<HasMetadata> services,
      RuntimeException failure) {}

  /** The objects of one service: its workload's parts, its Services, Ingress and HTTPRoute. */
  private static ServiceOutcome translateService(
      ServiceConfig service,
      ComposeModel model,
      ProjectOptions options,
      Warnings warnings,
      Set<String> requiredSecrets,
      Map<String, String> serviceNames,
      Map<String, String> podServices,
      SortedSet<String> jobs,
      SortedMap<String, SortedSet<String>> sharing,
      Map<String, ConfigMap> configMapsByName,
      BindMounts.Index bindMounts) {
    String objectName = serviceNames.get(service.name());
    ServiceContext ctx =
        new ServiceContext(
            model,
            service,
            objectName,
            serviceNames,
            options,
            warnings,
            requiredSecrets,
            podServices,
            bindMounts);
    SortedSet<String> peers = new TreeSet<>();
    SortedSet<String> sharers = sharing.get(service.name());
    if (sharers != null) {
      sharers.forEach(s -> peers.add(podServices.get(s)));
    }
    boolean runsOnce = jobs.contains(service.name());
    Workloads.ServiceObjects result = Workloads.forService(ctx, runsOnce, peers, configMapsByName);
    List<HasMetadata> services =
        new ArrayList<>(Networking.servicesFor(service, objectName, model, options, warnings));
    Ingress ingress = Ingresses.forService(service, objectName, model, options, warnings);
    if (ingress != null) {
      services.add(ingress);
    }
    HTTPRoute route = HttpRoutes.forService(service, objectName, model, options, warnings);
    if (route != null) {
      services.add(route);
    }
    return new ServiceOutcome(ctx, result, services, null);
  }

  /**
   * The services that become Jobs: those that run once ({@code restart: "no"} / {@code on-failure}
   * set explicitly) and those another service waits on with {@code service_completed_successfully}
   * (which must be able to run once).
   */
  static SortedSet<String> runOnceServices(ComposeModel model) {
    SortedSet<String> jobs = new TreeSet<>();
    for (ServiceConfig service : model.services().values()) {
      if (service.restart() != null && service.restart().runsOnce() || service.deploy().job()) {
        // deploy.mode replicated-job / global-job: tasks that run to completion
        jobs.add(service.name());
      }
    }
    for (ServiceConfig service : model.services().values()) {
      for (Map.Entry<String, ServiceDependency> dep : service.dependsOn().entrySet()) {
        if (dep.getValue().condition()
            != ServiceDependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
          continue;
        }
        // the loader has checked that every dependency is an enabled service
        ServiceConfig target = model.services().get(dep.getKey());
        RestartPolicy restart = target.restart();
        if (restart != null && !restart.runsOnce()) {
          throw new ComposeException(
              model.sourceFile(),
              "services." + service.name() + ".depends_on." + dep.getKey(),
              "service "
                  + service.name()
                  + " waits for service "
                  + dep.getKey()
                  + " to complete successfully, but "
                  + dep.getKey()
                  + " restarts ("
                  + (restart.source() == null ? "restart" : restart.source())
                  + " is "
                  + restart.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                  + "), so it never completes");
        }
        jobs.add(dep.getKey());
      }
    }
    return jobs;
  }

  /**
   * {@code spec.defaultReplicas} ({@code --replicas}): the replica count of every long-running
   * service whose file sets none ({@code deploy.replicas}, {@code scale}). A count the file sets is
   * kept, as a deliberate choice for that service (a database at 1); run-once services (Jobs) are
   * not multiplied. Applied to the model, so the workload, its placement on a ReadWriteOnce claim
   * and the status all see the same count.
   */
  static ComposeModel withDefaultReplicas(
      ComposeModel model, SortedSet<String> jobs, Integer replicas) {
    if (replicas == null) {
      return model;
    }
    Map<String, ServiceConfig> services = new TreeMap<>();
    for (ServiceConfig service : model.services().values()) {
      boolean unset =
          service.replicas() == null
              && !jobs.contains(service.name())
              && !service.deploy().global(); // a DaemonSet runs one pod per node
      services.put(
          service.name(), unset ? service.toBuilder().replicas(replicas).build() : service);
    }
    return model.withServices(services);
  }

  /**
   * The services of one pod must all run once (one Job) or all keep running (one Deployment): a pod
   * cannot be both.
   */
  static void checkGroupsRunAlike(ComposeModel model, PodGroups groups, SortedSet<String> jobs) {
    for (ServiceConfig service : model.services().values()) {
      String host = groups.hostOf(service.name());
      if (service.deploy().global() != model.services().get(host).deploy().global()) {
        throw new ComposeException(
            model.sourceFile(),
            "services." + service.name() + ".deploy.mode",
            service.name()
                + " shares a namespace with "
                + host
                + ", so both run in one pod, but only one of them is global; give both the same"
                + " deploy.mode");
      }
      if (jobs.contains(service.name()) != jobs.contains(host)) {
        String key = PodGroups.targets(service).keySet().stream().findFirst().orElse("restart");
        throw new ComposeException(
            model.sourceFile(),
            "services." + service.name() + "." + key,
            service.name()
                + " shares a namespace with "
                + host
                + ", so both run in one pod, but "
                + (jobs.contains(service.name()) ? service.name() : host)
                + " runs once and "
                + (jobs.contains(service.name()) ? host : service.name())
                + " keeps running; give both the same restart policy");
      }
    }
  }

  /**
   * Warns when a volume, config or secret that a service uses gets a different name on Kubernetes
   * (the user creates Secrets and external claims and ConfigMaps under that name).
   */
  static void warnRenamedObjects(ComposeModel model, Warnings warnings) {
    for (String key : Claims.usedVolumes(model).keySet()) {
      String name = model.volumes().get(key).nameOrKey();
      String claim = Claims.claimName(model, key);
      if (!claim.equals(name)) {
        warnings.add(
            "volumes." + key,
            "volume " + name + " is the PersistentVolumeClaim " + claim + " on Kubernetes");
      }
    }
    SortedSet<String> configs = new TreeSet<>();
    SortedSet<String> secrets = new TreeSet<>();
    for (ServiceConfig service : model.services().values()) {
      service.configs().forEach(c -> configs.add(c.source()));
      service.secrets().forEach(c -> secrets.add(c.source()));
    }
    for (String key : configs) {
      String name = model.configs().get(key).nameOrKey();
      String configMap = ConfigMaps.configMapName(model, key);
      if (!configMap.equals(name)) {
        warnings.add(
            "configs." + key,
            "config " + name + " is the ConfigMap " + configMap + " on Kubernetes");
      }
    }
    for (String key : secrets) {
      String name = model.secrets().get(key).nameOrKey();
      String secretName = Names.secretName(model, key);
      if (!secretName.equals(name)) {
        warnings.add(
            "secrets." + key,
            "secret " + name + " is the Secret " + secretName + " on Kubernetes (create it so)");
      }
    }
  }

  static int kindRank(String kind) {
    int rank = KIND_ORDER.indexOf(kind);
    return rank < 0 ? KIND_ORDER.size() : rank;
  }

  /** Two objects of one kind with one name would overwrite each other: an error. */
  static void checkCollisions(String file, List<HasMetadata> objects) {
    Map<String, HasMetadata> seen = new HashMap<>();
    for (HasMetadata object : objects) {
      String key = object.getKind() + "/" + object.getMetadata().getName();
      if (seen.putIfAbsent(key, object) != null) {
        throw new ComposeException(
            file,
            "services",
            "two objects would be named "
                + key
                + " (object names come from service, volume, config and alias names, lower-cased"
                + " with other characters replaced by '-'); rename one");
      }
    }
  }
}
