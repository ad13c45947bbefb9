package io.composeoperator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where {@code render} and {@code convert} write, as kompose users expect: stdout (default), one
 * file ({@code -o FILE}), or one file per object in a directory ({@code -o DIR/}, named {@code
 * <kind>-<name>.yaml}); YAML (default: one {@code ---} document per object) or JSON ({@code -j}: a
 * {@code v1 List} in one file or on stdout, one object per file in a directory).
 */
final class ObjectOutput {
  private ObjectOutput() {}

  /**
   * Writes the objects.
   *
   * @param out {@code -o}, or null for stdout
   * @throws CliException when a file cannot be written
   */
  static void write(List<? extends HasMetadata> objects, String out, boolean json, Console console)
      throws CliException {
    if (out == null) {
      console.out().print(json ? json(objects) : YamlOutput.of(objects));
      console.out().flush();
      return;
    }
    Path target = console.workingDirectory().resolve(out).normalize();
    try {
      if (out.endsWith("/") || Files.isDirectory(target)) {
        Files.createDirectories(target);
        for (HasMetadata object : objects) {
          String name =
              object.getKind().toLowerCase(Locale.ROOT)
                  + "-"
                  + object.getMetadata().getName()
                  + (json ? ".json" : ".yaml");
          Files.writeString(
              target.resolve(name),
              json ? json(object) + "\n" : YamlOutput.of(List.of(object)),
              StandardCharsets.UTF_8);
        }
      } else {
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        Files.writeString(
            target, json ? json(objects) : YamlOutput.of(objects), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new CliException("-o " + out + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static String json(List<? extends HasMetadata> objects) {
    return json(new KubernetesListBuilder().withItems(List.copyOf(objects)).build()) + "\n";
  }

  private static String json(Object object) {
    try {
      return Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
