package io.composeoperator.reconcile;

import io.composeoperator.translate.Translation;
import java.util.List;

/**
 * How the load, translate and apply steps of one reconcile went.
 *
 * @param translation the desired state, or null when the input was refused
 * @param failureReason why the input was refused ({@code InvalidCompose}, {@code Forbidden}, ...),
 *     or null
 * @param failureMessage the refusal, naming file, path and problem, or null
 * @param conflicts objects that belong to someone else
 * @param problems immutable-field changes that were left as they are
 */
public record Outcome(
    Translation translation,
    String failureReason,
    String failureMessage,
    List<String> conflicts,
    List<String> problems) {
  public Outcome {
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
  }

  public static Outcome refused(String reason, String message) {
    return new Outcome(null, reason, message, List.of(), List.of());
  }

  public static Outcome applied(
      Translation translation, List<String> conflicts, List<String> problems) {
    return new Outcome(translation, null, null, conflicts, problems);
  }

  public boolean refused() {
    return failureReason != null;
  }
}
