package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.ComposeFrom;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.api.v1alpha1.VariablesSource;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.model.SecretVariable;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputResolverTest {
  /** ConfigMaps and Secrets held in memory. */
  record FakeReferences(Map<String, ConfigMap> configMaps, Map<String, Secret> secrets)
      implements References {
    @Override
    public Optional<ConfigMap> configMap(String name) {
      return Optional.ofNullable(configMaps.get(name));
    }

    @Override
    public Optional<Secret> secret(String name) {
      return Optional.ofNullable(secrets.get(name));
    }
  }

  static ComposeProject project() {
    ComposeProject project = OperatorHarness.project("shop", "services: {}\n");
    project.getSpec().setVariables(Map.of("TAG", "1.4"));
    return project;
  }

  @Test
  void secretVariablesAreRecordedAsSecretSources() {
    ComposeProject project = project();
    project
        .getSpec()
        .setVariablesFrom(
            List.of(VariablesSource.configMap("env"), VariablesSource.secret("creds")));
    FakeReferences references =
        new FakeReferences(
            Map.of(
                "env",
                new ConfigMapBuilder().addToData("REGION", "eu").addToData("TAG", "0.9").build()),
            Map.of(
                "creds",
                new SecretBuilder()
                    .addToData(
                        "DB_PASSWORD",
                        Base64.getEncoder()
                            .encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)))
                    .build()));
    ComposeSource source = InputResolver.resolve(project, references);
    assertThat(source.variables().values())
        .containsEntry("REGION", "eu")
        .containsEntry("TAG", "1.4")
        .containsEntry("DB_PASSWORD", "s3cret");
    assertThat(source.variables().secretSources())
        .containsExactlyEntriesOf(
            Map.of("DB_PASSWORD", new SecretVariable("creds", "DB_PASSWORD")));
  }

  @Test
  void composeFromReadsTheConfigMapKey() {
    ComposeProject project = project();
    project.getSpec().setCompose(null);
    project.getSpec().setComposeFrom(new ComposeFrom(new KeyRef("shop-compose", "compose.yaml")));
    FakeReferences references =
        new FakeReferences(
            Map.of(
                "shop-compose",
                new ConfigMapBuilder()
                    .addToData("compose.yaml", "services: {web: {image: x}}")
                    .build()),
            Map.of());
    ComposeSource source = InputResolver.resolve(project, references);
    assertThat(source.fileName()).isEqualTo("compose.yaml");
    assertThat(source.text()).isEqualTo("services: {web: {image: x}}");
  }

  @Test
  void missingReferenceNamesItsPath() {
    ComposeProject project = project();
    project.getSpec().setVariablesFrom(List.of(VariablesSource.secret("creds")));
    assertThatThrownBy(() -> InputResolver.resolve(project, new FakeReferences(Map.of(), Map.of())))
        .isInstanceOf(MissingReference.class)
        .hasMessage(
            "spec.variablesFrom[0]: Secret creds not found: create it (convert prints the"
                + " command); nothing is applied until it exists")
        .satisfies(e -> assertThat(((MissingReference) e).reason()).isEqualTo("WaitingForSecret"));
  }
}
