package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Planner's "nothing to apply" decision on objects as a real API server stores them: each
 * directory under {@code src/test/resources/real-api/} holds a ComposeProject and every object the
 * operator made for it, read back with {@code kubectl get -o yaml} (managedFields included) from a
 * Kubernetes 1.36 API server (the local control plane of e2e/cluster, see its README) after the
 * project was Ready. The desired objects are rendered here from the captured spec; the live ones
 * are the server's own, with its defaults, canonical quantities and dropped empty values. Captured
 * as java-operator-sdk's matcher tests capture theirs; not produced by the code under test.
 */
class RealApiManagedFieldsTest {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final Path FIXTURES = Path.of("src/test/resources/real-api");

  static Stream<Path> captures() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static List<HasMetadata> desired(Path capture) throws IOException {
    ComposeProject project = project(capture);
    return Renderer.render(
            new ComposeSource(
                SpecOptions.DEFAULT_COMPOSE_FILE,
                project.getSpec().getCompose(),
                project.getSpec().getFiles(),
                Variables.of(project.getSpec().getVariables()),
                project.getSpec().getProfiles()),
            SpecOptions.from(
                project.getMetadata().getName(),
                project.getMetadata().getNamespace(),
                project.getSpec(),
                null))
        .objects();
  }

  static ComposeProject project(Path capture) throws IOException {
    return SERIALIZATION.unmarshal(
        Files.readString(capture.resolve("composeproject.yaml")), ComposeProject.class);
  }

  static List<HasMetadata> live(Path capture) throws IOException {
    return SERIALIZATION
        .unmarshal(Files.readString(capture.resolve("objects.yaml")), KubernetesList.class)
        .getItems();
  }

  @ParameterizedTest
  @MethodSource("captures")
  void anUnchangedProjectPlansNothing(Path capture) throws IOException {
    ComposeProject project = project(capture);
    List<HasMetadata> desired = desired(capture);
    Plan plan =
        Planner.plan(desired, live(capture), project, project.getSpec().getVolumeRetention());
    assertThat(plan.actions()).extracting(a -> a.verb() + " " + Planner.key(a.desired())).isEmpty();
    assertThat(plan.prune()).isEmpty();
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.unchanged()).isEqualTo(desired.size()).isEqualTo(live(capture).size());
  }

  @ParameterizedTest
  @MethodSource("captures")
  void aChangedFieldIsApplied(Path capture) throws IOException {
    ComposeProject project = project(capture);
    List<HasMetadata> desired = desired(capture);
    for (HasMetadata object : desired) {
      object.getMetadata().getLabels().put("composeoperator.io/test", "changed");
    }
    Plan plan =
        Planner.plan(desired, live(capture), project, project.getSpec().getVolumeRetention());
    assertThat(plan.actions())
        .hasSize(desired.size())
        .allSatisfy(a -> assertThat(a.verb()).isEqualTo(Plan.Verb.APPLY));
  }
}
