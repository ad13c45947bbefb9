package io.composeoperator.translate;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API server's value rules (k8s.io/apimachinery {@code validation.go}) and a collector of
 * violations, shared by the kind-specific checks of {@link KubernetesValidity}.
 */
final class ValidityRules {
  static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
  static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  static final Pattern QUANTITY =
      Pattern.compile(
          "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  static final Pattern CAPABILITY = Pattern.compile("[A-Z][A-Z0-9_]*");
  static final Pattern SYSCTL =
      Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  static final int MAX_LABEL = 63;
  static final int MAX_SUBDOMAIN = 253;
  static final int MAX_PORT_NAME = 15;

  /** Collected violations, each {@code Kind/name: path: rule}. */
  static final class Violations {
    private final List<String> all = new ArrayList<>();
    private String object = "?";

    void object(String kindAndName) {
      this.object = kindAndName;
    }

    void add(String path, String rule) {
      all.add(object + ": " + path + ": " + rule);
    }

    List<String> list() {
      return List.copyOf(all);
    }
  }

  private ValidityRules() {}

  static void dns1123Label(Violations v, String path, String value) {
    if (value == null || value.isEmpty()) {
      v.add(path, "required value (DNS-1123 label)");
    } else if (value.length() > MAX_LABEL || !DNS_1123_LABEL.matcher(value).matches()) {
      v.add(
          path,
          q(value)
              + " is not a DNS-1123 label (at most 63 characters of a-z, 0-9 and '-',"
              + " starting and ending with an alphanumeric character)");
    }
  }

  static void dns1035Label(Violations v, String path, String value) {
    if (value == null || value.isEmpty()) {
      v.add(path, "required value (DNS-1035 label)");
    } else if (value.length() > MAX_LABEL || !DNS_1035_LABEL.matcher(value).matches()) {
      v.add(
          path,
          q(value)
              + " is not a DNS-1035 label (at most 63 characters of a-z, 0-9 and '-',"
              + " starting with a letter and ending with an alphanumeric character)");
    }
  }

  static void dns1123Subdomain(Violations v, String path, String value) {
    if (value == null || value.isEmpty()) {
      v.add(path, "required value (DNS-1123 subdomain)");
    } else if (!isDns1123Subdomain(value)) {
      v.add(
          path,
          q(value)
              + " is not a DNS-1123 subdomain (at most 253 characters of a-z, 0-9, '-' and '.')");
    }
  }

  static boolean isDns1123Subdomain(String value) {
    return value.length() <= MAX_SUBDOMAIN && DNS_1123_SUBDOMAIN.matcher(value).matches();
  }

  /** A label or annotation key: optional DNS-1123 subdomain prefix and '/', then a name ≤ 63. */
  static void qualifiedName(Violations v, String path, String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || !isDns1123Subdomain(prefix)) {
        v.add(path, q(key) + " is not a qualified name: prefix must be a DNS-1123 subdomain");
      }
    }
    if (name.isEmpty()
        || name.length() > MAX_LABEL
        || !QUALIFIED_NAME_PART.matcher(name).matches()) {
      v.add(
          path,
          q(key)
              + " is not a qualified name: name part must be at most 63 characters of"
              + " [A-Za-z0-9-_.], starting and ending with an alphanumeric character");
    }
  }

  static void labelValue(Violations v, String path, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (value.length() > MAX_LABEL || !QUALIFIED_NAME_PART.matcher(value).matches()) {
      v.add(
          path,
          q(value)
              + " is not a valid label value (at most 63 characters of [A-Za-z0-9-_.],"
              + " starting and ending with an alphanumeric character)");
    }
  }

  static void labels(Violations v, String path, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (key, value) -> {
          qualifiedName(v, path + "[" + key + "]", key);
          labelValue(v, path + "[" + key + "]", value);
        });
  }

  /** A port name (IANA_SVC_NAME): at most 15 characters, lower-case alphanumeric and '-'. */
  static void portName(Violations v, String path, String name) {
    if (!isIanaSvcName(name)) {
      v.add(
          path,
          q(name)
              + " is not a valid port name (IANA_SVC_NAME: at most 15 characters of a-z, 0-9"
              + " and '-', at least one letter, no '--', not starting or ending with '-')");
    }
  }

  static boolean isIanaSvcName(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= MAX_PORT_NAME
        && IANA_SVC_NAME.matcher(name).matches()
        && HAS_LETTER.matcher(name).matches()
        && !name.contains("--");
  }

  static void portNumber(Violations v, String path, Integer port) {
    if (port == null || port < 1 || port > 65535) {
      v.add(path, port + " is not a valid port number (must be 1..65535)");
    }
  }

  /** A port given as a number or a name (targetPort, probe ports). */
  static void intOrPortName(Violations v, String path, IntOrString port) {
    if (port == null) {
      v.add(path, "required value (port number or name)");
    } else if (port.getIntVal() != null) {
      portNumber(v, path, port.getIntVal());
    } else {
      portName(v, path, port.getStrVal());
    }
  }

  static void protocol(Violations v, String path, String protocol) {
    if (protocol != null && !List.of("TCP", "UDP", "SCTP").contains(protocol)) {
      v.add(path, q(protocol) + " is not a supported protocol (TCP, UDP, SCTP)");
    }
  }

  static String protocolOrTcp(String protocol) {
    return protocol == null ? "TCP" : protocol;
  }

  /** The value of a quantity, or null (and a violation) when it is not a valid quantity. */
  static BigDecimal quantity(Violations v, String path, Quantity quantity) {
    String text =
        quantity == null
            ? ""
            : (quantity.getAmount() == null ? "" : quantity.getAmount())
                + (quantity.getFormat() == null ? "" : quantity.getFormat());
    if (!QUANTITY.matcher(text).matches()) {
      v.add(path, q(text) + " is not a valid quantity");
      return null;
    }
    BigDecimal value = Quantity.getAmountInBytes(new Quantity(text));
    if (value.signum() < 0) {
      v.add(path, q(text) + " must be a non-negative quantity");
      return null;
    }
    return value;
  }

  static void atLeast(Violations v, String path, Integer value, int min) {
    if (value != null && value < min) {
      v.add(path, value + " must be greater than or equal to " + min);
    }
  }

  static String q(String value) {
    return "\"" + value + "\"";
  }
}
