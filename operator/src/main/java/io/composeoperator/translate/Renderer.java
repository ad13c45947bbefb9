package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;

/**
 * The single path from Compose text to Kubernetes objects: {@code render} and the operator both
 * call it, so what {@code render} prints is what the operator applies.
 */
public final class Renderer {
  private Renderer() {}

  /**
   * Loads and translates a project.
   *
   * @throws ComposeException when the project cannot be deployed
   */
  public static Translation render(ComposeSource source, ProjectOptions options) {
    String project = options.name();
    if (project == null || project.isEmpty()) {
      throw new ComposeException(source.fileName(), "name", "the project has no name");
    }
    if (project.length() > Names.MAX_LABEL || !Names.isDns1123Label(project)) {
      throw new ComposeException(
          source.fileName(),
          "name",
          "project name \""
              + project
              + "\" must be a DNS-1123 label of at most 63 characters, because it is a label"
              + " value on every object");
    }
    LoadResult loaded = ComposeLoader.load(source);
    return ProjectTranslator.translate(loaded, options);
  }
}
