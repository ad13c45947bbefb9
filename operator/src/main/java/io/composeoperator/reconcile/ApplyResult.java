package io.composeoperator.reconcile;

import java.util.List;

/**
 * What applying a plan did.
 *
 * @param written how many objects were created, applied or replaced
 * @param conflicts objects that exist and belong to someone else, one sentence each, sorted
 * @param problems changes the API server refused (immutable fields), one sentence each, sorted
 */
public record ApplyResult(int written, List<String> conflicts, List<String> problems) {
  public ApplyResult {
    conflicts = conflicts.stream().sorted().toList();
    problems = problems.stream().sorted().toList();
  }
}
