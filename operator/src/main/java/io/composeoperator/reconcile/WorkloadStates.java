package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a pod has started or is healthy, and when a Job has succeeded or failed: the one set of
 * rules that both the status ({@link ServiceReadiness}) and the {@code depends_on} wait containers
 * ({@code compose-operator wait}) read, so that "completed" in a wait container and "ready" in the
 * status never disagree. Pure functions of the objects' status.
 */
public final class WorkloadStates {
  private WorkloadStates() {}

  /**
   * {@code service_started}: the pod runs, or already exited successfully (a short-lived service
   * that Compose would also count as started).
   */
  public static boolean started(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Running".equals(phase) || "Succeeded".equals(phase);
  }

  /** {@code service_healthy}: the pod's Ready condition is True (its healthcheck probe passed). */
  public static boolean healthy(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * {@code service_completed_successfully}: the Job's Complete condition is True, or as many pods
   * succeeded as it needs ({@code completions}, 1 when unset).
   */
  public static boolean succeeded(Job job) {
    if (job.getStatus() == null) {
      return false;
    }
    boolean complete =
        job.getStatus().getConditions().stream()
            .anyMatch(c -> "Complete".equals(c.getType()) && "True".equals(c.getStatus()));
    Integer wanted = job.getSpec() == null ? null : job.getSpec().getCompletions();
    int succeeded = Objects.requireNonNullElse(job.getStatus().getSucceeded(), 0);
    return complete || succeeded >= Math.max(1, Objects.requireNonNullElse(wanted, 1));
  }

  /** The Job's Failed condition when it is True: it will not be retried any more. */
  public static Optional<JobCondition> failure(Job job) {
    return job.getStatus() == null
        ? Optional.empty()
        : job.getStatus().getConditions().stream()
            .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
  }

  /**
   * The first non-zero exit code among the pods' containers, in their current or last state (a
   * restarted container keeps its previous exit in the last state).
   */
  public static Optional<Integer> exitCode(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() != null)
        .flatMap(p -> p.getStatus().getContainerStatuses().stream())
        .flatMap(c -> Stream.of(c.getState(), c.getLastState()))
        .filter(Objects::nonNull)
        .map(ContainerState::getTerminated)
        .filter(Objects::nonNull)
        .map(ContainerStateTerminated::getExitCode)
        .filter(code -> code != null && code != 0)
        .findFirst();
  }
}
