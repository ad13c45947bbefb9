package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ExtraHost;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.HostAliasBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  private static Workloads.ServiceObjects translate(ServiceConfig service, boolean runsOnce) {
    return Workloads.forService(TestModels.context(service), runsOnce, new TreeSet<>(), Map.of());
  }

  @Test
  void longRunningServiceIsADeploymentWithoutReplicasWhenUnset() {
    Deployment deployment =
        (Deployment) translate(TestModels.service("web").build(), false).workload();

    assertThat(deployment.getSpec().getReplicas()).isNull();
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector("test", "web"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(Labels.selector("test", "web"));
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(10L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void replicasAndStopGracePeriodAreWrittenOut() {
    Deployment deployment =
        (Deployment)
            translate(
                    TestModels.service("web")
                        .replicas(3)
                        .stop(stop -> stop.withGracePeriod(Duration.ofMillis(1500)))
                        .build(),
                    false)
                .workload();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isEqualTo(2L);
  }

  @Test
  void restartNoIsAJobThatNeverRetries() {
    Job job =
        (Job)
            translate(
                    TestModels.service("migrate")
                        .restart(
                            new RestartPolicy(
                                RestartPolicy.Kind.NO, null, "services.migrate.restart"))
                        .build(),
                    true)
                .workload();

    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(job.getSpec().getCompletions()).isNull();
  }

  @Test
  void onFailureWithMaximumIsOnFailureWithThatBackoffLimit() {
    Job job =
        (Job)
            translate(
                    TestModels.service("migrate")
                        .restart(
                            new RestartPolicy(
                                RestartPolicy.Kind.ON_FAILURE, 4, "services.migrate.restart"))
                        .replicas(2)
                        .build(),
                    true)
                .workload();

    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(4);
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(job.getSpec().getCompletions()).isEqualTo(2);
    assertThat(job.getSpec().getParallelism()).isEqualTo(2);
  }

  @Test
  void labelsBecomeAnnotationsOnWorkloadAndPod() {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put("traefik.http.routers.web.rule", "Host(`example.com`)");
    Deployment deployment =
        (Deployment)
            translate(TestModels.service("web").metadata(m -> m.withLabels(labels)).build(), false)
                .workload();

    assertThat(deployment.getMetadata().getAnnotations())
        .containsEntry("traefik.http.routers.web.rule", "Host(`example.com`)");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("traefik.http.routers.web.rule", "Host(`example.com`)");
    assertThat(deployment.getMetadata().getLabels()).isEqualTo(Labels.forService("test", "web"));
  }

  @Test
  void dnsAddsToTheClusterResolverAndExtraHostsBecomeHostAliases() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .dns(
                    hosts ->
                        hosts
                            .dns(List.of("1.1.1.1"))
                            .dnsSearch(List.of("example.com"))
                            .dnsOpt(List.of("ndots:2", "rotate"))
                            .extraHosts(
                                List.of(
                                    new ExtraHost("a", "10.0.0.1"),
                                    new ExtraHost("b", "10.0.0.1"),
                                    new ExtraHost("host.docker.internal", "host-gateway"))))
                .image(img -> img.withPlatform("linux/arm64"))
                .build());
    PodSpec pod =
        ((Deployment) Workloads.forService(ctx, false, new TreeSet<>(), Map.of()).workload())
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getDnsPolicy()).isNull();
    assertThat(pod.getDnsConfig())
        .isEqualTo(
            new PodDNSConfigBuilder()
                .withNameservers("1.1.1.1")
                .withSearches("example.com")
                .addNewOption()
                .withName("ndots")
                .withValue("2")
                .endOption()
                .addNewOption()
                .withName("rotate")
                .endOption()
                .build());
    assertThat(pod.getHostAliases())
        .containsExactly(new HostAliasBuilder().withIp("10.0.0.1").withHostnames("a", "b").build());
    assertThat(pod.getNodeSelector())
        .isEqualTo(Map.of("kubernetes.io/os", "linux", "kubernetes.io/arch", "arm64"));
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactly("services.web.extra_hosts");
  }

  @Test
  void sharingTheNamespaceOfAContainerOutsideTheProjectIsAnError() {
    assertThatThrownBy(
            () ->
                translate(
                    TestModels.service("a").namespaces(ns -> ns.networkMode("container:b")).build(),
                    false))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining(
            "services.a.network_mode: container:b: a container outside the project cannot share"
                + " its namespaces with a pod");
  }

  @Test
  void initWithHostPidDoesNotShareTheProcessNamespace() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("a")
                .process(proc -> proc.init(true))
                .namespaces(ns -> ns.pid("host"))
                .build(),
            TestModels.withProfile(io.composeoperator.api.v1alpha1.SecurityProfile.privileged));
    Workloads.ServiceObjects result = Workloads.forService(ctx, false, new TreeSet<>(), Map.of());
    PodSpec pod = ((Deployment) result.workload()).getSpec().getTemplate().getSpec();

    // the API server refuses shareProcessNamespace together with hostPID
    assertThat(pod.getHostPID()).isTrue();
    assertThat(pod.getShareProcessNamespace()).isNull();
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path() + ": " + w.message())
        .containsExactly(
            "services.a.init: init: true is not needed with pid: host (the host's init reaps"
                + " orphaned processes), and Kubernetes cannot combine it with hostPID; ignored");
  }

  @Test
  void dependsOnAddsWaitContainersServiceAccountAndTokenVolume() {
    TreeMap<String, io.composeoperator.compose.model.ServiceDependency> deps = new TreeMap<>();
    deps.put(
        "db",
        new io.composeoperator.compose.model.ServiceDependency(
            io.composeoperator.compose.model.ServiceDependency.Condition.SERVICE_STARTED,
            true,
            false,
            false));
    var model =
        TestModels.project()
            .service(TestModels.service("db").build())
            .service(TestModels.service("web").dependsOn(deps).build())
            .build();
    PodSpec pod =
        ((Deployment)
                Workloads.forService(
                        TestModels.context(model, "web"), false, new TreeSet<>(), Map.of())
                    .workload())
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("test-wait");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getInitContainers()).extracting(c -> c.getName()).containsExactly("wait-for-db");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("wait-token");
    assertThat(pod.getContainers().get(0).getVolumeMounts()).isEmpty();
  }

  @Test
  void initTrueSharesTheProcessNamespace() {
    Deployment deployment =
        (Deployment)
            translate(TestModels.service("a").process(proc -> proc.init(true)).build(), false)
                .workload();

    assertThat(deployment.getSpec().getTemplate().getSpec().getShareProcessNamespace()).isTrue();
  }

  @Test
  void podsOnASharedReadWriteOnceClaimGetPodAffinity() {
    var affinity =
        Workloads.affinity(
            TestModels.context(TestModels.service("a").build()), new TreeSet<>(List.of("a", "b")));

    var term = affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.getLabelSelector().getMatchExpressions().get(0).getValues())
        .containsExactly("a", "b");
  }

  @Test
  void onFailureWithoutMaximumGivesUpAfterSixRetriesWithAWarning() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("migrate")
                .restart(
                    new RestartPolicy(
                        RestartPolicy.Kind.ON_FAILURE, null, "services.migrate.restart"))
                .build());

    Job job = (Job) Workloads.forService(ctx, true, new TreeSet<>(), Map.of()).workload();

    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(Workloads.UNLIMITED_ON_FAILURE_BACKOFF);
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactly("services.migrate.restart");
  }

  @Test
  void oneShotServiceScaledToZeroIsASuspendedJob() {
    Job job = (Job) translate(TestModels.service("migrate").replicas(0).build(), true).workload();

    assertThat(job.getSpec().getSuspend()).isTrue();
  }

  @Test
  void replicasOnAReadWriteOnceClaimShareItsNode() {
    var mount =
        new io.composeoperator.compose.model.ServiceVolumeConfig(
            "volume", "data", "/data", false, false, null, null, null, false, null);
    var model =
        TestModels.project()
            .volume("data")
            .service(TestModels.service("web").replicas(2).volumes(List.of(mount)).build())
            .build();

    Deployment deployment =
        (Deployment)
            Workloads.forService(TestModels.context(model, "web"), false, new TreeSet<>(), Map.of())
                .workload();

    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(
            deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getAffinity()
                .getPodAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .get(0)
                .getLabelSelector()
                .getMatchExpressions()
                .get(0)
                .getValues())
        .containsExactly("web");
  }
}
