package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --replicas N} on {@code render} and {@code convert}, through the real Main. */
class ReplicasCliTest {
  private static final String COMPOSE =
      """
      services:
        web: {image: "nginx:1.27"}
        db: {image: "postgres:16", deploy: {replicas: 1}}
      """;

  @TempDir Path dir;

  private static Integer replicas(List<HasMetadata> objects, String name) {
    return objects.stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name))
        .map(o -> ((Deployment) o).getSpec().getReplicas())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void renderGivesServicesWithoutACountTheReplicas() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun run = CliRun.in(dir, "render", "--replicas", "3", "--name", "shop");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    assertThat(replicas(objects, "web")).isEqualTo(3);
    assertThat(replicas(objects, "db")).isEqualTo(1);
  }

  @Test
  void convertRecordsItSoRenderingTheProjectPrintsTheSame() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun convert = CliRun.in(dir, "convert", "--replicas=2", "--name", "shop");
    assertThat(convert.exitCode()).as(convert.err()).isZero();
    ComposeProject project = Serialization.unmarshal(convert.out(), ComposeProject.class);
    assertThat(project.getSpec().getDefaultReplicas()).isEqualTo(2);
    assertThat(convert.out()).contains("defaultReplicas: 2");

    Files.writeString(dir.resolve("project.yaml"), convert.out());
    CliRun fromProject = CliRun.in(dir, "render", "-f", "project.yaml");
    CliRun fromFile = CliRun.in(dir, "render", "--replicas", "2", "--name", "shop");
    assertThat(fromProject.exitCode()).as(fromProject.err()).isZero();
    assertThat(fromProject.out()).isEqualTo(fromFile.out());
    assertThat(replicas(CliRun.objects(fromProject.out()), "web")).isEqualTo(2);
  }

  @Test
  void convertWithoutTheFlagWritesNoField() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun convert = CliRun.in(dir, "convert", "--name", "shop");

    assertThat(convert.exitCode()).as(convert.err()).isZero();
    assertThat(convert.out()).doesNotContain("defaultReplicas");
  }

  @Test
  void aNegativeCountIsAUsageError() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun run = CliRun.in(dir, "render", "--replicas", "-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--replicas: -1 is not a replica count (0 or more)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpListsTheFlag() {
    CliRun run = CliRun.in(dir, "convert", "--help");
    assertThat(run.out()).contains("--replicas=N");
  }
}
