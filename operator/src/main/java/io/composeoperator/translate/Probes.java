package io.composeoperator.translate;

import io.composeoperator.compose.model.HealthCheckConfig;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.ExecActionBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code healthcheck} → probes (ARCHITECTURE.md, "Healthchecks").
 *
 * <ul>
 *   <li>A readinessProbe: {@code CMD} → exec of the argv, {@code CMD-SHELL} → exec of {@code
 *       /bin/sh -c <string>} (never split); {@code interval} → periodSeconds, {@code timeout} →
 *       timeoutSeconds, {@code retries} → failureThreshold, always written out because Kubernetes'
 *       defaults differ. Durations become whole seconds rounded up, at least 1.
 *   <li>No livenessProbe: Docker never kills a container for being unhealthy.
 *   <li>{@code start_period} &gt; 0 → a startupProbe with the same command at {@code
 *       start_interval}, whose failureThreshold is {@link #NEVER_GIVE_UP}: it can never kill the
 *       container in practice, and the readinessProbe does not run before it first succeeds (as
 *       failures during {@code start_period} do not count in Docker). Without a start period the
 *       readinessProbe's first check runs after {@code interval}, as Docker's does.
 * </ul>
 */
final class Probes {
  /**
   * The startupProbe's failureThreshold: the largest int32, so that the probe keeps checking (at
   * {@code start_interval}) until the container first passes, and never kills it. Docker's {@code
   * start_period} only says that failures do not count; after it, Docker keeps checking and marks
   * the container unhealthy, which the readinessProbe then reflects once the container passed once.
   */
  static final int NEVER_GIVE_UP = Integer.MAX_VALUE;

  private Probes() {}

  /**
   * The readinessProbe of a service, or null when it has no (enabled) healthcheck or only the
   * image's (the loader warned).
   */
  static Probe readinessProbe(HealthCheckConfig check) {
    if (check == null || check.fromImage()) {
      return null;
    }
    boolean startup = hasStartPeriod(check);
    return new ProbeBuilder()
        .withExec(exec(check))
        // the first check runs after `interval` (Dockerfile HEALTHCHECK); with a startupProbe, the
        // readinessProbe starts once the container passed, which Docker also counts as healthy
        .withInitialDelaySeconds(startup ? 0 : seconds(check.interval()))
        .withPeriodSeconds(seconds(check.interval()))
        .withTimeoutSeconds(seconds(check.timeout()))
        .withFailureThreshold(Math.max(1, check.retries()))
        .withSuccessThreshold(1)
        .build();
  }

  /** The startupProbe of a service whose healthcheck has a {@code start_period}, else null. */
  static Probe startupProbe(HealthCheckConfig check) {
    if (check == null || check.fromImage() || !hasStartPeriod(check)) {
      return null;
    }
    Duration startInterval =
        check.startInterval() == null || check.startInterval().isZero()
            ? HealthCheckConfig.DEFAULT_START_INTERVAL
            : check.startInterval();
    return new ProbeBuilder()
        .withExec(exec(check))
        .withInitialDelaySeconds(seconds(startInterval))
        .withPeriodSeconds(seconds(startInterval))
        .withTimeoutSeconds(seconds(check.timeout()))
        .withFailureThreshold(NEVER_GIVE_UP)
        .withSuccessThreshold(1)
        .build();
  }

  private static boolean hasStartPeriod(HealthCheckConfig check) {
    return check.startPeriod() != null && !check.startPeriod().isZero();
  }

  /** The probe's command: the argv for CMD, {@code /bin/sh -c <string>} for CMD-SHELL. */
  static ExecAction exec(HealthCheckConfig check) {
    List<String> command = new ArrayList<>();
    if (check.kind() == HealthCheckConfig.Kind.SHELL) {
      command.add("/bin/sh");
      command.add("-c");
      command.add(String.join(" ", check.test()));
    } else {
      command.addAll(check.test());
    }
    return new ExecActionBuilder().withCommand(command).build();
  }

  /** Whole seconds, rounded up, at least 1. */
  static int seconds(Duration duration) {
    if (duration == null) {
      return 1;
    }
    long secs = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, secs));
  }
}
