package io.composeoperator.reconcile;

/**
 * A ConfigMap or Secret that the ComposeProject names ({@code spec.composeFrom}, {@code
 * spec.variablesFrom}) is missing, or lacks the key it names. The input cannot be rendered, so
 * nothing is applied or pruned until it exists. A missing Secret is reported as {@code
 * WaitingForSecret} (the user creates it: {@code convert} prints the command for the Secret of
 * credential variables), anything else like invalid Compose ({@code InvalidCompose}); the message
 * names the spec path.
 */
public final class MissingReference extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * @param path the spec path of the reference ({@code spec.variablesFrom[0]})
   * @param problem what is missing ({@code Secret creds not found})
   */
  MissingReference(String path, String problem) {
    this(path, problem, Reasons.INVALID_COMPOSE);
  }

  /** A missing Secret: the project waits for it ({@link Reasons#WAITING_FOR_SECRET}). */
  static MissingReference secret(String path, String name) {
    return new MissingReference(
        path,
        "Secret "
            + name
            + " not found: create it (convert prints the command); nothing is applied until it"
            + " exists",
        Reasons.WAITING_FOR_SECRET);
  }

  private MissingReference(String path, String problem, String reason) {
    super(path + ": " + problem, null, false, false);
    this.path = path;
    this.reason = reason;
  }

  /** The status reason: {@code WaitingForSecret} or {@code InvalidCompose}. */
  public String reason() {
    return reason;
  }

  /** The spec path of the reference. */
  public String path() {
    return path;
  }
}
