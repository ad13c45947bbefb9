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
      String size = k8s != null && k8s.size() != null ? k8s.size() : storage.size();
      String storageClass =
          k8s != null && k8s.storageClassName() != null
              ? k8s.storageClassName()
              : storage.storageClassName();
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
              .addToRequests(
                  "storage",
                  ResourceLimits.quantity(
                      size,
                      k8s != null && k8s.size() != null
                          ? "volumes." + key + ".x-kubernetes.size"
                          : "spec.storage.size"))
              .endResources()
              .endSpec()
              .build());
    }
    return claims;
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
