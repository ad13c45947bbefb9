package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's variables, read as docker compose reads them: over .env, under --env. */
class ShellEnvironmentTest {
  @TempDir Path dir;

  private static final String COMPOSE =
      "services:\n  web:\n    image: myorg/web:${TAG}\n    environment:\n      MODE: ${MODE:-dev}\n";

  private static String image(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return CliRun.objects(run.out()).stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  @Test
  void theShellProvidesVariablesAndWinsOverDotEnvButNotOverEnvFlags() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    Map<String, String> shell = Map.of("TAG", "1.2");

    assertThat(image(CliRun.withEnvironment(dir, shell, "render", "-p", "shop")))
        .isEqualTo("myorg/web:1.2");
    Files.writeString(dir.resolve(".env"), "TAG=1.0\n");
    assertThat(image(CliRun.withEnvironment(dir, shell, "render", "-p", "shop")))
        .isEqualTo("myorg/web:1.2");
    assertThat(image(CliRun.in(dir, "render", "-p", "shop"))).isEqualTo("myorg/web:1.0");
    assertThat(
            image(CliRun.withEnvironment(dir, shell, "render", "-p", "shop", "--env", "TAG=2.0")))
        .isEqualTo("myorg/web:2.0");
  }

  @Test
  void convertRecordsTheShellVariablesTheProjectUsesAndNoOthers() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    Map<String, String> shell = Map.of("TAG", "1.2", "MODE", "prod", "HOME", "/root");

    CliRun convert = CliRun.withEnvironment(dir, shell, "convert", "-p", "shop");
    assertThat(convert.exitCode()).as(convert.err()).isZero();
    ComposeProject project = Serialization.unmarshal(convert.out(), ComposeProject.class);
    Files.writeString(dir.resolve("project.yaml"), convert.out());

    assertThat(project.getSpec().getVariables()).isEqualTo(Map.of("TAG", "1.2", "MODE", "prod"));
    // the operator never reads its environment: the ComposeProject alone renders the same
    assertThat(CliRun.in(dir, "render", "-f", "project.yaml").out())
        .isEqualTo(CliRun.withEnvironment(dir, shell, "render", "-p", "shop").out());
  }

  @Test
  void anImageLeftInvalidByAnUnsetVariableIsAnErrorNamingTheService() throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"), "services:\n  web:\n    image: myorg/web:${TAG:-}\n");

    CliRun run = CliRun.in(dir, "render", "-p", "shop");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "compose.yaml: services.web.image: \"myorg/web:\" is not a valid image reference (a"
                + " variable in it may be unset or empty)"
                + System.lineSeparator());
  }
}
