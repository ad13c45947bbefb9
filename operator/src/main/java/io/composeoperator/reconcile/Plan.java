package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What one reconcile must do: the writes in apply order, the objects to prune, and the changes that
 * Kubernetes cannot make in place (reported, not attempted).
 *
 * @param actions objects to create, apply or replace, in the translation's kind order
 * @param prune owned objects no longer desired
 * @param problems immutable-field changes left as they are, one sentence each, sorted
 * @param conflicts desired objects whose name an observed object that is not the project's own
 *     already has (left as it is), one sentence each, sorted
 * @param unchanged how many desired objects already match
 */
public record Plan(
    List<Action> actions,
    List<HasMetadata> prune,
    List<String> problems,
    List<String> conflicts,
    int unchanged) {

  public Plan {
    actions = List.copyOf(actions);
    prune = List.copyOf(prune);
    problems = List.copyOf(problems);
    conflicts = List.copyOf(conflicts);
  }

  /** True when nothing is to be written. */
  public boolean isEmpty() {
    return actions.isEmpty() && prune.isEmpty();
  }

  /** How to write one desired object. */
  public enum Verb {
    /** Not observed: create it, so that an object of someone else's answers "already exists". */
    CREATE,
    /** Ours and changed: server-side apply with force. */
    APPLY,
    /**
     * A Job whose template changed: delete it; the reconcile that its deletion event triggers
     * creates it again.
     */
    REPLACE
  }

  /**
   * One write.
   *
   * @param verb what to do
   * @param desired the desired object, with ownerReferences
   * @param live the observed object, or null for CREATE
   */
  public record Action(Verb verb, HasMetadata desired, HasMetadata live) {}
}
