package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Compose feature the translation maps is accepted by a real API server: each folder under
 * {@code e2e/src/test/resources/accepted/} holds a {@code compose.yaml} (and the files it refers
 * to) that exercises one feature; {@code render} of the packaged jar prints its objects, and {@code
 * kubectl apply --dry-run=server} sends them through the API server's validation, defaulting and
 * admission in a namespace whose Pod Security level is the project's profile. A refusal, or any
 * warning (Pod Security's "would violate" included, which admission gives for a workload's pod
 * template), fails the test.
 *
 * <p>An optional {@code render.args} in the folder holds extra {@code render} arguments on one line
 * (for example {@code --security-profile restricted}).
 */
@EnabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
class RealClusterAcceptanceIT {
  static final Path ACCEPTED =
      AbstractOperatorScenarios.ROOT.resolve("e2e/src/test/resources/accepted");

  static Kubectl kubectl;
  static KubernetesClient client;
  static final List<String> NAMESPACES = new ArrayList<>();

  @BeforeAll
  static void connect() throws IOException {
    Path kubeconfig = RealCluster.adminKubeconfig();
    kubectl = new Kubectl(kubeconfig);
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .build();
  }

  @AfterAll
  static void cleanUp() {
    for (String namespace : NAMESPACES) {
      client.namespaces().withName(namespace).delete();
    }
    client.close();
  }

  static Stream<Path> folders() throws IOException {
    try (Stream<Path> entries = Files.list(ACCEPTED)) {
      List<Path> folders =
          entries
              .filter(path -> Files.isRegularFile(path.resolve("compose.yaml")))
              .sorted()
              .toList();
      assertThat(folders).as("folders with a compose.yaml under %s", ACCEPTED).isNotEmpty();
      return folders.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void renderedObjectsAreAcceptedByTheApiServer(Path folder) throws IOException {
    List<String> args = renderArgs(folder);
    String namespace = ("accepted-" + folder.getFileName()).toLowerCase(Locale.ROOT);
    String level = podSecurityLevel(args);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace)
                .addToLabels("pod-security.kubernetes.io/enforce", level)
                .addToLabels("pod-security.kubernetes.io/warn", level)
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    NAMESPACES.add(namespace);

    Path objects = Files.createTempFile("accepted-", ".yaml");
    try {
      Files.writeString(objects, render(folder, args));
      Kubectl.Result result =
          kubectl.run("apply", "--dry-run=server", "-n", namespace, "-f", objects.toString());
      assertThat(result.exitCode())
          .as("kubectl apply --dry-run=server of render of %s:\n%s", folder, result.output())
          .isZero();
      assertThat(result.output())
          .as("warnings of the API server for %s", folder)
          .doesNotContainIgnoringCase("warning");
    } finally {
      Files.delete(objects);
    }
  }

  static List<String> renderArgs(Path folder) throws IOException {
    Path file = folder.resolve("render.args");
    if (!Files.exists(file)) {
      return List.of();
    }
    String line = Files.readString(file).strip();
    return line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
  }

  /** The profile {@code render} runs under: {@code --security-profile X}, else the default. */
  static String podSecurityLevel(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--security-profile=")) {
        return arg.substring("--security-profile=".length());
      }
      if (arg.equals("--security-profile") && i + 1 < args.size()) {
        return args.get(i + 1);
      }
    }
    return "baseline";
  }

  /** {@code render -f compose.yaml ARGS} of the packaged jar, run in the folder as a user would. */
  static String render(Path folder, List<String> args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("operator.jar")).toAbsolutePath().toString(),
                "render",
                "-f",
                "compose.yaml"));
    command.addAll(args);
    Path errors = Files.createTempFile("render-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectError(errors.toFile())
              .start();
      String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("render of " + folder + " did not end");
      }
      assertThat(process.exitValue())
          .as("render -f %s/compose.yaml %s:\n%s", folder, args, Files.readString(errors))
          .isZero();
      return yaml;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      Files.delete(errors);
    }
  }
}
