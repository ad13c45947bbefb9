package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCollectorTest {
  @TempDir Path dir;

  @BeforeEach
  void composeFile() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
  }

  private static ServiceVolumeConfig bind(String source, String target) {
    return new ServiceVolumeConfig(
        ServiceVolumeConfig.BIND, source, target, false, false, null, null, null, false, null);
  }

  private static ComposeModel model(
      List<ServiceVolumeConfig> volumes,
      Map<String, ConfigObjConfig> configs,
      Map<String, SecretConfig> secrets,
      Map<String, String> files) {
    ServiceConfig web =
        ServiceConfig.builder("web").image(ImageConfig.of("nginx")).volumes(volumes).build();
    return new ComposeModel(
        "compose.yaml",
        null,
        new TreeMap<>(Map.of("web", web)),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(secrets),
        new TreeMap<>(configs),
        new TreeMap<>(files),
        List.of());
  }

  private FileCollector.Collected collect(ComposeModel model) throws IOException {
    return FileCollector.collect(
        dir, "compose.yaml", model, Set.of(), FileSnapshot.of(dir, "web.env"), Set.of());
  }

  @Test
  void bindMountedFileAndSmallDirectoryAreShipped() throws IOException {
    Files.writeString(dir.resolve("nginx.conf"), "server {}\n");
    Files.createDirectories(dir.resolve("prometheus/rules"));
    Files.writeString(dir.resolve("prometheus/prometheus.yml"), "scrape_configs: []\n");
    Files.writeString(dir.resolve("prometheus/rules/a.yml"), "groups: []\n");

    FileCollector.Collected collected =
        collect(
            model(
                List.of(bind("nginx.conf", "/etc/nginx/nginx.conf"), bind("prometheus", "/etc/p")),
                Map.of(),
                Map.of(),
                Map.of()));

    assertThat(collected.files())
        .containsExactly(
            Map.entry("nginx.conf", "server {}\n"),
            Map.entry("prometheus/prometheus.yml", "scrape_configs: []\n"),
            Map.entry("prometheus/rules/a.yml", "groups: []\n"));
    assertThat(collected.warnings()).isEmpty();
  }

  @Test
  void projectDirectoryIsADevelopmentMountAndNotShipped() throws IOException {
    Files.writeString(dir.resolve("app.js"), "console.log(1)\n");

    FileCollector.Collected collected =
        collect(model(List.of(bind(".", "/app")), Map.of(), Map.of(), Map.of()));

    assertThat(collected.files()).isEmpty();
    assertThat(collected.warnings()).isEmpty();
  }

  @Test
  void directoryOverTheCapIsWarnedAndNotShipped() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/big.js"), "x".repeat(200 * 1024));
    Files.writeString(dir.resolve("src/more.js"), "y".repeat(100 * 1024));

    FileCollector.Collected collected =
        collect(model(List.of(bind("src", "/app/src")), Map.of(), Map.of(), Map.of()));

    assertThat(collected.files()).isEmpty();
    assertThat(collected.warnings())
        .containsExactly(
            new Warning(
                "services.web.volumes[0]",
                "src holds more than 256 KiB of files: not shipped, so its content does not reach"
                    + " the cluster (it is mounted as a directory whose content is not given)"));
  }

  @Test
  void binaryFilesInADirectoryAreSkippedWithAWarning() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/app.ini"), "a=1\n");
    Files.write(dir.resolve("conf/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});

    FileCollector.Collected collected =
        collect(model(List.of(bind("conf", "/etc/app")), Map.of(), Map.of(), Map.of()));

    assertThat(collected.files()).containsOnlyKeys("conf/app.ini");
    assertThat(collected.warnings())
        .containsExactly(
            new Warning("services.web.volumes[0]", "conf: 1 binary file(s) are not shipped"));
  }

  @Test
  void configFilesAndEnvFilesAreShippedButSecretsNever() throws IOException {
    Files.writeString(dir.resolve("app.conf"), "debug=false\n");
    Files.writeString(dir.resolve("web.env"), "A=1\n");
    Files.writeString(dir.resolve("password.txt"), "hunter2\n");

    FileCollector.Collected collected =
        FileCollector.collect(
            dir,
            "compose.yaml",
            model(
                List.of(),
                Map.of(
                    "app", new ConfigObjConfig("app", null, "app.conf", null, null, null, false)),
                Map.of("db_pw", new SecretConfig("db_pw", null, "password.txt", null, false)),
                Map.of("web.env", "A=1\n", "password.txt", "hunter2\n")),
            Set.of("web.env", "password.txt"),
            FileSnapshot.of(dir, "web.env password.txt app.conf"),
            Set.of());

    assertThat(collected.files())
        .containsExactly(Map.entry("app.conf", "debug=false\n"), Map.entry("web.env", "A=1\n"));
    assertThat(collected.secretFiles())
        .containsExactly(new FileCollector.SecretFile("db_pw", "db-pw", "password.txt"));
  }

  @Test
  void hostPathsAreNeverRead() throws IOException {
    FileCollector.Collected collected =
        collect(model(List.of(bind("/etc", "/host-etc")), Map.of(), Map.of(), Map.of()));

    assertThat(collected.files()).isEmpty();
  }
}
