package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.KubernetesValidity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object the chart renders passes the API server's validation rules, in every mode. */
class HelmValidityTest {

  static Stream<Arguments> valueSets() {
    return Stream.of(
        Arguments.of("defaults", Map.of()),
        Arguments.of("namespaced", Map.of("watchNamespaces", List.of("team-a", "team-b"))),
        Arguments.of("two replicas", Map.of("replicas", 2)),
        Arguments.of(
            "metrics",
            Map.of(
                "metrics",
                Map.of(
                    "service",
                    Map.of("enabled", true),
                    "serviceMonitor",
                    Map.of("enabled", true)))),
        Arguments.of(
            "by digest, restricted, json logs",
            Map.of(
                "image", Map.of("digest", "sha256:" + "ab".repeat(32)),
                "maxSecurityProfile", "restricted",
                "logFormat", "json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void renderedObjectsAreValid(String name, Map<String, Object> values) {
    List<HasMetadata> objects = Chart.render(values);

    assertThat(objects).as(name).isNotEmpty();
    KubernetesValidity.assertValid(objects);
  }
}
