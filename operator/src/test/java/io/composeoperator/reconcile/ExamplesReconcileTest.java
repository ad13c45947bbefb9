package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.OperatorHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.translate.KubernetesValidity;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ComposeProject in {@code examples/} reconciled by the real operator with the real {@link
 * Renderer}: the applied objects equal the rendered ones plus ownerReferences, pass the API
 * server's validation rules, and a reconcile after that writes nothing.
 */
class ExamplesReconcileTest {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  static Stream<Path> examples() throws IOException {
    Path dir = Path.of(System.getProperty("project.root", "..")).resolve("examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsAppliedAsRenderedAndThenLeftAlone(Path example) throws IOException {
    ComposeProject project =
        SERIALIZATION.unmarshal(Files.readString(example), ComposeProject.class);
    project.getMetadata().setNamespace(NAMESPACE);
    ComposeProject created = harness.client.resource(project).create();
    String name = created.getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        java.util.Optional.ofNullable(harness.get(name).getStatus())
                            .flatMap(s -> Conditions.find(s.getConditions(), Conditions.RECONCILED))
                            .map(c -> c.getReason() + ": " + c.getMessage())
                            .orElse(""))
                    .startsWith(Reasons.APPLIED));
    List<HasMetadata> desired =
        Renderer.render(
                new ComposeSource(
                    SpecOptions.DEFAULT_COMPOSE_FILE,
                    created.getSpec().getCompose(),
                    created.getSpec().getFiles(),
                    Variables.of(created.getSpec().getVariables()),
                    created.getSpec().getProfiles()),
                SpecOptions.from(name, NAMESPACE, created.getSpec(), null))
            .objects();
    List<HasMetadata> live = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              live.clear();
              for (HasMetadata want : desired) {
                HasMetadata got = harness.client.resource(want).get();
                assertThat(got).as(Planner.key(want)).isNotNull();
                live.add(got);
              }
            });
    for (int i = 0; i < desired.size(); i++) {
      HasMetadata want = desired.get(i);
      HasMetadata got = live.get(i);
      assertThat(body(got).get("spec")).as(Planner.key(want)).isEqualTo(body(want).get("spec"));
      assertThat(got.getMetadata().getLabels()).isEqualTo(want.getMetadata().getLabels());
      assertThat(got.getMetadata().getOwnerReferences())
          .as(Planner.key(want))
          .hasSize(got instanceof PersistentVolumeClaim ? 0 : 1);
    }
    KubernetesValidity.assertValid(live);

    harness.awaitQuiet();
    Deployment deployment =
        harness
            .client
            .resource(
                live.stream()
                    .filter(Deployment.class::isInstance)
                    .map(Deployment.class::cast)
                    .findFirst()
                    .orElseThrow())
            .get();
    deployment.getMetadata().getLabels().put("example.com/team", "a");
    int before = harness.reconciles.get();
    harness.client.resource(deployment).update();
    harness.dispatcher.clearWrites();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.reconciles.get() > before);
    harness.awaitQuiet();
    assertThat(harness.dispatcher.writes()).as("writes after a no-op reconcile").isEmpty();
  }

  private static Map<?, ?> body(HasMetadata object) {
    return SERIALIZATION.convertValue(object, Map.class);
  }
}
