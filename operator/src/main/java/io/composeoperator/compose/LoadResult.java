package io.composeoperator.compose;

import io.composeoperator.compose.model.ComposeModel;
import java.util.List;

/**
 * What the loader returns: the model and the warnings found while loading (unresolved variables,
 * obsolete keys, ...).
 */
public record LoadResult(ComposeModel model, List<Warning> warnings) {

  public LoadResult {
    warnings = List.copyOf(warnings);
  }
}
