package io.composeoperator.compose;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose durations ({@code 1m30s}, {@code 500ms}, {@code 1h}, {@code 10us}; spec {@code
 * 11-extension.md} "Specifying durations"), the Go {@code time.ParseDuration} syntax.
 */
final class Durations {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private Durations() {}

  /** Parses a duration; null stays null. */
  static Duration parse(Fields fields, Object value, String path) {
    String text = fields.string(value, path);
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    int at = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (at < s.length() && m.find(at) && m.start() == at) {
      nanos =
          nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
      at = m.end();
    }
    if (at == 0 || at != s.length()) {
      throw fields.error(
          path, Fields.quote(text) + " is not a duration (examples: 10s, 1m30s, 500ms, 1h)");
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw fields.error(path, Fields.quote(text) + " is too long a duration");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "µs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      default:
        return 3_600_000_000_000L;
    }
  }
}
