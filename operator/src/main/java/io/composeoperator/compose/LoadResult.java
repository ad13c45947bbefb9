package io.composeoperator.compose;

import io.composeoperator.compose.model.ComposeModel;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the loader returns: the model, the warnings found while loading (unresolved variables,
 * obsolete keys, ...), the project files it read to build the model (env files, included and
 * extended Compose files; the files that configs and bind mounts name are in the model itself), and
 * the names of the variables it looked up (set or not), which of the files read, or given as
 * Secrets, are services' env files, and which are env files of {@code include} entries (read for
 * interpolation).
 */
public record LoadResult(
    ComposeModel model,
    List<Warning> warnings,
    SortedSet<String> filesRead,
    SortedSet<String> variablesUsed,
    SortedSet<String> envFiles,
    SortedSet<String> includeEnvFiles) {

  public LoadResult {
    warnings = List.copyOf(warnings);
    filesRead = Collections.unmodifiableSortedSet(new TreeSet<>(filesRead));
    variablesUsed = Collections.unmodifiableSortedSet(new TreeSet<>(variablesUsed));
    envFiles = Collections.unmodifiableSortedSet(new TreeSet<>(envFiles));
    includeEnvFiles = Collections.unmodifiableSortedSet(new TreeSet<>(includeEnvFiles));
  }

  /** A result that read no project files and used no variables. */
  public LoadResult(ComposeModel model, List<Warning> warnings) {
    this(model, warnings, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }
}
