package io.composeoperator.cli;

import io.composeoperator.reconcile.WorkloadStates;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code compose-operator wait --project P --for started|healthy|completed SERVICE...}: runs in a
 * {@code depends_on} init container and returns when every named service is in that state, the way
 * Compose orders startup. It asks the API server every two seconds (in-cluster credentials, the
 * namespace from {@code POD_NAMESPACE}). {@code completed} fails when the service's Job failed.
 */
public final class WaitCommand {
  static final String USAGE =
      "Usage: compose-operator wait --project P --for started|healthy|completed SERVICE...\n";
  static final Duration POLL = Duration.ofSeconds(2);

  private WaitCommand() {}

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

  public static int run(String[] args) {
    String project = null;
    Condition condition = null;
    List<String> services = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--project" -> project = i + 1 < args.length ? args[++i] : null;
        case "--for" -> {
          try {
            condition = i + 1 < args.length ? Condition.valueOf(args[++i]) : null;
          } catch (IllegalArgumentException e) {
            return usage("--for must be started, healthy or completed");
          }
        }
        case "--help", "-h" -> {
          System.out.print(USAGE);
          return 0;
        }
        default -> services.add(args[i]);
      }
    }
    if (project == null || condition == null || services.isEmpty()) {
      return usage("--project, --for and at least one service are required");
    }
    String namespace = System.getenv("POD_NAMESPACE");
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      String ns = namespace == null ? client.getNamespace() : namespace;
      return await(client, ns, project, condition, services, System.out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.print(USAGE);
    return 2;
  }

  static int await(
      KubernetesClient client,
      String namespace,
      String project,
      Condition condition,
      List<String> services,
      PrintStream out)
      throws InterruptedException {
    List<String> waiting = new ArrayList<>(services);
    waiting.forEach(s -> out.println("waiting for " + s + " to be " + condition));
    while (true) {
      for (String service : List.copyOf(waiting)) {
        State state;
        try {
          state = state(client, namespace, project, condition, service);
        } catch (KubernetesClientException e) {
          out.println("cannot read " + service + " yet: HTTP " + e.getCode());
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
      Thread.sleep(POLL.toMillis());
    }
  }

  static State state(
      KubernetesClient client,
      String namespace,
      String project,
      Condition condition,
      String service) {
    if (condition == Condition.completed) {
      Job job = client.batch().v1().jobs().inNamespace(namespace).withName(service).get();
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
        .withLabels(Map.of(Labels.PROJECT, project, Labels.SERVICE, service))
        .list()
        .getItems();
  }
}
