package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named volumes → PersistentVolumeClaims (ARCHITECTURE.md, "Volumes, configs and secrets"): one
 * claim per volume that an enabled service mounts, named after the volume (or its {@code name:}),
 * shared by every service that mounts it; size, class and access modes from the volume's {@code
 * x-kubernetes} block or {@code spec.storage}; {@code external: true} → the existing claim, never
 * emitted. Also which services share a single-node (ReadWriteOnce) claim, so that their pods are
 * placed on one node. The pods' mounts of the claims are {@link PodVolumes}'.
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

  /** The named volumes that enabled services mount, in key order. */
  static SortedMap<String, List<String>> usedVolumes(ComposeModel model) {
    SortedMap<String, List<String>> used = new TreeMap<>();
    for (ServiceConfig service : model.services().values()) {
      for (ServiceVolumeConfig mount : service.volumes()) {
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
    for (String key : usedVolumes(model).keySet()) {
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
          fromServices(model, key, k8s == null ? null : k8s.size(), "size", warnings);
      if (serviceSize != null) {
        size = serviceSize.value();
        sizePath = serviceSize.path();
      }
      ServiceSetting serviceClass =
          fromServices(
              model,
              key,
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
   * size} or {@code storage-class-name}) on the services that mount volume {@code key}, as kompose
   * reads them: the first service in name order wins over the others, and the volume's own setting
   * ({@code volumeValue}, from its {@code x-kubernetes} block or its own labels) over all of them;
   * every label that loses says so.
   */
  static ServiceSetting fromServices(
      ComposeModel model, String key, String volumeValue, String which, Warnings warnings) {
    ServiceSetting chosen = null;
    for (String name : usedVolumes(model).get(key)) {
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
    return peers;
  }
}
