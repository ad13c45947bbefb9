package io.composeoperator.cli;

import io.composeoperator.compose.ComposeException;

/**
 * Maps what a command throws to an exit code and one line on stderr: {@code file: path: problem}
 * for invalid input, a plain message for missing files, and a short note for our own bugs. Stack
 * traces only with {@code --verbose}.
 */
final class Failures {
  /** The project was rendered or converted. */
  static final int OK = 0;

  /** The input cannot be deployed or read (invalid Compose, a missing file). */
  static final int INVALID = 1;

  /** The command line cannot be understood. */
  static final int USAGE = 2;

  /** An unexpected error: a bug in compose-operator. */
  static final int INTERNAL = 3;

  private Failures() {}

  /** Work that returns an exit code and may fail with input errors. */
  @FunctionalInterface
  interface Work {
    int run() throws CliException;
  }

  /** Runs {@code work} and turns its failures into an exit code and a message on stderr. */
  static int guard(Console console, boolean verbose, Work work) {
    try {
      return work.run();
    } catch (ComposeException e) {
      console.err().println(e.getMessage());
      return INVALID;
    } catch (CliException e) {
      console.err().println(e.getMessage());
      if (verbose && e.getCause() != null) {
        e.getCause().printStackTrace(console.err());
      }
      return INVALID;
    } catch (RuntimeException e) {
      console
          .err()
          .println(
              "internal error: "
                  + e
                  + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(console.err());
      }
      return INTERNAL;
    } finally {
      console.out().flush();
      console.err().flush();
    }
  }
}
