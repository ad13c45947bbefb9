package io.composeoperator.cli;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Writes objects as one multi-document YAML stream, each document starting with {@code ---}. */
final class YamlOutput {
  private YamlOutput() {}

  /**
   * The documents as one string. Serializing is a third of what {@code render} of a big project
   * costs, and each object is independent, so they are serialized in parallel (in order).
   */
  static String of(List<?> objects) {
    return objects.parallelStream().map(YamlOutput::document).collect(Collectors.joining());
  }

  private static String document(Object object) {
    String yaml = Serialization.asYaml(object);
    String start = yaml.startsWith("---") ? "" : "---\n";
    return yaml.endsWith("\n") ? start + yaml : start + yaml + "\n";
  }

  /** Writes the documents to {@code out}. */
  static void write(List<?> objects, PrintStream out) {
    out.print(of(objects));
    out.flush();
  }
}
