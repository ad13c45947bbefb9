package io.composeoperator.compose.model;

/**
 * The effective restart policy of a service.
 *
 * @param kind {@code restart} value or {@code deploy.restart_policy.condition}
 * @param maxAttempts {@code on-failure:N} / {@code max_attempts}, or null for unlimited
 * @param source the YAML path that set it ({@code services.migrate.restart}), for messages
 */
public record RestartPolicy(Kind kind, Integer maxAttempts, String source) {

  /** Restart behaviours; {@code any} maps to ALWAYS and {@code none} to NO. */
  public enum Kind {
    NO,
    ALWAYS,
    ON_FAILURE,
    UNLESS_STOPPED
  }

  /** True for a service that runs once: {@code "no"} or {@code on-failure}. */
  public boolean runsOnce() {
    return kind == Kind.NO || kind == Kind.ON_FAILURE;
  }
}
