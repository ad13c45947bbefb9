package io.composeoperator.compose;

/**
 * A limit on the whole file was exceeded (a guard against hostile input, such as the number of
 * ports that ranges expand to): loading stops at once instead of collecting more problems, since
 * every later part of the file would exceed it too.
 */
final class FileLimitException extends ComposeException {
  private static final long serialVersionUID = 1L;

  FileLimitException(String file, String path, String problem) {
    super(file, path, problem);
  }
}
