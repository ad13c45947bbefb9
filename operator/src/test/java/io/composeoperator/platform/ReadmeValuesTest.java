package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The README's values table documents every value of the chart, and only those. */
class ReadmeValuesTest {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Za-z.]+)` \\|");

  private static Set<String> documented;
  private static List<String> leaves;
  private static Map<?, ?> values;

  @BeforeAll
  static void read() throws IOException {
    String readme = Files.readString(Chart.root().resolve("README.md"));
    String table = readme.substring(readme.indexOf("### Values"), readme.indexOf("### What runs"));
    documented = new LinkedHashSet<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      documented.add(row.group(1));
    }
    values =
        (Map<?, ?>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Chart.directory().resolve("values.yaml")));
    leaves = new ArrayList<>();
    collectLeaves("", values);
  }

  @Test
  void everyValueIsDocumented() {
    assertThat(leaves)
        .allSatisfy(
            leaf ->
                assertThat(isDocumented(leaf))
                    .as("%s is in the README values table", leaf)
                    .isTrue());
  }

  @Test
  void everyDocumentedValueExists() {
    assertThat(documented)
        .isNotEmpty()
        .allSatisfy(path -> assertThat(exists(path)).as("%s is in values.yaml", path).isTrue());
  }

  /** Documented itself, or under a documented map (resources.requests covers its cpu). */
  private static boolean isDocumented(String path) {
    for (String prefix = path; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
      if (documented.contains(prefix)) {
        return true;
      }
      if (!prefix.contains(".")) {
        return false;
      }
    }
  }

  private static boolean exists(String path) {
    Object node = values;
    for (String key : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return false;
      }
      node = map.get(key);
    }
    return true;
  }

  private static void collectLeaves(String prefix, Map<?, ?> map) {
    map.forEach(
        (key, value) -> {
          String path = prefix.isEmpty() ? key.toString() : prefix + "." + key;
          if (value instanceof Map<?, ?> child && !child.isEmpty()) {
            collectLeaves(path, child);
          } else {
            leaves.add(path);
          }
        });
  }
}
