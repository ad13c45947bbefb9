package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents built to exhaust memory, time or stack are refused quickly with a clear message. */
class HostileInputTest {

  private static final Duration FAST = Duration.ofSeconds(1);

  private static void refusedQuickly(String yaml, String message) {
    assertTimeoutPreemptively(
        FAST,
        () ->
            assertThatThrownBy(() -> Loading.load(yaml))
                .isInstanceOf(ComposeException.class)
                .hasMessage(message));
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder yaml =
        new StringBuilder("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      String prev = "*a" + (i - 1);
      yaml.append("x-a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, prev)))
          .append("]\n");
    }
    yaml.append("services: {web: {image: nginx, command: *a9}}\n");
    refusedQuickly(
        yaml.toString(),
        "compose.yaml: the document expands to more than 1000000 nodes (alias bomb?)");
  }

  @Test
  void mergeKeyBombIsRefused() {
    StringBuilder yaml = new StringBuilder("x-m0: &m0 {a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n");
    for (int i = 1; i <= 12; i++) {
      yaml.append("x-m").append(i).append(": &m").append(i).append(" {");
      for (int k = 0; k < 10; k++) {
        yaml.append("k").append(k).append(": *m").append(i - 1).append(", ");
      }
      yaml.append("}\n");
    }
    yaml.append("services: {web: {image: nginx, x-bomb: *m12}}\n");
    refusedQuickly(
        yaml.toString(),
        "compose.yaml: the document expands to more than 1000000 nodes (alias bomb?)");
  }

  @Test
  void thirtyMegabyteDocumentIsRefusedBeforeParsing() {
    String yaml = "services: {}\nx-junk: \"" + "a".repeat(30 * 1024 * 1024) + "\"\n";
    refusedQuickly(
        yaml,
        "compose.yaml: the file is "
            + yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            + " bytes; at most 4194304 bytes (4 MiB) are accepted");
  }

  @Test
  void deepFlowSequenceIsRefusedWithoutStackOverflow() {
    String yaml = "x-deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\nservices: {}\n";
    refusedQuickly(yaml, "compose.yaml: line 1: the document is nested more than 100 levels deep");
  }

  @Test
  void deepFlowMappingIsRefusedWithoutStackOverflow() {
    String yaml =
        "x-deep: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\nservices: {}\n";
    refusedQuickly(yaml, "compose.yaml: line 1: the document is nested more than 100 levels deep");
  }

  @Test
  void deepBlockMappingIsRefusedWithoutStackOverflow() {
    StringBuilder yaml = new StringBuilder("services: {}\n");
    for (int i = 0; i < 1_000; i++) {
      yaml.append(" ".repeat(i)).append("a:\n");
    }
    assertTimeoutPreemptively(
        FAST,
        () ->
            assertThatThrownBy(() -> Loading.load(yaml.toString()))
                .isInstanceOf(ComposeException.class)
                .hasMessage(
                    "compose.yaml: line 102: the document is nested more than 100 levels deep"));
  }

  @Test
  void recursiveAliasIsRefused() {
    refusedQuickly(
        "x-loop: &loop [*loop]\nservices: {}\n",
        "compose.yaml: x-loop"
            + "[0]".repeat(100)
            + ": the document is nested more than 100 levels deep");
  }

  @Test
  void deeplyNestedVariableDefaultsAreRefused() {
    String value = "${A:-".repeat(1000) + "x" + "}".repeat(1000);
    assertTimeoutPreemptively(
        FAST,
        () ->
            assertThatThrownBy(
                    () -> Loading.load("services: {web: {image: \"" + value + "\"}}", Map.of()))
                .isInstanceOf(ComposeException.class)
                .hasMessage(
                    "compose.yaml: services.web.image: variables are nested more than 20 levels deep"));
  }

  @Test
  void portRangesCannotExplode() {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  s").append(i).append(": {image: x, ports: [\"1-65535\"]}\n");
    }
    refusedQuickly(
        yaml.toString(),
        "compose.yaml: services.s1.ports[0]: the port ranges of this file expand to more than 100000"
            + " ports");
  }

  @Test
  void largeVariableReferencedManyTimesIsRefused() {
    String big = "x".repeat(1024 * 1024);
    StringBuilder yaml = new StringBuilder("services: {web: {image: x, command: [");
    for (int i = 0; i < 20; i++) {
      yaml.append("\"${BIG}\", ");
    }
    yaml.append("]}}\n");
    assertTimeoutPreemptively(
        FAST,
        () ->
            assertThatThrownBy(() -> Loading.load(yaml.toString(), Map.of("BIG", big)))
                .isInstanceOf(ComposeException.class)
                .hasMessage(
                    "compose.yaml: services.web.command[16]: interpolation produces more than"
                        + " 16777216 characters in this file"));
  }

  @Test
  void largeEnvFileSharedByManyServicesLoadsQuickly() {
    StringBuilder env = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      env.append("K").append(i).append("=${K").append(Math.max(0, i - 1)).append(":-v}\n");
    }
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  s").append(i).append(": {image: x, env_file: app.env}\n");
    }
    // A guard against quadratic work (20,000 lines x 10 services would take far longer), with
    // room for a loaded build machine: it loads in under a second on an idle one.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThat(
                    Loading.loadWithFiles(yaml.toString(), Map.of("app.env", env.toString()))
                        .model()
                        .services()
                        .get("s9")
                        .environment())
                .hasSize(20_000));
  }

  @Test
  void ordinaryFileWithManyMergeKeysLoads() {
    StringBuilder yaml =
        new StringBuilder("x-common: &common {image: nginx, restart: always}\nservices:\n");
    for (int i = 0; i < 300; i++) {
      yaml.append("  s").append(i).append(": {<<: *common}\n");
    }
    assertThat(Loading.load(yaml.toString()).model().services()).hasSize(300);
  }
}
