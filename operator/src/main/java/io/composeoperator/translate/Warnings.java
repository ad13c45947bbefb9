package io.composeoperator.translate;

import io.composeoperator.compose.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects the warnings of one translation; the result is sorted and free of duplicates. Safe to
 * add to from several threads (services are translated in parallel).
 */
public final class Warnings {
  private final List<Warning> warnings = new ArrayList<>();

  /** Records a warning about the YAML path {@code path}. */
  public synchronized void add(String path, String message) {
    warnings.add(new Warning(path, message));
  }

  /** Records warnings found earlier (by the loader). */
  public synchronized void addAll(List<Warning> more) {
    warnings.addAll(more);
  }

  /** The warnings so far, sorted, without duplicates. */
  public synchronized List<Warning> toList() {
    return List.copyOf(new TreeSet<>(warnings));
  }
}
