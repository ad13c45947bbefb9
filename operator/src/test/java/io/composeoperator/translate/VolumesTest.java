package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.ServiceFileRef;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VolumesTest {

  static ServiceVolumeConfig named(String source, String target) {
    return new ServiceVolumeConfig(
        "volume", source, target, false, false, null, null, null, false, null);
  }

  static ServiceVolumeConfig bind(String source, String target) {
    return new ServiceVolumeConfig(
        "bind", source, target, false, false, null, null, null, true, null);
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

    assertThat(Volumes.claims(model, ProjectOptions.defaults("shop"), new Warnings()))
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
    Volumes.PodStorage storage = Volumes.forService(TestModels.context(model, "db"));
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

    var peers = Volumes.sharedSingleNodeClaims(model, ProjectOptions.defaults("p"), warnings);

    assertThat(peers.get("a").keySet()).containsExactly("a", "b");
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

    assertThat(Volumes.sharedSingleNodeClaims(model, ProjectOptions.defaults("p"), new Warnings()))
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

    assertThat(Volumes.claims(model, ProjectOptions.defaults("p"), new Warnings())).isEmpty();
    assertThat(
            Volumes.forService(TestModels.context(model, "a"))
                .volumes()
                .get(0)
                .getPersistentVolumeClaim()
                .getClaimName())
        .isEqualTo("legacy-data");
  }

  @Test
  void noCopyAndReadOnlyVolumesAreNotSeeded() {
    ServiceVolumeConfig nocopy =
        new ServiceVolumeConfig("volume", "v", "/a", false, true, null, null, null, false, null);
    ServiceVolumeConfig ro =
        new ServiceVolumeConfig("volume", "v", "/b", true, false, null, null, null, false, null);
    ComposeModel model =
        TestModels.project()
            .volume("v")
            .service(TestModels.service("a").volumes(List.of(nocopy, ro)).build())
            .build();

    Volumes.PodStorage storage = Volumes.forService(TestModels.context(model, "a"));

    assertThat(storage.seeds()).isEmpty();
    assertThat(storage.mounts().get(1).getReadOnly()).isTrue();
  }

  @Test
  void tmpfsAndShmSizeBecomeInMemoryEmptyDirs() {
    ServiceVolumeConfig tmpfs =
        new ServiceVolumeConfig(
            "tmpfs", null, "/run", false, false, null, new ByteSize(64L << 20), null, false, null);
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("a")
                .volumes(List.of(tmpfs))
                .shmSize(new ByteSize(1L << 30))
                .build());

    Volumes.PodStorage storage = Volumes.forService(ctx);

    assertThat(storage.volumes())
        .containsExactly(
            new VolumeBuilder()
                .withName("tmpfs-0")
                .withNewEmptyDir()
                .withMedium("Memory")
                .withSizeLimit(new Quantity("64Mi"))
                .endEmptyDir()
                .build(),
            new VolumeBuilder()
                .withName("dshm")
                .withNewEmptyDir()
                .withMedium("Memory")
                .withSizeLimit(new Quantity("1Gi"))
                .endEmptyDir()
                .build());
    assertThat(storage.mounts())
        .extracting(m -> m.getMountPath())
        .containsExactly("/run", "/dev/shm");
  }

  @Test
  void bindMountedFileGivenInSpecFilesBecomesFilesConfigMapWithSubPath() {
    ComposeModel model =
        TestModels.project()
            .file("proxy/nginx.conf", "server {}")
            .service(
                TestModels.service("proxy")
                    .volumes(List.of(bind("proxy/nginx.conf", "/etc/nginx/nginx.conf")))
                    .build())
            .build();

    Volumes.PodStorage storage = Volumes.forService(TestModels.context(model, "proxy"));

    assertThat(storage.filesConfigMap())
        .isEqualTo(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("proxy-files")
                .withLabels(Labels.forService("test", "proxy"))
                .endMetadata()
                .withData(Map.of("proxy_nginx.conf", "server {}"))
                .build());
    assertThat(storage.mounts())
        .containsExactly(
            new VolumeMountBuilder()
                .withName("files")
                .withMountPath("/etc/nginx/nginx.conf")
                .withSubPath("proxy_nginx.conf")
                .withReadOnly(true)
                .build());
  }

  @Test
  void bindMountedDirectoryWithGivenFilesIsMountedAsThatDirectory() {
    ComposeModel model =
        TestModels.project()
            .file("prometheus/prometheus.yml", "scrape_configs: []")
            .file("prometheus/rules/a.yml", "groups: []")
            .service(
                TestModels.service("prom")
                    .volumes(List.of(bind("prometheus", "/etc/prometheus")))
                    .build())
            .build();

    Volumes.PodStorage storage = Volumes.forService(TestModels.context(model, "prom"));

    assertThat(storage.volumes().get(0).getConfigMap().getItems())
        .extracting(i -> i.getKey() + "→" + i.getPath())
        .containsExactly(
            "prometheus_prometheus.yml→prometheus.yml", "prometheus_rules_a.yml→rules/a.yml");
    assertThat(storage.mounts().get(0).getSubPath()).isNull();
  }

  @Test
  void projectPathWithoutFilesIsSkippedWithAWarning() {
    ServiceContext ctx =
        TestModels.context(TestModels.service("app").volumes(List.of(bind(".", "/app"))).build());

    Volumes.PodStorage storage = Volumes.forService(ctx);

    assertThat(storage.mounts()).isEmpty();
    assertThat(ctx.warnings().toList().get(0).toString())
        .startsWith("services.app.volumes[0]: bind mount of the project path . is skipped");
  }

  @Test
  void configsBecomeConfigMapsAndSecretsAreMountedFromUserSecrets() {
    ComposeModel model =
        TestModels.project()
            .config(new ConfigObjConfig("app_conf", null, "app.conf", null, null, null, false))
            .file("app.conf", "x=1")
            .secret("db_password")
            .service(
                TestModels.service("api")
                    .configs(
                        List.of(new ServiceFileRef("app_conf", "/etc/app.conf", null, null, null)))
                    .secrets(
                        List.of(
                            new ServiceFileRef(
                                "db_password", "/run/secrets/db_password", null, null, 0400)))
                    .build())
            .build();

    assertThat(Volumes.configConfigMaps(model, ProjectOptions.defaults("p")))
        .containsExactly(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app-conf")
                .withLabels(Labels.forProjectObject("p", "app-conf"))
                .endMetadata()
                .withData(Map.of("app_conf", "x=1"))
                .build());
    ServiceContext ctx = TestModels.context(model, "api");
    Volumes.PodStorage storage = Volumes.forService(ctx);
    assertThat(storage.volumes().get(1))
        .isEqualTo(
            new VolumeBuilder()
                .withName("secret-db-password-400")
                .withNewSecret()
                .withSecretName("db-password")
                .addNewItem()
                .withKey("db_password")
                .withPath("db_password")
                .withMode(0400)
                .endItem()
                .endSecret()
                .build());
    assertThat(storage.mounts())
        .extracting(m -> m.getSubPath())
        .containsExactly("app_conf", "db_password");
    assertThat(ctx.requiredSecrets()).containsExactly("db-password");
    assertThat(storage.configMaps().keySet()).containsExactly("app-conf");
  }

  @Test
  void configFileWithoutContentIsAnErrorNamingSpecFiles() {
    ComposeModel model =
        TestModels.project()
            .config(new ConfigObjConfig("c", null, "conf/c.ini", null, null, null, false))
            .service(
                TestModels.service("a")
                    .configs(List.of(new ServiceFileRef("c", "/c", null, null, null)))
                    .build())
            .build();

    assertThatThrownBy(() -> Volumes.configConfigMaps(model, ProjectOptions.defaults("p")))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("configs.c.file")
        .hasMessageContaining("conf/c.ini")
        .hasMessageContaining("spec.files");
  }

  @Test
  void duplicateMountTargetIsAnError() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.project()
                .volume("a")
                .volume("b")
                .service(
                    TestModels.service("x")
                        .volumes(List.of(named("a", "/d"), named("b", "/d")))
                        .build())
                .build(),
            "x");

    assertThatThrownBy(() -> Volumes.forService(ctx))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("two mounts at /d");
  }

  @Test
  void configMapOverOneMebibyteIsAnError() {
    ComposeModel model =
        TestModels.project()
            .file("big.bin", "x".repeat(1024 * 1024 + 1))
            .service(TestModels.service("a").volumes(List.of(bind("big.bin", "/big"))).build())
            .build();

    assertThatThrownBy(() -> Volumes.forService(TestModels.context(model, "a")))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("at most 1 MiB");
  }
}
