package io.composeoperator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code docs/composeproject-reference.md} has a row for every field of the checked-in CRD, and
 * every row names a field of it, as the mapping table is kept in step with the loader.
 */
class FieldReferenceTest {
  private static final Path ROOT =
      Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  private static final Pattern ROW = Pattern.compile("^\\| `((?:spec|status)[^`]*)` \\|");

  @Test
  void everyCrdFieldHasARowAndEveryRowAField() throws IOException {
    TreeSet<String> fields = crdFields();
    TreeSet<String> rows = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/composeproject-reference.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.add(m.group(1));
      }
    }

    assertThat(fields).as("CRD fields").isNotEmpty().contains("spec.compose", "status.conditions");
    assertThat(rows).as("rows of docs/composeproject-reference.md").isEqualTo(fields);
  }

  @SuppressWarnings("unchecked") // a parsed YAML document: maps with String keys
  private static TreeSet<String> crdFields() throws IOException {
    Map<String, Object> crd =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(
                    Files.readString(
                        ROOT.resolve("crds/composeprojects.composeoperator.io-v1.yml")));
    Map<String, Object> version =
        ((List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions"))
            .get(0);
    Map<String, Object> root =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema"))
                .get("properties");
    TreeSet<String> fields = new TreeSet<>();
    collect("spec", (Map<String, Object>) root.get("spec"), fields);
    collect("status", (Map<String, Object>) root.get("status"), fields);
    fields.remove("spec");
    fields.remove("status");
    return fields;
  }

  @SuppressWarnings("unchecked") // a parsed YAML document: maps with String keys
  private static void collect(String path, Map<String, Object> schema, TreeSet<String> out) {
    out.add(path);
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (name, child) -> collect(path + "." + name, (Map<String, Object>) child, out));
    }
    if (schema.get("items") instanceof Map<?, ?> items
        && items.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (name, child) -> collect(path + "[]." + name, (Map<String, Object>) child, out));
    }
  }
}
