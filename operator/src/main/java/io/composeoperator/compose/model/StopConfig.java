package io.composeoperator.compose.model;

import java.time.Duration;

/**
 * How a service's container is stopped, the keys {@code translate/StopSignals} and {@code
 * translate/Workloads} read.
 *
 * @param gracePeriod {@code stop_grace_period}, or null
 * @param signal {@code stop_signal} as written, or null
 */
public record StopConfig(Duration gracePeriod, String signal) {

  /** Nothing set: Compose's defaults (10 s, SIGTERM). */
  public static final StopConfig NONE = new StopConfig(null, null);

  /** This configuration with {@code stop_grace_period} replaced. */
  public StopConfig withGracePeriod(Duration value) {
    return new StopConfig(value, signal);
  }

  /** This configuration with {@code stop_signal} replaced. */
  public StopConfig withSignal(String value) {
    return new StopConfig(gracePeriod, value);
  }
}
