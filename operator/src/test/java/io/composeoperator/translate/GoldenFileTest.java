package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files (ARCHITECTURE.md, "How it is tested"): one directory per case under {@code
 * operator/src/test/resources/golden/<case>/}.
 *
 * <ul>
 *   <li>{@code compose.yaml}: the input; or, for a case named {@code example-<name>} without one,
 *       the ComposeProject {@code examples/<name>.yaml} (its {@code spec.compose}, spec and name);
 *   <li>{@code options.yaml} (optional): ComposeProject spec fields ({@code images}, {@code
 *       storage}, {@code securityProfile}, {@code variables}, {@code files}, {@code profiles}, ...)
 *       plus {@code name}, {@code namespace} and {@code waitImage};
 *   <li>{@code files/} (optional): project files, by relative path, added to {@code spec.files};
 *   <li>{@code expected.yaml}: every object, serialized with fabric8, joined by {@code ---};
 *   <li>{@code warnings.txt}: one warning per line (an empty file: no warnings allowed);
 *   <li>{@code error.txt} instead of the two above: the expected error message.
 * </ul>
 *
 * A mismatch prints a unified diff; {@code -Dgolden.update=true} rewrites the expected files. Every
 * output also goes through {@link KubernetesValidity#assertValid}, and is rendered twice to check
 * that it is byte-identical.
 */
class GoldenFileTest {
  private static final String DEFAULT_NAME = "golden";

  static Path root() {
    String projectRoot = System.getProperty("project.root");
    Path base = projectRoot == null ? Paths.get("..") : Paths.get(projectRoot);
    return base.toAbsolutePath().normalize();
  }

  static Path goldenDir() {
    return root().resolve("operator/src/test/resources/golden");
  }

  static Stream<String> cases() throws IOException {
    if (!Files.isDirectory(goldenDir())) {
      return Stream.empty();
    }
    try (Stream<Path> dirs = Files.list(goldenDir())) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsExpected(String name) throws IOException {
    Path dir = goldenDir().resolve(name);
    Input input = input(name, dir);

    String actual;
    String actualWarnings;
    String actualError = null;
    try {
      Translation first = Renderer.render(input.source(), input.options());
      Translation second = Renderer.render(input.source(), input.options());
      actual = yaml(first.objects());
      assertThat(yaml(second.objects())).as("rendering twice is byte-identical").isEqualTo(actual);
      KubernetesValidity.assertValid(first.objects());
      actualWarnings = warnings(first.warnings());
    } catch (ComposeException e) {
      actual = null;
      actualWarnings = null;
      actualError = e.getMessage() + "\n";
    }

    if (Boolean.getBoolean("golden.update")) {
      update(dir, actual, actualWarnings, actualError);
      return;
    }
    Path errorFile = dir.resolve("error.txt");
    if (Files.exists(errorFile)) {
      assertThat(actualError)
          .as("case %s expects the error in error.txt, rendered:%n%s", name, actual)
          .isNotNull();
      assertSame(name + "/error.txt", read(errorFile), actualError);
      return;
    }
    if (actualError != null) {
      throw new AssertionError(name + ": unexpected error: " + actualError);
    }
    assertSame(name + "/expected.yaml", read(dir.resolve("expected.yaml")), actual);
    assertSame(name + "/warnings.txt", read(dir.resolve("warnings.txt")), actualWarnings);
  }

  record Input(ComposeSource source, ProjectOptions options) {}

  /**
   * Reads a case's input: compose.yaml, options.yaml and files/, or an example's ComposeProject.
   */
  static Input input(String name, Path dir) throws IOException {
    Path compose = dir.resolve("compose.yaml");
    String projectName = DEFAULT_NAME;
    String namespace = null;
    String waitImage = null;
    ComposeProjectSpec spec;
    String text;
    if (Files.exists(compose)) {
      text = read(compose);
      Path optionsFile = dir.resolve("options.yaml");
      Map<String, Object> options = new LinkedHashMap<>();
      if (Files.exists(optionsFile)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = Serialization.unmarshal(read(optionsFile), Map.class);
        if (parsed != null) {
          options.putAll(parsed);
        }
      }
      projectName = (String) options.getOrDefault("name", projectName);
      namespace = (String) options.remove("namespace");
      waitImage = (String) options.remove("waitImage");
      options.remove("name");
      spec = Serialization.jsonMapper().convertValue(options, ComposeProjectSpec.class);
    } else if (name.startsWith("example-")) {
      Path example =
          root().resolve("examples").resolve(name.substring("example-".length()) + ".yaml");
      ComposeProject project = Serialization.unmarshal(read(example), ComposeProject.class);
      projectName = project.getMetadata().getName();
      namespace = project.getMetadata().getNamespace();
      spec = project.getSpec();
      text = spec.getCompose();
    } else {
      throw new AssertionError(name + ": no compose.yaml");
    }
    Map<String, String> files = new TreeMap<>(spec.getFiles());
    Path filesDir = dir.resolve("files");
    if (Files.isDirectory(filesDir)) {
      try (Stream<Path> walk = Files.walk(filesDir)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          files.put(filesDir.relativize(file).toString().replace('\\', '/'), read(file));
        }
      }
    }
    ComposeSource source =
        new ComposeSource(
            "compose.yaml", text, files, Variables.of(spec.getVariables()), spec.getProfiles());
    return new Input(source, SpecOptions.from(projectName, namespace, spec, waitImage));
  }

  /** Every object as fabric8 YAML, joined by {@code ---}. */
  static String yaml(List<HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata object : objects) {
      String doc = Serialization.asYaml(object);
      if (doc.startsWith("---\n")) {
        doc = doc.substring(4);
      }
      out.append("---\n").append(doc);
      if (!doc.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  static String warnings(List<Warning> warnings) {
    StringBuilder out = new StringBuilder();
    warnings.forEach(w -> out.append(w).append('\n'));
    return out.toString();
  }

  private static void update(Path dir, String yaml, String warnings, String error)
      throws IOException {
    if (error != null) {
      Files.writeString(dir.resolve("error.txt"), error);
      Files.deleteIfExists(dir.resolve("expected.yaml"));
      Files.deleteIfExists(dir.resolve("warnings.txt"));
    } else {
      Files.writeString(dir.resolve("expected.yaml"), yaml);
      Files.writeString(dir.resolve("warnings.txt"), warnings);
      Files.deleteIfExists(dir.resolve("error.txt"));
    }
  }

  private static String read(Path file) {
    if (!Files.exists(file)) {
      throw new AssertionError(file + " is missing: run with -Dgolden.update=true to create it");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSame(String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(
          what
              + " differs (run with -Dgolden.update=true to accept, then review the git diff):\n"
              + UnifiedDiff.diff(what, expected, actual));
    }
  }

  /** A small unified diff of two texts, by lines (longest common subsequence). */
  static final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    static String diff(String name, String expected, String actual) {
      String[] a = expected.split("\n", -1);
      String[] b = actual.split("\n", -1);
      int[][] lcs = new int[a.length + 1][b.length + 1];
      for (int i = a.length - 1; i >= 0; i--) {
        for (int j = b.length - 1; j >= 0; j--) {
          lcs[i][j] =
              a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      List<String> lines = new ArrayList<>();
      List<int[]> positions = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i].equals(b[j])) {
          lines.add(" " + a[i]);
          positions.add(new int[] {i++, j++});
        } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
          lines.add("-" + a[i]);
          positions.add(new int[] {i++, j});
        } else {
          lines.add("+" + b[j]);
          positions.add(new int[] {i, j++});
        }
      }
      StringBuilder out = new StringBuilder("--- expected/" + name + "\n+++ actual/" + name + "\n");
      int k = 0;
      while (k < lines.size()) {
        if (lines.get(k).startsWith(" ")) {
          k++;
          continue;
        }
        int start = Math.max(0, k - CONTEXT);
        int end = k;
        int quiet = 0;
        while (end < lines.size() && quiet <= 2 * CONTEXT) {
          quiet = lines.get(end).startsWith(" ") ? quiet + 1 : 0;
          end++;
        }
        end = Math.min(lines.size(), end - Math.max(0, quiet - CONTEXT));
        out.append("@@ -")
            .append(positions.get(start)[0] + 1)
            .append(" +")
            .append(positions.get(start)[1] + 1)
            .append(" @@\n");
        for (int n = start; n < end; n++) {
          out.append(lines.get(n)).append('\n');
        }
        k = end;
      }
      return out.toString();
    }
  }
}
