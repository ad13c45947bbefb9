package io.composeoperator.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command reads and writes: the process's streams, working directory and environment in
 * production, captured streams, a temporary directory and a given environment in tests.
 *
 * @param out standard output (YAML only)
 * @param err standard error (warnings, errors, usage)
 * @param in standard input ({@code -f -})
 * @param workingDirectory the directory relative paths are resolved against
 * @param environment the process environment (the shell's variables)
 */
public record Console(
    PrintStream out,
    PrintStream err,
    InputStream in,
    Path workingDirectory,
    Map<String, String> environment) {

  public Console {
    environment = Map.copyOf(environment);
  }

  /** A console with an empty environment. */
  public Console(PrintStream out, PrintStream err, InputStream in, Path workingDirectory) {
    this(out, err, in, workingDirectory, Map.of());
  }

  /** The process's own streams, working directory and environment. */
  public static Console system() {
    return new Console(
        System.out,
        System.err,
        System.in,
        Path.of("").toAbsolutePath().normalize(),
        System.getenv());
  }
}
