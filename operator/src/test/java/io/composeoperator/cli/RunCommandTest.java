package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {
  private static RunCommand.Options parse(Map<String, String> environment, String... args) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Console console =
        new Console(quiet, quiet, new ByteArrayInputStream(new byte[0]), Path.of("."), environment);
    RunCommand command = new RunCommand(console);
    new CommandLine(command).parseArgs(args);
    return command.options();
  }

  @Test
  void defaultsMatchTheContract() {
    RunCommand.Options options = parse(Map.of("POD_NAMESPACE", "ops"));
    assertThat(options.namespaces()).isEmpty();
    assertThat(options.maxSecurityProfile()).isEqualTo(SecurityProfile.baseline);
    assertThat(options.logFormat()).isEqualTo("plain");
    assertThat(options.httpPort()).isEqualTo(8080);
    assertThat(options.leaderElection()).isFalse();
    assertThat(options.leaderElectionNamespace()).isEqualTo("ops");
    assertThat(options.leaderElectionId()).isEqualTo("compose-operator-leader");
  }

  @Test
  void readsEveryFlagSeparatedOrAfterEquals() {
    RunCommand.Options options =
        parse(
            Map.of(),
            "--namespace",
            "a",
            "--namespace=b",
            "--max-security-profile",
            "restricted",
            "--wait-image=example/wait:1",
            "--log-format",
            "json",
            "--http-port",
            "9090",
            "--leader-election",
            "--leader-election-namespace",
            "ops",
            "--leader-election-id=x");
    assertThat(options.namespaces()).containsExactly("a", "b");
    assertThat(options.maxSecurityProfile()).isEqualTo(SecurityProfile.restricted);
    assertThat(options.waitImage()).isEqualTo("example/wait:1");
    assertThat(options.logFormat()).isEqualTo("json");
    assertThat(options.httpPort()).isEqualTo(9090);
    assertThat(options.leaderElection()).isTrue();
    assertThat(options.leaderElectionNamespace()).isEqualTo("ops");
    assertThat(options.leaderElectionId()).isEqualTo("x");
  }

  @Test
  void refusesBadFlags() {
    assertThatThrownBy(() -> parse(Map.of(), "--max-security-profile", "root"))
        .hasMessageContaining("restricted, baseline, privileged");
    assertThatThrownBy(() -> parse(Map.of(), "--log-format", "xml"))
        .hasMessageContaining("plain, json");
    assertThatThrownBy(() -> parse(Map.of(), "--leader-election"))
        .hasMessageContaining("POD_NAMESPACE");
    assertThatThrownBy(() -> parse(Map.of(), "--bogus")).hasMessageContaining("Unknown option");
  }

  @Test
  void badFlagsAreUsageErrorsOfTheRunCommand(@org.junit.jupiter.api.io.TempDir Path dir) {
    CliRun port = CliRun.in(dir, "run", "--http-port", "x");
    CliRun range = CliRun.in(dir, "run", "--http-port=70000");

    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(port.err()).startsWith("run: Invalid value for option '--http-port'");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).startsWith("run: --http-port must be a port number, not 70000");
    assertThat(range.err()).contains("Usage: compose-operator run");
  }

  @Test
  void anUnreachableClusterIsAShortMessageNamingTheServerAndTheKubeconfig(
      @org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Path kubeconfig = CliRun.kubeconfig(dir, "https://127.0.0.1:1");
    long start = System.nanoTime();

    CliRun run = CliRun.withEnvironment(dir, Map.of("KUBECONFIG", kubeconfig.toString()), "run");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "run: cannot reach the Kubernetes API server https://127.0.0.1:1/ from the kubeconfig "
                + kubeconfig
                + ", context dev: connection refused (nothing listens there). Check that the"
                + " cluster is running and the kubeconfig (KUBECONFIG, ~/.kube/config) points at"
                + " it."
                + System.lineSeparator());
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(10));
  }
}
