package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadStatesTest {

  private static Pod pod(String phase, String ready) {
    return new PodBuilder()
        .withNewStatus()
        .withPhase(phase)
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }

  private static Job job(Integer completions, Integer succeeded, String conditionType) {
    JobBuilder job = new JobBuilder().withNewSpec().withCompletions(completions).endSpec();
    var status = job.withNewStatus().withSucceeded(succeeded);
    if (conditionType != null) {
      status.addNewCondition().withType(conditionType).withStatus("True").endCondition();
    }
    return status.endStatus().build();
  }

  @Test
  void runningOrSucceededPodHasStarted() {
    assertThat(WorkloadStates.started(pod("Running", "False"))).isTrue();
    assertThat(WorkloadStates.started(pod("Succeeded", "False"))).isTrue();
    assertThat(WorkloadStates.started(pod("Pending", "False"))).isFalse();
    assertThat(WorkloadStates.started(new Pod())).isFalse();
  }

  @Test
  void podIsHealthyOnlyWhenReady() {
    assertThat(WorkloadStates.healthy(pod("Running", "True"))).isTrue();
    assertThat(WorkloadStates.healthy(pod("Running", "False"))).isFalse();
    assertThat(WorkloadStates.healthy(new Pod())).isFalse();
  }

  @Test
  void jobSucceedsWithItsCompleteConditionOrEnoughSucceededPods() {
    assertThat(WorkloadStates.succeeded(job(null, 1, null))).isTrue();
    assertThat(WorkloadStates.succeeded(job(null, null, "Complete"))).isTrue();
    assertThat(WorkloadStates.succeeded(job(3, 1, null)))
        .as("one of three completions is not done yet")
        .isFalse();
    assertThat(WorkloadStates.succeeded(job(3, 3, null))).isTrue();
    assertThat(WorkloadStates.succeeded(new Job())).isFalse();
  }

  @Test
  void failedConditionIsTheJobsFailure() {
    assertThat(WorkloadStates.failure(job(null, 0, "Failed"))).isPresent();
    assertThat(WorkloadStates.failure(job(null, 0, null))).isEmpty();
  }

  @Test
  void exitCodeIsReadFromTheCurrentOrTheLastState() {
    Pod restarted =
        new PodBuilder()
            .withNewStatus()
            .addNewContainerStatus()
            .withName("migrate")
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .endWaiting()
            .endState()
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(3)
            .endTerminated()
            .endLastState()
            .endContainerStatus()
            .endStatus()
            .build();

    assertThat(WorkloadStates.exitCode(List.of(new Pod(), restarted))).contains(3);
    assertThat(WorkloadStates.exitCode(List.of(pod("Running", "True")))).isEmpty();
  }
}
