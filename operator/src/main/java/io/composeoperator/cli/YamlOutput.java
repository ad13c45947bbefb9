package io.composeoperator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes objects as one multi-document YAML stream, each document starting with {@code ---}.
 *
 * <p>The text is byte for byte what fabric8's {@code Serialization.asYaml} prints (the golden files
 * are written with it, and {@code ExamplesTest} compares), but {@code asYaml} converts each object
 * to a map and builds a new YAML dumper per object, which was the largest cost of {@code render} on
 * a big project. Here one writer serves every object: the object goes through fabric8's JSON mapper
 * (its Kubernetes-specific serializers) to a tree, and the tree is written as YAML with the same
 * style (double-quoted strings, literal blocks for multi-line strings, long lines split). A
 * document of the common shape is written by {@link BlockYaml} instead, to the same text, without
 * SnakeYAML's per-character analysis of every scalar.
 */
final class YamlOutput {
  /** Jackson's YAML writer, created on first use: most renders never need it. */
  private static final class Jackson {
    static final ObjectWriter YAML =
        new ObjectMapper(
                YAMLFactory.builder().enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build())
            .writer();
  }

  private YamlOutput() {}

  /** The documents as one string; objects are independent, so they are written in parallel. */
  static String of(List<?> objects) {
    return objects.parallelStream().map(YamlOutput::document).collect(Collectors.joining());
  }

  private static String document(Object object) {
    JsonNode tree = Serialization.jsonMapper().valueToTree(object);
    String yaml = BlockYaml.write(tree);
    if (yaml == null) {
      yaml = jackson(tree);
    }
    String start = yaml.startsWith("---") ? "" : "---\n";
    return yaml.endsWith("\n") ? start + yaml : start + yaml + "\n";
  }

  /** The tree as Jackson's YAML writer prints it. */
  static String jackson(JsonNode tree) {
    try {
      return Jackson.YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the documents to {@code out}. */
  static void write(List<?> objects, PrintStream out) {
    out.print(of(objects));
    out.flush();
  }
}
