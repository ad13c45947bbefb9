package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dockerfile and the chart agree on the image's contract (user, port, jar, command). */
class DockerfileTest {
  private static final String JAR = "/opt/compose-operator/compose-operator.jar";
  private static final Pattern PINNED = Pattern.compile("\\S+:\\S+@sha256:[a-f0-9]{64}");

  private static List<String> instructions;
  private static Container operator;
  private static PodSpec pod;

  @BeforeAll
  static void read() throws IOException {
    instructions = instructions(Files.readString(Chart.root().resolve("Dockerfile")));
    pod = Chart.only(Chart.render(Map.of()), Deployment.class).getSpec().getTemplate().getSpec();
    operator = pod.getContainers().get(0);
  }

  @Test
  void runtimeStageIsPinnedByDigest() {
    List<String> stages = withKeyword("FROM");

    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).startsWith("maven:3.9-eclipse-temurin-17 AS build");
    assertThat(stages.get(1)).matches(PINNED);
  }

  @Test
  void buildsTheShadedJarWithMaven() {
    assertThat(withKeyword("RUN"))
        .anySatisfy(
            run -> assertThat(run).contains("mvn -B -ntp -pl operator -am package -DskipTests"));
    assertThat(withKeyword("COPY"))
        .anySatisfy(
            copy ->
                assertThat(copy)
                    .startsWith("--from=build")
                    .contains("/src/operator/target/compose-operator.jar " + JAR));
  }

  @Test
  void userMatchesTheChartsRunAsUser() {
    assertThat(withKeyword("USER")).containsExactly("10001:10001");
    assertThat(operator.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(operator.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
  }

  @Test
  void exposedPortIsTheProbeAndMetricsPort() {
    assertThat(withKeyword("EXPOSE")).containsExactly("8080");
    assertThat(operator.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8080);
    assertThat(operator.getArgs()).containsSequence("--http-port", "8080");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
  }

  @Test
  void entrypointRunsTheJarAndTheChartOnlyPassesArguments() {
    assertThat(withKeyword("ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"" + JAR + "\"]");
    assertThat(withKeyword("CMD")).containsExactly("[\"run\"]");
    // The chart keeps the entrypoint (so wait containers can reuse the image with `wait ...`)
    // and starts with the same subcommand as the image's default.
    assertThat(operator.getCommand()).isNullOrEmpty();
    assertThat(operator.getArgs().get(0)).isEqualTo("run");
  }

  @Test
  void writableTmpIsTheOnlyWritablePath() {
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .containsExactly("/tmp");
  }

  @Test
  void buildContextHoldsWhatTheBuildCopies() throws IOException {
    List<String> allowed =
        Files.readAllLines(Chart.root().resolve(".dockerignore")).stream()
            .filter(line -> line.startsWith("!"))
            .map(line -> line.substring(1).replaceAll("/$", ""))
            .toList();
    List<String> copied =
        withKeyword("COPY").stream()
            .filter(copy -> !copy.startsWith("--from"))
            .map(copy -> copy.split("\\s+")[0])
            .toList();

    assertThat(allowed).containsAll(copied);
  }

  /** "KEYWORD args" lines, continuation lines joined and comments dropped. */
  private static List<String> instructions(String dockerfile) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      result.add(current.toString().replaceAll("\\s+", " ").strip());
      current.setLength(0);
    }
    return result;
  }

  private static List<String> withKeyword(String keyword) {
    return instructions.stream()
        .filter(i -> i.startsWith(keyword + " "))
        .map(i -> i.substring(keyword.length() + 1))
        .toList();
  }
}
