package io.composeoperator.translate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes quantities in the one form the API server stores them: {@code 1024Mi} is kept as
 * {@code 1Gi}, {@code 2000m} as {@code 2}, {@code 1000} as {@code 1k}. Every quantity the
 * translation writes goes through here, so that the applied object equals the stored one and a
 * resync finds nothing to change. The rules are those of apimachinery's {@code
 * Quantity.CanonicalizeBytes} (k8s.io/apimachinery/pkg/api/resource/quantity.go): the suffix family
 * of the input is kept (binary, decimal SI or decimal exponent), a binary value that is below 1024
 * or not a whole number is written in decimal SI, the mantissa is the smallest whole number with an
 * exponent that is a multiple of 3 (decimal) or 10 (binary), and anything finer than {@code 1m} is
 * rounded up to it, as the API server does for every quantity in a resource list (the only place
 * the translation writes quantities other than whole byte counts).
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, Integer> DECIMAL_SUFFIXES =
      Map.ofEntries(
          Map.entry("n", -9),
          Map.entry("u", -6),
          Map.entry("m", -3),
          Map.entry("", 0),
          Map.entry("k", 3),
          Map.entry("M", 6),
          Map.entry("G", 9),
          Map.entry("T", 12),
          Map.entry("P", 15),
          Map.entry("E", 18));
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KI = BigInteger.valueOf(1024);

  private Quantities() {}

  /** The canonical form of {@code value}; an error when it is not a quantity. */
  public static String canonical(String value) {
    Matcher m = QUANTITY.matcher(value == null ? "" : value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + value + "\" is not a Kubernetes quantity");
    }
    String suffix = m.group(2) == null ? "" : m.group(2);
    BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    boolean binary = suffix.endsWith("i");
    // "E" alone is exa; "E3" or "e3" is an exponent.
    boolean exponent = suffix.length() > 1 && (suffix.startsWith("e") || suffix.startsWith("E"));
    BigDecimal amount;
    if (binary) {
      amount =
          number.multiply(new BigDecimal(KI.pow(java.util.Arrays.asList(BINARY).indexOf(suffix))));
    } else if (exponent) {
      amount = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    } else {
      amount = number.scaleByPowerOfTen(DECIMAL_SUFFIXES.get(suffix));
    }
    return format(amount, binary, exponent);
  }

  /**
   * A byte count in the form that stays as it is when stored: the largest exact binary unit ({@code
   * 512Mi}), else decimal units ({@code 1500}, {@code 2k}), as the API server reads a number
   * without a suffix as decimal.
   */
  public static String bytes(long bytes) {
    return format(BigDecimal.valueOf(bytes), true, false);
  }

  private static String format(BigDecimal amount, boolean binary, boolean exponent) {
    // Precision below milli is rounded up (away from zero), as the API server's defaulting of
    // every resource list does (SetDefaults_ResourceList rounds up to milli scale).
    if (amount.scale() > 3) {
      amount = amount.setScale(3, amount.signum() < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }
    if (amount.signum() == 0) {
      return "0";
    }
    if (binary
        && amount.abs().compareTo(BigDecimal.valueOf(1024)) >= 0
        && amount.stripTrailingZeros().scale() <= 0) {
      BigInteger whole = amount.toBigIntegerExact();
      int power = 0;
      while (power < BINARY.length - 1 && whole.mod(KI).signum() == 0) {
        whole = whole.divide(KI);
        power++;
      }
      if (power > 0) {
        return whole + BINARY[power];
      }
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    int exp = -stripped.scale();
    int exp3 = Math.min(Math.floorDiv(exp, 3) * 3, 18);
    BigInteger mantissa = stripped.unscaledValue().multiply(BigInteger.TEN.pow(exp - exp3));
    if (exponent) {
      return mantissa + (exp3 == 0 ? "" : "e" + exp3);
    }
    String decimalSuffix =
        DECIMAL_SUFFIXES.entrySet().stream()
            .filter(e -> e.getValue() == exp3)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    return mantissa + decimalSuffix;
  }
}
