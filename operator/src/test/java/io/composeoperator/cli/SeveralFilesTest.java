package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f a -f b}, {@code compose.override.yaml} and the default lookup, as docker compose. */
class SeveralFilesTest {
  @TempDir Path dir;

  private static final String BASE =
      """
      services:
        web:
          image: shop/web:1
          environment: {MODE: dev}
          ports: ["8080:80"]
        debug:
          image: busybox
      """;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Deployment deployment(CliRun run, String name) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return CliRun.objects(run.out()).stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name))
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name + " in\n" + run.out()));
  }

  private static List<String> names(CliRun run) {
    return CliRun.objects(run.out()).stream()
        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
        .toList();
  }

  @Test
  void laterFilesAreMergedOverEarlierOnes() throws IOException {
    write("compose.yaml", BASE);
    write(
        "compose.prod.yaml",
        "services:\n  web:\n    image: shop/web:2\n    environment: {MODE: prod}\n  debug: !reset\n");

    CliRun run =
        CliRun.in(dir, "render", "-p", "shop", "-f", "compose.yaml", "-f", "compose.prod.yaml");

    var container = deployment(run, "web").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("shop/web:2");
    assertThat(container.getEnv())
        .extracting("name", "value")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MODE", "prod"));
    assertThat(names(run)).doesNotContain("Deployment/debug");
  }

  @Test
  void composeOverrideYamlBesideComposeYamlIsMergedByDefault() throws IOException {
    write("compose.yaml", BASE);
    write("compose.override.yaml", "services:\n  web:\n    image: shop/web:dev\n");

    CliRun byDefault = CliRun.in(dir, "render", "-p", "shop");
    CliRun explicit = CliRun.in(dir, "render", "-p", "shop", "-f", "compose.yaml");

    assertThat(
            deployment(byDefault, "web")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("shop/web:dev");
    assertThat(
            deployment(explicit, "web")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("shop/web:1");
  }

  @Test
  void twoDefaultFilesAreWarnedAndComposeYamlWins() throws IOException {
    write("compose.yaml", BASE);
    write("docker-compose.yml", "services:\n  other:\n    image: nginx\n");

    CliRun run = CliRun.in(dir, "render", "-p", "shop");

    assertThat(names(run)).contains("Deployment/web").doesNotContain("Deployment/other");
    assertThat(run.err())
        .contains(
            "found several Compose files (compose.yaml, docker-compose.yml); using compose.yaml");
  }

  @Test
  void convertCarriesTheOverrideFilesAndTheOperatorRendersTheSame() throws IOException {
    write("compose.yaml", BASE);
    write("prod/compose.prod.yaml", "services:\n  web:\n    image: shop/web:2\n");

    CliRun convert =
        CliRun.in(
            dir, "convert", "-p", "shop", "-f", "compose.yaml", "-f", "prod/compose.prod.yaml");
    assertThat(convert.exitCode()).as(convert.err()).isZero();
    ComposeProject project = Serialization.unmarshal(convert.out(), ComposeProject.class);
    write("project.yaml", convert.out());
    CliRun fromFiles =
        CliRun.in(
            dir, "render", "-p", "shop", "-f", "compose.yaml", "-f", "prod/compose.prod.yaml");
    CliRun fromProject = CliRun.in(dir, "render", "-f", "project.yaml");

    assertThat(project.getSpec().getCompose()).isEqualTo(BASE);
    assertThat(project.getSpec().getOverrideFiles()).containsExactly("prod/compose.prod.yaml");
    assertThat(project.getSpec().getFiles())
        .containsEntry("prod/compose.prod.yaml", "services:\n  web:\n    image: shop/web:2\n");
    assertThat(fromProject.exitCode()).as(fromProject.err()).isZero();
    assertThat(fromProject.out()).isEqualTo(fromFiles.out());
    assertThat(deployment(fromProject, "web").getSpec().getTemplate().getSpec().getContainers())
        .extracting("image")
        .containsExactly("shop/web:2");
  }

  @Test
  void aDirectoryIsNotAComposeFile() throws IOException {
    write("app/compose.yaml", BASE);

    CliRun run = CliRun.in(dir, "render", "-f", "app");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "app: is a directory; give the Compose file in it (-f app/compose.yaml)"
                + System.lineSeparator());
  }

  @Test
  void onlyTheFirstFileCanComeFromStdin() throws IOException {
    write("compose.yaml", BASE);

    CliRun run = CliRun.in(dir, "render", "-f", "compose.yaml", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("-f -: only the first Compose file can be read from stdin");
  }
}
