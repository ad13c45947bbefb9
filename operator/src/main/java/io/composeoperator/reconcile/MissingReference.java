package io.composeoperator.reconcile;

/**
 * A ConfigMap or Secret that the ComposeProject names ({@code spec.composeFrom}, {@code
 * spec.variablesFrom}) is missing, or lacks the key it names. The input cannot be rendered, so it
 * is reported like invalid Compose (reason {@code InvalidCompose}, the message names the spec
 * path), but it is not a problem of the Compose file.
 */
public final class MissingReference extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * @param path the spec path of the reference ({@code spec.variablesFrom[0]})
   * @param problem what is missing ({@code Secret creds not found})
   */
  MissingReference(String path, String problem) {
    super(path + ": " + problem, null, false, false);
    this.path = path;
  }

  /** The spec path of the reference. */
  public String path() {
    return path;
  }
}
