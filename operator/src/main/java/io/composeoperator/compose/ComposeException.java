package io.composeoperator.compose;

/**
 * Input that cannot be deployed: names the file, the YAML path and the problem. Never a crash: the
 * CLI prints it as is and the reconciler puts it into a status condition.
 */
public class ComposeException extends RuntimeException {

  /** What kind of problem it is; the reconciler maps it to a condition reason. */
  public enum Kind {
    /** The file is not valid Compose, or cannot be mapped (InvalidCompose). */
    INVALID,
    /** The project asks for something its security profile refuses (Forbidden). */
    FORBIDDEN
  }

  private final Kind kind;
  private final String file;
  private final String path;
  private final String problem;

  public ComposeException(String file, String path, String problem) {
    this(Kind.INVALID, file, path, problem);
  }

  public ComposeException(Kind kind, String file, String path, String problem) {
    super(format(file, path, problem), null, false, false);
    this.kind = kind;
    this.file = file;
    this.path = path;
    this.problem = problem;
  }

  private static String format(String file, String path, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      sb.append(file).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }

  public Kind kind() {
    return kind;
  }

  /** The file name ({@code compose.yaml}), or null. */
  public String file() {
    return file;
  }

  /** The YAML path ({@code services.web.ports[0]}), or null for the whole document. */
  public String path() {
    return path;
  }

  /** The problem alone, without file and path. */
  public String problem() {
    return problem;
  }
}
