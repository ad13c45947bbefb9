package io.composeoperator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The {@code env_file} paths a Compose file names. The model carries each service's environment
 * with its env files already merged in, not the files' names, so the CLI reads just this one key
 * from the YAML node graph (merge keys followed) — after the loader has accepted the document, so
 * every other question about the file is the loader's. Paths with {@code $} are left out: they
 * depend on interpolation, which only the loader does.
 */
final class EnvFileRefs {
  private static final String MERGE = "<<";

  private EnvFileRefs() {}

  /** Normalized project-relative paths of every service's {@code env_file} entries. */
  static SortedSet<String> of(String composeText) {
    SortedSet<String> paths = new TreeSet<>();
    Optional<Node> root;
    try {
      LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(10_000).build();
      root =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, composeText)))
              .getSingleNode();
    } catch (YamlEngineException e) {
      return paths; // the loader reports what is wrong with the document
    }
    for (Node service : values(root.flatMap(r -> value(r, "services")).orElse(null))) {
      for (Node entry : items(value(service, "env_file").orElse(null))) {
        Node path = entry instanceof MappingNode ? value(entry, "path").orElse(null) : entry;
        if (path instanceof ScalarNode scalar && !scalar.getValue().contains("$")) {
          paths.add(normalize(scalar.getValue()));
        }
      }
    }
    return paths;
  }

  private static String normalize(String path) {
    String normalized = Path.of(path).normalize().toString().replace('\\', '/');
    return normalized.startsWith("./") ? normalized.substring(2) : normalized;
  }

  /** The value of {@code key} in a mapping, looking through merge keys ({@code <<: *base}). */
  private static Optional<Node> value(Node node, String key) {
    if (!(node instanceof MappingNode mapping)) {
      return Optional.empty();
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(MERGE)) {
        for (Node base : items(tuple.getValueNode())) {
          Optional<Node> inherited = value(base, key);
          if (inherited.isPresent()) {
            return inherited;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The values of a mapping (services by name). */
  private static List<Node> values(Node node) {
    List<Node> values = new ArrayList<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        values.add(tuple.getValueNode());
      }
    }
    return values;
  }

  /** A sequence's items, or the node itself ({@code env_file: a.env}). */
  private static List<Node> items(Node node) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    return node == null ? List.of() : List.of(node);
  }
}
