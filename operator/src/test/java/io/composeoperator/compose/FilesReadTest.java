package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader reports which project files it read, so callers can ship exactly those. */
class FilesReadTest {

  @Test
  void envIncludedAndExtendedFilesAreReportedUnusedOnesAreNot() {
    String compose =
        """
        include: [db/compose.yaml]
        services:
          web:
            extends: {file: ./base.yaml, service: base}
            env_file: ./web.env
        """;
    Map<String, String> files =
        Map.of(
            "./db/compose.yaml", "services:\n  db:\n    image: postgres:16\n",
            "base.yaml", "services:\n  base:\n    image: nginx\n",
            "web.env", "A=1\n",
            "unused.env", "B=2\n");

    LoadResult loaded =
        ComposeLoader.load(
            new ComposeSource("compose.yaml", compose, files, Variables.NONE, List.of()));

    assertThat(loaded.filesRead()).containsExactly("base.yaml", "db/compose.yaml", "web.env");
  }
}
