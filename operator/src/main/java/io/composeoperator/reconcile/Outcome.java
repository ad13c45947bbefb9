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
 * @param missingKinds objects left out because the cluster does not serve their kind ({@link
 *     ServedKinds#problems}), one message per kind
 */
public record Outcome(
    Translation translation,
    String failureReason,
    String failureMessage,
    List<String> conflicts,
    List<String> problems,
    List<String> missingKinds) {
  public Outcome {
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
    missingKinds = List.copyOf(missingKinds);
  }

  public static Outcome refused(String reason, String message) {
    return new Outcome(null, reason, message, List.of(), List.of(), List.of());
  }

  public static Outcome applied(
      Translation translation, List<String> conflicts, List<String> problems) {
    return new Outcome(translation, null, null, conflicts, problems, List.of());
  }

  /** This outcome, with objects left out because the cluster does not serve their kind. */
  public Outcome withMissingKinds(List<String> missing) {
    return new Outcome(translation, failureReason, failureMessage, conflicts, problems, missing);
  }

  public boolean refused() {
    return failureReason != null;
  }
}
