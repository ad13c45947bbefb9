package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretVariable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an env file ({@code env_file}): {@code KEY=value} lines, {@code export KEY=value}, {@code
 * #} comments, single quotes (literal), double quotes (escapes, may span lines), inline comments
 * after unquoted values. A bare {@code KEY} takes the variable of that name, or is unset. Values
 * are interpolated (earlier lines of the file first, then the project's variables) unless the file
 * is {@code format: raw}.
 */
final class EnvFileParser {

  private final Fields fields;
  private final Variables variables;
  private final List<Warning> warnings;

  EnvFileParser(Fields fields, Variables variables, List<Warning> warnings) {
    this.fields = fields;
    this.variables = variables;
    this.warnings = warnings;
  }

  /**
   * Returns the entries in file order: a String value, a {@link SecretRef}, or null for a variable
   * that is unset.
   */
  Map<String, Object> parse(String fileLabel, String text, boolean raw) {
    Map<String, Object> entries = new LinkedHashMap<>();
    Map<String, String> known = new HashMap<>(variables.values());
    Map<String, SecretVariable> secrets = new HashMap<>(variables.secretSources());
    Interpolator interpolator = new Interpolator(fields.fileName(), known, secrets, warnings);
    int i = 0;
    int line = 1;
    while (i < text.length()) {
      int end = lineEnd(text, i);
      String current = text.substring(i, end).strip();
      String path = fileLabel + ":" + line;
      if (current.isEmpty() || current.startsWith("#")) {
        i = end + 1;
        line++;
        continue;
      }
      int pos = skipBlanks(text, i, end);
      if (text.startsWith("export ", pos)) {
        pos = skipBlanks(text, pos + 7, end);
      }
      int eq = text.indexOf('=', pos);
      if (eq > end || eq < 0) {
        eq = -1;
      }
      String key = text.substring(pos, eq < 0 ? end : eq).strip();
      if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        throw fields.error(path, Fields.quote(current) + " is not KEY=value");
      }
      if (eq < 0) {
        entries.put(key, known.get(key));
        i = end + 1;
        line++;
        continue;
      }
      int v = skipBlanks(text, eq + 1, end);
      Object value;
      if (v < end && (text.charAt(v) == '\'' || text.charAt(v) == '"')) {
        char quote = text.charAt(v);
        int[] after = new int[1];
        String quoted = quoted(text, v + 1, quote, after, path);
        line += countNewlines(text, v, after[0]);
        end = lineEnd(text, after[0]);
        value = quote == '\'' || raw ? quoted : interpolator.environmentValue(quoted, path);
      } else {
        String unquoted = stripComment(text.substring(v, end));
        value = raw ? unquoted : interpolator.environmentValue(unquoted, path);
      }
      entries.put(key, value);
      if (value instanceof String s) {
        known.put(key, s); // later lines see it, and it no longer names a Secret-sourced variable
        secrets.remove(key);
      }
      i = end + 1;
      line++;
    }
    return entries;
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  private static int skipBlanks(String text, int from, int end) {
    int i = from;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private String quoted(String text, int from, char quote, int[] end, String path) {
    StringBuilder out = new StringBuilder();
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        end[0] = i + 1;
        return out.toString();
      }
      if (quote == '"' && c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(i + 1);
        out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    throw fields.error(path, "unterminated quote");
  }

  private static int countNewlines(String text, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String stripComment(String value) {
    int hash = value.indexOf(" #");
    return (hash < 0 ? value : value.substring(0, hash)).strip();
  }
}
