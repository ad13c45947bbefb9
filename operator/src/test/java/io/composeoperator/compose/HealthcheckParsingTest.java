package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.HealthCheckConfig;
import io.composeoperator.compose.model.ServiceConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthcheckParsingTest {

  private static ServiceConfig web(String healthcheck) {
    return service("services: {web: {image: nginx, healthcheck: " + healthcheck + "}}", "web");
  }

  @Test
  void stringTestRunsInShellWhole() {
    assertThat(web("{test: \"curl -f http://localhost || exit 1\"}").healthcheck())
        .isEqualTo(
            new HealthCheckConfig(
                HealthCheckConfig.Kind.SHELL,
                List.of("curl -f http://localhost || exit 1"),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ZERO,
                Duration.ofSeconds(5),
                3));
  }

  @Test
  void cmdTestIsArgv() {
    HealthCheckConfig hc =
        web("{test: [CMD, pg_isready, -U, app], interval: 1m30s, timeout: 500ms, retries: 5, start_period: 1h, start_interval: 10us}")
            .healthcheck();
    assertThat(hc.kind()).isEqualTo(HealthCheckConfig.Kind.CMD);
    assertThat(hc.test()).containsExactly("pg_isready", "-U", "app");
    assertThat(hc.interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(hc.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(hc.startPeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(hc.startInterval()).isEqualTo(Duration.ofNanos(10_000));
    assertThat(hc.retries()).isEqualTo(5);
  }

  @Test
  void cmdShellListKeepsTheStringWhole() {
    assertThat(web("{test: [CMD-SHELL, \"pg_isready -U app\"]}").healthcheck().test())
        .containsExactly("pg_isready -U app");
  }

  @Test
  void noneAndDisableTurnItOff() {
    for (String hc :
        List.of(
            "{test: [NONE]}",
            "{disable: true}",
            "{test: NONE}",
            "{disable: true, test: [CMD, x]}")) {
      ServiceConfig web = web(hc);
      assertThat(web.healthcheck()).as(hc).isNull();
      assertThat(web.healthcheckDisabled()).as(hc).isTrue();
    }
  }

  @Test
  void noHealthcheckIsNullAndNotDisabled() {
    ServiceConfig web = service("services: {web: {image: nginx}}", "web");
    assertThat(web.healthcheck()).isNull();
    assertThat(web.healthcheckDisabled()).isFalse();
  }

  @Test
  void badDurationIsAnError() {
    assertError(
        "services: {web: {image: nginx, healthcheck: {test: x, interval: 10}}}",
        "compose.yaml: services.web.healthcheck.interval: \"10\" is not a duration (examples: 10s,"
            + " 1m30s, 500ms, 1h)");
  }

  @Test
  void unknownFirstWordIsAnError() {
    assertError(
        "services: {web: {image: nginx, healthcheck: {test: [RUN, x]}}}",
        "compose.yaml: services.web.healthcheck.test: the first element must be CMD, CMD-SHELL or"
            + " NONE, not \"RUN\"");
  }

  @Test
  void timingsWithoutTestMeanTheImagesHealthcheckAndAreWarned() {
    LoadResult result =
        Loading.load("services: {web: {image: nginx, healthcheck: {interval: 5s, retries: 5}}}");

    HealthCheckConfig check = result.model().services().get("web").healthcheck();
    assertThat(check.fromImage()).isTrue();
    assertThat(check.test()).isEmpty();
    assertThat(check.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(check.retries()).isEqualTo(5);
    assertThat(result.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "services.web.healthcheck: has no test, so it runs the image's own HEALTHCHECK, which"
                + " cannot be read on a cluster: no probe is set (give healthcheck.test to get a"
                + " readinessProbe)");
  }

  @Test
  void serviceHealthyOnAHealthcheckWithoutTestIsAnErrorThatSaysWhy() {
    assertError(
        """
        services:
          web: {image: nginx, depends_on: {db: {condition: service_healthy}}}
          db: {image: postgres, healthcheck: {interval: 5s}}
        """,
        "compose.yaml: services.web.depends_on.db: service db's healthcheck has no test: it runs"
            + " the image's own HEALTHCHECK, which cannot be read on a cluster, so its health"
            + " cannot be waited for (give services.db.healthcheck.test)");
  }

  @Test
  void unknownKeyIsAnError() {
    assertError(
        "services: {web: {image: nginx, healthcheck: {test: x, intervall: 5s}}}",
        "compose.yaml: services.web.healthcheck: unknown key \"intervall\"");
  }
}
