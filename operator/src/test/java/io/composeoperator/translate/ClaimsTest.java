package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClaimsTest {

  static ServiceVolumeConfig named(String source, String target) {
    return new ServiceVolumeConfig(
        "volume", source, target, false, false, null, null, null, false, null);
  }

  @Test
  void namedVolumeIsOneClaimMountedAtASubDirectory() {
    ComposeModel model =
        TestModels.project()
            .volume("pgdata")
            .service(
                TestModels.service("db")
                    .volumes(List.of(named("pgdata", "/var/lib/postgresql/data")))
                    .build())
            .service(
                TestModels.service("backup").volumes(List.of(named("pgdata", "/backup"))).build())
            .build();

    assertThat(Claims.claims(model, ProjectOptions.defaults("shop"), new Warnings()))
        .containsExactly(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("pgdata")
                .withLabels(Labels.forProjectObject("shop", "pgdata"))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .addToRequests("storage", new Quantity("1Gi"))
                .endResources()
                .endSpec()
                .build());
    PodVolumes.PodStorage storage = PodVolumes.forService(TestModels.context(model, "db"));
    assertThat(storage.volumes())
        .containsExactly(
            new VolumeBuilder()
                .withName("vol-pgdata")
                .withNewPersistentVolumeClaim()
                .withClaimName("pgdata")
                .endPersistentVolumeClaim()
                .build());
    assertThat(storage.mounts())
        .containsExactly(
            new VolumeMountBuilder()
                .withName("vol-pgdata")
                .withMountPath("/var/lib/postgresql/data")
                .withSubPath("data")
                .build());
    assertThat(storage.readWriteOnceClaims()).containsExactly("pgdata");
    assertThat(storage.seeds()).hasSize(1);
  }

  @Test
  void sharedReadWriteOnceClaimIsWarnedAndPlacesServicesTogether() {
    ComposeModel model =
        TestModels.project()
            .volume("data")
            .service(TestModels.service("a").volumes(List.of(named("data", "/a"))).build())
            .service(TestModels.service("b").volumes(List.of(named("data", "/b"))).build())
            .build();
    Warnings warnings = new Warnings();

    var peers = Claims.sharedSingleNodeClaims(model, ProjectOptions.defaults("p"), warnings);

    assertThat(peers.get("a")).containsExactly("a", "b");
    assertThat(warnings.toList()).hasSize(1);
    assertThat(warnings.toList().get(0).path()).isEqualTo("volumes.data");
  }

  @Test
  void readWriteManyClaimIsNotSingleNode() {
    ComposeModel model =
        TestModels.project()
            .sharedVolume("data")
            .service(TestModels.service("a").volumes(List.of(named("data", "/a"))).build())
            .service(TestModels.service("b").volumes(List.of(named("data", "/b"))).build())
            .build();

    assertThat(Claims.sharedSingleNodeClaims(model, ProjectOptions.defaults("p"), new Warnings()))
        .isEmpty();
  }

  @Test
  void externalVolumeIsMountedButNeverEmitted() {
    ComposeModel model =
        TestModels.project()
            .volume(
                new VolumeConfig(
                    "old", "legacy-data", true, null, new TreeMap<>(), new TreeMap<>(), null))
            .service(TestModels.service("a").volumes(List.of(named("old", "/data"))).build())
            .build();

    assertThat(Claims.claims(model, ProjectOptions.defaults("p"), new Warnings())).isEmpty();
    assertThat(
            PodVolumes.forService(TestModels.context(model, "a"))
                .volumes()
                .get(0)
                .getPersistentVolumeClaim()
                .getClaimName())
        .isEqualTo("legacy-data");
  }
}
