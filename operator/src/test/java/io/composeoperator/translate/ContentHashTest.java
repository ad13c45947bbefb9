package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(data)
        .build();
  }

  @Test
  void hashDependsOnContentNotOrder() {
    ConfigMap a = configMap("a", Map.of("k", "v"));
    ConfigMap b = configMap("b", Map.of("x", "1", "y", "2"));

    assertThat(ContentHash.of(List.of(a, b))).isEqualTo(ContentHash.of(List.of(b, a))).hasSize(64);
  }

  @Test
  void changedContentChangesTheHash() {
    assertThat(ContentHash.of(List.of(configMap("a", Map.of("k", "v1")))))
        .isNotEqualTo(ContentHash.of(List.of(configMap("a", Map.of("k", "v2")))));
    assertThat(ContentHash.of(List.of(configMap("a", Map.of("ab", "c")))))
        .isNotEqualTo(ContentHash.of(List.of(configMap("a", Map.of("a", "bc")))));
  }

  @Test
  void noConfigMapsNoHash() {
    assertThat(ContentHash.of(List.of())).isNull();
  }
}
