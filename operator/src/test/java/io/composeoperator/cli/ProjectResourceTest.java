package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.ComposeProject;
import org.junit.jupiter.api.Test;

class ProjectResourceTest {
  @Test
  void composeFileIsNotAComposeProject() throws CliException {
    assertThat(ProjectResource.parse("compose.yaml", "services:\n  web:\n    image: nginx\n"))
        .isEmpty();
  }

  @Test
  void kindAloneIsNotEnough() throws CliException {
    assertThat(ProjectResource.parse("x.yaml", "kind: ComposeProject\nservices: {}\n")).isEmpty();
  }

  @Test
  void readsAComposeProject() throws CliException {
    ComposeProject project =
        ProjectResource.parse(
                "p.yaml",
                """
                apiVersion: composeoperator.io/v1alpha1
                kind: ComposeProject
                metadata:
                  name: shop
                spec:
                  compose: |
                    services: {}
                  images: {api: "r/api:1"}
                """)
            .orElseThrow();

    assertThat(project.getMetadata().getName()).isEqualTo("shop");
    assertThat(project.getSpec().getCompose()).isEqualTo("services: {}\n");
    assertThat(project.getSpec().getImages()).containsEntry("api", "r/api:1");
  }

  @Test
  void composeProjectWithoutSpecIsAnError() {
    assertThatThrownBy(
            () ->
                ProjectResource.parse(
                    "p.yaml",
                    "apiVersion: composeoperator.io/v1alpha1\nkind: ComposeProject\n"
                        + "metadata: {name: a}\n"))
        .isInstanceOf(CliException.class)
        .hasMessage("p.yaml: spec: a ComposeProject needs a spec");
  }
}
