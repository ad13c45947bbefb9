package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
    String name = projectName(source.fileName(), options.name());
    return named(
        ProjectTranslator.translate(ComposeLoader.load(source), options.withName(name)),
        options.name(),
        name);
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
    String name = projectName(loaded.model().sourceFile(), options.name());
    return named(ProjectTranslator.translate(loaded, options.withName(name)), options.name(), name);
  }

  /**
   * The project name, checked here for every caller by the one rule in {@link Names}: a name that
   * is not a DNS-1123 label ({@code my_shop}, allowed by Compose) is mapped by the naming rule; a
   * name with nothing left is an error. The operator's own name ({@code metadata.name}) is checked
   * before, by its validator, so only the CLI's name is ever mapped.
   */
  private static String projectName(String file, String project) {
    String mapped = Names.projectName(project);
    if (Names.projectNameProblem(mapped).isPresent()) {
      throw new ComposeException(file, "name", Names.projectNameProblem(project).get());
    }
    return mapped;
  }

  /** The translation with a warning about a mapped project name. */
  private static Translation named(Translation translation, String asGiven, String name) {
    if (name.equals(asGiven)) {
      return translation;
    }
    List<Warning> warnings = new ArrayList<>(translation.warnings());
    warnings.add(
        new Warning(
            "name",
            "project name \""
                + asGiven
                + "\" is not a DNS-1123 label (it is a label value on every object); the project is"
                + " named "
                + name
                + " on Kubernetes"));
    return new Translation(
        translation.objects(),
        List.copyOf(new TreeSet<>(warnings)),
        translation.services(),
        translation.requiredSecrets());
  }
}
