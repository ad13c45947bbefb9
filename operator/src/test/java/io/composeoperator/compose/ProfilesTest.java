package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.loadWithProfiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfilesTest {

  private static final String FILE =
      """
      services:
        web: {image: x}
        worker: {image: x, profiles: [jobs]}
        debug: {image: x, profiles: [debug, dev]}
      """;

  @Test
  void servicesWithoutProfilesAlwaysRun() {
    assertThat(loadWithProfiles(FILE).model().services()).containsOnlyKeys("web");
  }

  @Test
  void activeProfileEnablesItsServices() {
    assertThat(loadWithProfiles(FILE, "jobs").model().services()).containsOnlyKeys("web", "worker");
    assertThat(loadWithProfiles(FILE, "dev").model().services()).containsOnlyKeys("web", "debug");
    assertThat(loadWithProfiles(FILE, "*").model().services())
        .containsOnlyKeys("web", "worker", "debug");
  }

  @Test
  void dependencyOnDisabledServiceIsAnError() {
    assertThatThrownBy(
            () ->
                loadWithProfiles(
                    "services: {web: {image: x, depends_on: [worker]}, worker: {image: x, profiles: [jobs]}}"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.depends_on.worker: depends on service worker, which is disabled"
                + " by its profiles [jobs] (activate one of them)");
  }

  @Test
  void optionalDependencyOnDisabledServiceIsDropped() {
    LoadResult result =
        loadWithProfiles(
            "services: {web: {image: x, depends_on: {worker: {condition: service_started, required: false}}}, worker: {image: x, profiles: [jobs]}}");
    assertThat(result.model().services().get("web").dependsOn()).isEmpty();
    assertThat(result.warnings())
        .extracting(Warning::path)
        .containsExactly("services.web.depends_on.worker");
  }

  @Test
  void disabledServicesAreNotValidated() {
    assertThat(
            loadWithProfiles("services: {web: {image: x}, broken: {profiles: [off], ports: [abc]}}")
                .model()
                .services())
        .containsOnlyKeys("web");
  }

  @Test
  void invalidProfileNameIsAnError() {
    assertThatThrownBy(() -> loadWithProfiles("services: {web: {image: x, profiles: [\"-bad\"]}}"))
        .hasMessage(
            "compose.yaml: services.web.profiles[0]: \"-bad\" is not a profile name (letters, digits,"
                + " _ . -; at least two characters, not starting with _ . -)");
  }

  @Test
  void profilesAreKeptOnTheService() {
    assertThat(loadWithProfiles(FILE, "jobs").model().services().get("worker").profiles())
        .containsExactly("jobs");
  }

  @Test
  void whenEveryServiceIsInAnInactiveProfileTheWarningSaysWhichProfileEnablesWhat() {
    LoadResult result =
        Loading.load(
            """
            services:
              web: {image: nginx, profiles: [debug]}
              db: {image: postgres, profiles: [debug, db]}
            """);

    assertThat(result.model().services()).isEmpty();
    assertThat(result.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "services: no service is enabled: every service is in a profile that is not active"
                + " (profile db enables db; profile debug enables db, web); activate one with"
                + " --profile (render, convert) or spec.profiles");
  }

  @Test
  void oneEnabledServiceIsEnoughForNoSuchWarning() {
    assertThat(
            Loading.load("services: {web: {image: nginx}, db: {image: x, profiles: [db]}}")
                .warnings())
        .isEmpty();
  }
}
