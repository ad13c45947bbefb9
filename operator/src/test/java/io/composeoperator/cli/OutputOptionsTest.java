package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kompose's conveniences: -o FILE, -o DIR/, -j, and render's warnings about running its output. */
class OutputOptionsTest {
  @TempDir Path dir;

  private static final String COMPOSE =
      """
      services:
        web:
          image: nginx
          ports: ["8080:80"]
          depends_on: [db]
        db:
          image: postgres:16
      """;

  @Test
  void outFileGetsTheYamlThatStdoutWouldHave() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    CliRun stdout = CliRun.in(dir, "render", "-p", "shop");

    CliRun toFile = CliRun.in(dir, "render", "-p", "shop", "-o", "out/shop.yaml");

    assertThat(toFile.exitCode()).as(toFile.err()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("out/shop.yaml"))).isEqualTo(stdout.out());
  }

  @Test
  void outDirectoryGetsOneFilePerObjectNamedByKindAndName() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun run = CliRun.in(dir, "render", "-p", "shop", "-o", "k8s/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(dir.resolve("k8s"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("deployment-web.yaml", "deployment-db.yaml", "service-web-published.yaml");
    }
    assertThat(CliRun.objects(Files.readString(dir.resolve("k8s/deployment-web.yaml"))))
        .singleElement()
        .satisfies(o -> assertThat(o.getMetadata().getName()).isEqualTo("web"));
  }

  @Test
  void jsonIsAListOfTheSameObjects() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    CliRun yaml = CliRun.in(dir, "render", "-p", "shop");

    CliRun json = CliRun.in(dir, "render", "-p", "shop", "-j");

    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out()).startsWith("{");
    assertThat(Serialization.unmarshal(json.out(), KubernetesList.class).getItems())
        .isEqualTo(CliRun.objects(yaml.out()));
  }

  @Test
  void renderWarnsAboutTheDefaultWaitImageAndClusterIpPublishedPorts() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun defaults = CliRun.in(dir, "render", "-p", "shop");
    CliRun chosen =
        CliRun.in(
            dir,
            "render",
            "-p",
            "shop",
            "--wait-image",
            "registry/wait:1",
            "--exposure",
            "NodePort");

    assertThat(defaults.err())
        .contains(
            "compose.yaml: depends_on: the wait init containers use the default image"
                + " ghcr.io/compose-operator/compose-operator:0.1.0, which the cluster must be able"
                + " to pull")
        .contains(
            "compose.yaml: services.web.ports: published ports stay ClusterIP, reachable only"
                + " inside the cluster");
    assertThat(chosen.exitCode()).as(chosen.err()).isZero();
    assertThat(chosen.err()).doesNotContain("default image", "stay ClusterIP");
  }
}
