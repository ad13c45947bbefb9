package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed reads of loaded YAML values, each failing with a {@link ComposeException} that names the
 * file, the YAML path and what was expected. The Compose schema allows a string wherever a number
 * or boolean is expected (interpolation yields strings), so those reads accept both.
 */
final class Fields {

  private final String fileName;

  Fields(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  ComposeException error(String path, String problem) {
    return new ComposeException(fileName, path, problem);
  }

  /** A mapping; null reads as an empty mapping. */
  @SuppressWarnings("unchecked") // YamlReader builds maps with String keys only
  Map<String, Object> map(Object value, String path) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw error(path, "must be a mapping, not " + describe(value));
  }

  /** A sequence; null reads as an empty sequence. */
  @SuppressWarnings("unchecked") // YamlReader builds lists of Object
  List<Object> list(Object value, String path) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw error(path, "must be a list, not " + describe(value));
  }

  /** A scalar as text (numbers as written); null stays null. */
  String string(Object value, String path) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Long || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !Double.isInfinite(d)
          ? Long.toString(d.longValue())
          : d.toString();
    }
    throw error(path, "must be a string, not " + describe(value));
  }

  /** A scalar that must be set. */
  String requiredString(Object value, String path) {
    String s = string(value, path);
    if (s == null) {
      throw error(path, "must be set");
    }
    return s;
  }

  /** An integer (or a string holding one); null stays null. */
  Long integer(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw error(path, quote(s) + " is not an integer");
      }
    }
    throw error(path, "must be an integer, not " + describe(value));
  }

  /** A boolean (or the string true/false); null reads as false. */
  boolean bool(Object value, String path) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String lower = s.strip().toLowerCase(java.util.Locale.ROOT);
      if (lower.equals("true")) {
        return true;
      }
      if (lower.equals("false") || lower.isEmpty()) {
        return false;
      }
      throw error(path, quote(s) + " is not a boolean (true or false)");
    }
    throw error(path, "must be a boolean, not " + describe(value));
  }

  /** A list of scalars as text. */
  List<String> strings(Object value, String path) {
    List<String> out = new ArrayList<>();
    List<Object> list = list(value, path);
    for (int i = 0; i < list.size(); i++) {
      out.add(requiredString(list.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** A single string or a list of strings. */
  List<String> stringOrList(Object value, String path) {
    if (value instanceof List) {
      return strings(value, path);
    }
    String s = string(value, path);
    return s == null ? new ArrayList<>() : new ArrayList<>(List.of(s));
  }

  /**
   * A {@code list_or_dict} (labels, annotations, sysctls, build args): {@code KEY=value} items or a
   * mapping; a key without value maps to the empty string.
   */
  SortedMap<String, String> listOrDict(Object value, String path) {
    SortedMap<String, String> out = new TreeMap<>();
    if (value instanceof List<?>) {
      List<String> items = strings(value, path);
      for (String item : items) {
        int eq = item.indexOf('=');
        out.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "" : item.substring(eq + 1));
      }
      return out;
    }
    map(value, path)
        .forEach(
            (k, v) -> {
              String s = string(v, path + "." + k);
              out.put(k, s == null ? "" : s);
            });
    return out;
  }

  /** Fails on every key that is neither in {@code known} nor an {@code x-} extension. */
  void checkKeys(Map<String, Object> map, Set<String> known, String path) {
    List<ComposeException> unknown = new ArrayList<>();
    for (String key : map.keySet()) {
      if (!known.contains(key) && !key.startsWith("x-")) {
        unknown.add(error(path, "unknown key " + quote(key)));
      }
    }
    if (!unknown.isEmpty()) {
      throw ComposeException.of(unknown);
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  static String describe(Object value) {
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String s) {
      return "the string " + quote(s);
    }
    if (value instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (value instanceof Number n) {
      return "the number " + n;
    }
    return String.valueOf(value);
  }
}
