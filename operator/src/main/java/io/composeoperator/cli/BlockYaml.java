package io.composeoperator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes Kubernetes objects as YAML with SnakeYAML's emitter doing only the scalars that need it,
 * to exactly the text {@link YamlOutput}'s Jackson YAML writer prints.
 *
 * <p>Jackson's YAML writer hands every key and scalar to SnakeYAML's emitter, which analyses each
 * one character by character (mostly for styles Jackson never asks for: every string is
 * double-quoted) and was the largest single cost of rendering a big project. Most of an object is
 * plain keys ({@code app.kubernetes.io/name}) and short printable strings, whose text does not
 * depend on that analysis: this writer lays those out itself, in SnakeYAML's block style as Jackson
 * configures it (two spaces per level, a sequence in a mapping not indented, a mapping in a
 * sequence starting on the dash's line, empty collections in flow style).
 *
 * <p>A string it cannot vouch for (escapes, line breaks, a space past column 80 where SnakeYAML
 * folds the line: the condition is copied from {@code Emitter.writeDoubleQuoted} in {@link #fits})
 * is written by Jackson's writer in a small document that puts it at the same column and
 * indentation, and that text is taken over. It gives up on a whole document ({@link #write} returns
 * null, and the Jackson writer prints it) at a key Jackson would quote or that is not made of
 * {@code [A-Za-z0-9._/-]} starting with a letter, a long key (SnakeYAML writes keys of 128
 * characters or more as {@code ? key}), a string ending in a line break (block chomping), a number
 * other than an int or a long, and a sequence directly inside a sequence. {@code BlockYamlTest}
 * holds this writer to the Jackson writer on every golden file, on every column around the fold,
 * and on random trees.
 */
final class BlockYaml {
  /** SnakeYAML's default line width (DumperOptions.getWidth), which Jackson keeps. */
  private static final int WIDTH = 80;

  /** Keys from this length on are not simple keys for SnakeYAML (its maxSimpleKeyLength is 128). */
  private static final int LONG_KEY = 100;

  private static final StringQuotingChecker QUOTING = StringQuotingChecker.Default.instance();

  private final StringBuilder out = new StringBuilder(2048);

  private BlockYaml() {}

  /** The document, starting with {@code ---}; null when the Jackson writer must print it. */
  static String write(JsonNode document) {
    if (!document.isObject() || document.isEmpty()) {
      return null;
    }
    BlockYaml yaml = new BlockYaml();
    yaml.out.append("---\n");
    return yaml.mapping(document, 0, false) ? yaml.out.toString() : null;
  }

  /**
   * A non-empty mapping whose keys start at column {@code indent}; when {@code continued}, the
   * first key continues the current line (after a sequence's {@code - }).
   */
  private boolean mapping(JsonNode node, int indent, boolean continued) {
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (!plainKey(key)) {
        return false;
      }
      if (!(first && continued)) {
        spaces(indent);
      }
      first = false;
      out.append(key).append(':');
      JsonNode value = field.getValue();
      if (value.isObject() && !value.isEmpty()) {
        out.append('\n');
        if (!mapping(value, indent + 2, false)) {
          return false;
        }
      } else if (value.isArray() && !value.isEmpty()) {
        // A sequence in a mapping is not indented: its dashes are in the key's column.
        out.append('\n');
        if (!sequence(value, indent, key)) {
          return false;
        }
      } else {
        out.append(' ');
        if (!scalar(value, indent + key.length() + 2, indent, key, false)) {
          return false;
        }
        out.append('\n');
      }
    }
    return true;
  }

  /** A non-empty sequence, the value of {@code key}, whose dashes are at column {@code indent}. */
  private boolean sequence(JsonNode node, int indent, String key) {
    for (JsonNode item : node) {
      spaces(indent);
      out.append("- ");
      if (item.isObject() && !item.isEmpty()) {
        if (!mapping(item, indent + 2, true)) {
          return false;
        }
      } else if (item.isArray() && !item.isEmpty()) {
        return false;
      } else {
        if (!scalar(item, indent + 2, indent, key, true)) {
          return false;
        }
        out.append('\n');
      }
    }
    return true;
  }

  /**
   * A scalar or an empty collection starting at {@code column}: the value of {@code key} in a
   * mapping whose keys are at {@code keyColumn}, or an item of that value when {@code inSequence}.
   */
  private boolean scalar(JsonNode node, int column, int keyColumn, String key, boolean inSequence) {
    if (node.isTextual()) {
      String text = node.textValue();
      if (fits(text, column)) {
        out.append('"').append(text).append('"');
      } else {
        String written = bySnakeYaml(text, keyColumn, key, inSequence);
        if (written == null) {
          return false;
        }
        out.append(written);
      }
    } else if (node.isInt() || node.isLong()) {
      out.append(node.asText());
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNull()) {
      out.append("null");
    } else if (node.isObject()) {
      out.append("{}");
    } else if (node.isArray()) {
      out.append("[]");
    } else {
      return false;
    }
    return true;
  }

  /**
   * Whether {@code text}, double-quoted from {@code column}, is written as it is: printable ASCII
   * without {@code "} or {@code \}, and no space at which SnakeYAML would break the line. Its
   * {@code writeDoubleQuoted} breaks at a space at index {@code i} (0 < i < length - 1) when the
   * column after the opening quote plus {@code i} exceeds the width.
   */
  private static boolean fits(String text, int column) {
    int afterQuote = column + 1;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == '"' || c == '\\') {
        return false;
      }
      if (c == ' ' && i > 0 && i < length - 1 && afterQuote + i > WIDTH) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string as Jackson's writer writes it in this place: a document of nested single-key
   * mappings that puts {@code key} at {@code keyColumn} with the string as its value (or as the
   * item of its sequence). What follows {@code key: } (or the dash) is the string's text, up to the
   * line break that ends the document. Null for a string that ends in a line break (its block
   * chomping changes what the next line starts with) and if the document is not as expected.
   */
  private static String bySnakeYaml(String text, int keyColumn, String key, boolean inSequence) {
    if (text.endsWith("\n") || text.endsWith("\r")) {
      return null;
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode leaf = nodes.objectNode();
    leaf.set(key, inSequence ? nodes.arrayNode().add(text) : nodes.textNode(text));
    ObjectNode document = leaf;
    StringBuilder header = new StringBuilder();
    for (int level = keyColumn / 2 - 1; level >= 0; level--) {
      document = nodes.objectNode().set("a", document);
      header.insert(0, " ".repeat(level * 2) + "a:\n");
    }
    String indent = " ".repeat(keyColumn);
    header.insert(0, "---\n").append(indent).append(key).append(':');
    header.append(inSequence ? "\n" + indent + "- " : " ");
    String yaml = YamlOutput.jackson(document);
    if (keyColumn % 2 != 0 || !yaml.startsWith(header.toString()) || !yaml.endsWith("\n")) {
      return null;
    }
    return yaml.substring(header.length(), yaml.length() - 1);
  }

  /** A key that Jackson leaves unquoted and SnakeYAML writes plain, as a simple key. */
  private static boolean plainKey(String key) {
    int length = key.length();
    if (length == 0 || length >= LONG_KEY || !Character.isLetter(key.charAt(0))) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '/'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return !QUOTING.needToQuoteName(key);
  }

  private void spaces(int count) {
    for (int i = 0; i < count; i++) {
      out.append(' ');
    }
  }
}
