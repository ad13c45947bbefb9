package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WaitCommandTest {
  KubernetesClient client;

  Pod pod(String service, String phase, boolean ready, Integer exitCode) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(service + "-1")
            .withNamespace("ns")
            .withLabels(Labels.forService("shop", service))
            .endMetadata();
    var status = pod.withNewStatus().withPhase(phase);
    status.addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition();
    if (exitCode != null) {
      status
          .addNewContainerStatus()
          .withName(service)
          .withNewState()
          .withNewTerminated()
          .withExitCode(exitCode)
          .endTerminated()
          .endState()
          .endContainerStatus();
    }
    return status.endStatus().build();
  }

  Job job(String name, boolean failed) {
    JobBuilder job =
        new JobBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata();
    return failed
        ? job.withNewStatus()
            .addNewCondition()
            .withType("Failed")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build()
        : job.withNewStatus().withSucceeded(1).endStatus().build();
  }

  int await(WaitCommand.Condition condition, List<String> services, ByteArrayOutputStream out)
      throws InterruptedException {
    return WaitCommand.await(
        client,
        "ns",
        "shop",
        condition,
        services,
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void healthyWhenAPodIsReady() throws InterruptedException {
    client.resource(pod("db", "Running", true, null)).create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(await(WaitCommand.Condition.healthy, List.of("db"), out)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("waiting for db to be healthy")
        .contains("db is healthy");
  }

  @Test
  void runningPodIsStartedButNotHealthy() {
    client.resource(pod("db", "Running", false, null)).create();
    assertThat(WaitCommand.state(client, "ns", "shop", WaitCommand.Condition.started, "db").done())
        .isTrue();
    assertThat(WaitCommand.state(client, "ns", "shop", WaitCommand.Condition.healthy, "db").done())
        .isFalse();
  }

  @Test
  void aServiceIsFoundByItsComposeNameAndByItsObjectName() {
    client.pods().inNamespace("ns").resource(pod("svc-1st", "Running", true, null)).create();

    for (String name : List.of("1st", "svc-1st")) {
      assertThat(
              WaitCommand.state(client, "ns", "shop", WaitCommand.Condition.healthy, name).done())
          .as(name)
          .isTrue();
    }
  }

  @Test
  void failedJobFailsWithItsExitCode() throws InterruptedException {
    client.resource(job("migrate", true)).create();
    client.resource(pod("migrate", "Failed", false, 3)).create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(await(WaitCommand.Condition.completed, List.of("migrate"), out)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("service migrate didn't complete successfully: exit 3");
  }

  @Test
  void succeededJobIsCompleted() throws InterruptedException {
    client.resource(job("migrate", false)).create();
    assertThat(
            await(WaitCommand.Condition.completed, List.of("migrate"), new ByteArrayOutputStream()))
        .isZero();
  }

  private static WaitCommand parsed(String... args) {
    Console console = new Console(System.out, System.err, System.in, java.nio.file.Path.of("."));
    picocli.CommandLine line = Main.commandLine(console, args[0]);
    line.parseArgs(args);
    return (WaitCommand) line.getSubcommands().get("wait").getCommand();
  }

  @Test
  void optionsMayFollowEachOtherAndTheServicesComeLast() {
    WaitCommand command =
        parsed("wait", "--project", "shop", "--for", "healthy", "--timeout", "30", "db", "cache");

    assertThat(command.project).isEqualTo("shop");
    assertThat(command.condition).isEqualTo(WaitCommand.Condition.healthy);
    assertThat(command.services).containsExactly("db", "cache");
    assertThat(command.limit()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(parsed("wait", "--project=shop", "--for=started", "--timeout=5m", "db").limit())
        .isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  void badTimeoutIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    CliRun run =
        CliRun.in(dir, "wait", "--project", "shop", "--for", "healthy", "--timeout", "soon", "db");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "wait: --timeout expects seconds (30) or a duration (30s, 5m, 1h), got \"soon\"");
  }

  @Test
  void missingServiceIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    CliRun run = CliRun.in(dir, "wait", "--project", "shop", "--for", "healthy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("wait: Missing required parameter: 'SERVICE'");
  }

  @Test
  void givesUpAfterTheTimeoutNamingWhatItWaitedFor() throws InterruptedException {
    client.resource(pod("db", "Running", false, null)).create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        WaitCommand.await(
            client,
            "ns",
            "shop",
            WaitCommand.Condition.healthy,
            List.of("db"),
            java.time.Duration.ofMillis(300),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("timed out after 300ms waiting for db to be healthy");
  }

  @Test
  void anUnreachableApiServerIsNamedWithTheReasonOnceAndRetried() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var unreachable =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:" + port)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      int exit =
          WaitCommand.await(
              unreachable,
              "ns",
              "shop",
              WaitCommand.Condition.healthy,
              List.of("db"),
              java.time.Duration.ofMillis(2500),
              new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(exit).isEqualTo(1);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    String problem =
        "cannot read db yet: cannot reach the Kubernetes API server https://127.0.0.1:"
            + port
            + "/: connection refused (nothing listens there); retrying";
    assertThat(printed).contains(problem).doesNotContain("HTTP -1");
    assertThat(printed.split(java.util.regex.Pattern.quote(problem), -1))
        .as("printed once, not at every poll")
        .hasSize(2);
  }

  @Test
  void theNamespaceIsThePodsElseTheKubeconfigsElseDefault() {
    assertThat(WaitCommand.namespace("shop", "dev")).isEqualTo("shop");
    assertThat(WaitCommand.namespace(null, "dev")).isEqualTo("dev");
    assertThat(WaitCommand.namespace("", "dev")).isEqualTo("dev");
    assertThat(WaitCommand.namespace(null, null)).isEqualTo("default");
  }

  @Test
  void byHandWithAKubeconfigWithoutNamespaceItWaitsInDefaultAndSaysWhyItCannotRead(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    java.nio.file.Path kubeconfig = CliRun.kubeconfig(dir, "https://127.0.0.1:" + port);
    long start = System.nanoTime();

    CliRun wait =
        CliRun.withEnvironment(
            dir,
            java.util.Map.of("KUBECONFIG", kubeconfig.toString()),
            "wait",
            "--project",
            "shop",
            "--for",
            "healthy",
            "--timeout",
            "1",
            "db");

    assertThat(wait.exitCode()).isEqualTo(1);
    assertThat(wait.out())
        .contains("waiting for db to be healthy (project shop, namespace default)")
        .contains(
            "cannot read db yet: cannot reach the Kubernetes API server https://127.0.0.1:"
                + port
                + "/: connection refused (nothing listens there); retrying")
        .contains("timed out after 1s waiting for db to be healthy")
        .doesNotContain("namespace cannot be null");
    // the client does not retry inside a request: --timeout applies
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(8));
  }
}
