package io.composeoperator.cli;

import io.composeoperator.reconcile.WorkloadStates;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compose-operator wait --project P --for started|healthy|completed [--timeout D]
 * SERVICE...}: runs in a {@code depends_on} init container and returns when every named service is
 * in that state, the way Compose orders startup. It asks the API server every two seconds
 * (in-cluster credentials, the namespace from {@code POD_NAMESPACE}). {@code completed} fails when
 * the service's Job failed.
 */
@Command(
    name = "wait",
    sortOptions = false,
    description = {
      "Wait for services of a project (inside a depends_on init container).",
      "Returns when every named service is started, healthy or completed. Asks the API server"
          + " every two seconds, in the namespace $POD_NAMESPACE (else the kubeconfig's, else"
          + " default)."
    })
public final class WaitCommand implements Callable<Integer> {
  static final Duration POLL = Duration.ofSeconds(2);

  @Option(names = "--project", required = true, paramLabel = "NAME", description = "the project")
  String project;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "STATE",
      description = "started | healthy | completed (a failed Job is an error)")
  Condition condition;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "give up after this long: seconds (30) or 30s, 5m, 1h (default: wait forever)")
  String timeout;

  @Parameters(arity = "1..*", paramLabel = "SERVICE", description = "the services to wait for")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this help")
  boolean help;

  @Spec CommandSpec spec;

  private final Console console;

  public WaitCommand(Console console) {
    this.console = console;
  }

  /** What is awaited. */
  enum Condition {
    started,
    healthy,
    completed
  }

  /** The state of one service: done, still waiting, or failed with a message. */
  record State(boolean done, String failure) {
    static final State WAITING = new State(false, null);
    static final State DONE = new State(true, null);
  }

  @Override
  public Integer call() {
    Duration limit = limit();
    Config config;
    try {
      config = ClusterCheck.config(console.environment());
    } catch (CliException e) {
      console.err().println("wait: " + e.getMessage());
      return Failures.INVALID;
    }
    String namespace = namespace(console.environment().get("POD_NAMESPACE"), config.getNamespace());
    // No retries inside a request: the loop polls again anyway, and the client's own back-off (up
    // to
    // ten tries) kept a refused connection from reporting, or --timeout from applying, for 20 s.
    Config polling = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(polling).build()) {
      return await(client, namespace, project, condition, services, limit, console.out());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Failures.INVALID;
    }
  }

  /**
   * The namespace to look in: the pod's own ({@code POD_NAMESPACE}, which the init containers get
   * from the downward API), else the kubeconfig context's, else {@code default}, as kubectl does
   * for a context without one.
   */
  static String namespace(String podNamespace, String kubeconfigNamespace) {
    if (podNamespace != null && !podNamespace.isBlank()) {
      return podNamespace;
    }
    return kubeconfigNamespace != null && !kubeconfigNamespace.isBlank()
        ? kubeconfigNamespace
        : "default";
  }

  /**
   * {@code --timeout}: {@code 30} (seconds), {@code 30s}, {@code 5m} or {@code 1h}; null when not
   * given.
   */
  Duration limit() {
    if (timeout == null) {
      return null;
    }
    String value = timeout;
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--timeout expects seconds (30) or a duration (30s, 5m, 1h), got \"" + value + "\"");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smh])?");

  static int await(
      KubernetesClient client,
      String namespace,
      String project,
      Condition condition,
      List<String> services,
      PrintStream out)
      throws InterruptedException {
    return await(client, namespace, project, condition, services, null, out);
  }

  /**
   * Polls until every service is in {@code condition}; exit 1 when one failed or the timeout (null:
   * none) passed first.
   */
  static int await(
      KubernetesClient client,
      String namespace,
      String project,
      Condition condition,
      List<String> services,
      Duration timeout,
      PrintStream out)
      throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    List<String> waiting = new ArrayList<>(services);
    waiting.forEach(
        s ->
            out.println(
                "waiting for "
                    + s
                    + " to be "
                    + condition
                    + " (project "
                    + project
                    + ", namespace "
                    + namespace
                    + ")"));
    // a failed read is retried (the API server may be restarting); each new reason is printed once
    Map<String, String> lastProblem = new HashMap<>();
    while (true) {
      for (String service : List.copyOf(waiting)) {
        State state;
        try {
          state = state(client, namespace, project, condition, service);
          lastProblem.remove(service);
        } catch (KubernetesClientException e) {
          String problem = ClusterCheck.describe(e, client);
          if (!problem.equals(lastProblem.put(service, problem))) {
            out.println("cannot read " + service + " yet: " + problem + "; retrying");
          }
          state = State.WAITING;
        }
        if (state.failure() != null) {
          out.println(state.failure());
          return 1;
        }
        if (state.done()) {
          out.println(service + " is " + condition);
          waiting.remove(service);
        }
      }
      if (waiting.isEmpty()) {
        return 0;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        out.println(
            "timed out after "
                + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + "s"
                    : timeout.toMillis() + "ms")
                + " waiting for "
                + String.join(", ", waiting)
                + " to be "
                + condition);
        return 1;
      }
      Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000)));
    }
  }

  static State state(
      KubernetesClient client,
      String namespace,
      String project,
      Condition condition,
      String service) {
    if (condition == Condition.completed) {
      // a service is found by its Compose name or its object name (the naming rule maps both)
      Job job =
          client
              .batch()
              .v1()
              .jobs()
              .inNamespace(namespace)
              .withName(Names.serviceObjectName(service))
              .get();
      return job == null
          ? State.WAITING
          : jobState(job, pods(client, namespace, project, service), service);
    }
    for (Pod pod : pods(client, namespace, project, service)) {
      boolean ok =
          condition == Condition.started
              ? WorkloadStates.started(pod)
              : WorkloadStates.healthy(pod);
      if (ok) {
        return State.DONE;
      }
    }
    return State.WAITING;
  }

  static State jobState(Job job, List<Pod> pods, String service) {
    if (WorkloadStates.succeeded(job)) {
      return State.DONE;
    }
    if (WorkloadStates.failure(job).isEmpty()) {
      return State.WAITING;
    }
    String exit = WorkloadStates.exitCode(pods).map(code -> "exit " + code).orElse("failed");
    return new State(false, "service " + service + " didn't complete successfully: " + exit);
  }

  private static List<Pod> pods(
      KubernetesClient client, String namespace, String project, String service) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabels(
            Map.of(
                Labels.PROJECT,
                Names.projectName(project),
                Labels.SERVICE,
                Names.serviceObjectName(service)))
        .list()
        .getItems();
  }
}
