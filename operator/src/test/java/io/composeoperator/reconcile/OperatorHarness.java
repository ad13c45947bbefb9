package io.composeoperator.reconcile;

import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real JOSDK {@link Operator}, built by {@link OperatorFactory} as {@code compose-operator run}
 * builds it, started in-process against a fabric8 mock server whose CRUD dispatcher understands
 * server-side apply (LocallyRunOperatorExtension cannot run against the mock). Tests create
 * ComposeProjects with the client and wait with Awaitility.
 */
final class OperatorHarness implements AutoCloseable {
  static final String NAMESPACE = "test";

  final ServerSideApplyCrudDispatcher dispatcher = new ServerSideApplyCrudDispatcher();
  final KubernetesMockServer server = ServerSideApplyCrudDispatcher.server(dispatcher);
  final KubernetesClient client;
  final AtomicInteger reconciles = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger events = new AtomicInteger();
  final Operator operator;

  OperatorHarness(RenderFunction renderer, OperatorSettings settings) {
    this(renderer, settings, List.of());
  }

  /**
   * @param clusterCrds CRDs the cluster has before the operator starts, beside the ComposeProject's
   *     (such as the Gateway API's HTTPRoute); the mock server serves discovery for them
   */
  OperatorHarness(
      RenderFunction renderer,
      OperatorSettings settings,
      List<CustomResourceDefinition> clusterCrds) {
    server.init();
    client = server.createClient();
    client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    clusterCrds.forEach(
        c -> client.apiextensions().v1().customResourceDefinitions().resource(c).create());
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Metrics counting =
        new Metrics() {
          @Override
          public void receivedEvent(Event event, Map<String, Object> metadata) {
            events.incrementAndGet();
          }

          @Override
          public void reconciliationExecutionStarted(
              HasMetadata resource, Map<String, Object> metadata) {
            running.incrementAndGet();
          }

          @Override
          public void reconciliationExecutionFinished(
              HasMetadata resource, Map<String, Object> metadata) {
            running.decrementAndGet();
          }

          @Override
          public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
            reconciles.incrementAndGet();
          }
        };
    operator =
        OperatorFactory.create(
            client,
            settings,
            renderer,
            Set.of(),
            Clock.systemUTC(),
            o ->
                o.withCloseClientOnStop(false)
                    .withMetrics(counting)
                    .withCacheSyncTimeout(Duration.ofSeconds(30)));
    operator.start();
  }

  static CustomResourceDefinition crd() {
    Path generated =
        Path.of("target/classes/META-INF/fabric8/composeprojects.composeoperator.io-v1.yml");
    try (InputStream in = Files.newInputStream(generated)) {
      return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
          in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ComposeProject project(String name, String compose) {
    ComposeProject project = new ComposeProject();
    project.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    ComposeProjectSpec spec = new ComposeProjectSpec();
    spec.setCompose(compose);
    project.setSpec(spec);
    return project;
  }

  /**
   * Waits until the operator is quiet: no reconcile is running, and for a whole second no request
   * changed anything on the API server, no event reached the operator and no reconcile finished.
   * Every write makes the mock server send a watch event within milliseconds, and every event that
   * may start a reconcile is counted when the operator receives it, so a second without any of
   * them, with nothing running, means nothing is left to happen.
   */
  void awaitQuiet() {
    String[] last = {null};
    int[] stable = {0};
    await()
        .pollInterval(Duration.ofMillis(250))
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String now = dispatcher.writes().size() + "/" + events.get() + "/" + reconciles.get();
              stable[0] = now.equals(last[0]) && running.get() == 0 ? stable[0] + 1 : 0;
              last[0] = now;
              return stable[0] >= 4;
            });
  }

  ComposeProject get(String name) {
    return client.resources(ComposeProject.class).inNamespace(NAMESPACE).withName(name).get();
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
    server.destroy();
  }
}
