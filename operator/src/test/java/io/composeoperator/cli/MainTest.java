package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void noCommandPrintsUsageOnStderrAndExits2() {
    CliRun run = CliRun.in(dir);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: compose-operator [-hV] COMMAND", "render", "wait");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.in(dir, "deploy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("unknown command \"deploy\"").contains("Commands:");
  }

  @Test
  void helpPrintsUsageOnStdout() {
    for (String help : new String[] {"help", "--help", "-h"}) {
      CliRun run = CliRun.in(dir, help);

      assertThat(run.exitCode()).as(help).isZero();
      assertThat(run.out()).as(help).contains("render", "convert", "run", "wait", "version");
      assertThat(run.err()).as(help).isEmpty();
    }
  }

  @Test
  void commandHelpPrintsThatCommandsOptions() {
    CliRun render = CliRun.in(dir, "render", "--help");
    CliRun convert = CliRun.in(dir, "help", "convert");

    assertThat(render.exitCode()).isZero();
    assertThat(render.out()).startsWith("Usage: compose-operator render").contains("--wait-image");
    assertThat(convert.exitCode()).isZero();
    assertThat(convert.out()).startsWith("Usage: compose-operator convert");
  }

  @Test
  void unknownFlagIsAUsageErrorNamingTheFlag() {
    CliRun run = CliRun.in(dir, "render", "--frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("render: Unknown option: '--frobnicate'")
        .contains("Usage: compose-operator render");
  }

  @Test
  void flagWithoutValueIsAUsageError() {
    CliRun run = CliRun.in(dir, "convert", "-f");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("convert: Missing required parameter for option '--file'");
  }

  @Test
  void gpuResourceNamesTheExtendedResourceOfGpuRequests() throws java.io.IOException {
    java.nio.file.Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  ai:\n    image: rocm/pytorch:2\n    gpus: [{count: 2}]\n");

    CliRun amd = CliRun.in(dir, "render", "--gpu-resource", "amd.com/gpu");
    CliRun bad = CliRun.in(dir, "render", "--gpu-resource", "gpu");

    assertThat(amd.exitCode()).isZero();
    assertThat(amd.out()).contains("amd.com/gpu: \"2\"").doesNotContain("nvidia.com/gpu");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .startsWith(
            "render: --gpu-resource expects an extended resource name <domain>/<name>"
                + " (nvidia.com/gpu, amd.com/gpu), got \"gpu\"");
  }

  @Test
  void badEnumValueListsTheAllowedOnes() {
    CliRun run = CliRun.in(dir, "render", "--exposure", "Ingress");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("render: Invalid value for option '--exposure'")
        .contains("ClusterIP, NodePort, LoadBalancer", "'Ingress'");
  }

  @Test
  void versionPrintsDevWhenRunFromClasses() {
    CliRun run = CliRun.in(dir, "version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("compose-operator dev" + System.lineSeparator());
  }

  @Test
  void versionTakesNoArguments() {
    assertThat(CliRun.in(dir, "version", "now").exitCode()).isEqualTo(2);
  }

  @Test
  void missingComposeFileIsExit1WithAClearMessageAndNoStackTrace() {
    CliRun named = CliRun.in(dir, "render", "-f", "nope.yaml");
    CliRun lookup = CliRun.in(dir, "render");

    assertThat(named.exitCode()).isEqualTo(1);
    assertThat(named.out()).isEmpty();
    assertThat(named.err()).isEqualTo("nope.yaml: no such file" + System.lineSeparator());
    assertThat(lookup.exitCode()).isEqualTo(1);
    assertThat(lookup.err())
        .startsWith("no Compose file given (-f) and none of compose.yaml, compose.yml,")
        .doesNotContain("\tat ");
  }

  @Test
  void everyCommandTakesFlagEqualsValue() throws java.io.IOException {
    java.nio.file.Files.writeString(
        dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");

    CliRun render =
        CliRun.in(dir, "render", "--name=shop", "--namespace=prod", "--file=compose.yaml");
    CliRun run = CliRun.in(dir, "run", "--namespace=shop", "--http-port=9090", "--help");

    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out())
        .contains("namespace: \"prod\"", "composeoperator.io/project: \"shop\"");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: compose-operator run");
  }

  @Test
  void unknownFlagFailsEvenWithHelp() {
    CliRun run = CliRun.in(dir, "run", "--no-such-flag", "--help");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("run: Unknown option: '--no-such-flag'");
  }

  @Test
  void imageFlagNamesTheFormItExpects() {
    CliRun run = CliRun.in(dir, "render", "--image", "app");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("render: --image expects SVC=REF, got \"app\"");
  }
}
