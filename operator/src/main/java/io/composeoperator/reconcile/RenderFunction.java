package io.composeoperator.reconcile;

import io.composeoperator.compose.ComposeSource;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Translation;

/** Loads and translates a project; in production {@code Renderer::render}. */
@FunctionalInterface
public interface RenderFunction {
  Translation render(ComposeSource source, ProjectOptions options);
}
