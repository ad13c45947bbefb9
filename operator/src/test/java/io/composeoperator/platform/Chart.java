package io.composeoperator.platform;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Helm chart under test: renders it with helm-java (Helm as a native library, offline). */
final class Chart {
  static final String RELEASE = "compose-operator";
  static final String NAMESPACE = "compose-operator";

  /**
   * helm template pretends to target this version (its own default, 1.20, is below kubeVersion).
   */
  static final String KUBE_VERSION = "1.30.0";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private Chart() {}

  /** The repository root (surefire sets {@code project.root}; the module directory otherwise). */
  static Path root() {
    String root = System.getProperty("project.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  static Path directory() {
    return root().resolve("helm/compose-operator");
  }

  /** {@code helm template} with these values (none: the chart's defaults), CRDs excluded. */
  static String template(Map<String, Object> values) {
    TemplateCommand command =
        new Helm(directory())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .skipCrds();
    if (!values.isEmpty()) {
      command = command.withValuesFile(valuesFile(values));
    }
    return command.call();
  }

  /** The rendered objects, one per YAML document, in output order. */
  static List<HasMetadata> render(Map<String, Object> values) {
    return parse(template(values));
  }

  static List<HasMetadata> parse(String manifests) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      objects.add(SERIALIZATION.unmarshal(document));
    }
    return objects;
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = all(objects, type);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected exactly one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }

  static Optional<HasMetadata> find(List<HasMetadata> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
        .findFirst();
  }

  private static Path valuesFile(Map<String, Object> values) {
    try {
      Path file = Files.createTempFile("values-", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, SERIALIZATION.asYaml(values));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
