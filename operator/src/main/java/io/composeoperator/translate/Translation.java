package io.composeoperator.translate;

import io.composeoperator.compose.Warning;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The desired state of a project: the objects in their fixed order (ConfigMap,
 * PersistentVolumeClaim, ServiceAccount, Role, RoleBinding, Service, NetworkPolicy, Job,
 * Deployment, DaemonSet; then by name), the warnings, and what status needs to know about the
 * services.
 *
 * @param objects the desired objects, without ownerReferences (reconcile adds them)
 * @param warnings warnings from loading and translating, sorted
 * @param services one entry per enabled service, by Compose name
 * @param requiredSecrets names of Secrets the pods mount or reference, which the user creates
 */
public record Translation(
    List<HasMetadata> objects,
    List<Warning> warnings,
    List<ServiceSummary> services,
    SortedSet<String> requiredSecrets) {

  public Translation {
    objects = List.copyOf(objects);
    warnings = List.copyOf(warnings);
    services = List.copyOf(services);
    requiredSecrets = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(requiredSecrets));
  }

  /**
   * What status reports about one service.
   *
   * @param service the Compose service name
   * @param workloadKind {@code Deployment}, {@code DaemonSet} or {@code Job}
   * @param workloadName the workload's object name
   * @param image the image it runs
   * @param replicas the desired replicas, or null when the file sets none (1 by default)
   * @param container the name of the service's container in the workload's pods: the workload's
   *     name, unless the service runs in another service's pod ({@code PodGroups})
   */
  public record ServiceSummary(
      String service,
      String workloadKind,
      String workloadName,
      String image,
      Integer replicas,
      String container) {

    /** A service that runs in its own workload, as the container named after it. */
    public ServiceSummary(
        String service, String workloadKind, String workloadName, String image, Integer replicas) {
      this(service, workloadKind, workloadName, image, replicas, workloadName);
    }
  }
}
