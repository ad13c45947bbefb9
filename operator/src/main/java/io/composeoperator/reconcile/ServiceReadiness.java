package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ServiceStatus;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Translation.ServiceSummary;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The readiness of one service: a Deployment is ready when it observed its generation and has all
 * replicas updated and available; a DaemonSet when every node it should run on runs an updated,
 * available pod; a Job when it succeeded ({@link WorkloadStates}). When not ready, what blocks it,
 * read from the workload's conditions and its pods' container states.
 */
final class ServiceReadiness {
  private static final Set<String> WAITING_REASONS =
      Set.of(
          Reasons.IMAGE_PULL_BACK_OFF,
          Reasons.ERR_IMAGE_PULL,
          Reasons.CRASH_LOOP_BACK_OFF,
          Reasons.CREATE_CONTAINER_CONFIG_ERROR);

  private ServiceReadiness() {}

  static ServiceStatus of(ServiceSummary summary, Observed observed) {
    ServiceStatus status = new ServiceStatus();
    status.setName(summary.service());
    status.setWorkload(summary.workloadKind() + "/" + summary.workloadName());
    status.setImage(summary.image());
    Optional<HasMetadata> workload =
        observed.owned().stream()
            .filter(o -> o.getKind().equals(summary.workloadKind()))
            .filter(o -> o.getMetadata().getName().equals(summary.workloadName()))
            .findFirst();
    List<Pod> pods = podsOf(summary, observed.pods());
    if (workload.orElse(null) instanceof Deployment deployment) {
      deployment(status, deployment, pods, summary.container());
    } else if (workload.orElse(null) instanceof DaemonSet daemonSet) {
      daemonSet(status, daemonSet, pods, summary.container());
    } else if (workload.orElse(null) instanceof Job job) {
      job(status, job, pods, summary.container());
    } else {
      status.setReady(false);
      status.setMessage(summary.workloadKind() + " not created yet");
    }
    return status;
  }

  static String blockingReason(ServiceStatus status) {
    return status.getReason();
  }

  private static void deployment(
      ServiceStatus status, Deployment deployment, List<Pod> pods, String container) {
    int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    DeploymentStatus s = deployment.getStatus();
    long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
    long observedGeneration =
        s == null ? 0 : Objects.requireNonNullElse(s.getObservedGeneration(), 0L);
    int updated = s == null ? 0 : Objects.requireNonNullElse(s.getUpdatedReplicas(), 0);
    int available = s == null ? 0 : Objects.requireNonNullElse(s.getAvailableReplicas(), 0);
    int total = s == null ? 0 : Objects.requireNonNullElse(s.getReplicas(), 0);
    int readyReplicas = s == null ? 0 : Objects.requireNonNullElse(s.getReadyReplicas(), 0);
    status.setReplicas(desired);
    status.setReadyReplicas(readyReplicas);
    boolean ready =
        s != null
            && observedGeneration >= generation
            && updated >= desired
            && available >= desired
            && total == updated;
    status.setReady(ready);
    if (ready) {
      return;
    }
    Optional<DeploymentCondition> failure =
        s == null
            ? Optional.empty()
            : s.getConditions().stream()
                .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    if (failure.isPresent()) {
      status.setReason(Reasons.POD_CREATE_FAILED);
      status.setMessage(withoutPodNames(failure.get().getMessage()));
      return;
    }
    if (!fromPods(status, pods, container)) {
      status.setMessage(available + "/" + desired + " replicas available");
    }
  }

  /**
   * A DaemonSet is ready when it observed its generation and every node that should run its pod
   * runs an updated, available one (no node to run on counts as ready: nothing is waiting).
   */
  private static void daemonSet(
      ServiceStatus status, DaemonSet daemonSet, List<Pod> pods, String container) {
    DaemonSetStatus s = daemonSet.getStatus();
    long generation = Objects.requireNonNullElse(daemonSet.getMetadata().getGeneration(), 0L);
    long observedGeneration =
        s == null ? 0 : Objects.requireNonNullElse(s.getObservedGeneration(), 0L);
    int desired = s == null ? 0 : Objects.requireNonNullElse(s.getDesiredNumberScheduled(), 0);
    int updated = s == null ? 0 : Objects.requireNonNullElse(s.getUpdatedNumberScheduled(), 0);
    int available = s == null ? 0 : Objects.requireNonNullElse(s.getNumberAvailable(), 0);
    int readyPods = s == null ? 0 : Objects.requireNonNullElse(s.getNumberReady(), 0);
    status.setReplicas(desired);
    status.setReadyReplicas(readyPods);
    boolean ready =
        s != null && observedGeneration >= generation && updated >= desired && available >= desired;
    status.setReady(ready);
    if (ready) {
      return;
    }
    if (!fromPods(status, pods, container)) {
      status.setMessage(available + "/" + desired + " nodes run an available pod");
    }
  }

  private static void job(ServiceStatus status, Job job, List<Pod> pods, String container) {
    boolean succeeded = WorkloadStates.succeeded(job);
    status.setReady(succeeded);
    if (succeeded) {
      return;
    }
    Optional<JobCondition> failed = WorkloadStates.failure(job);
    if (failed.isPresent()) {
      status.setReason(Reasons.JOB_FAILED);
      status.setMessage(
          "did not complete successfully"
              + WorkloadStates.exitCode(pods).map(code -> ": exit " + code).orElse("")
              + " ("
              + Objects.requireNonNullElse(failed.get().getReason(), "Failed")
              + ")");
      return;
    }
    if (!fromPods(status, pods, container)) {
      status.setMessage("not completed yet");
    }
  }

  /**
   * Sets reason and message from the first blocked container, the service's own container and the
   * init containers before the others of its pod (a pod may hold several services: {@code
   * PodGroups}); false when none is blocked.
   */
  private static boolean fromPods(ServiceStatus status, List<Pod> pods, String own) {
    for (Pod pod : pods) {
      if (pod.getStatus() == null) {
        continue;
      }
      List<ContainerStatus> ordered = new ArrayList<>(containers(pod));
      ordered.sort(
          Comparator.comparing(
              (ContainerStatus c) ->
                  !own.equals(c.getName())
                      && !pod.getStatus().getInitContainerStatuses().contains(c)));
      for (ContainerStatus container : ordered) {
        if (container.getState() != null
            && container.getState().getWaiting() != null
            && WAITING_REASONS.contains(container.getState().getWaiting().getReason())) {
          String reason = container.getState().getWaiting().getReason();
          status.setReason(reason);
          status.setMessage(
              reason + ": container " + container.getName() + detail(reason, container));
          return true;
        }
      }
      for (PodCondition condition : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(condition.getType())
            && "False".equals(condition.getStatus())
            && condition.getMessage() != null
            && condition.getMessage().contains("unbound")) {
          status.setReason(Reasons.VOLUME_NOT_BOUND);
          status.setMessage("a PersistentVolumeClaim of the pod is not bound");
          return true;
        }
      }
      for (PodCondition condition : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(condition.getType())
            && "False".equals(condition.getStatus())
            && "Unschedulable".equals(condition.getReason())) {
          // the scheduler's first sentence says why ("0/2 nodes are available: 2 Insufficient
          // nvidia.com/gpu."); the rest (preemption) adds nothing and would only grow the status
          String why = condition.getMessage() == null ? "" : condition.getMessage();
          int end = why.indexOf(". ");
          status.setReason(Reasons.UNSCHEDULABLE);
          status.setMessage(
              "Unschedulable: no node can take the pod"
                  + (why.isEmpty() ? "" : ": " + (end < 0 ? why : why.substring(0, end + 1))));
          return true;
        }
      }
    }
    return false;
  }

  private static String detail(String reason, ContainerStatus container) {
    if (reason.equals(Reasons.CREATE_CONTAINER_CONFIG_ERROR)
        && container.getState().getWaiting().getMessage() != null) {
      return ": " + container.getState().getWaiting().getMessage();
    }
    if (reason.equals(Reasons.CRASH_LOOP_BACK_OFF)) {
      return " keeps exiting";
    }
    return " cannot pull image " + container.getImage();
  }

  private static List<ContainerStatus> containers(Pod pod) {
    List<ContainerStatus> all = new ArrayList<>(pod.getStatus().getInitContainerStatuses());
    all.addAll(pod.getStatus().getContainerStatuses());
    return all;
  }

  private static List<Pod> podsOf(ServiceSummary summary, List<Pod> pods) {
    return pods.stream()
        .filter(
            p -> {
              String service =
                  p.getMetadata().getLabels() == null
                      ? null
                      : p.getMetadata().getLabels().get(Labels.SERVICE);
              return summary.workloadName().equals(service) || summary.service().equals(service);
            })
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  /** Pod names carry random suffixes; a status message must not change with them. */
  private static String withoutPodNames(String message) {
    return message == null ? "" : message.replaceAll("pods? \"[^\"]*\" ", "pod ");
  }
}
