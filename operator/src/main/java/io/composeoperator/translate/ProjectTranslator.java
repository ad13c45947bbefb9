package io.composeoperator.translate;

import io.composeoperator.compose.LoadResult;

/** Translates a loaded Compose project into the desired objects (placeholder until merged). */
public final class ProjectTranslator {
  private ProjectTranslator() {}

  /** Translates the model; the translate work replaces this body. */
  public static Translation translate(LoadResult loaded, ProjectOptions options) {
    throw new IllegalStateException("ProjectTranslator is being written on branch translate");
  }
}
