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
    checkName(source.fileName(), options.name());
    return ProjectTranslator.translate(ComposeLoader.load(source), options);
  }

  /**
   * Translates a project its caller has already loaded with {@code ComposeLoader.load(source)}: the
   * same path as {@link #render(ComposeSource, ProjectOptions)} without loading twice (the CLI
   * loads once to find the files a project refers to, and reuses that load when the files it then
   * collects are exactly the ones it loaded with).
   *
   * @throws ComposeException when the project cannot be deployed
   */
  public static Translation render(LoadResult loaded, ProjectOptions options) {
    checkName(loaded.model().sourceFile(), options.name());
    return ProjectTranslator.translate(loaded, options);
  }

  /** The project name is checked here, for every caller, by the one rule in {@link Names}. */
  private static void checkName(String file, String project) {
    Names.projectNameProblem(project)
        .ifPresent(
            problem -> {
              throw new ComposeException(file, "name", problem);
            });
  }
}
