package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: a benchmark that only runs with {@code -De2e.scale=true}. 200 ComposeProjects
 * of 10 services each against the mock server and the packaged operator; prints the time until all
 * are Reconciled, per-project latency (creation to Reconciled) p50/p95, API writes per project for
 * the first reconcile and for a no-op resync (an operator restart), and the operator's heap and
 * RSS. The numbers also go to {@code e2e/target/scale-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "e2e.scale", matches = "true")
class ScaleBenchmarkIT {
  static final int PROJECTS = Integer.getInteger("e2e.scale.projects", 200);
  static final int SERVICES = 10;

  /** One project per namespace, as recommended (every project has services s0..s9). */
  static String namespace(int project) {
    return "scale-" + project;
  }

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static String compose() {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < SERVICES; i++) {
      text.append("  s")
          .append(i)
          .append(":\n    image: nginx:1.27-alpine\n    expose: [\"80\"]\n");
    }
    return text.toString();
  }

  @Test
  void twoHundredProjectsOfTenServices() throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      var client = cluster.client();
      client
          .resource(
              SERIALIZATION.unmarshal(
                  Files.readString(
                      AbstractOperatorScenarios.ROOT.resolve(
                          "crds/composeprojects.composeoperator.io-v1.yml")),
                  CustomResourceDefinition.class))
          .create();
      for (int i = 0; i < PROJECTS; i++) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace(i))
                    .endMetadata()
                    .build())
            .create();
      }
      Map<String, Long> created = new ConcurrentHashMap<>();
      Map<String, Long> reconciled = new ConcurrentHashMap<>();
      Watch watch =
          client
              .resources(ComposeProject.class)
              .inAnyNamespace()
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ComposeProject project) {
                      if (project.getStatus() != null
                          && project.getStatus().getConditions().stream()
                              .anyMatch(
                                  c ->
                                      "Reconciled".equals(c.getType())
                                          && "True".equals(c.getStatus()))) {
                        reconciled.putIfAbsent(project.getMetadata().getName(), System.nanoTime());
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  });
      StringBuilder report = new StringBuilder();
      try (OperatorProcess operator = new OperatorProcess(cluster.kubeconfig())) {
        awaitReady(operator);
        cluster.dispatcher.clearWrites();
        long start = System.nanoTime();
        String compose = compose();
        for (int i = 0; i < PROJECTS; i++) {
          String name = "p" + i;
          ComposeProject project = new ComposeProject();
          project.setMetadata(
              new ObjectMetaBuilder().withName(name).withNamespace(namespace(i)).build());
          ComposeProjectSpec spec = new ComposeProjectSpec();
          spec.setCompose(compose);
          project.setSpec(spec);
          created.put(name, System.nanoTime());
          client.resource(project).create();
        }
        await()
            .atMost(Duration.ofMinutes(15))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> reconciled.size() == PROJECTS);
        long allReconciled = System.nanoTime() - start;
        awaitQuiet(cluster, Duration.ofSeconds(5));
        Writes first = Writes.of(cluster.dispatcher.writes());
        List<Long> latencies = new ArrayList<>();
        created.forEach((name, t) -> latencies.add(reconciled.get(name) - t));
        latencies.sort(null);
        String memory = memory(operator);
        report
            .append(String.format("projects: %d x %d services%n", PROJECTS, SERVICES))
            .append(String.format("time until all Reconciled: %.1f s%n", allReconciled / 1e9))
            .append(
                String.format(
                    "latency creation -> Reconciled: p50 %.0f ms, p95 %.0f ms%n",
                    percentile(latencies, 50) / 1e6, percentile(latencies, 95) / 1e6))
            .append("first reconcile, writes per project: ")
            .append(first.perProject(PROJECTS))
            .append('\n')
            .append("operator after first reconcile: ")
            .append(memory)
            .append('\n');
      }
      cluster.dispatcher.clearWrites();
      try (OperatorProcess restarted = new OperatorProcess(cluster.kubeconfig())) {
        awaitReady(restarted);
        awaitQuiet(cluster, Duration.ofSeconds(10));
        Writes resync = Writes.of(cluster.dispatcher.writes());
        report
            .append("no-op resync (operator restart), writes per project: ")
            .append(resync.perProject(PROJECTS))
            .append('\n')
            .append("restarted operator after resync: ")
            .append(memory(restarted))
            .append('\n');
        assertThat(restarted.alive()).isTrue();
      }
      watch.close();
      System.out.print(report);
      Path out = Path.of("target/scale-benchmark.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      assertThat(reconciled).hasSize(PROJECTS);
    }
  }

  /** Writes seen by the mock server, by what they wrote. */
  record Writes(int objects, int status, int events, int total) {
    static Writes of(List<String> writes) {
      int objects = 0;
      int status = 0;
      int events = 0;
      for (String write : writes) {
        String path = write.substring(write.indexOf(' ') + 1);
        if (path.contains("/events")) {
          events++;
        } else if (path.contains("/composeprojects/") && path.contains("/status")) {
          status++;
        } else if (!path.contains("/composeprojects")) {
          objects++;
        }
      }
      return new Writes(objects, status, events, writes.size());
    }

    String perProject(int projects) {
      return String.format(
          "%.2f object writes, %.2f status patches, %.2f event writes (%d requests in all)",
          objects / (double) projects,
          status / (double) projects,
          events / (double) projects,
          total);
    }
  }

  static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  static void awaitReady(OperatorProcess operator) {
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(() -> AbstractOperatorScenarios.get(operator.httpPort, "/readyz").startsWith("200"));
  }

  static void awaitQuiet(MockCluster cluster, Duration quiet) {
    int[] last = {-1};
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(quiet)
        .until(
            () -> {
              int now = cluster.dispatcher.writes().size();
              boolean same = now == last[0];
              last[0] = now;
              return same;
            });
  }

  /** Heap in use (from /metrics) and resident set size (from /proc) of the operator process. */
  static String memory(OperatorProcess operator) throws IOException, InterruptedException {
    double heap = 0;
    for (String line : AbstractOperatorScenarios.get(operator.httpPort, "/metrics").split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
        heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    String rss = "unknown";
    Path status = Path.of("/proc/" + operator.pid() + "/status");
    if (Files.exists(status)) {
      rss =
          Files.readAllLines(status).stream()
              .filter(l -> l.startsWith("VmRSS:"))
              .map(l -> l.substring("VmRSS:".length()).trim())
              .findFirst()
              .orElse("unknown");
    }
    return String.format("heap used %.0f MiB, RSS %s", heap / (1024 * 1024), rss);
  }
}
