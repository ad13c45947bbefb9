package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/compose-operator}, the launcher that starts the jar with a class-data-sharing archive:
 * its output is the jar's, byte for byte, on the first run (which writes the archive) and on the
 * next (which maps it), and a bad command ends with the jar's exit code.
 */
class LauncherScriptIT {
  static final Path SCRIPT = AbstractOperatorScenarios.ROOT.resolve("bin/compose-operator");
  static final Path EXAMPLE = AbstractOperatorScenarios.ROOT.resolve("examples/web-db-cache.yaml");

  record Run(int exitCode, String stdout) {}

  @TempDir Path cache;

  @Test
  void printsWhatTheJarPrintsAndKeepsOneArchivePerJar() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of(System.getProperty("operator.jar")).toAbsolutePath().toString();
    Run direct = run(List.of(java, "-jar", jar, "render", "-f", EXAMPLE.toString()));
    assertThat(direct.exitCode()).isZero();

    Run first = run(List.of("bash", SCRIPT.toString(), "render", "-f", EXAMPLE.toString()));
    assertThat(first).isEqualTo(direct);
    assertThat(archives()).hasSize(1);

    Run second = run(List.of("bash", SCRIPT.toString(), "render", "-f", EXAMPLE.toString()));
    assertThat(second).isEqualTo(direct);
    assertThat(archives()).hasSize(1);

    Run missing = run(List.of("bash", SCRIPT.toString(), "render", "-f", "no-such-file.yaml"));
    assertThat(missing.exitCode())
        .isEqualTo(run(List.of(java, "-jar", jar, "render", "-f", "no-such-file.yaml")).exitCode())
        .isNotZero();
  }

  /** Linked into a folder on PATH (as the README suggests), it still finds the checkout's jar. */
  @Test
  void findsTheCheckoutsJarWhenRunThroughASymbolicLink(@TempDir Path bin) throws IOException {
    Path jar = Path.of(System.getProperty("operator.jar")).toAbsolutePath().normalize();
    assertThat(jar)
        .isEqualTo(
            AbstractOperatorScenarios.ROOT
                .toAbsolutePath()
                .normalize()
                .resolve("operator/target/compose-operator.jar"));
    Path link = Files.createSymbolicLink(bin.resolve("compose-operator"), SCRIPT);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Run linked = run(List.of(link.toString(), "version"), false);

    assertThat(linked).isEqualTo(run(List.of(java, "-jar", jar.toString(), "version"), false));
    assertThat(linked.exitCode()).isZero();
  }

  List<Path> archives() throws IOException {
    Path dir = cache.resolve("compose-operator/cds");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".jsa")).toList();
    }
  }

  Run run(List<String> command) throws IOException {
    return run(command, true);
  }

  /** Runs the command; {@code jarFromEnvironment}: with COMPOSE_OPERATOR_JAR, else unset. */
  Run run(List<String> command, boolean jarFromEnvironment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    Map<String, String> environment = builder.environment();
    environment.put("XDG_CACHE_HOME", cache.toString());
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    if (jarFromEnvironment) {
      environment.put("COMPOSE_OPERATOR_JAR", System.getProperty("operator.jar"));
    } else {
      environment.remove("COMPOSE_OPERATOR_JAR");
    }
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new Run(process.exitValue(), stdout);
  }
}
