package io.composeoperator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .env} and {@code --env-file} files as {@code docker compose} does: {@code KEY=VALUE}
 * lines, {@code #} comments, an optional {@code export} prefix, single-quoted values taken
 * literally, double-quoted values with {@code \n}, {@code \"} and {@code \\} escapes, and an
 * unquoted value ending at {@code " #"}. Unquoted and double-quoted values may use {@code $VAR},
 * {@code ${VAR}} and {@code ${VAR:-default}} / {@code ${VAR-default}} of variables defined on
 * earlier lines (or in earlier files); never of the process environment.
 */
final class DotEnv {
  private DotEnv() {}

  /**
   * The variables of a file, in file order.
   *
   * @param fileName the file's name, for the error
   * @throws CliException on a line that is not {@code KEY=VALUE}
   */
  static Map<String, String> parse(String fileName, String text) throws CliException {
    return parse(fileName, text, Map.of());
  }

  /**
   * The variables of a file, in file order, interpolating from {@code earlier} and earlier lines.
   *
   * @throws CliException on a line that is not {@code KEY=VALUE}
   */
  static Map<String, String> parse(String fileName, String text, Map<String, String> earlier)
      throws CliException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> known = new LinkedHashMap<>(earlier);
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        // A bare NAME means "take it from the shell", and the CLI never reads the shell.
        if (line.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
          continue;
        }
        throw new CliException(fileName + ": line " + (i + 1) + ": expected KEY=VALUE");
      }
      String raw = line.substring(eq + 1).strip();
      String value = raw.startsWith("'") ? value(raw) : interpolate(value(raw), known);
      values.put(line.substring(0, eq).strip(), value);
      known.put(line.substring(0, eq).strip(), value);
    }
    return values;
  }

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private static String interpolate(String value, Map<String, String> known) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String found = known.get(name);
      if (m.group(2) != null && (found == null || (found.isEmpty() && m.group(2).equals(":-")))) {
        found = m.group(3);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(found == null ? "" : found));
    }
    return m.appendTail(sb).toString();
  }

  private static String value(String raw) {
    if (raw.length() >= 2 && raw.startsWith("'") && raw.indexOf('\'', 1) > 0) {
      return raw.substring(1, raw.indexOf('\'', 1));
    }
    if (raw.length() >= 2 && raw.startsWith("\"")) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          sb.append(
              switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> next;
              });
        } else {
          sb.append(c);
        }
      }
      return raw;
    }
    int comment = raw.indexOf(" #");
    return comment >= 0 ? raw.substring(0, comment).strip() : raw;
  }
}
