package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.KubernetesValidity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ComposeProject in {@code examples/} has its golden case {@code example-<name>} (rendered by
 * GoldenFileTest from the example itself), and {@code render -f examples/<name>.yaml} — the
 * README's quick start — prints exactly that golden output.
 */
class ExamplesTest {
  private static final Path ROOT =
      Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  private static final Path GOLDEN = ROOT.resolve("operator/src/test/resources/golden");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .map(f -> f.substring(0, f.length() - ".yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void renderOfTheExamplePrintsItsGoldenOutput(String name) throws IOException {
    Path golden = GOLDEN.resolve("example-" + name);
    String file = "examples/" + name + ".yaml";
    assertThat(golden.resolve("example")).as("golden case of " + file).isRegularFile();
    assertThat(Files.readString(golden.resolve("example")).strip()).isEqualTo(file);

    CliRun run = CliRun.in(ROOT, "render", "-f", file);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(golden.resolve("expected.yaml")));
    KubernetesValidity.assertValid(CliRun.objects(run.out()));
    // the translation's warnings (golden), then render's own about running its output
    // (RenderWarnings, tested in OutputOptionsTest)
    List<String> expected =
        new ArrayList<>(Files.readString(golden.resolve("warnings.txt")).lines().toList());
    RenderWarnings.of(CliRun.objects(run.out()), false).forEach(w -> expected.add(w.toString()));
    assertThat(run.err().lines().toList())
        .isEqualTo(expected.stream().map(w -> name + ".yaml: " + w).toList());
  }
}
