package io.composeoperator.compose;

import io.composeoperator.compose.model.ByteSize;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose byte sizes ({@code 512m}, {@code 1gb}, {@code 1024}): units {@code b k kb m mb g gb}
 * (also {@code t}, {@code p} and the {@code i} forms), case-insensitive, binary multiples, as
 * docker/go-units {@code RAMInBytes} reads them.
 */
final class ByteSizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?) ?(?:([kmgtp])i?b?|(b))?", Pattern.CASE_INSENSITIVE);

  private ByteSizes() {}

  /** Parses a size; null stays null. */
  static ByteSize parse(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      if (l < 0) {
        throw fields.error(path, l + " is not a byte size (it is negative)");
      }
      return new ByteSize(l);
    }
    String text = fields.string(value, path);
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw fields.error(
          path, Fields.quote(text) + " is not a byte size (examples: 512m, 1gb, 1024)");
    }
    long multiplier = 1;
    if (m.group(2) != null) {
      int power = "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
      multiplier = 1L << (10 * power);
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw fields.error(path, Fields.quote(text) + " is too large");
    }
    return new ByteSize(bytes.longValue());
  }
}
