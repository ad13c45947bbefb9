package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYaml} must print exactly what Jackson's YAML writer (SnakeYAML's emitter) prints, or
 * nothing. The oracle is Jackson's writer on the same tree, never this class's own output.
 */
class BlockYamlTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("project.root", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("operator/src/test/resources/golden");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Checks one tree; true when BlockYaml wrote it. */
  private static boolean sameOrDeclined(JsonNode tree) {
    String block = BlockYaml.write(tree);
    if (block == null) {
      return false;
    }
    String jackson = YamlOutput.jackson(tree);
    assertThat(block).as("BlockYaml vs Jackson for %s", tree).isEqualTo(jackson);
    return true;
  }

  @Test
  void everyGoldenObjectIsWrittenAsJacksonWritesItOrLeftToJackson() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    YAMLMapper mapper = new YAMLMapper();
    try (Stream<Path> cases = Files.list(GOLDEN)) {
      for (Path expected : cases.map(c -> c.resolve("expected.yaml")).toList()) {
        if (Files.isRegularFile(expected)) {
          documents.addAll(
              mapper.readValues(mapper.createParser(expected.toFile()), JsonNode.class).readAll());
        }
      }
    }
    int written = 0;
    for (JsonNode document : documents) {
      if (sameOrDeclined(document)) {
        written++;
      }
    }
    assertThat(documents).hasSizeGreaterThan(300);
    // Most objects take the fast path; the others are ConfigMaps of files (literal blocks),
    // commands with quotes, long strings.
    assertThat(written)
        .as("written by BlockYaml of %d", documents.size())
        .isGreaterThan(documents.size() * 3 / 4);
  }

  @Test
  void aStringIsFoldedWhereSnakeYamlFoldsItAndWrittenWhereItDoesNot() {
    // Every column a value can start at (key length, nesting, sequence item) against every
    // position of a space: around the width of 80 the fold decides.
    int cases = 0;
    int written = 0;
    int folded = 0;
    for (int depth = 0; depth < 4; depth++) {
      for (int keyLength = 1; keyLength < 24; keyLength += 3) {
        for (int space = 0; space < 100; space++) {
          for (int length : new int[] {space + 1, space + 2, space + 10, 100}) {
            if (space >= length) {
              continue;
            }
            StringBuilder text = new StringBuilder("x".repeat(length));
            text.setCharAt(space, ' ');
            for (boolean inSequence : new boolean[] {false, true}) {
              JsonNode value = NODES.textNode(text.toString());
              if (inSequence) {
                value = NODES.arrayNode().add(value);
              }
              JsonNode tree = nest(depth, "k".repeat(keyLength), value);
              cases++;
              if (sameOrDeclined(tree)) {
                written++;
              }
              if (YamlOutput.jackson(tree).contains("\\\n")) {
                folded++;
              }
            }
          }
        }
      }
    }
    // Both sides of the fold are covered, and every case is written here, none left to Jackson.
    assertThat(folded).isGreaterThan(1000);
    assertThat(written).isEqualTo(cases);
  }

  private static JsonNode nest(int depth, String key, JsonNode value) {
    ObjectNode leaf = NODES.objectNode();
    leaf.set(key, value);
    JsonNode node = leaf;
    for (int i = 0; i < depth; i++) {
      ObjectNode parent = NODES.objectNode();
      if (i % 2 == 0) {
        parent.set("spec", node);
      } else {
        parent.set("items", NODES.arrayNode().add(node));
      }
      node = parent;
    }
    return node;
  }

  private static final String[] KEYS = {
    "name",
    "image",
    "app.kubernetes.io/name",
    "a_b",
    "x-y",
    "v1",
    "y",
    "n",
    "on",
    "off",
    "yes",
    "No",
    "true",
    "null",
    "Null",
    "~",
    "1",
    "0x10",
    "-a",
    ".a",
    "+a",
    "_a",
    "a b",
    "a:b",
    "a: b",
    "a#b",
    "a #b",
    "#a",
    "a,b",
    "[a]",
    "{a}",
    "a\"b",
    "a'b",
    "a\\b",
    "é",
    "aé",
    "",
    " ",
    "a ",
    "k".repeat(99),
    "k".repeat(100),
    "k".repeat(127),
    "k".repeat(128),
    "k".repeat(140),
    "a\nb",
    "a\tb",
    "?a",
    "!a",
    "&a",
    "*a",
    "%a",
    "@a",
    "`a",
    "|a",
    ">a",
    "a|",
    "a-",
    "a.",
    "a/",
  };

  private static final String ALPHABET = "abcXYZ019 -_.:/#\"'\\,[]{}é\u00a0\t\n\r\u0085\u2028☃";

  @Test
  void randomTreesAreWrittenAsJacksonWritesThemOrLeftToJackson() {
    Random random = new Random(20261204L);
    int written = 0;
    int withSnakeYamlStrings = 0;
    for (int i = 0; i < 20_000; i++) {
      ObjectNode tree = NODES.objectNode();
      fill(tree, random, 0);
      if (sameOrDeclined(tree)) {
        written++;
        String yaml = YamlOutput.jackson(tree);
        if (yaml.contains("\\") || yaml.contains(": |") || yaml.contains("- |")) {
          withSnakeYamlStrings++; // escapes, folds or literal blocks: strings SnakeYAML wrote
        }
      }
    }
    assertThat(written).isGreaterThan(1000);
    assertThat(withSnakeYamlStrings).isGreaterThan(500);
  }

  private static void fill(ObjectNode node, Random random, int depth) {
    int fields = 1 + random.nextInt(4);
    for (int i = 0; i < fields; i++) {
      String key = random.nextInt(3) == 0 ? KEYS[random.nextInt(KEYS.length)] : "key" + i;
      node.set(key, value(random, depth));
    }
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 8 : 11);
    return switch (kind) {
      case 0 -> NODES.numberNode(random.nextInt());
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> NODES.numberNode(random.nextDouble());
      case 5, 6, 7 -> NODES.textNode(text(random));
      case 8 -> random.nextInt(4) == 0 ? NODES.objectNode() : object(random, depth);
      default -> array(random, depth);
    };
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    fill(object, random, depth + 1);
    return object;
  }

  private static ArrayNode array(Random random, int depth) {
    ArrayNode array = NODES.arrayNode();
    int items = random.nextInt(4);
    for (int i = 0; i < items; i++) {
      array.add(value(random, depth + 1));
    }
    return array;
  }

  private static String text(Random random) {
    int length = random.nextInt(4) == 0 ? 60 + random.nextInt(80) : random.nextInt(20);
    boolean plain = random.nextBoolean();
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      if (plain) {
        text.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
      } else {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return text.toString();
  }
}
