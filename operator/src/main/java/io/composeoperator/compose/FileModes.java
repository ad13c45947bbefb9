package io.composeoperator.compose;

import java.util.List;
import java.util.regex.Pattern;

/**
 * File modes ({@code mode: 0440}, {@code mode=1777}): written in octal in Compose files. A YAML
 * integer without a leading zero ({@code 288}) is taken as the decimal value it is.
 */
final class FileModes {
  private static final Pattern OCTAL_DIGITS = Pattern.compile("[0-7]+");

  private FileModes() {}

  /**
   * The {@code mode} of a service's config or secret: as {@link #parse}, except that a YAML integer
   * written without a leading zero whose digits are all octal and whose value exceeds 0777 ({@code
   * mode: 644}, as many files write it) can only mean those octal digits: it is read as octal
   * ({@code 0644}), with a warning. A smaller one ({@code 440}) stays the decimal value it is.
   */
  static Integer parseOctalDigits(
      Fields fields, Object value, String path, List<Warning> warnings) {
    if (value instanceof Long l
        && l > 0777
        && l <= 07777
        && OCTAL_DIGITS.matcher(l.toString()).matches()) {
      int mode = Integer.parseInt(l.toString(), 8);
      warnings.add(
          new Warning(
              path,
              "mode "
                  + l
                  + " is above 0777 as a decimal number (the API server refuses it); it is read as"
                  + " the octal mode 0"
                  + Integer.toOctalString(mode)
                  + " (write 0"
                  + Integer.toOctalString(mode)
                  + " to say so)"));
      return mode;
    }
    return parse(fields, value, path);
  }

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
