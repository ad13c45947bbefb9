package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Services that share a namespace with another service ({@code network_mode}, {@code pid}, {@code
 * ipc} or {@code uts}: {@code service:x}) run as containers of one pod, since Kubernetes shares
 * namespaces only inside a pod (ARCHITECTURE.md, "Service names and networks"; kompose does the
 * same). A chain or group of services sharing with one another ends in one pod.
 *
 * <p>The pod is the workload of the group's <em>host</em>: the service at the end of the {@code
 * network_mode: service:} chain (whose network, and so whose {@code ports}, the others use), or,
 * without one, the first service by name that others share with and that shares with nobody. The
 * other members' containers, init containers and volumes are added to the host's pod template
 * ({@link #merge}); {@code pid: service:x} sets {@code shareProcessNamespace}. Each member keeps
 * its own object name as its container's name and as its Services' names, but every Service and
 * NetworkPolicy that selects a member's pods selects the host's pod ({@link #retarget}), and a
 * {@code depends_on} on a member waits for the host's pod ({@link ServiceContext#podService}).
 * Dependencies inside one pod are dropped: its containers start together.
 */
final class PodGroups {
  private static final List<String> MODES = List.of("network_mode", "pid", "ipc", "uts");

  /** Compose service → the Compose service whose pod it runs in (itself for a host or a loner). */
  private final SortedMap<String, String> hostOf;

  /** Compose service → the services it depends on or shares a namespace with, as written. */
  private final Map<String, Set<String>> after;

  /** Host → the services that run in its pod, itself excluded; computed once (1,000 services). */
  private final Map<String, SortedSet<String>> guests = new HashMap<>();

  private PodGroups(SortedMap<String, String> hostOf, Map<String, Set<String>> after) {
    this.hostOf = hostOf;
    this.after = after;
    hostOf.forEach(
        (service, host) -> {
          if (!service.equals(host)) {
            guests.computeIfAbsent(host, h -> new TreeSet<>()).add(service);
          }
        });
  }

  /** Groups the services of the model by the namespaces they share. */
  static PodGroups of(ComposeModel model) {
    Map<String, String> parent = new HashMap<>();
    model.services().keySet().forEach(s -> parent.put(s, s));
    for (ServiceConfig service : model.services().values()) {
      for (String target : targets(service).values()) {
        if (model.services().containsKey(target)) {
          parent.put(find(parent, service.name()), find(parent, target));
        }
      }
    }
    SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
    for (String name : model.services().keySet()) {
      groups.computeIfAbsent(find(parent, name), k -> new TreeSet<>()).add(name);
    }
    SortedMap<String, String> hostOf = new TreeMap<>();
    for (SortedSet<String> group : groups.values()) {
      String host = host(model, group);
      group.forEach(member -> hostOf.put(member, host));
    }
    Map<String, Set<String>> after = new HashMap<>();
    for (ServiceConfig service : model.services().values()) {
      Set<String> before = new HashSet<>(service.dependsOn().keySet());
      before.addAll(targets(service).values());
      after.put(service.name(), before);
    }
    return new PodGroups(hostOf, after);
  }

  private static String find(Map<String, String> parent, String name) {
    String root = name;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  /** The host of a group (see the class comment). */
  private static String host(ComposeModel model, SortedSet<String> group) {
    for (String name : group) {
      String end = networkOwner(model, name);
      if (!end.equals(name) || group.size() == 1) {
        return end;
      }
    }
    for (String name : group) {
      if (targets(model.services().get(name)).isEmpty()) {
        return name;
      }
    }
    return group.first(); // a cycle, which the loader refuses
  }

  /** Follows {@code network_mode: service:} to the service whose network namespace is used. */
  private static String networkOwner(ComposeModel model, String name) {
    Set<String> seen = new HashSet<>();
    String current = name;
    while (seen.add(current)) {
      String target = targets(model.services().get(current)).get("network_mode");
      if (target == null || !model.services().containsKey(target)) {
        return current;
      }
      current = target;
    }
    return current;
  }

  /** The {@code service:x} namespaces of a service, by key. */
  static Map<String, String> targets(ServiceConfig service) {
    Map<String, String> targets = new LinkedHashMap<>();
    String[] values = {
      service.namespaces().networkMode(),
      service.namespaces().pid(),
      service.namespaces().ipc(),
      service.namespaces().uts()
    };
    for (int i = 0; i < MODES.size(); i++) {
      if (values[i] != null && values[i].startsWith("service:")) {
        targets.put(MODES.get(i), values[i].substring("service:".length()));
      }
    }
    return targets;
  }

  /** The service whose pod {@code service} runs in (itself unless it shares another's). */
  String hostOf(String service) {
    return hostOf.getOrDefault(service, service);
  }

  /** True when {@code service} runs as a container in another service's pod. */
  boolean isGuest(String service) {
    return !hostOf(service).equals(service);
  }

  /**
   * The guests of a host, in the order their containers are added: name order, a service after the
   * guests it depends on.
   */
  List<String> guestsOf(String host) {
    SortedSet<String> left = new TreeSet<>(guests.getOrDefault(host, Collections.emptySortedSet()));
    List<String> ordered = new ArrayList<>();
    while (!left.isEmpty()) {
      String next =
          left.stream()
              .filter(s -> after.getOrDefault(s, Set.of()).stream().noneMatch(left::contains))
              .findFirst()
              .orElse(left.first());
      ordered.add(next);
      left.remove(next);
    }
    return ordered;
  }

  /** Compose service → the service label of the pods it runs in. */
  Map<String, String> podServices(Map<String, String> serviceNames) {
    Map<String, String> pods = new TreeMap<>();
    serviceNames.forEach(
        (service, objectName) -> pods.put(service, serviceNames.get(hostOf(service))));
    return pods;
  }

  /**
   * The model with the dependencies between services of one pod removed (its containers start
   * together, and a wait container cannot wait for its own pod); a {@code service_healthy} or
   * {@code service_completed_successfully} dependency that is dropped so is warned about. Warns,
   * for every guest, that it runs in its host's pod.
   */
  ComposeModel prepare(ComposeModel model, Map<String, String> serviceNames, Warnings warnings) {
    if (hostOf.entrySet().stream().noneMatch(e -> !e.getKey().equals(e.getValue()))) {
      return model;
    }
    SortedMap<String, ServiceConfig> services = new TreeMap<>();
    for (ServiceConfig service : model.services().values()) {
      String host = hostOf(service.name());
      if (isGuest(service.name())) {
        Map<String, String> targets = targets(service);
        String key = targets.isEmpty() ? "" : "." + targets.keySet().iterator().next();
        warnings.add(
            "services." + service.name() + key,
            service.name()
                + " runs as a container in the pod of service "
                + host
                + (serviceNames.get(host).equals(host) ? "" : " (" + serviceNames.get(host) + ")")
                + ", because Kubernetes shares namespaces only inside a pod: they scale and"
                + " restart together, and share the network, IPC and UTS (host name) namespaces");
      }
      SortedMap<String, ServiceDependency> dependsOn = new TreeMap<>();
      for (Map.Entry<String, ServiceDependency> dep : service.dependsOn().entrySet()) {
        if (!hostOf(dep.getKey()).equals(host)) {
          dependsOn.put(dep.getKey(), dep.getValue());
          continue;
        }
        ServiceDependency.Condition condition = dep.getValue().condition();
        if (condition != ServiceDependency.Condition.SERVICE_STARTED) {
          warnings.add(
              "services." + service.name() + ".depends_on." + dep.getKey(),
              service.name()
                  + " and "
                  + dep.getKey()
                  + " run in one pod, whose containers start together: the wait for "
                  + dep.getKey()
                  + " to be "
                  + (condition == ServiceDependency.Condition.SERVICE_HEALTHY
                      ? "healthy"
                      : "completed")
                  + " is dropped");
        }
      }
      services.put(service.name(), service.toBuilder().dependsOn(dependsOn).build());
    }
    return model.withServices(services);
  }

  /** One guest's translation, to be merged into its host's pod. */
  record Guest(ServiceContext ctx, Workloads.ServiceObjects objects) {}

  /**
   * Adds the guests' containers, init containers and volumes to the host's pod template. A volume
   * or init container a guest shares with the host (same name, same definition, not an emptyDir) is
   * added once; one with the same name but another definition, or an emptyDir, is renamed {@code
   * <guest>-<name>}. Pod-level settings are the host's: a guest whose own differ is warned about,
   * except that the pod takes the longest grace period, the wait ServiceAccount when any container
   * waits, {@code shareProcessNamespace} when any guest shares the process namespace, and {@code
   * Recreate} when any guest mounts a ReadWriteOnce claim.
   */
  static Workloads.ServiceObjects merge(
      ServiceContext hostCtx, Workloads.ServiceObjects host, List<Guest> guests) {
    HasMetadata workload = host.workload();
    PodTemplateSpec template = Workloads.templateOf(workload);
    PodSpec pod = template.getSpec();
    Set<String> containerNames = new HashSet<>();
    pod.getContainers().forEach(c -> containerNames.add(c.getName()));
    pod.getInitContainers().forEach(c -> containerNames.add(c.getName()));
    Set<String> ports = new HashSet<>();
    Set<String> portNames = new HashSet<>();
    for (Container c : pod.getContainers()) {
      for (ContainerPort p : c.getPorts()) {
        ports.add(p.getContainerPort() + "/" + p.getProtocol());
        if (p.getName() != null) {
          portNames.add(p.getName());
        }
      }
    }
    List<io.fabric8.kubernetes.api.model.ConfigMap> mounted = new ArrayList<>(host.mounted());
    for (Guest guest : guests) {
      ServiceContext ctx = guest.ctx();
      PodTemplateSpec guestTemplate = Workloads.templateOf(guest.objects().workload());
      PodSpec guestPod = guestTemplate.getSpec();
      Map<String, String> renamed = new HashMap<>();
      for (Volume volume : guestPod.getVolumes()) {
        Volume existing =
            pod.getVolumes().stream()
                .filter(v -> v.getName().equals(volume.getName()))
                .findFirst()
                .orElse(null);
        if (existing == null) {
          pod.getVolumes().add(volume);
        } else if (!existing.equals(volume) || volume.getEmptyDir() != null) {
          // one claim, ConfigMap or host path is mounted once; two emptyDirs are two volumes
          Set<String> volumeNames = new HashSet<>();
          pod.getVolumes().forEach(v -> volumeNames.add(v.getName()));
          String name = unique(volumeNames, ctx.objectName() + "-" + volume.getName());
          renamed.put(volume.getName(), name);
          pod.getVolumes().add(new VolumeBuilder(volume).withName(name).build());
        }
      }
      for (Container init : guestPod.getInitContainers()) {
        Container moved = withVolumes(init, renamed);
        if (pod.getInitContainers().contains(moved)) {
          continue; // the same wait, already in the pod
        }
        if (containerNames.contains(moved.getName())) {
          moved.setName(unique(containerNames, ctx.objectName() + "-" + moved.getName()));
        }
        containerNames.add(moved.getName());
        pod.getInitContainers().add(moved);
      }
      for (Container container : guestPod.getContainers()) {
        Container moved = withVolumes(container, renamed);
        List<ContainerPort> own = new ArrayList<>();
        for (ContainerPort p : moved.getPorts()) {
          if (!ports.add(p.getContainerPort() + "/" + p.getProtocol())) {
            continue; // the pod already declares it: one network namespace
          }
          if (p.getName() != null && !portNames.add(p.getName())) {
            p.setName(null);
          }
          own.add(p);
        }
        moved.setPorts(own);
        containerNames.add(moved.getName());
        pod.getContainers().add(moved);
      }
      if (pod.getServiceAccountName() == null) {
        pod.setServiceAccountName(guestPod.getServiceAccountName());
      }
      pod.setTerminationGracePeriodSeconds(
          Math.max(
              Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 0L),
              Objects.requireNonNullElse(guestPod.getTerminationGracePeriodSeconds(), 0L)));
      if (Boolean.TRUE.equals(guestPod.getShareProcessNamespace())
          && !Boolean.TRUE.equals(pod.getHostPID())) {
        pod.setShareProcessNamespace(true);
      }
      if (pod.getAffinity() == null) {
        pod.setAffinity(guestPod.getAffinity());
      }
      List<String> differing = differingSettings(pod, guestPod);
      String mode = ctx.service().namespaces().networkMode();
      if (mode != null && mode.startsWith("service:")) {
        // its network is the owner's, as on Docker (hostNetwork comes from the owner's mode)
        differing.removeAll(List.of("hostNetwork", "dnsPolicy"));
      }
      String uts = ctx.service().namespaces().uts();
      if (uts != null && uts.startsWith("service:")) {
        differing.remove("hostname"); // its host name is the owner's, as on Docker
      }
      if (!differing.isEmpty()) {
        ctx.warn(
            "",
            "the pod-level settings ("
                + String.join(", ", differing)
                + ")"
                + " of "
                + ctx.service().name()
                + " differ from those of "
                + hostCtx.service().name()
                + ", whose pod it runs in; the pod takes "
                + hostCtx.service().name()
                + "'s");
      }
      template
          .getMetadata()
          .setAnnotations(
              union(
                  template.getMetadata().getAnnotations(),
                  guestTemplate.getMetadata().getAnnotations()));
      workload
          .getMetadata()
          .setAnnotations(
              union(
                  workload.getMetadata().getAnnotations(),
                  guest.objects().workload().getMetadata().getAnnotations()));
      SortedSet<String> clashing = new TreeSet<>();
      guest
          .objects()
          .workload()
          .getMetadata()
          .getAnnotations()
          .forEach(
              (key, value) -> {
                if (!value.equals(workload.getMetadata().getAnnotations().get(key))) {
                  clashing.add(key);
                }
              });
      if (!clashing.isEmpty()) {
        ctx.warn(
            "labels",
            "the labels "
                + String.join(", ", clashing)
                + " differ from those of "
                + hostCtx.service().name()
                + ", whose pod it runs in; the pod's annotations take "
                + hostCtx.service().name()
                + "'s");
      }
      mounted.addAll(guest.objects().mounted());
      mergeWorkloadSpec(hostCtx, workload, guest);
    }
    if (Boolean.TRUE.equals(pod.getHostPID())) {
      pod.setShareProcessNamespace(null);
    }
    String hash = ContentHash.of(mounted.stream().distinct().toList());
    if (hash != null) {
      SortedMap<String, String> annotations =
          new TreeMap<>(template.getMetadata().getAnnotations());
      annotations.put(Labels.CONFIG_HASH, hash);
      template.getMetadata().setAnnotations(annotations);
    }
    return new Workloads.ServiceObjects(workload, host.filesConfigMap(), host.image(), mounted);
  }

  private static void mergeWorkloadSpec(ServiceContext hostCtx, HasMetadata workload, Guest guest) {
    ServiceContext ctx = guest.ctx();
    Integer own = ctx.service().replicas();
    if (own != null && !own.equals(hostCtx.service().replicas())) {
      ctx.warn(
          "deploy.replicas",
          "runs in the pod of "
              + hostCtx.service().name()
              + ", so it has "
              + hostCtx.service().name()
              + "'s replicas; its own "
              + own
              + " is ignored");
    }
    if (workload instanceof Deployment deployment
        && guest.objects().workload() instanceof Deployment other
        && "Recreate".equals(other.getSpec().getStrategy().getType())
        && !"Recreate".equals(deployment.getSpec().getStrategy().getType())) {
      // the guest mounts a ReadWriteOnce claim: the pod cannot roll
      deployment.getSpec().setStrategy(Scheduling.deploymentStrategy(hostCtx, true));
    }
    if (workload instanceof Job job && guest.objects().workload() instanceof Job other) {
      if (!Objects.equals(job.getSpec().getBackoffLimit(), other.getSpec().getBackoffLimit())
          || !Objects.equals(
              job.getSpec().getTemplate().getSpec().getRestartPolicy(),
              other.getSpec().getTemplate().getSpec().getRestartPolicy())) {
        ctx.warn(
            "restart",
            "runs in the pod of "
                + hostCtx.service().name()
                + ", whose restart policy the Job uses");
      }
    }
  }

  /** The host's annotations plus those of the guest that the host does not set. */
  private static Map<String, String> union(Map<String, String> host, Map<String, String> guest) {
    SortedMap<String, String> all = new TreeMap<>(guest == null ? Map.of() : guest);
    if (host != null) {
      all.putAll(host);
    }
    return all;
  }

  /** The pod-level settings the host decides, that differ between the two pods. */
  private static List<String> differingSettings(PodSpec host, PodSpec guest) {
    Map<String, Function<PodSpec, Object>> settings = new LinkedHashMap<>();
    settings.put("securityContext", PodSpec::getSecurityContext);
    settings.put("hostname", PodSpec::getHostname);
    settings.put("hostAliases", PodSpec::getHostAliases);
    settings.put("dnsConfig", PodSpec::getDnsConfig);
    settings.put("hostNetwork", PodSpec::getHostNetwork);
    settings.put("dnsPolicy", PodSpec::getDnsPolicy);
    settings.put("hostIPC", PodSpec::getHostIPC);
    settings.put("hostPID", PodSpec::getHostPID);
    settings.put("nodeSelector", PodSpec::getNodeSelector);
    settings.put("restartPolicy", PodSpec::getRestartPolicy);
    List<String> differing = new ArrayList<>();
    settings.forEach(
        (name, getter) -> {
          if (!Objects.equals(getter.apply(host), getter.apply(guest))) {
            differing.add(name);
          }
        });
    return differing;
  }

  private static Container withVolumes(Container container, Map<String, String> renamed) {
    Container copy = new io.fabric8.kubernetes.api.model.ContainerBuilder(container).build();
    for (VolumeMount mount : copy.getVolumeMounts()) {
      String name = renamed.get(mount.getName());
      if (name != null) {
        mount.setName(name);
      }
    }
    return copy;
  }

  private static String unique(Set<String> taken, String wanted) {
    String base =
        wanted.length() > Names.MAX_LABEL ? Names.shortened(wanted, Names.MAX_LABEL) : wanted;
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      String suffix = "-" + i;
      name = Names.shortened(base, Names.MAX_LABEL - suffix.length()) + suffix;
    }
    taken.add(name);
    return name;
  }

  /**
   * Points every Service and NetworkPolicy that selects the pods of a guest at its host's pod: a
   * guest has no pods of its own.
   *
   * @param podServices Compose service → the service label of its pod ({@link #podServices})
   * @param serviceNames Compose service → object name
   */
  static void retarget(
      List<HasMetadata> objects,
      Map<String, String> serviceNames,
      Map<String, String> podServices) {
    Map<String, String> byLabel = new HashMap<>();
    serviceNames.forEach(
        (service, objectName) -> {
          if (!objectName.equals(podServices.get(service))) {
            byLabel.put(objectName, podServices.get(service));
          }
        });
    if (byLabel.isEmpty()) {
      return;
    }
    for (HasMetadata object : objects) {
      if (object instanceof Service service && service.getSpec().getSelector() != null) {
        service.getSpec().setSelector(retarget(service.getSpec().getSelector(), byLabel));
      } else if (object instanceof NetworkPolicy policy) {
        retarget(policy.getSpec().getPodSelector(), byLabel);
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
          for (NetworkPolicyPeer peer : rule.getFrom()) {
            retarget(peer.getPodSelector(), byLabel);
          }
        }
      }
    }
  }

  private static void retarget(LabelSelector selector, Map<String, String> byLabel) {
    if (selector == null) {
      return;
    }
    selector.setMatchLabels(retarget(selector.getMatchLabels(), byLabel));
    for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
      if (Labels.SERVICE.equals(requirement.getKey())) {
        SortedSet<String> values = new TreeSet<>();
        requirement.getValues().forEach(v -> values.add(byLabel.getOrDefault(v, v)));
        requirement.setValues(new ArrayList<>(values));
      }
    }
  }

  private static Map<String, String> retarget(
      Map<String, String> labels, Map<String, String> byLabel) {
    if (labels == null) {
      return null;
    }
    Map<String, String> copy = new LinkedHashMap<>(labels);
    String value = labels.get(Labels.SERVICE);
    if (value != null && byLabel.containsKey(value)) {
      copy.put(Labels.SERVICE, byLabel.get(value));
    }
    return copy;
  }
}
