package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json turns a wrong value into a failed install that names the field. */
class HelmValuesSchemaTest {

  @Test
  void rejectsAnUnknownSecurityProfile() {
    assertThatThrownBy(() -> Chart.template(Map.of("maxSecurityProfile", "root")))
        .hasMessageContaining("maxSecurityProfile")
        .hasMessageContaining("restricted");
  }

  @Test
  void rejectsZeroReplicas() {
    assertThatThrownBy(() -> Chart.template(Map.of("replicas", 0)))
        .hasMessageContaining("replicas")
        .hasMessageContaining("1");
  }

  @Test
  void rejectsFractionalReplicas() {
    assertThatThrownBy(() -> Chart.template(Map.of("replicas", 1.5)))
        .hasMessageContaining("replicas");
  }

  @Test
  void rejectsAnUnknownLogFormat() {
    assertThatThrownBy(() -> Chart.template(Map.of("logFormat", "xml")))
        .hasMessageContaining("logFormat");
  }

  @Test
  void rejectsADigestWithoutAlgorithm() {
    assertThatThrownBy(
            () -> Chart.template(Map.of("image", Map.of("digest", "0123456789abcdef".repeat(4)))))
        .hasMessageContaining("digest");
  }

  @Test
  void rejectsAMisspelledTopLevelKey() {
    assertThatThrownBy(() -> Chart.template(Map.of("replica", 2))).hasMessageContaining("replica");
  }

  @Test
  void rejectsAnInvalidNamespaceName() {
    assertThatThrownBy(() -> Chart.template(Map.of("watchNamespaces", List.of("Team_A"))))
        .hasMessageContaining("watchNamespaces");
  }

  @Test
  void serviceMonitorWithoutItsServiceFails() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Map.of("metrics", Map.of("serviceMonitor", Map.of("enabled", true)))))
        .hasMessageContaining("metrics.service.enabled");
  }

  @Test
  void acceptsEveryProfile() {
    for (String profile : List.of("restricted", "baseline", "privileged")) {
      assertThatNoException()
          .as(profile)
          .isThrownBy(() -> Chart.template(Map.of("maxSecurityProfile", profile)));
    }
  }
}
