package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import io.composeoperator.compose.model.ServicePortConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PodGroupsTest {

  private static Translation translate(ComposeModel model) {
    return ProjectTranslator.translate(
        new LoadResult(model, List.of()), ProjectOptions.defaults("shop"));
  }

  private static TreeMap<String, ServiceDependency> on(String service, Condition condition) {
    TreeMap<String, ServiceDependency> deps = new TreeMap<>();
    deps.put(service, new ServiceDependency(condition, true, false, false));
    return deps;
  }

  private static <T extends HasMetadata> T object(
      Translation translation, Class<T> kind, String name) {
    return translation.objects().stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + "/" + name));
  }

  private static PodSpec pod(Translation translation, String deployment) {
    return object(translation, Deployment.class, deployment).getSpec().getTemplate().getSpec();
  }

  @Test
  void networkModeServiceRunsAsAContainerOfTheOwnersPod() {
    ServicePortConfig ui = new ServicePortConfig(null, 8080, 8080, false, null, "tcp", null, null);
    ComposeModel model =
        TestModels.of(
            TestModels.service("vpn").image(ImageConfig.of("gluetun:3")).ports(List.of(ui)).build(),
            TestModels.service("torrent")
                .image(ImageConfig.of("qbittorrent:4"))
                .namespaces(ns -> ns.networkMode("service:vpn"))
                .dependsOn(on("vpn", Condition.SERVICE_STARTED))
                .build());

    Translation translation = translate(model);

    assertThat(translation.objects())
        .filteredOn(o -> o instanceof Deployment)
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("vpn");
    PodSpec pod = pod(translation, "vpn");
    assertThat(pod.getContainers())
        .extracting(Container::getName)
        .containsExactly("vpn", "torrent");
    assertThat(pod.getContainers().get(1).getImage()).isEqualTo("qbittorrent:4");
    // a dependency inside the pod would wait for the pod itself: dropped
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(pod.getShareProcessNamespace()).isNull();
    // the guest keeps its own Service name, which selects the shared pod
    Service torrent = object(translation, Service.class, "torrent");
    assertThat(torrent.getSpec().getSelector()).isEqualTo(Labels.selector("shop", "vpn"));
    // the published port of the network owner is served by the pod
    assertThat(object(translation, Service.class, "vpn-published").getSpec().getSelector())
        .isEqualTo(Labels.selector("shop", "vpn"));
    assertThat(translation.warnings())
        .contains(
            new Warning(
                "services.torrent.network_mode",
                "torrent runs as a container in the pod of service vpn, because Kubernetes shares"
                    + " namespaces only inside a pod: they scale and restart together, and share"
                    + " the network, IPC and UTS (host name) namespaces"));
    // status reads each service under its own name, from the pod's workload
    assertThat(translation.services())
        .extracting(
            s ->
                s.service() + " " + s.workloadKind() + "/" + s.workloadName() + " " + s.container())
        .containsExactly("torrent Deployment/vpn torrent", "vpn Deployment/vpn vpn");
  }

  @Test
  void aChainOfSharingServicesEndsInOnePodWithSharedProcesses() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("app").build(),
            TestModels.service("debug").namespaces(ns -> ns.pid("service:sidecar")).build(),
            TestModels.service("sidecar").namespaces(ns -> ns.ipc("service:app")).build(),
            TestModels.service("other").build());

    Translation translation = translate(model);

    PodSpec pod = pod(translation, "app");
    // a service after the one it shares with
    assertThat(pod.getContainers())
        .extracting(Container::getName)
        .containsExactly("app", "sidecar", "debug");
    assertThat(pod.getShareProcessNamespace()).isTrue();
    assertThat(pod(translation, "other").getContainers()).hasSize(1);
    assertThat(translation.objects())
        .filteredOn(o -> o instanceof Deployment)
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("app", "other");
  }

  @Test
  void utsServiceRunsInTheOtherServicesPodWithoutAWarningThatItIsIgnored() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("app").build(),
            TestModels.service("clock").namespaces(ns -> ns.uts("service:app")).build());

    Translation translation = translate(model);

    assertThat(pod(translation, "app").getContainers())
        .extracting(Container::getName)
        .containsExactly("app", "clock");
    assertThat(pod(translation, "app").getShareProcessNamespace()).isNull();
    assertThat(translation.objects())
        .filteredOn(o -> o instanceof Deployment)
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("app");
    assertThat(translation.warnings())
        .containsExactly(
            new Warning(
                "services.clock.uts",
                "clock runs as a container in the pod of service app, because Kubernetes shares"
                    + " namespaces only inside a pod: they scale and restart together, and share"
                    + " the network, IPC and UTS (host name) namespaces"));
  }

  @Test
  void dependencyOnAGuestWaitsForItsPod() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("vpn").build(),
            TestModels.service("torrent").namespaces(ns -> ns.networkMode("service:vpn")).build(),
            TestModels.service("web").dependsOn(on("torrent", Condition.SERVICE_STARTED)).build());

    Container wait = pod(translate(model), "web").getInitContainers().get(0);

    assertThat(wait.getName()).isEqualTo("wait-for-torrent");
    assertThat(wait.getArgs())
        .containsExactly("wait", "--project", "shop", "--for", "started", "vpn");
  }

  @Test
  void healthyDependencyInsideThePodIsDroppedWithAWarning() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("vpn")
                .healthcheck(
                    TestModels.healthcheck(
                        io.composeoperator.compose.model.HealthCheckConfig.Kind.CMD, "true"))
                .build(),
            TestModels.service("torrent")
                .namespaces(ns -> ns.networkMode("service:vpn"))
                .dependsOn(on("vpn", Condition.SERVICE_HEALTHY))
                .build());

    Translation translation = translate(model);

    assertThat(pod(translation, "vpn").getInitContainers()).isEmpty();
    assertThat(translation.objects()).noneMatch(o -> o.getKind().equals("ServiceAccount"));
    assertThat(translation.warnings())
        .contains(
            new Warning(
                "services.torrent.depends_on.vpn",
                "torrent and vpn run in one pod, whose containers start together: the wait for vpn"
                    + " to be healthy is dropped"));
  }

  @Test
  void guestVolumesAreAddedOnceAndRenamedOnAClash() {
    ServiceVolumeConfig data =
        new ServiceVolumeConfig(
            "volume", "data", "/data", false, false, null, null, null, false, null);
    ServiceVolumeConfig tmp =
        new ServiceVolumeConfig("tmpfs", null, "/tmp", false, false, null, null, null, false, null);
    ComposeModel model =
        TestModels.project()
            .sharedVolume("data")
            .service(TestModels.service("a").volumes(List.of(data, tmp)).build())
            .service(
                TestModels.service("b")
                    .namespaces(ns -> ns.networkMode("service:a"))
                    .volumes(List.of(data, tmp))
                    .build())
            .build();

    PodSpec pod = pod(translate(model), "a");

    // one claim, mounted by both; each container its own tmpfs
    assertThat(pod.getVolumes())
        .extracting(v -> v.getName())
        .containsExactly("vol-data", "tmpfs-1", "b-tmpfs-1");
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getName())
        .containsExactly("vol-data", "tmpfs-1");
    assertThat(pod.getContainers().get(1).getVolumeMounts())
        .extracting(m -> m.getName())
        .containsExactly("vol-data", "b-tmpfs-1");
  }

  @Test
  void servicesOfOnePodMustRestartAlike() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("vpn").build(),
            TestModels.service("once")
                .namespaces(ns -> ns.networkMode("service:vpn"))
                .restart(new RestartPolicy(RestartPolicy.Kind.NO, null, "restart"))
                .build());

    assertThatThrownBy(() -> translate(model))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.once.network_mode: once shares a namespace with vpn, so both"
                + " run in one pod, but once runs once and vpn keeps running; give both the same"
                + " restart policy");
  }

  @Test
  void servicesThatAllRunOnceShareOneJob() {
    RestartPolicy no = new RestartPolicy(RestartPolicy.Kind.NO, null, "restart");
    ComposeModel model =
        TestModels.of(
            TestModels.service("load").restart(no).build(),
            TestModels.service("probe")
                .namespaces(ns -> ns.ipc("service:load"))
                .restart(no)
                .build());

    Translation translation = translate(model);

    Job job = object(translation, Job.class, "load");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("load", "probe");
    assertThat(translation.objects())
        .noneMatch(o -> o.getMetadata().getName().equals("probe") && o instanceof Job);
  }

  @Test
  void guestPodSettingsThatDifferAreWarnedAndTheGracePeriodIsTheLongest() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("vpn").build(),
            TestModels.service("app")
                .namespaces(ns -> ns.networkMode("service:vpn"))
                .security(sec -> sec.user("1000:1000"))
                .stop(stop -> stop.withGracePeriod(TestModels.seconds(60)))
                .build());

    Translation translation = translate(model);

    PodSpec pod = pod(translation, "vpn");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
    assertThat(pod.getSecurityContext().getFsGroup()).isNull();
    assertThat(pod.getContainers().get(1).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(translation.warnings())
        .contains(
            new Warning(
                "services.app",
                "the pod-level settings (securityContext) of app differ from those of vpn, whose"
                    + " pod it runs in; the pod takes vpn's"));
  }

  @Test
  void aGuestOfAHostNetworkOwnerUsesTheHostNetworkWithoutAWarning() {
    ComposeModel model =
        TestModels.of(
            TestModels.service("agent").namespaces(ns -> ns.networkMode("host")).build(),
            TestModels.service("helper").namespaces(ns -> ns.networkMode("service:agent")).build());

    Translation translation =
        ProjectTranslator.translate(
            new LoadResult(model, List.of()),
            ProjectOptions.defaults("shop")
                .withSecurityProfile(io.composeoperator.api.v1alpha1.SecurityProfile.privileged));

    PodSpec pod = pod(translation, "agent");
    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getContainers())
        .extracting(Container::getName)
        .containsExactly("agent", "helper");
    assertThat(translation.warnings()).noneMatch(w -> w.message().contains("pod-level settings"));
  }

  @Test
  void sharingAContainerOutsideTheProjectIsAnError() {
    ComposeModel model =
        TestModels.of(TestModels.service("a").namespaces(ns -> ns.pid("container:abc")).build());

    assertThatThrownBy(() -> translate(model))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("services.a.pid: container:abc: a container outside the project");
  }
}
