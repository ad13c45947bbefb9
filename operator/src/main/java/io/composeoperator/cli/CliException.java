package io.composeoperator.cli;

/** A problem outside the Compose file (a missing file, an unreadable input): exit 1. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message, null, false, false);
  }

  CliException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
