package io.composeoperator.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command reads and writes: the process's streams and working directory in production,
 * captured streams and a temporary directory in tests.
 *
 * @param out standard output (YAML only)
 * @param err standard error (warnings, errors, usage)
 * @param in standard input ({@code -f -})
 * @param workingDirectory the directory relative paths are resolved against
 */
public record Console(PrintStream out, PrintStream err, InputStream in, Path workingDirectory) {

  /** The process's own streams and working directory. */
  public static Console system() {
    return new Console(System.out, System.err, System.in, Path.of("").toAbsolutePath().normalize());
  }
}
