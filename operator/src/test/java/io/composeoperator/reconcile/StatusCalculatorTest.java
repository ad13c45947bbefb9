package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProjectStatus;
import io.composeoperator.compose.Warning;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Translation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StatusCalculatorTest {
  static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

  static Translation translation(String... deployments) {
    List<Translation.ServiceSummary> services =
        java.util.Arrays.stream(deployments)
            .map(d -> new Translation.ServiceSummary(d, "Deployment", d, d + ":1", null))
            .toList();
    return new Translation(
        List.of(),
        List.of(new Warning("services.api.build", "ignored")),
        services,
        new TreeSet<>());
  }

  static Deployment deployment(String name, int available, long generation, long observed) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withGeneration(generation)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(observed)
        .withReplicas(1)
        .withUpdatedReplicas(1)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .endStatus()
        .build();
  }

  static Pod waitingPod(String service, String reason) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(service + "-abc")
        .withLabels(Labels.forService("shop", service))
        .endMetadata()
        .withNewStatus()
        .addNewContainerStatus()
        .withName(service)
        .withImage(service + ":1")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  static ComposeProjectStatus calculate(
      ComposeProjectStatus previous,
      Outcome outcome,
      List<HasMetadata> owned,
      List<Pod> pods,
      Clock clock) {
    return StatusCalculator.calculate(
        previous, 3, outcome, new Observed(owned, pods, new TreeSet<>()), clock);
  }

  static Condition condition(ComposeProjectStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  @Test
  void readyWhenEveryDeploymentIsRolledOut() {
    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation("db", "web"), List.of(), List.of()),
            List.of(deployment("db", 1, 2, 2), deployment("web", 1, 1, 1)),
            List.of(),
            T1);
    assertThat(condition(status, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(condition(status, Conditions.READY).getObservedGeneration()).isEqualTo(3L);
    assertThat(condition(status, Conditions.RECONCILED).getReason()).isEqualTo(Reasons.APPLIED);
    assertThat(status.getServicesReady()).isEqualTo("2/2");
    assertThat(status.getWarnings()).containsExactly("services.api.build: ignored");
  }

  @Test
  void deploymentThatHasNotObservedItsGenerationIsNotReady() {
    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation("db", "web"), List.of(), List.of()),
            List.of(deployment("db", 1, 2, 1), deployment("web", 1, 1, 1)),
            List.of(),
            T1);
    Condition ready = condition(status, Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(Reasons.SERVICES_NOT_READY);
    assertThat(ready.getMessage()).isEqualTo("1/2 services ready; waiting for db");
  }

  @Test
  void namesImagePullBackOffFromPods() {
    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation("db"), List.of(), List.of()),
            List.of(deployment("db", 0, 1, 1)),
            List.of(waitingPod("db", "ImagePullBackOff")),
            T1);
    Condition ready = condition(status, Conditions.READY);
    assertThat(ready.getReason()).isEqualTo(Reasons.IMAGE_PULL_BACK_OFF);
    assertThat(ready.getMessage())
        .isEqualTo(
            "0/1 services ready; waiting for db (ImagePullBackOff: container db cannot pull image"
                + " db:1)");
  }

  @Test
  void serviceInAnotherServicesPodIsReportedUnderItsOwnName() {
    // torrent runs as a container in vpn's pod (network_mode: service:vpn)
    Translation translation =
        new Translation(
            List.of(),
            List.of(),
            List.of(
                new Translation.ServiceSummary(
                    "torrent", "Deployment", "vpn", "qbittorrent:4", null, "torrent"),
                new Translation.ServiceSummary("vpn", "Deployment", "vpn", "gluetun:3", null)),
            new TreeSet<>());
    Pod pod = waitingPod("vpn", "CrashLoopBackOff");
    pod.getStatus()
        .getContainerStatuses()
        .add(
            new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                .withName("torrent")
                .withImage("qbittorrent:4")
                .withNewState()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .endWaiting()
                .endState()
                .build());

    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation, List.of(), List.of()),
            List.of(deployment("vpn", 0, 1, 1)),
            List.of(pod),
            T1);

    assertThat(status.getServices())
        .extracting(s -> s.getName() + " " + s.getWorkload() + " " + s.getMessage())
        .containsExactly(
            "torrent Deployment/vpn ImagePullBackOff: container torrent cannot pull image"
                + " qbittorrent:4",
            "vpn Deployment/vpn CrashLoopBackOff: container vpn keeps exiting");
  }

  @Test
  void podNoNodeCanTakeIsUnschedulableWithTheSchedulersReason() {
    // the condition as kube-scheduler 1.36 wrote it for a GPU request on nodes without GPUs
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("ollama-abc")
            .withLabels(Labels.forService("shop", "ollama"))
            .endMetadata()
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage(
                "0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to"
                    + " deallocate, preemption: 0/2 nodes are available: 2 Preemption is not"
                    + " helpful for scheduling.")
            .endCondition()
            .endStatus()
            .build();

    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation("ollama"), List.of(), List.of()),
            List.of(deployment("ollama", 0, 1, 1)),
            List.of(pod),
            T1);

    assertThat(status.getServices())
        .extracting(s -> s.getName() + " " + s.getMessage())
        .containsExactly(
            "ollama Unschedulable: no node can take the pod: 0/2 nodes are available: 2"
                + " Insufficient nvidia.com/gpu.");
  }

  @Test
  void daemonSetIsReadyWhenEveryNodeRunsAnUpdatedAvailablePod() {
    java.util.function.IntFunction<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemonSet =
        available ->
            new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                .withNewMetadata()
                .withName("agent")
                .withGeneration(2L)
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withDesiredNumberScheduled(3)
                .withUpdatedNumberScheduled(3)
                .withNumberAvailable(available)
                .withNumberReady(available)
                .endStatus()
                .build();
    Translation translation =
        new Translation(
            List.of(),
            List.of(),
            List.of(new Translation.ServiceSummary("agent", "DaemonSet", "agent", "agent:1", null)),
            new TreeSet<>());

    ComposeProjectStatus ready =
        calculate(
            null,
            Outcome.applied(translation, List.of(), List.of()),
            List.of(daemonSet.apply(3)),
            List.of(),
            T1);
    ComposeProjectStatus waiting =
        calculate(
            null,
            Outcome.applied(translation, List.of(), List.of()),
            List.of(daemonSet.apply(2)),
            List.of(),
            T1);

    assertThat(condition(ready, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(ready.getServices().get(0).getWorkload()).isEqualTo("DaemonSet/agent");
    assertThat(condition(waiting, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(waiting.getServices().get(0).getMessage())
        .isEqualTo("2/3 nodes run an available pod");
    assertThat(waiting.getServices().get(0).getReadyReplicas()).isEqualTo(2);
  }

  @Test
  void missingSecretIsWaitingForSecret() {
    ComposeProjectStatus status =
        StatusCalculator.calculate(
            null,
            3,
            Outcome.applied(translation("db"), List.of(), List.of()),
            new Observed(
                List.of(deployment("db", 0, 1, 1)),
                List.of(),
                new TreeSet<>(Set.of("db-password"))),
            T1);
    assertThat(condition(status, Conditions.READY).getReason())
        .isEqualTo(Reasons.WAITING_FOR_SECRET);
    assertThat(condition(status, Conditions.READY).getMessage())
        .isEqualTo(
            "0/1 services ready; waiting for Secret db-password (not found); waiting for db");
  }

  @Test
  void failedJobReportsExitCode() {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("migrate")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .addNewCondition()
            .withType("Failed")
            .withStatus("True")
            .withReason("BackoffLimitExceeded")
            .endCondition()
            .endStatus()
            .build();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("migrate-x")
            .withLabels(Labels.forService("shop", "migrate"))
            .endMetadata()
            .withNewStatus()
            .addNewContainerStatus()
            .withName("migrate")
            .withNewState()
            .withNewTerminated()
            .withExitCode(3)
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    Translation translation =
        new Translation(
            List.of(),
            List.of(),
            List.of(new Translation.ServiceSummary("migrate", "Job", "migrate", "app:1", null)),
            new TreeSet<>());
    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(translation, List.of(), List.of()),
            List.of(job),
            List.of(pod),
            T1);
    assertThat(condition(status, Conditions.READY).getReason()).isEqualTo(Reasons.JOB_FAILED);
    assertThat(status.getServices().get(0).getMessage())
        .isEqualTo("did not complete successfully: exit 3 (BackoffLimitExceeded)");
  }

  @Test
  void invalidInputKeepsServicesAndMakesBothConditionsFalse() {
    ComposeProjectStatus before =
        calculate(
            null,
            Outcome.applied(translation("db"), List.of(), List.of()),
            List.of(deployment("db", 1, 1, 1)),
            List.of(),
            T1);
    ComposeProjectStatus after =
        calculate(
            before,
            Outcome.refused(Reasons.INVALID_COMPOSE, "compose.yaml: services.db.ports[0]: bad"),
            List.of(),
            List.of(),
            T2);
    assertThat(condition(after, Conditions.RECONCILED).getReason())
        .isEqualTo(Reasons.INVALID_COMPOSE);
    assertThat(condition(after, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(condition(after, Conditions.READY).getLastTransitionTime())
        .isEqualTo("2026-01-01T01:00:00Z");
    assertThat(after.getServices()).isEqualTo(before.getServices());
  }

  @Test
  void unchangedStateGivesEqualStatusAndKeepsTransitionTime() {
    Outcome outcome = Outcome.applied(translation("db"), List.of(), List.of());
    List<HasMetadata> owned = List.of(deployment("db", 1, 1, 1));
    ComposeProjectStatus first = calculate(null, outcome, owned, List.of(), T1);
    ComposeProjectStatus second = calculate(first, outcome, owned, List.of(), T2);
    assertThat(second).isEqualTo(first);
    assertThat(condition(second, Conditions.READY).getLastTransitionTime())
        .isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void conflictMakesReconciledFalse() {
    ComposeProjectStatus status =
        calculate(
            null,
            Outcome.applied(
                translation("web"),
                List.of("Deployment/web exists and belongs to project blog"),
                List.of()),
            List.of(),
            List.of(),
            T1);
    assertThat(condition(status, Conditions.RECONCILED).getReason()).isEqualTo(Reasons.CONFLICT);
    assertThat(condition(status, Conditions.READY).getReason()).isEqualTo(Reasons.CONFLICT);
  }

  @Test
  void aMissingCrdMakesReconciledFalseButNotReady() {
    Outcome outcome =
        Outcome.applied(translation("db"), List.of(), List.of())
            .withMissingKinds(List.of("HTTPRoute db not applied: no CRD"));
    ComposeProjectStatus status =
        calculate(null, outcome, List.of(deployment("db", 1, 1, 1)), List.of(), T1);

    Condition reconciled = condition(status, Conditions.RECONCILED);
    assertThat(reconciled.getStatus()).isEqualTo("False");
    assertThat(reconciled.getReason()).isEqualTo(Reasons.MISSING_CRD);
    assertThat(reconciled.getMessage()).isEqualTo("HTTPRoute db not applied: no CRD");
    // the services run: the route is what is missing, and Reconciled says so
    assertThat(condition(status, Conditions.READY).getReason()).isEqualTo(Reasons.SERVICES_READY);
  }

  @Test
  void anImmutableFieldAndAMissingCrdAreBothReported() {
    Outcome outcome =
        Outcome.applied(translation("db"), List.of(), List.of("Deployment db: selector"))
            .withMissingKinds(List.of("HTTPRoute db not applied: no CRD"));
    Condition reconciled =
        condition(calculate(null, outcome, List.of(), List.of(), T1), Conditions.RECONCILED);

    assertThat(reconciled.getReason()).isEqualTo(Reasons.IMMUTABLE_FIELD);
    assertThat(reconciled.getMessage())
        .isEqualTo("Deployment db: selector; HTTPRoute db not applied: no CRD");
  }
}
