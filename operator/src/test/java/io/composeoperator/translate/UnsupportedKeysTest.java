package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UnsupportedKeysTest {
  private final Warnings warnings = new Warnings();

  private List<String> warn(List<String> topLevel, ServiceConfig... services) {
    TreeMap<String, ServiceConfig> byName = new TreeMap<>();
    for (ServiceConfig s : services) {
      byName.put(s.name(), s);
    }
    ComposeModel model =
        new ComposeModel(
            "compose.yaml",
            null,
            byName,
            new TreeMap<>(),
            new TreeMap<>(),
            new TreeMap<>(),
            new TreeMap<>(),
            new TreeMap<>(),
            topLevel);
    UnsupportedKeys.warnAbout(model, warnings);
    return warnings.toList().stream().map(Object::toString).toList();
  }

  private static ServiceConfig service(String name, String... keys) {
    return ServiceConfig.builder(name).unmodelledKeys(List.of(keys)).build();
  }

  @Test
  void everyUnmodelledServiceKeyIsWarnedWithItsReason() {
    assertThat(
            warn(
                List.of(),
                service("api", "services.api.develop", "services.api.logging"),
                service("db", "services.db.ulimits")))
        .containsExactly(
            "services.api.develop: `develop` is ignored: a local development feature (file sync) with no"
                + " meaning on a cluster",
            "services.api.logging: `logging` is ignored: container logs go to the cluster's"
                + " logging",
            "services.db.ulimits: `ulimits` is ignored: Kubernetes has no per-container ulimits");
  }

  @Test
  void nestedKeysFindTheReasonOfTheirParent() {
    assertThat(
            warn(
                List.of(),
                service(
                    "api",
                    "services.api.deploy.placement.constraints",
                    "services.api.deploy.resources.reservations.devices",
                    "services.api.gpus")))
        .containsExactly(
            "services.api.deploy.placement.constraints: `constraints` is ignored: Swarm placement"
                + " on node labels; pods are placed by the cluster's scheduler",
            "services.api.deploy.resources.reservations.devices: `devices` is ignored: GPUs and"
                + " other devices are requested as extended resources of a device plugin"
                + " (nvidia.com/gpu), which Compose cannot name; nothing is requested",
            "services.api.gpus: `gpus` is ignored: GPUs and other devices are requested as"
                + " extended resources of a device plugin (nvidia.com/gpu), which Compose cannot"
                + " name; nothing is requested");
  }

  @Test
  void namedAndIndexedPathsAreMatchedByShape() {
    assertThat(
            warn(
                List.of("networks.front.ipam"),
                service(
                    "web.v2",
                    "services.web.v2.networks.front.mac_address",
                    "services.web.v2.volumes[1].bind.selinux")))
        .containsExactly(
            "networks.front.ipam: `ipam` is ignored: pod addresses are assigned by the cluster",
            "services.web.v2.networks.front.mac_address: `mac_address` is ignored: pods have one"
                + " interface on the cluster network; per-network interface settings do not exist"
                + " there",
            "services.web.v2.volumes[1].bind.selinux: `selinux` is ignored: bind mount options are"
                + " a feature of the Docker host");
  }

  @Test
  void shortSyntaxMountOptionsAreWarned() {
    assertThat(warn(List.of(), service("web", "services.web.volumes[0]:z")))
        .containsExactly(
            "services.web.volumes[0]:z: mount option `z` is ignored: SELinux relabelling and mount"
                + " propagation are features of the Docker host");
  }

  @Test
  void topLevelKeysAreWarned() {
    assertThat(warn(List.of("models")))
        .containsExactly(
            "models: `models` is ignored: AI models are run by Docker Model Runner, not by"
                + " Kubernetes");
  }

  @Test
  void unknownKeysGetTheGenericReasonNeverSilence() {
    assertThat(warn(List.of("something_new"), service("api", "services.api.brand_new_key")))
        .containsExactly(
            "services.api.brand_new_key: `brand_new_key` is ignored: Kubernetes has no"
                + " equivalent for it",
            "something_new: `something_new` is ignored: Kubernetes has no equivalent for it");
  }

  @Test
  void modelledKeysWithoutKubernetesEquivalentAreWarned() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .volumesFrom(List.of("data"))
            .devices(List.of("/dev/fuse:/dev/fuse"))
            .dependsOn(
                new TreeMap<>(
                    Map.of(
                        "db",
                        new ServiceDependency(
                            ServiceDependency.Condition.SERVICE_STARTED, true, true, false))))
            .build();

    assertThat(warn(List.of(), web))
        .containsExactly(
            "services.web.depends_on.db.restart: `restart` is ignored: pods are not restarted when"
                + " db is updated",
            "services.web.devices: `devices` is ignored: host devices are not mapped (a privileged"
                + " container sees the node's devices)",
            "services.web.volumes_from: `volumes_from` is ignored: each service is its own pod, so"
                + " it cannot mount another container's volumes; mount the same named volumes"
                + " instead (the service still waits for data)");
  }

  @Test
  void nothingUnmodelledMeansNoWarnings() {
    assertThat(warn(List.of(), service("api"))).isEmpty();
  }
}
