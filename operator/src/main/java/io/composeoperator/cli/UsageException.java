package io.composeoperator.cli;

/** A command line that cannot be understood: Main prints the message and the usage, exit 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
