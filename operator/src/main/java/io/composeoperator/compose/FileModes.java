package io.composeoperator.compose;

/**
 * File modes ({@code mode: 0440}, {@code mode=1777}): written in octal in Compose files. A YAML
 * integer without a leading zero ({@code 288}) is taken as the decimal value it is.
 */
final class FileModes {

  private FileModes() {}

  /** Parses a mode; null stays null. */
  static Integer parse(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      if (l < 0 || l > 07777) {
        throw fields.error(path, l + " is not a file mode");
      }
      return l.intValue();
    }
    String text = fields.string(value, path).strip();
    String digits = text.startsWith("0o") ? text.substring(2) : text;
    try {
      int mode = Integer.parseInt(digits, 8);
      if (mode > 07777) {
        throw fields.error(path, Fields.quote(text) + " is not a file mode");
      }
      return mode;
    } catch (NumberFormatException e) {
      throw fields.error(path, Fields.quote(text) + " is not an octal file mode (example: 0440)");
    }
  }
}
