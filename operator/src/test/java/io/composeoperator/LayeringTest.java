package io.composeoperator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of ARCHITECTURE.md, "Stages": each package depends only on the ones before it,
 * {@code compose} knows nothing of Kubernetes, and {@code translate} is pure.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/io/composeoperator");

  @Test
  void modelDependsOnlyOnTheJdk() {
    assertThat(violations("compose/model", Pattern.compile("^import (?!java\\.)")))
        .as("compose.model imports")
        .isEmpty();
  }

  @Test
  void composeKnowsNothingOfKubernetes() {
    assertThat(
            violations(
                "compose",
                Pattern.compile(
                    "^import (static )?(io\\.fabric8|io\\.javaoperatorsdk|io\\.composeoperator\\.(translate|reconcile|cli|api))")))
        .as("compose imports")
        .isEmpty();
  }

  @Test
  void translateIsPure() {
    assertThat(
            violations(
                "translate",
                Pattern.compile(
                    "^import (static )?(io\\.fabric8\\.kubernetes\\.client\\.(?!utils\\.Serialization)|io\\.javaoperatorsdk|io\\.composeoperator\\.(reconcile|cli)|java\\.io\\.File|java\\.nio\\.file|java\\.net|java\\.util\\.Random|java\\.time\\.(Clock|Instant|LocalDateTime)|org\\.slf4j|java\\.util\\.logging)|System\\.getenv|System\\.currentTimeMillis|Instant\\.now|new Random\\(|Math\\.random")))
        .as("translate must do no I/O, no client calls, no clock, no randomness, no logging")
        .isEmpty();
  }

  @Test
  void apiIsDataOnly() {
    assertThat(
            violations(
                "api",
                Pattern.compile(
                    "^import (static )?(io\\.composeoperator\\.(compose|translate|reconcile|cli)|io\\.fabric8\\.kubernetes\\.client\\.(?!CustomResource))")))
        .as("api imports")
        .isEmpty();
  }

  @Test
  void onlyReconcileAndCliTalkToTheApiServer() {
    Pattern client =
        Pattern.compile("^import (static )?io\\.fabric8\\.kubernetes\\.client\\.KubernetesClient");
    List<String> found = new ArrayList<>();
    for (String pkg : List.of("compose", "translate", "api")) {
      found.addAll(violations(pkg, client));
    }
    assertThat(found).isEmpty();
  }

  private static List<String> violations(String pkg, Pattern forbidden) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (forbidden.matcher(lines.get(i).trim()).find()) {
            found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
