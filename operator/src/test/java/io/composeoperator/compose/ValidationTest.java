package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors name the file, the YAML path and the problem; unknown keys are refused as in Compose. */
class ValidationTest {

  @Test
  void unknownTopLevelKeyIsAnError() {
    assertError("services: {}\nservice: {}\n", "compose.yaml: unknown key \"service\"");
  }

  @Test
  void unknownServiceKeyIsAnError() {
    assertError(
        "services: {web: {image: x, imgae: y}}",
        "compose.yaml: services.web: unknown key \"imgae\"");
  }

  @Test
  void unknownKeysInsideIgnoredBlocksAreStillErrors() {
    assertError(
        "services: {web: {image: x, logging: {drivr: json-file}}}",
        "compose.yaml: services.web.logging: unknown key \"drivr\"");
    assertError(
        "services: {web: {image: x, deploy: {placement: {constraint: []}}}}",
        "compose.yaml: services.web.deploy.placement: unknown key \"constraint\"");
  }

  @Test
  void extensionKeysAreAllowedEverywhere() {
    assertThat(
            load("""
                    x-top: 1
                    services:
                      web:
                        image: x
                        x-note: hi
                        deploy: {x-a: 1, resources: {x-b: 2, limits: {x-c: 3}}}
                        ports: [{target: 80, x-d: 4}]
                    """)
                .model()
                .services())
        .containsOnlyKeys("web");
  }

  @Test
  void wrongTypesAreErrors() {
    assertError(
        "services: {web: {image: [x]}}",
        "compose.yaml: services.web.image: must be a string, not a list");
    assertError("services: [web]", "compose.yaml: services: must be a mapping, not a list");
    assertError(
        "services: {web: {image: x, privileged: maybe}}",
        "compose.yaml: services.web.privileged: \"maybe\" is not a boolean (true or false)");
    assertError(
        "services: {web: {image: x, scale: many}}",
        "compose.yaml: services.web.scale: \"many\" is not an integer");
    assertError(
        "services: {web: {image: x, cap_add: NET_ADMIN}}",
        "compose.yaml: services.web.cap_add: must be a list, not the string \"NET_ADMIN\"");
  }

  @Test
  void serviceNeedsImageOrBuild() {
    assertError(
        "services: {web: {hostname: h}}",
        "compose.yaml: services.web: a service needs an image or a build section");
    assertThat(
            load("services: {web: {build: ./app}}")
                .model()
                .services()
                .get("web")
                .image()
                .build()
                .context())
        .isEqualTo("./app");
  }

  @Test
  void invalidServiceNameIsAnError() {
    assertError(
        "services: {\"my web\": {image: x}}",
        "compose.yaml: services.my web: \"my web\" is not a service name (letters, digits, . _ -)");
  }

  @Test
  void versionIsIgnoredWithWarningAndNameIsRead() {
    LoadResult result = load("version: \"3.8\"\nname: shop\nservices: {web: {image: x}}");
    assertThat(result.model().name()).isEqualTo("shop");
    assertThat(result.warnings())
        .containsExactly(
            new Warning("version", "the top-level version key is obsolete and ignored"));
    assertThat(load("services: {}").model().name()).isNull();
  }

  @Test
  void modelsAreIgnoredTopLevelKeys() {
    assertThat(load("models: {llm: {model: ai/x}}\nservices: {}").model().ignoredTopLevelKeys())
        .containsExactly("models");
  }

  @Test
  void everyErrorCarriesFileAndPath() {
    try {
      load("services: {web: {image: x, ports: [abc]}}");
    } catch (ComposeException e) {
      assertThat(e.file()).isEqualTo("compose.yaml");
      assertThat(e.path()).isEqualTo("services.web.ports[0]");
      assertThat(e.problem()).isEqualTo("\"abc\" is not a port");
      assertThat(e.kind()).isEqualTo(ComposeException.Kind.INVALID);
      return;
    }
    throw new AssertionError("expected a ComposeException");
  }
}
