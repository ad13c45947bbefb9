package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.HealthCheckConfig;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {

  @Test
  void cmdShellHealthcheckRunsUnderShCWithTheStringWhole() {
    HealthCheckConfig check =
        new HealthCheckConfig(
            HealthCheckConfig.Kind.SHELL,
            List.of("pg_isready -U postgres && echo ok"),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ZERO,
            Duration.ofSeconds(5),
            5);

    assertThat(Probes.readinessProbe(check))
        .isEqualTo(
            new ProbeBuilder()
                .withNewExec()
                .withCommand("/bin/sh", "-c", "pg_isready -U postgres && echo ok")
                .endExec()
                .withInitialDelaySeconds(10)
                .withPeriodSeconds(10)
                .withTimeoutSeconds(5)
                .withFailureThreshold(5)
                .withSuccessThreshold(1)
                .build());
  }

  @Test
  void aHealthcheckWithoutTestGivesNoProbeSinceTheImagesCheckCannotBeRead() {
    HealthCheckConfig check =
        new HealthCheckConfig(
            HealthCheckConfig.Kind.IMAGE,
            List.of(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            5);

    assertThat(Probes.readinessProbe(check)).isNull();
    assertThat(Probes.startupProbe(check)).isNull();
  }

  @Test
  void cmdHealthcheckIsExecOfTheArgvWithComposeDefaults() {
    HealthCheckConfig check =
        TestModels.healthcheck(HealthCheckConfig.Kind.CMD, "curl", "-f", "http://localhost/");

    assertThat(Probes.readinessProbe(check))
        .isEqualTo(
            new ProbeBuilder()
                .withNewExec()
                .withCommand("curl", "-f", "http://localhost/")
                .endExec()
                .withInitialDelaySeconds(30)
                .withPeriodSeconds(30)
                .withTimeoutSeconds(30)
                .withFailureThreshold(3)
                .withSuccessThreshold(1)
                .build());
  }

  @Test
  void noLivenessAndNoStartupProbeWithoutStartPeriod() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .healthcheck(TestModels.healthcheck(HealthCheckConfig.Kind.CMD, "true"))
                .build());

    var container =
        Containers.main(
            ctx, "nginx:1.27", new io.fabric8.kubernetes.api.model.SecurityContext(), List.of());

    assertThat(container.getLivenessProbe()).isNull();
    assertThat(container.getStartupProbe()).isNull();
    assertThat(container.getReadinessProbe()).isNotNull();
  }

  @Test
  void startPeriodBecomesStartupProbeThatNeverKills() {
    HealthCheckConfig check =
        new HealthCheckConfig(
            HealthCheckConfig.Kind.CMD,
            List.of("redis-cli", "ping"),
            Duration.ofSeconds(30),
            Duration.ofMillis(1500),
            Duration.ofSeconds(60),
            Duration.ofSeconds(2),
            3);

    assertThat(Probes.startupProbe(check))
        .isEqualTo(
            new ProbeBuilder()
                .withNewExec()
                .withCommand("redis-cli", "ping")
                .endExec()
                .withInitialDelaySeconds(2)
                .withPeriodSeconds(2)
                .withTimeoutSeconds(2)
                .withFailureThreshold(Integer.MAX_VALUE)
                .withSuccessThreshold(1)
                .build());
    // the readinessProbe starts once the startupProbe passed
    assertThat(Probes.readinessProbe(check).getInitialDelaySeconds()).isZero();
  }

  @Test
  void subSecondDurationsRoundUpToAtLeastOneSecond() {
    assertThat(Probes.seconds(Duration.ofMillis(200))).isEqualTo(1);
    assertThat(Probes.seconds(Duration.ofMillis(1001))).isEqualTo(2);
    assertThat(Probes.seconds(Duration.ZERO)).isEqualTo(1);
    assertThat(Probes.seconds(Duration.ofMinutes(1).plusSeconds(30))).isEqualTo(90);
  }

  @Test
  void disabledHealthcheckHasNoProbe() {
    assertThat(Probes.readinessProbe(null)).isNull();
    assertThat(Probes.startupProbe(null)).isNull();
  }
}
