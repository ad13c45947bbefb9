package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Condition types of a ComposeProject, and how a condition keeps its transition time. */
public final class Conditions {
  /** True when the current generation is fully rolled out and every active service is ready. */
  public static final String READY = "Ready";

  /** True when the desired objects were applied; False names why not. */
  public static final String RECONCILED = "Reconciled";

  private Conditions() {}

  /** The condition of this type, if present. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * A condition; its {@code lastTransitionTime} is kept from {@code previous} when the status
   * (True/False) did not change, as Kubernetes conventions ask.
   */
  public static Condition condition(
      String type,
      boolean status,
      String reason,
      String message,
      long generation,
      Optional<Condition> previous,
      Clock clock) {
    String value = status ? "True" : "False";
    String time =
        previous
            .filter(p -> Objects.equals(p.getStatus(), value))
            .map(Condition::getLastTransitionTime)
            .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(time)
        .build();
  }
}
