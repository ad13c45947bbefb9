package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: a benchmark on the real control plane, run with {@code -De2e.benchmark=true}
 * and {@code -De2e.kubeconfig=…}. 100 ComposeProjects of 10 services, created at once, against the
 * packaged operator under the chart's JVM settings (a 1Gi limit with MaxRAMPercentage=75 gives a
 * 768m heap) and the chart's ServiceAccount. Prints the time until all are Ready after the last
 * create, the operator's reconcile duration p50/p95 (its own histogram), API writes per created
 * object and per project from the audit log, and the operator's RSS; also written to {@code
 * e2e/target/real-cluster-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
class RealClusterBenchmarkIT {
  static final int PROJECTS = Integer.getInteger("e2e.benchmark.projects", 100);

  /**
   * The JVM options the chart gives the operator, as they come out under its 1Gi memory limit
   * ({@code -XX:MaxRAMPercentage} of the container's memory; here the host has no such limit, so
   * the heap is given directly). {@code -De2e.benchmark.jvm=...} tries others.
   */
  static final String JVM = "-Xmx768m -XX:+ExitOnOutOfMemoryError";

  @Test
  void hundredProjectsOfTenServices() throws Exception {
    RealCluster cluster =
        new RealCluster(RealCluster.adminKubeconfig(), "compose-operator", List.of());
    KubernetesClient client = cluster.client();
    client
        .resource(
            AbstractOperatorScenarios.SERIALIZATION.unmarshal(
                Files.readString(
                    AbstractOperatorScenarios.ROOT.resolve(
                        "crds/composeprojects.composeoperator.io-v1.yml")),
                CustomResourceDefinition.class))
        .createOr(existing -> existing.update());
    for (int i = 0; i < PROJECTS; i++) {
      cluster.createNamespace("bench-" + i);
    }
    AuditLog audit = cluster.auditLog();
    StringBuilder report = new StringBuilder();
    try (OperatorProcess operator =
        new OperatorProcess(
            cluster.kubeconfig(),
            List.of(System.getProperty("e2e.benchmark.jvm", JVM).split(" ")),
            "--log-format",
            "json")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> AbstractOperatorScenarios.get(operator.httpPort, "/readyz").startsWith("200"));
      long mark = audit.mark();
      Map<String, Long> ready = new ConcurrentHashMap<>();
      long start = System.nanoTime();
      List<Thread> creators = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        Thread creator =
            new Thread(
                () -> {
                  for (int i = first; i < PROJECTS; i += 4) {
                    ComposeProject project = RealClusterOperatorIT.project("p" + i, "bench-" + i);
                    project.getSpec().setCompose(RealClusterDisruptionIT.tenServices("1.27"));
                    client.resource(project).create();
                  }
                });
        creator.start();
        creators.add(creator);
      }
      for (Thread creator : creators) {
        creator.join();
      }
      long lastCreate = System.nanoTime();
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                for (ComposeProject p :
                    client.resources(ComposeProject.class).inAnyNamespace().list().getItems()) {
                  if (!p.getMetadata().getNamespace().startsWith("bench-")
                      || ready.containsKey(p.getMetadata().getNamespace())) {
                    continue;
                  }
                  boolean isReady =
                      p.getStatus() != null
                          && p.getStatus().getConditions().stream()
                              .anyMatch(
                                  c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
                  if (isReady) {
                    ready.put(p.getMetadata().getNamespace(), System.nanoTime());
                  }
                }
                return ready.size() == PROJECTS;
              });
      long allReady = ready.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      // Let the last status patches land before counting.
      TimeUnit.SECONDS.sleep(5);
      List<AuditLog.Event> writes = audit.writesSince(mark, cluster.operatorUser());
      long statusWrites = writes.stream().filter(e -> e.subresource().equals("status")).count();
      long events = writes.stream().filter(e -> e.resource().equals("events")).count();
      long objectWrites = writes.size() - statusWrites - events;
      int objects = 0;
      for (String[] kind : RealClusterOperatorIT.OWNED_KINDS) {
        objects +=
            client
                .genericKubernetesResources(kind[0], kind[1])
                .inAnyNamespace()
                .withLabel(RealClusterOperatorIT.PROJECT_LABEL)
                .list()
                .getItems()
                .stream()
                .filter(o -> o.getMetadata().getNamespace().startsWith("bench-"))
                .count();
      }
      String metrics = AbstractOperatorScenarios.get(operator.httpPort, "/metrics");
      report
          .append(PROJECTS)
          .append(" projects x 10 services on the real control plane, operator JVM: ")
          .append(System.getProperty("e2e.benchmark.jvm", JVM))
          .append('\n')
          .append(
              String.format(
                  "creating all: %.1f s; all Ready %.1f s after the last create (%.1f s after the first)%n",
                  (lastCreate - start) / 1e9,
                  (allReady - lastCreate) / 1e9,
                  (allReady - start) / 1e9))
          .append(
              String.format(
                  "reconcile duration: p50 %.0f ms, p95 %.0f ms (%d reconciles)%n",
                  quantile(metrics, 0.50) * 1000,
                  quantile(metrics, 0.95) * 1000,
                  (long)
                      RealClusterOperatorIT.metric(
                          metrics, "operator_sdk_controllers_execution_reconcile_seconds_count")))
          .append(
              String.format(
                  "writes: %d object writes for %d objects (%.2f per object), %d status patches"
                      + " (%.2f per project), %d Events (%.2f per project)%n",
                  objectWrites,
                  objects,
                  objectWrites / (double) objects,
                  statusWrites,
                  statusWrites / (double) PROJECTS,
                  events,
                  events / (double) PROJECTS))
          .append(String.format("operator RSS: %d MiB%n", rssKib(operator.pid()) / 1024));
      assertThat(ready).hasSize(PROJECTS);
    } finally {
      cluster.close();
    }
    System.out.print(report);
    Files.writeString(Path.of("target/real-cluster-benchmark.txt"), report.toString());
  }

  /** A quantile of the reconcile histogram, summed over every project's buckets. */
  static double quantile(String scrape, double q) {
    Pattern bucket =
        Pattern.compile(
            "^operator_sdk_controllers_execution_reconcile_seconds_bucket\\{.*le=\"([^\"]+)\".*\\} (\\S+)$");
    TreeMap<Double, Double> counts = new TreeMap<>();
    for (String line : scrape.split("\n")) {
      Matcher m = bucket.matcher(line);
      if (m.matches() && !m.group(1).equals("+Inf")) {
        counts.merge(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double::sum);
      }
    }
    double total =
        RealClusterOperatorIT.metric(
            scrape, "operator_sdk_controllers_execution_reconcile_seconds_count");
    double previousLe = 0;
    double previousCount = 0;
    for (Map.Entry<Double, Double> e : counts.entrySet()) {
      if (e.getValue() >= q * total) {
        double inBucket = e.getValue() - previousCount;
        double fraction = inBucket == 0 ? 1 : (q * total - previousCount) / inBucket;
        return previousLe + fraction * (e.getKey() - previousLe);
      }
      previousLe = e.getKey();
      previousCount = e.getValue();
    }
    return Double.NaN;
  }

  static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
