package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSnapshotTest {
  @TempDir Path dir;

  @Test
  void takesOnlyFilesAndDirectoriesTheTextMentions() throws IOException {
    Files.writeString(dir.resolve(".env"), "A=1\n");
    Files.writeString(dir.resolve("web.env"), "B=2\n");
    Files.writeString(dir.resolve("README.md"), "# not referenced\n");
    Files.createDirectories(dir.resolve("proxy"));
    Files.writeString(dir.resolve("proxy/nginx.conf"), "server {}\n");
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.writeString(dir.resolve("node_modules/x/index.js"), "1\n");

    String text = "env_file: [./web.env]\nvolumes: [./proxy:/etc/nginx, node_modules:/n]\n";

    assertThat(FileSnapshot.of(dir, text)).containsOnlyKeys("web.env", "proxy/nginx.conf");
  }

  @Test
  void mentionIsAWholePath() {
    assertThat(FileSnapshot.mentions("env_file: ./app.env", "app.env")).isTrue();
    assertThat(FileSnapshot.mentions("- \"app.env\"", "app.env")).isTrue();
    assertThat(FileSnapshot.mentions("env_file: ./myapp.env", "app.env")).isFalse();
    assertThat(FileSnapshot.mentions("env_file: app.env.bak", "app.env")).isFalse();
    assertThat(FileSnapshot.mentions("./conf/app.ini:/etc/app.ini", "conf")).isTrue();
  }
}
