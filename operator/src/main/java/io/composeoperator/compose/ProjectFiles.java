package io.composeoperator.compose;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project files handed to the loader, by normalized path, remembering which of them the loader
 * actually read (env files, included and extended files), so the caller can ship exactly those (the
 * CLI's {@code convert} puts them into {@code spec.files}).
 */
final class ProjectFiles extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  private final SortedSet<String> read = new TreeSet<>();

  /** The content of a file, recording the read; null when the file was not given. */
  @Override
  public String get(Object path) {
    String content = super.get(path);
    if (content != null) {
      read.add((String) path);
    }
    return content;
  }

  /** The paths that were read. */
  SortedSet<String> read() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(read));
  }
}
