package io.composeoperator.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a Compose document into plain Java values ({@code LinkedHashMap}, {@code ArrayList}, {@code
 * String}, {@code Long}, {@code Double}, {@code Boolean}, null) with limits that keep hostile input
 * harmless: a size limit checked before parsing, a nesting limit enforced while parsing, an alias
 * limit, and a node budget enforced while aliases are expanded (an alias bomb is small as a graph
 * and huge as a tree). YAML 1.2 core schema, plus the YAML 1.1 merge key {@code <<} that Compose
 * files use, plus Compose's {@code !reset} / {@code !override} tags.
 */
final class YamlReader {

  /** Largest accepted document, in UTF-8 bytes. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  /** Deepest accepted nesting of mappings and sequences. */
  static final int MAX_DEPTH = 100;

  /** Most nodes a document may expand to once aliases are resolved. */
  static final int MAX_NODES = 1_000_000;

  /** Most aliases to mappings or sequences (merge keys count); real files use a few dozen. */
  static final int MAX_ALIASES = 2_000;

  private static final String RESET_TAG = "!reset";
  private static final String OVERRIDE_TAG = "!override";

  private final String fileName;
  private int nodes;

  private YamlReader(String fileName) {
    this.fileName = fileName;
  }

  /** Reads a document whose root must be a mapping; an empty document is an error. */
  static Map<String, Object> read(String fileName, String text) {
    Object root = new YamlReader(fileName).readValue(text);
    if (root == null) {
      throw new ComposeException(fileName, null, "the file is empty");
    }
    if (!(root instanceof Map)) {
      throw new ComposeException(fileName, null, "the top level must be a mapping");
    }
    @SuppressWarnings("unchecked") // readValue builds maps with String keys only
    Map<String, Object> map = (Map<String, Object>) root;
    return map;
  }

  private Object readValue(String text) {
    long bytes = utf8Length(text);
    if (bytes > MAX_BYTES) {
      throw new ComposeException(
          fileName,
          null,
          "the file is " + bytes + " bytes; at most " + MAX_BYTES + " bytes (4 MiB) are accepted");
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(fileName)
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_BYTES + 1)
            .setAllowDuplicateKeys(true) // checked below, with the YAML path in the message
            .build();
    Optional<Node> node;
    try {
      Parser parser =
          new DepthLimitedParser(
              MAX_DEPTH, new ParserImpl(settings, new StreamReader(settings, text)));
      node = new Composer(settings, parser).getSingleNode();
    } catch (DepthLimitedParser.TooDeep e) {
      throw new ComposeException(fileName, "line " + e.line(), tooDeep());
    } catch (MarkedYamlEngineException e) {
      throw new ComposeException(fileName, lineOf(e), problemOf(e));
    } catch (YamlEngineException e) {
      throw new ComposeException(fileName, null, problemOf(e));
    }
    if (node.isPresent() && expandedSize(node.get(), 0, new IdentityHashMap<>()) > MAX_NODES) {
      throw aliasBomb();
    }
    return node.map(n -> convert(n, null, 0)).orElse(null);
  }

  /**
   * The number of nodes the graph expands to, counted on the shared graph (each node once), so an
   * alias bomb is refused in milliseconds before anything is built. Stops descending at the depth
   * limit; {@link #convert} then reports the depth with its path and keeps its own node count.
   */
  private static long expandedSize(Node node, int depth, Map<Node, Long> sizes) {
    Long known = sizes.get(node);
    if (known != null) {
      return known;
    }
    long size = 1;
    if (depth <= MAX_DEPTH) {
      if (node instanceof SequenceNode seq) {
        for (Node item : seq.getValue()) {
          size = Math.min(size + expandedSize(item, depth + 1, sizes), Long.MAX_VALUE / 2);
        }
      } else if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          size =
              Math.min(
                  size + expandedSize(tuple.getValueNode(), depth + 1, sizes), Long.MAX_VALUE / 2);
        }
      }
    }
    sizes.put(node, size);
    return size;
  }

  private ComposeException aliasBomb() {
    return new ComposeException(
        fileName, null, "the document expands to more than " + MAX_NODES + " nodes (alias bomb?)");
  }

  private Object convert(Node node, YamlPath path, int depth) {
    if (++nodes > MAX_NODES) {
      throw aliasBomb();
    }
    if (depth > MAX_DEPTH) {
      throw new ComposeException(fileName, YamlPath.render(path), tooDeep());
    }
    String tag = node.getTag().getValue();
    if (RESET_TAG.equals(tag)) {
      return Tagged.RESET;
    }
    if (OVERRIDE_TAG.equals(tag)) {
      Object inner = node instanceof ScalarNode s ? s.getValue() : collection(node, path, depth);
      return new Tagged.Override(inner);
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar, path);
    }
    if (!tag.equals(Tag.MAP.getValue()) && !tag.equals(Tag.SEQ.getValue())) {
      throw new ComposeException(fileName, YamlPath.render(path), "unsupported YAML tag " + tag);
    }
    return collection(node, path, depth);
  }

  private Object collection(Node node, YamlPath path, int depth) {
    if (node instanceof SequenceNode seq) {
      List<Object> list = new ArrayList<>(seq.getValue().size());
      int i = 0;
      for (Node item : seq.getValue()) {
        list.add(convert(item, new YamlPath(path, null, i++), depth + 1));
      }
      return list;
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw new ComposeException(
            fileName, YamlPath.render(path), "a mapping key must be a plain value");
      }
      String key = keyNode.getValue();
      YamlPath childPath = new YamlPath(path, key, -1);
      int line = line(keyNode);
      Integer first = lines.putIfAbsent(key, line);
      if (first != null) {
        throw new ComposeException(
            fileName,
            YamlPath.render(childPath),
            "duplicate key (lines " + first + " and " + line + ")");
      }
      map.put(key, convert(tuple.getValueNode(), childPath, depth + 1));
    }
    return map;
  }

  private Object scalar(ScalarNode node, YamlPath path) {
    String value = node.getValue();
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT).equals("true"));
    }
    if (tag.equals(Tag.INT)) {
      return integer(value);
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return Double.valueOf(value);
      } catch (NumberFormatException e) {
        return value; // .inf, .nan: no Compose field takes them, so keep the text for the message
      }
    }
    if (tag.equals(Tag.STR) || tag.equals(Tag.ENV_TAG)) {
      return value; // ENV_TAG: snakeyaml-engine's own ${VAR} tag; Compose interpolates later
    }
    throw new ComposeException(
        fileName, YamlPath.render(path), "unsupported YAML tag " + tag.getValue());
  }

  /**
   * A plain integer. A leading zero ({@code 0440}) keeps the text, because Compose reads file modes
   * written that way as octal; so does anything too large for a long.
   */
  private static Object integer(String value) {
    String digits = value.startsWith("+") || value.startsWith("-") ? value.substring(1) : value;
    try {
      if (digits.startsWith("0o")) {
        return Long.parseLong(sign(value) + digits.substring(2), 8);
      }
      if (digits.startsWith("0x")) {
        return Long.parseLong(sign(value) + digits.substring(2), 16);
      }
      if (digits.length() > 1 && digits.startsWith("0")) {
        return value;
      }
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String sign(String value) {
    return value.startsWith("-") ? "-" : "";
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private static String lineOf(MarkedYamlEngineException e) {
    return e.getProblemMark().map(m -> "line " + (m.getLine() + 1)).orElse(null);
  }

  private static String problemOf(YamlEngineException e) {
    String problem =
        e instanceof MarkedYamlEngineException marked && marked.getProblem() != null
            ? marked.getProblem()
            : e.getMessage();
    if (e instanceof MarkedYamlEngineException marked && marked.getContext() != null) {
      problem = marked.getContext() + ": " + problem;
    }
    if (problem != null && problem.startsWith("Number of aliases")) {
      return "more than " + MAX_ALIASES + " aliases to mappings or sequences";
    }
    return "invalid YAML: " + (problem == null ? e.getClass().getSimpleName() : problem.strip());
  }

  private static String tooDeep() {
    return "the document is nested more than " + MAX_DEPTH + " levels deep";
  }

  private static long utf8Length(String text) {
    if (text.length() > MAX_BYTES) {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** A YAML path built only when a message needs it: one small object per node while reading. */
  private record YamlPath(YamlPath parent, String key, int index) {
    static String render(YamlPath path) {
      if (path == null) {
        return null;
      }
      String prefix = path.parent == null ? "" : render(path.parent);
      if (path.key == null) {
        return prefix + "[" + path.index + "]";
      }
      return prefix.isEmpty() ? path.key : prefix + "." + path.key;
    }
  }
}
