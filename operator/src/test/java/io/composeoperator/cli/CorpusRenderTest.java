package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.KubernetesValidity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real Compose file of the corpus renders from its own directory, as a user would run it. */
class CorpusRenderTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  static Stream<Path> projects() throws IOException {
    return Files.list(CORPUS).filter(Files::isDirectory).sorted().toList().stream();
  }

  @ParameterizedTest
  @MethodSource("projects")
  void rendersToValidObjects(Path project) {
    CliRun run =
        CliRun.in(
            project,
            "render",
            "--image",
            "api=registry.example.com/api:1",
            "--image",
            "web=registry.example.com/web:1",
            "--image",
            "backend=registry.example.com/backend:1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    assertThat(objects).isNotEmpty();
    KubernetesValidity.assertValid(objects);
    assertThat(run.err().lines()).allMatch(line -> line.startsWith("compose.yaml: "));
  }
}
