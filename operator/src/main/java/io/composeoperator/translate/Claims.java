package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named volumes → PersistentVolumeClaims (ARCHITECTURE.md, "Volumes, configs and secrets"): one
 * claim per volume that an enabled service mounts, named after the volume (or its {@code name:}),
 * shared by every service that mounts it; size, class and access modes from the volume's {@code
 * x-kubernetes} block or {@code spec.storage}; {@code external: true} → the existing claim, never
 * emitted; bind-mounted directories that {@link BindMounts} makes claims of → one claim per path,
 * named after it, shared by every service that mounts it, with the size, class and access modes of
 * {@code spec.storage}. Also which services share a single-node (ReadWriteOnce) claim, so that
 * their pods are placed on one node, and the mounts a service takes over with {@code volumes_from}.
 * The pods' mounts of the claims are {@link PodVolumes}'.
 */
final class Claims {
  /** The sub-directory of a claim that a service mounts. */
  static final String CLAIM_SUBDIR = "data";

  private Claims() {}

  /** The claim name of a named volume. */
  static String claimName(ComposeModel model, String volumeKey) {
    String name = model.volumes().get(volumeKey).nameOrKey();
    return Names.objectName(model.sourceFile(), "volumes." + volumeKey, name);
  }

  /**
   * One mount of a service: one of its own {@code volumes} (and {@code tmpfs}), or one it takes
   * over from another service with {@code volumes_from}.
   *
   * @param volume the mount (read-only when {@code volumes_from} says {@code :ro})
   * @param key the service-relative path of what the user wrote: {@code volumes[2]}, {@code
   *     volumes_from[0]}
   * @param index a number unique among the service's mounts, for pod volume names
   * @param from the service it is taken from, or null for the service's own
   */
  record ServiceMount(ServiceVolumeConfig volume, String key, int index, String from) {}

  /**
   * A service's mounts: its own, then those of the services in its {@code volumes_from} (and of
   * theirs, as Docker copies a container's mounts with its own {@code volumes_from}), except where
   * the service already mounts something at that target; {@code tmpfs} is not taken over, as in
   * Docker. {@code container:name} entries are warned about by {@link UnsupportedKeys}.
   */
  static List<ServiceMount> mountsOf(ComposeModel model, ServiceConfig service) {
    List<ServiceMount> mounts = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < service.volumes().size(); i++) {
      ServiceVolumeConfig volume = service.volumes().get(i);
      // a tmpfs: entry is reported where the file wrote it, not after the volumes
      String key = volume.key() != null ? volume.key() : "volumes[" + i + "]";
      mounts.add(new ServiceMount(volume, key, i, null));
      targets.add(volume.target());
    }
    Set<String> visited = new HashSet<>(List.of(service.name()));
    for (int j = 0; j < service.volumesFrom().size(); j++) {
      takeOver(
          model,
          service.volumesFrom().get(j),
          "volumes_from[" + j + "]",
          false,
          mounts,
          targets,
          visited);
    }
    return mounts;
  }

  private static void takeOver(
      ComposeModel model,
      String entry,
      String key,
      boolean readOnly,
      List<ServiceMount> mounts,
      Set<String> targets,
      Set<String> visited) {
    if (entry.startsWith("container:")) {
      return;
    }
    String[] parts = entry.split(":", 2);
    ServiceConfig from = model.services().get(parts[0]);
    if (from == null || !visited.add(parts[0])) {
      return; // the loader has checked that it is an enabled service; a cycle ends here
    }
    boolean ro = readOnly || (parts.length == 2 && parts[1].equals("ro"));
    for (ServiceVolumeConfig volume : from.volumes()) {
      if (ServiceVolumeConfig.TMPFS.equals(volume.type()) || !targets.add(volume.target())) {
        continue;
      }
      ServiceVolumeConfig copy =
          ro && !volume.readOnly()
              ? new ServiceVolumeConfig(
                  volume.type(),
                  volume.source(),
                  volume.target(),
                  true,
                  volume.noCopy(),
                  volume.subpath(),
                  volume.tmpfsSize(),
                  volume.tmpfsMode(),
                  volume.createHostPath(),
                  volume.consistency())
              : volume;
      mounts.add(new ServiceMount(copy, key, mounts.size(), from.name()));
    }
    for (String next : from.volumesFrom()) {
      takeOver(model, next, key, ro, mounts, targets, visited);
    }
  }

  /**
   * A claim of bind-mounted directories ({@link BindMounts.Kind#CLAIM}, {@link
   * BindMounts.Kind#SEEDED_CLAIM}).
   *
   * @param source the bind source, as the loader normalized it
   * @param services the Compose names of the services that mount it
   * @param path the YAML path of its first mount, for messages
   */
  record BindClaim(String source, List<String> services, String path) {}

  /** The claims of bind-mounted directories, by claim name. */
  static SortedMap<String, BindClaim> bindClaims(ComposeModel model, ProjectOptions options) {
    BindMounts.Index index = BindMounts.Index.of(model);
    SortedMap<String, BindClaim> claims = new TreeMap<>();
    Map<String, String> volumeClaims = new TreeMap<>();
    for (String key : usedVolumes(model).keySet()) {
      volumeClaims.put(claimName(model, key), key);
    }
    for (ServiceConfig service : model.services().values()) {
      for (ServiceMount mount : mountsOf(model, service)) {
        ServiceVolumeConfig volume = mount.volume();
        if (!ServiceVolumeConfig.BIND.equals(volume.type())) {
          continue;
        }
        BindMounts.Decision decision = BindMounts.decide(index, service, volume, options);
        if (decision.claim() == null) {
          continue;
        }
        String path = "services." + service.name() + "." + mount.key();
        if (volumeClaims.containsKey(decision.claim())) {
          throw new ComposeException(
              model.sourceFile(),
              path,
              "the bind mount of "
                  + volume.source()
                  + " and the volume "
                  + volumeClaims.get(decision.claim())
                  + " would both be the PersistentVolumeClaim "
                  + decision.claim()
                  + "; rename the directory or the volume");
        }
        BindClaim claim =
            claims.computeIfAbsent(
                decision.claim(),
                c -> new BindClaim(decision.claimSource(), new ArrayList<>(), path));
        if (!claim.source().equals(decision.claimSource())) {
          throw new ComposeException(
              model.sourceFile(),
              path,
              "the bind mounts of "
                  + claim.source()
                  + " ("
                  + claim.path()
                  + ") and "
                  + decision.claimSource()
                  + " would both be the PersistentVolumeClaim "
                  + decision.claim()
                  + "; rename one directory");
        }
        if (!claim.services().contains(service.name())) {
          claim.services().add(service.name());
        }
      }
    }
    return claims;
  }

  /** The named volumes that enabled services mount, in key order. */
  static SortedMap<String, List<String>> usedVolumes(ComposeModel model) {
    SortedMap<String, List<String>> used = new TreeMap<>();
    for (ServiceConfig service : model.services().values()) {
      for (ServiceVolumeConfig mount :
          mountsOf(model, service).stream().map(ServiceMount::volume).toList()) {
        if (ServiceVolumeConfig.VOLUME.equals(mount.type()) && mount.source() != null) {
          List<String> users = used.computeIfAbsent(mount.source(), k -> new ArrayList<>());
          if (!users.contains(service.name())) {
            users.add(service.name());
          }
        }
      }
    }
    return used;
  }

  /** One PersistentVolumeClaim per non-external named volume that a service mounts. */
  static List<PersistentVolumeClaim> claims(
      ComposeModel model, ProjectOptions options, Warnings warnings) {
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    // Once, not per volume: each call reads every service's mounts (quadratic on a big project).
    SortedMap<String, List<String>> used = usedVolumes(model);
    for (String key : used.keySet()) {
      VolumeConfig volume = model.volumes().get(key);
      if (volume.external()) {
        continue;
      }
      String name = claimName(model, key);
      if (volume.driver() != null && !volume.driver().equals("local")) {
        warnings.add(
            "volumes." + key + ".driver",
            "volume driver \""
                + volume.driver()
                + "\" is ignored; the claim uses the storage class instead");
      }
      if (!volume.driverOpts().isEmpty()) {
        warnings.add(
            "volumes." + key + ".driver_opts",
            "driver_opts are ignored; set x-kubernetes.storageClassName to choose the storage");
      }
      VolumeKubernetesConfig k8s = volume.kubernetes();
      ProjectOptions.StorageDefaults storage = options.storage();
      String sizePath = "spec.storage.size";
      String size = storage.size();
      String storageClass = storage.storageClassName();
      // kompose.volume.* labels on the services that mount it, unless the volume says otherwise
      ServiceSetting serviceSize =
          fromServices(
              model, key, used.get(key), k8s == null ? null : k8s.size(), "size", warnings);
      if (serviceSize != null) {
        size = serviceSize.value();
        sizePath = serviceSize.path();
      }
      ServiceSetting serviceClass =
          fromServices(
              model,
              key,
              used.get(key),
              k8s == null ? null : k8s.storageClassName(),
              "storage-class-name",
              warnings);
      if (serviceClass != null) {
        storageClass = serviceClass.value();
      }
      if (k8s != null && k8s.size() != null) {
        size = k8s.size();
        sizePath = "volumes." + key + ".x-kubernetes.size";
      }
      if (k8s != null && k8s.storageClassName() != null) {
        storageClass = k8s.storageClassName();
      }
      List<String> modes = accessModes(model, key, options);
      claims.add(
          new PersistentVolumeClaimBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(Labels.forProjectObject(options.name(), name))
              .withAnnotations(new TreeMap<>(volume.labels()))
              .endMetadata()
              .withNewSpec()
              .withAccessModes(modes)
              .withStorageClassName(storageClass)
              .withNewResources()
              .addToRequests("storage", ResourceLimits.quantity(size, sizePath))
              .endResources()
              .endSpec()
              .build());
    }
    ProjectOptions.StorageDefaults storage = options.storage();
    for (Map.Entry<String, BindClaim> bind : bindClaims(model, options).entrySet()) {
      String name = bind.getKey();
      claims.add(
          new PersistentVolumeClaimBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(Labels.forProjectObject(options.name(), name))
              .endMetadata()
              .withNewSpec()
              .withAccessModes(storage.accessModes())
              .withStorageClassName(storage.storageClassName())
              .withNewResources()
              .addToRequests(
                  "storage", ResourceLimits.quantity(storage.size(), "spec.storage.size"))
              .endResources()
              .endSpec()
              .build());
    }
    warnUnusedServiceSettings(model, warnings);
    return claims;
  }

  /** {@code kompose.volume.*} on a service that mounts no claim of the project: no effect. */
  private static void warnUnusedServiceSettings(ComposeModel model, Warnings warnings) {
    for (ServiceConfig service : model.services().values()) {
      if (service.kubernetes() == null || service.kubernetes().claimDefaults() == null) {
        continue;
      }
      boolean mountsClaim =
          service.volumes().stream()
              .anyMatch(
                  m ->
                      ServiceVolumeConfig.VOLUME.equals(m.type())
                          && m.source() != null
                          && !model.volumes().get(m.source()).external());
      if (!mountsClaim) {
        warnings.add(
            "services." + service.name() + ".labels",
            "the kompose.volume.* labels have no effect: service "
                + service.name()
                + " mounts no named volume whose claim the project creates");
      }
    }
  }

  /** A claim setting taken from a service's kompose label, and the path it was written at. */
  record ServiceSetting(String value, String path) {}

  /**
   * {@code kompose.volume.size} or {@code kompose.volume.storage-class-name} ({@code which}: {@code
   * size} or {@code storage-class-name}) on the services that mount volume {@code key} ({@code
   * users}), as kompose reads them: the first service in name order wins over the others, and the
   * volume's own setting ({@code volumeValue}, from its {@code x-kubernetes} block or its own
   * labels) over all of them; every label that loses says so.
   */
  static ServiceSetting fromServices(
      ComposeModel model,
      String key,
      List<String> users,
      String volumeValue,
      String which,
      Warnings warnings) {
    ServiceSetting chosen = null;
    for (String name : users) {
      ServiceConfig service = model.services().get(name);
      VolumeKubernetesConfig defaults =
          service.kubernetes() == null ? null : service.kubernetes().claimDefaults();
      String value =
          defaults == null
              ? null
              : which.equals("size") ? defaults.size() : defaults.storageClassName();
      if (value == null) {
        continue;
      }
      String path = "services." + name + ".labels.kompose.volume." + which;
      if (volumeValue != null) {
        if (!volumeValue.equals(value)) {
          warnings.add(
              path,
              "ignored for volume "
                  + key
                  + ": the volume's own "
                  + which
                  + " ("
                  + volumeValue
                  + ") wins");
        }
      } else if (chosen == null) {
        chosen = new ServiceSetting(value, path);
      } else if (!chosen.value().equals(value)) {
        warnings.add(
            path,
            "ignored for volume "
                + key
                + ": "
                + chosen.path()
                + " ("
                + chosen.value()
                + ") is read first");
      }
    }
    return chosen;
  }

  /** True when the claims of bind mounts can be mounted by pods on one node only. */
  static boolean bindClaimsAreSingleNode(ProjectOptions options) {
    List<String> modes = options.storage().accessModes();
    return !modes.contains("ReadWriteMany") && !modes.contains("ReadOnlyMany");
  }

  static List<String> accessModes(ComposeModel model, String key, ProjectOptions options) {
    VolumeKubernetesConfig k8s = model.volumes().get(key).kubernetes();
    return k8s != null && !k8s.accessModes().isEmpty()
        ? k8s.accessModes()
        : options.storage().accessModes();
  }

  /** True when the claim of a volume can be mounted by pods on one node only. */
  static boolean isSingleNode(ComposeModel model, String key, ProjectOptions options) {
    if (model.volumes().get(key).external()) {
      return true; // unknown: assume the most common (and most restrictive) mode
    }
    List<String> modes = accessModes(model, key, options);
    return !modes.contains("ReadWriteMany") && !modes.contains("ReadOnlyMany");
  }

  /**
   * For every service that shares a single-node (ReadWriteOnce) claim with other services: the
   * Compose names of all the services that share one with it (itself included), so its pods are
   * placed on the node of the others. Warns once per shared claim.
   */
  static SortedMap<String, SortedSet<String>> sharedSingleNodeClaims(
      ComposeModel model, ProjectOptions options, Warnings warnings) {
    SortedMap<String, SortedSet<String>> peers = new TreeMap<>();
    for (Map.Entry<String, List<String>> used : usedVolumes(model).entrySet()) {
      if (used.getValue().size() < 2 || !isSingleNode(model, used.getKey(), options)) {
        continue;
      }
      warnings.add(
          "volumes." + used.getKey(),
          "the ReadWriteOnce claim is mounted by "
              + String.join(", ", used.getValue())
              + ": their pods are placed on one node (pod affinity)");
      for (String service : used.getValue()) {
        peers.computeIfAbsent(service, k -> new TreeSet<>()).addAll(used.getValue());
      }
    }
    if (bindClaimsAreSingleNode(options)) {
      for (Map.Entry<String, BindClaim> bind : bindClaims(model, options).entrySet()) {
        List<String> users = bind.getValue().services();
        if (users.size() < 2) {
          continue;
        }
        warnings.add(
            bind.getValue().path(),
            "the ReadWriteOnce claim "
                + bind.getKey()
                + " is mounted by "
                + String.join(", ", users)
                + ": their pods are placed on one node (pod affinity)");
        for (String service : users) {
          peers.computeIfAbsent(service, k -> new TreeSet<>()).addAll(users);
        }
      }
    }
    return peers;
  }
}
