package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.translate.KubernetesValidity;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.composeoperator.translate.Translation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** examples/gitops: the kustomization, the ComposeProject it renders, and the Application. */
class GitOpsExampleTest {
  private static final Path EXAMPLE = Chart.root().resolve("examples/gitops");

  private static Map<Object, Object> kustomization;
  private static Map<Object, Object> generator;
  private static ComposeProject project;

  @BeforeAll
  static void read() throws IOException {
    kustomization = yaml(EXAMPLE.resolve("kustomization.yaml"));
    generator = map(list(kustomization.get("configMapGenerator")).get(0));
    project =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("composeproject.yaml")), ComposeProject.class);
  }

  @Test
  void everyReferencedFileExists() {
    assertThat(list(kustomization.get("resources")))
        .allSatisfy(file -> assertThat(EXAMPLE.resolve((String) file)).isRegularFile());
    assertThat(list(kustomization.get("configurations")))
        .allSatisfy(file -> assertThat(EXAMPLE.resolve((String) file)).isRegularFile());
    assertThat(list(generator.get("files")))
        .allSatisfy(file -> assertThat(EXAMPLE.resolve((String) file)).isRegularFile());
  }

  @Test
  void composeProjectReadsTheGeneratedConfigMap() {
    KeyRef ref = project.getSpec().getComposeFrom().getConfigMapKeyRef();

    assertThat(ref.getName()).isEqualTo(generator.get("name"));
    assertThat(list(generator.get("files"))).contains(ref.getKey());
    assertThat(project.getSpec().getCompose()).isNull();
  }

  @Test
  void composeFileRendersToValidObjectsWithoutWarnings() throws IOException {
    String file = list(generator.get("files")).get(0).toString();
    ProjectOptions options =
        SpecOptions.from(
            project.getMetadata().getName(),
            (String) kustomization.get("namespace"),
            project.getSpec(),
            null);

    Translation translation =
        Renderer.render(ComposeSource.of(file, Files.readString(EXAMPLE.resolve(file))), options);

    assertThat(translation.warnings()).isEmpty();
    assertThat(translation.services())
        .extracting(Translation.ServiceSummary::service)
        .containsExactlyInAnyOrder("cache", "web");
    KubernetesValidity.assertValid(translation.objects());
  }

  @Test
  void generatedConfigMapCarriesTheLabelTheOperatorWatches() {
    Map<Object, Object> labels = map(map(generator.get("options")).get("labels"));

    assertThat(labels).containsEntry("composeoperator.io/project", project.getMetadata().getName());
  }

  @Test
  void kustomizeRewritesTheHashedNameIntoTheComposeProject() throws IOException {
    // configMapGenerator appends a content hash to the name; without a nameReference for the
    // ComposeProject field, the project would point at a ConfigMap that does not exist.
    Map<Object, Object> config = yaml(EXAMPLE.resolve("kustomizeconfig.yaml"));
    Map<Object, Object> reference = map(list(config.get("nameReference")).get(0));
    Map<Object, Object> fieldSpec = map(list(reference.get("fieldSpecs")).get(0));

    assertThat(reference.get("kind")).isEqualTo("ConfigMap");
    assertThat(fieldSpec)
        .containsEntry("group", "composeoperator.io")
        .containsEntry("kind", project.getKind())
        .containsEntry("path", "spec/composeFrom/configMapKeyRef/name");
  }

  @Test
  void applicationSyncsThisDirectoryIntoTheKustomizationsNamespace() throws IOException {
    GenericKubernetesResource application =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("argocd-application.yaml")),
            GenericKubernetesResource.class);

    assertThat(application.getKind()).isEqualTo("Application");
    assertThat(application.<String>get("spec", "source", "path")).isEqualTo("examples/gitops");
    assertThat(application.<String>get("spec", "destination", "namespace"))
        .isEqualTo(kustomization.get("namespace"));
    assertThat(list(kustomization.get("resources"))).doesNotContain("argocd-application.yaml");
  }

  private static Map<Object, Object> yaml(Path file) throws IOException {
    return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
  }

  private static Map<Object, Object> map(Object value) {
    return new LinkedHashMap<>((Map<?, ?>) value);
  }

  private static List<Object> list(Object value) {
    return new ArrayList<>((List<?>) value);
  }
}
