package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    FORBIDDEN,
    /** A Secret that holds part of the project (an env file) does not exist (WaitingForSecret). */
    MISSING_SECRET
  }

  private final Kind kind;
  private final String file;
  private final String path;
  private final String problem;
  private final List<ComposeException> all;

  public ComposeException(String file, String path, String problem) {
    this(Kind.INVALID, file, path, problem);
  }

  public ComposeException(Kind kind, String file, String path, String problem) {
    super(format(file, path, problem), null, false, false);
    this.kind = kind;
    this.file = file;
    this.path = path;
    this.problem = problem;
    this.all = List.of(this);
  }

  private ComposeException(List<ComposeException> all) {
    super(
        String.join("\n", all.stream().map(ComposeException::getMessage).toList()),
        null,
        false,
        false);
    ComposeException first = all.get(0);
    this.kind =
        all.stream().allMatch(e -> e.kind == Kind.FORBIDDEN) ? Kind.FORBIDDEN : Kind.INVALID;
    this.file = first.file;
    this.path = first.path;
    this.problem = first.problem;
    this.all = List.copyOf(all);
  }

  /**
   * Several independent problems as one exception, sorted by file and path; its message has one
   * line per problem, and its file, path and problem are the first one's.
   *
   * @param problems at least one
   */
  public static ComposeException of(List<ComposeException> problems) {
    List<ComposeException> flat = new ArrayList<>();
    problems.forEach(p -> flat.addAll(p.all));
    flat.sort(ORDER);
    List<ComposeException> distinct = new ArrayList<>();
    for (ComposeException p : flat) {
      if (distinct.stream().noneMatch(d -> d.getMessage().equals(p.getMessage()))) {
        distinct.add(p);
      }
    }
    return distinct.size() == 1 ? distinct.get(0) : new ComposeException(distinct);
  }

  private static final Comparator<ComposeException> ORDER =
      Comparator.comparing((ComposeException e) -> e.file == null ? "" : e.file)
          .thenComparing(e -> e.path == null ? "" : e.path);

  /** Every problem this exception reports (itself alone, unless made by {@link #of}). */
  public List<ComposeException> problems() {
    return all;
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
