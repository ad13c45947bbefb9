package io.composeoperator.compose.model;

import java.time.Duration;
import java.util.List;

/**
 * An effective healthcheck, with Compose's (Dockerfile HEALTHCHECK) defaults filled in: interval
 * 30s, timeout 30s, start_period 0s, start_interval 5s, retries 3.
 *
 * @param test the command: for {@link Kind#CMD} the argv; for {@link Kind#SHELL} exactly one
 *     element, the whole shell string (never split into words); for {@link Kind#IMAGE} empty
 * @param kind how {@code test} runs
 */
public record HealthCheckConfig(
    Kind kind,
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_START_PERIOD = Duration.ZERO;
  public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_RETRIES = 3;

  public HealthCheckConfig {
    test = List.copyOf(test);
  }

  /** How a healthcheck test runs. */
  public enum Kind {
    /** {@code ["CMD", args...]}: exec of the argv. */
    CMD,
    /** {@code ["CMD-SHELL", "string"]} or a plain string: {@code /bin/sh -c string}. */
    SHELL,
    /**
     * No {@code test}: the image's own HEALTHCHECK runs with these timings; {@code test} is empty.
     */
    IMAGE
  }

  /** True when the test is the image's HEALTHCHECK, which a cluster cannot read. */
  public boolean fromImage() {
    return kind == Kind.IMAGE;
  }
}
