package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProjectTest {
  @TempDir Path dir;

  @Test
  void directoryNameIsNormalizedAsDockerComposeDoesThenMadeALabel() throws CliException {
    assertThat(LocalProject.fromDirectory(Path.of("/src/My_App.v2"))).isEqualTo("my-appv2");
    assertThat(LocalProject.fromDirectory(Path.of("/src/_shop"))).isEqualTo("shop");
    assertThat(LocalProject.fromDirectory(Path.of("/src/web site"))).isEqualTo("website");
  }

  @Test
  void directoryWithoutUsableCharactersNeedsAName() {
    assertThatThrownBy(() -> LocalProject.fromDirectory(Path.of("/src/__")))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("give --name");
  }

  @Test
  void defaultLookupFollowsDockerComposeOrder() throws Exception {
    Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
    Files.writeString(dir.resolve("compose.yml"), "name: b\n");
    ProjectFlags flags = flags(null);
    Console console = new Console(System.out, System.err, System.in, dir);

    assertThat(LocalProject.read(flags, console).fileName()).isEqualTo("compose.yml");
    Files.writeString(dir.resolve("compose.yaml"), "name: a\n");
    assertThat(LocalProject.read(flags, console).fileName()).isEqualTo("compose.yaml");
  }

  @Test
  void dashReadsStdinRelativeToTheWorkingDirectory() throws Exception {
    Console console =
        new Console(
            System.out,
            System.err,
            new java.io.ByteArrayInputStream("services: {}\n".getBytes()),
            dir);

    LocalProject.Input input = LocalProject.read(flags("-"), console);

    assertThat(input.fileName()).isEqualTo("stdin");
    assertThat(input.directory()).isEqualTo(dir);
    assertThat(input.text()).isEqualTo("services: {}\n");
  }

  private static ProjectFlags flags(String file) {
    return new ProjectFlags(
        file == null ? java.util.List.of() : java.util.List.of(file),
        null,
        null,
        java.util.List.of(),
        java.util.Map.of(),
        java.util.List.of(),
        java.util.Map.of(),
        null,
        null,
        null,
        null,
        false);
  }
}
