package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the independent problems of a file, so that one run reports all of them (as a schema
 * validator does) instead of stopping at the first: each read is attempted, a failed one is
 * recorded and yields a fallback, and {@link #throwIfAny} throws them together, sorted by path. A
 * {@link FileLimitException} stops loading at once.
 */
final class Problems {
  private final List<ComposeException> found = new ArrayList<>();

  /** The value of {@code read}, or {@code fallback} when it fails (the failure is recorded). */
  <T> T attempt(Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (FileLimitException e) {
      throw e;
    } catch (ComposeException e) {
      found.add(e);
      return fallback;
    }
  }

  /** Runs a check, recording its failure. */
  void check(Runnable check) {
    try {
      check.run();
    } catch (FileLimitException e) {
      throw e;
    } catch (ComposeException e) {
      found.add(e);
    }
  }

  /** How many problems were recorded so far. */
  int count() {
    return found.size();
  }

  /** Throws every recorded problem as one {@link ComposeException}; nothing when there is none. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw ComposeException.of(found);
    }
  }
}
