package io.composeoperator.cli;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.util.List;

/** Writes objects as one multi-document YAML stream, each document starting with {@code ---}. */
final class YamlOutput {
  private YamlOutput() {}

  /** The documents as one string. */
  static String of(List<?> objects) {
    StringBuilder sb = new StringBuilder();
    for (Object object : objects) {
      String yaml = Serialization.asYaml(object);
      if (!yaml.startsWith("---")) {
        sb.append("---\n");
      }
      sb.append(yaml);
      if (!yaml.endsWith("\n")) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** Writes the documents to {@code out}. */
  static void write(List<?> objects, PrintStream out) {
    out.print(of(objects));
    out.flush();
  }
}
