package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose variable interpolation ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code
 * ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}}, {@code
 * ${VAR+alt}}, nesting, {@code $$}) on values, never on keys (spec {@code 12-interpolation.md}).
 * Variables come only from {@link Variables}: never from the process environment. An unset variable
 * without default becomes the empty string and a warning.
 */
final class Interpolator {

  /** Deepest accepted nesting of {@code ${A:-${B:-...}}}. */
  static final int MAX_NESTING = 20;

  /**
   * Most characters interpolation may produce for one document: a large variable referenced many
   * times would otherwise multiply it.
   */
  static final long MAX_OUTPUT_CHARS = 16L * 1024 * 1024;

  private static final Pattern NAME = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");
  private static final Pattern SINGLE_REFERENCE =
      Pattern.compile("\\$(?:([_A-Za-z][_A-Za-z0-9]*)|\\{([_A-Za-z][_A-Za-z0-9]*)})");

  /**
   * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}}, {@code
   * ${NAME?message}} with a plain default or message: exactly the variable's value when it is set.
   */
  private static final Pattern SINGLE_REFERENCE_WITH_FALLBACK =
      Pattern.compile("\\$\\{([_A-Za-z][_A-Za-z0-9]*)(:?)[-?][^${}]*}");

  private final String fileName;
  private final Map<String, String> values;
  private final Map<String, SecretVariable> secretSources;
  private final List<Warning> warnings;
  private long produced;

  Interpolator(String fileName, Variables variables, List<Warning> warnings) {
    this(fileName, variables.values(), variables.secretSources(), warnings);
  }

  /** Reads the given maps as they are at each lookup (env files add their own entries). */
  Interpolator(
      String fileName,
      Map<String, String> values,
      Map<String, SecretVariable> secretSources,
      List<Warning> warnings) {
    this.fileName = fileName;
    this.values = values;
    this.secretSources = secretSources;
    this.warnings = warnings;
  }

  /** Returns a copy of the document with every string value interpolated. */
  Object tree(Object value, String path) {
    return tree(value, path, Level.ROOT);
  }

  /** Where the walk is, so that a service's environment values are recognised structurally. */
  private enum Level {
    ROOT,
    SERVICES,
    SERVICE,
    ENVIRONMENT,
    ENVIRONMENT_VALUE,
    OTHER;

    Level child(String key) {
      switch (this) {
        case ROOT:
          return key.equals("services") ? SERVICES : OTHER;
        case SERVICES:
          return SERVICE;
        case SERVICE:
          return key.equals("environment") ? ENVIRONMENT : OTHER;
        case ENVIRONMENT:
          return ENVIRONMENT_VALUE;
        default:
          return OTHER;
      }
    }
  }

  private Object tree(Object value, String path, Level level) {
    if (value instanceof String s) {
      return level == Level.ENVIRONMENT_VALUE ? environmentValue(s, path) : string(s, path);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> out.put((String) k, tree(v, join(path, (String) k), level.child((String) k))));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(tree(list.get(i), path + "[" + i + "]", level.child("")));
      }
      return out;
    }
    if (value instanceof Tagged.Override override) {
      return new Tagged.Override(tree(override.value(), path, level));
    }
    return value;
  }

  /**
   * Interpolates one environment value ({@code KEY: value} or a {@code KEY=value} list item or an
   * env file line's value). A value that is exactly one variable from a Secret becomes a {@link
   * SecretRef}; a list item then becomes a one-entry map.
   */
  Object environmentValue(String raw, String path) {
    if (path.endsWith("]")) {
      int eq = raw.indexOf('=');
      if (eq > 0) {
        SecretRef ref = secretReference(raw.substring(eq + 1));
        if (ref != null) {
          return Map.of(string(raw.substring(0, eq), path), ref);
        }
      }
      return string(raw, path);
    }
    SecretRef ref = secretReference(raw);
    return ref != null ? ref : string(raw, path);
  }

  private SecretRef secretReference(String value) {
    Matcher m = SINGLE_REFERENCE.matcher(value);
    String name;
    if (m.matches()) {
      name = m.group(1) != null ? m.group(1) : m.group(2);
    } else {
      Matcher fallback = SINGLE_REFERENCE_WITH_FALLBACK.matcher(value);
      if (!fallback.matches()) {
        return null;
      }
      name = fallback.group(1);
      String set = values.get(name);
      // the fallback applies when the variable is unset (or, with ':', empty): not a reference
      if (set == null || (set.isEmpty() && !fallback.group(2).isEmpty())) {
        return null;
      }
    }
    SecretVariable secret = secretSources.get(name);
    return secret == null ? null : new SecretRef(name, secret);
  }

  /** Interpolates one string. */
  String string(String value, String path) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    String result = expand(value, path, 0);
    produced += result.length();
    if (produced > MAX_OUTPUT_CHARS) {
      throw new ComposeException(
          fileName,
          path,
          "interpolation produces more than " + MAX_OUTPUT_CHARS + " characters in this file");
    }
    return result;
  }

  private String expand(String text, String path, int nesting) {
    if (nesting > MAX_NESTING) {
      throw new ComposeException(
          fileName, path, "variables are nested more than " + MAX_NESTING + " levels deep");
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw invalid(text, path);
        }
        out.append(braced(text.substring(i + 2, end), text, path, nesting));
        i = end + 1;
      } else {
        Matcher m = NAME.matcher(text).region(i + 1, text.length());
        if (m.lookingAt()) {
          out.append(lookup(m.group(), path));
          i = m.end();
        } else {
          out.append(c); // "$(" or "$ " stay as they are, as in compose-go
          i++;
        }
      }
    }
    return out.toString();
  }

  private String braced(String body, String whole, String path, int nesting) {
    Matcher m = NAME.matcher(body);
    if (!m.lookingAt()) {
      throw invalid(whole, path);
    }
    String name = m.group();
    String rest = body.substring(m.end());
    if (rest.isEmpty()) {
      return lookup(name, path);
    }
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
    String word = rest.substring(op.length());
    String value = values.get(name);
    boolean set = value != null;
    boolean present = colon ? set && !value.isEmpty() : set;
    switch (op.charAt(op.length() - 1)) {
      case '-':
        return present ? resolved(name, value, path) : expand(word, path, nesting + 1);
      case '+':
        return present ? expand(word, path, nesting + 1) : "";
      case '?':
        if (!present) {
          String message = expand(word, path, nesting + 1);
          throw new ComposeException(
              fileName,
              path,
              "required variable "
                  + name
                  + " is missing a value"
                  + (message.isEmpty() ? "" : ": " + message));
        }
        return resolved(name, value, path);
      default:
        throw invalid(whole, path);
    }
  }

  private String lookup(String name, String path) {
    String value = values.get(name);
    if (value == null) {
      warnings.add(
          new Warning(path, "variable " + name + " is not set; substituting an empty string"));
      return "";
    }
    return resolved(name, value, path);
  }

  private String resolved(String name, String value, String path) {
    SecretVariable secret = secretSources.get(name);
    if (secret != null) {
      warnings.add(
          new Warning(
              path,
              "variable "
                  + name
                  + " comes from Secret "
                  + secret.secretName()
                  + " (key "
                  + secret.key()
                  + ") but its value is written in clear here; only an environment value that"
                  + " is exactly ${"
                  + name
                  + "} stays a Secret reference"));
    }
    return value;
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private ComposeException invalid(String text, String path) {
    return new ComposeException(fileName, path, "invalid interpolation format in \"" + text + "\"");
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
