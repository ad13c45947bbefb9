package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodVolumesTest {

  static ServiceVolumeConfig named(String source, String target) {
    return new ServiceVolumeConfig(
        "volume", source, target, false, false, null, null, null, false, null);
  }

  static ServiceVolumeConfig bind(String source, String target) {
    return new ServiceVolumeConfig(
        "bind", source, target, false, false, null, null, null, false, null);
  }

  static ServiceVolumeConfig readOnlyBind(String source, String target) {
    return new ServiceVolumeConfig(
        "bind", source, target, true, false, null, null, null, false, null);
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

    PodVolumes.PodStorage storage = PodVolumes.forService(TestModels.context(model, "a"));

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

    PodVolumes.PodStorage storage = PodVolumes.forService(ctx);

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
  void readOnlyBindMountedFileGivenInSpecFilesBecomesFilesConfigMapWithSubPath() {
    ComposeModel model =
        TestModels.project()
            .file("proxy/nginx.conf", "server {}")
            .service(
                TestModels.service("proxy")
                    .volumes(List.of(readOnlyBind("proxy/nginx.conf", "/etc/nginx/nginx.conf")))
                    .build())
            .build();

    PodVolumes.PodStorage storage = PodVolumes.forService(TestModels.context(model, "proxy"));

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
  void readOnlyBindMountedDirectoryWithGivenFilesIsMountedAsThatDirectory() {
    ComposeModel model =
        TestModels.project()
            .file("prometheus/prometheus.yml", "scrape_configs: []")
            .file("prometheus/rules/a.yml", "groups: []")
            .service(
                TestModels.service("prom")
                    .volumes(List.of(readOnlyBind("prometheus", "/etc/prometheus")))
                    .build())
            .build();

    PodVolumes.PodStorage storage = PodVolumes.forService(TestModels.context(model, "prom"));

    assertThat(storage.volumes().get(0).getConfigMap().getItems())
        .extracting(i -> i.getKey() + "→" + i.getPath())
        .containsExactly(
            "prometheus_prometheus.yml→prometheus.yml", "prometheus_rules_a.yml→rules/a.yml");
    assertThat(storage.mounts().get(0).getSubPath()).isNull();
  }

  @Test
  void projectDirectoryIsSourceCodeSkippedWithAWarning() {
    ServiceContext ctx =
        TestModels.context(TestModels.service("app").volumes(List.of(bind(".", "/app"))).build());

    PodVolumes.PodStorage storage = PodVolumes.forService(ctx);

    assertThat(storage.mounts()).isEmpty();
    assertThat(ctx.warnings().toList().get(0).toString())
        .startsWith(
            "services.app.volumes[0]: bind mount of . is source code the image already holds");
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

    assertThatThrownBy(() -> PodVolumes.forService(ctx))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("two mounts at /d");
  }

  @Test
  void aTmpfsEntryIsReportedWhereTheFileWroteIt() {
    assertThatThrownBy(
            () ->
                Renderer.render(
                    io.composeoperator.compose.ComposeSource.of(
                        "compose.yaml",
                        "services:\n  web:\n    image: nginx:1.27\n"
                            + "    volumes: [\"./a:/a\", \"/x\"]\n    tmpfs: [/run, /x]\n"),
                    ProjectOptions.defaults("p")))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.tmpfs[1]: two mounts at /x (also services.web.volumes[1]);"
                + " Compose rejects duplicate mount targets too");
    assertThatThrownBy(
            () ->
                Renderer.render(
                    io.composeoperator.compose.ComposeSource.of(
                        "compose.yaml",
                        "services:\n  web:\n    image: nginx:1.27\n"
                            + "    volumes: [\"/x\"]\n    tmpfs: /x\n"),
                    ProjectOptions.defaults("p")))
        .hasMessage(
            "compose.yaml: services.web.tmpfs: two mounts at /x (also services.web.volumes[0]);"
                + " Compose rejects duplicate mount targets too");
  }

  @Test
  void configMapOverOneMebibyteIsAnError() {
    ComposeModel model =
        TestModels.project()
            .file("big.bin", "x".repeat(1024 * 1024 + 1))
            .service(TestModels.service("a").volumes(List.of(bind("big.bin", "/big"))).build())
            .build();

    assertThatThrownBy(() -> PodVolumes.forService(TestModels.context(model, "a")))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("at most 1 MiB");
  }
}
