package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferencesTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nginx",
        "nginx:1.27-alpine",
        "library/nginx:latest",
        "registry.example.com:5000/shop/api:1.4",
        "localhost/app",
        "ghcr.io/compose-operator/compose-operator@" + DIGEST,
        "ghcr.io/org/app:1.0@" + DIGEST,
        "my_org/web__x/a-b:V1.2_rc"
      })
  void validReferencesLoad(String image) {
    assertThat(
            Loading.service("services:\n  web:\n    image: \"" + image + "\"\n", "web")
                .image()
                .reference())
        .isEqualTo(image);
  }

  @ParameterizedTest
  @ValueSource(strings = {"myorg/web:", "org/MyApp", "web::1", "web:1 2", "web@sha256:12", "/web"})
  void invalidReferencesAreErrorsNamingTheService(String image) {
    assertThatThrownBy(
            () -> Loading.load("services:\n  web:\n    image: \"" + image + "\"\n", Map.of()))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith(
            "compose.yaml: services.web.image: \"" + image + "\" is not a valid image reference");
  }
}
