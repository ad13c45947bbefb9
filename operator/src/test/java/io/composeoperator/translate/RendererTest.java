package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final ComposeSource WEB =
      ComposeSource.of("compose.yaml", "services:\n  web: {image: \"nginx:1.27\"}\n");

  @Test
  void projectNameThatIsNotADns1123LabelIsMappedByTheNamingRuleWithAWarning() {
    Translation translation = Renderer.render(WEB, ProjectOptions.defaults("my_shop"));

    assertThat(translation.objects())
        .allSatisfy(
            o -> assertThat(o.getMetadata().getLabels()).containsEntry(Labels.PART_OF, "my-shop"));
    assertThat(translation.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "name: project name \"my_shop\" is not a DNS-1123 label (it is a label value on every"
                + " object); the project is named my-shop on Kubernetes");
  }

  @Test
  void projectNameWithNothingLeftByTheNamingRuleIsRefusedNamingTheName() {
    assertThatThrownBy(() -> Renderer.render(WEB, ProjectOptions.defaults("__")))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: name: project name \"__\" must be a DNS-1123 label of at most 63"
                + " characters, because it is a label value on every object");
  }

  @Test
  void projectNameOf63CharactersIsAccepted() {
    String name = "p".repeat(63);

    assertThat(Renderer.render(WEB, ProjectOptions.defaults(name)).objects())
        .allSatisfy(
            o -> assertThat(o.getMetadata().getLabels()).containsEntry(Labels.PART_OF, name));
  }

  @Test
  void projectNameOf64CharactersIsCutTo63ByTheNamingRule() {
    Translation translation = Renderer.render(WEB, ProjectOptions.defaults("p".repeat(64)));

    assertThat(translation.objects())
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry(Labels.PART_OF, "p".repeat(63)));
    assertThat(translation.warnings()).hasSize(1);
  }

  @Test
  void serviceNameStartingWithADigitGetsThePrefixAndKeepsItsComposeNameInStatus() {
    Translation translation =
        Renderer.render(
            ComposeSource.of("compose.yaml", "services:\n  1st: {image: \"nginx:1.27\"}\n"),
            ProjectOptions.defaults("shop"));

    assertThat(translation.objects())
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Service/svc-1st", "Deployment/svc-1st");
    assertThat(translation.services())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.service()).isEqualTo("1st");
              assertThat(s.workloadName()).isEqualTo("svc-1st");
            });
    assertThat(translation.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "services.1st: service 1st is named svc-1st on Kubernetes (a Service name must start"
                + " with a letter): other services reach it as svc-1st");
  }
}
