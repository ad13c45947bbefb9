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
  void projectNameThatIsNotADns1123LabelIsRefusedNamingTheName() {
    assertThatThrownBy(() -> Renderer.render(WEB, ProjectOptions.defaults("my.app")))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: name: project name \"my.app\" must be a DNS-1123 label of at most 63"
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
  void projectNameOf64CharactersIsRefused() {
    assertThatThrownBy(() -> Renderer.render(WEB, ProjectOptions.defaults("p".repeat(64))))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("must be a DNS-1123 label of at most 63 characters");
  }
}
