package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void composeNamesMapByTheDocumentedRule() {
    assertThat(Names.sanitize("My_Web.Service")).isEqualTo("my-web-service");
    assertThat(Names.sanitize("__db__")).isEqualTo("db");
    assertThat(Names.sanitize("a".repeat(70) + "-b")).isEqualTo("a".repeat(63));
  }

  @Test
  void serviceNameStartingWithADigitGetsAPrefixSoThatItStartsWithALetter() {
    assertThat(Names.serviceName("compose.yaml", "services.1db", "1db")).isEqualTo("svc-1db");
    assertThat(Names.serviceObjectName("1st")).isEqualTo("svc-1st");
    assertThat(Names.serviceObjectName("_2_Web")).isEqualTo("svc-2-web");
    // the rule applied to its own result changes nothing, so wait finds either name
    assertThat(Names.serviceObjectName("svc-1st")).isEqualTo("svc-1st");
    assertThat(Names.serviceObjectName("My_Web")).isEqualTo("my-web");
    assertThat(Names.serviceObjectName("9".repeat(70))).hasSize(63).startsWith("svc-999");
  }

  @Test
  void serviceNameWithNothingLeftIsAnError() {
    assertThatThrownBy(() -> Names.serviceName("compose.yaml", "services.__", "__"))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("services.__")
        .hasMessageContaining("cannot be a Kubernetes Service name");
  }

  @Test
  void projectNameIsKeptWhenValidAndMappedByTheRuleOtherwise() {
    assertThat(Names.projectName("shop")).isEqualTo("shop");
    assertThat(Names.projectName("1shop")).isEqualTo("1shop");
    assertThat(Names.projectName("my_shop")).isEqualTo("my-shop");
    assertThat(Names.projectName("My.App")).isEqualTo("my-app");
    assertThat(Names.projectName("__")).isEmpty();
  }

  @Test
  void longNamesAreShortenedWithAHashThatKeepsThemApart() {
    String a = "x".repeat(60) + "-alpha";
    String b = "x".repeat(60) + "-beta";
    assertThat(Names.shortened("short", 53)).isEqualTo("short");
    assertThat(Names.shortened(a, 53)).hasSize(53).startsWith("x".repeat(44) + "-");
    assertThat(Names.shortened(a, 53)).isNotEqualTo(Names.shortened(b, 53));
    assertThat(Names.shortened(a, 53)).isEqualTo(Names.shortened(a, 53));
  }

  @Test
  void uniqueNamesCountUpWithinTheLabelLimit() {
    assertThat(Names.unique("Seed_Data", Set.of()::contains)).isEqualTo("seed-data");
    assertThat(Names.unique("data", Set.of("data", "data-2")::contains)).isEqualTo("data-3");
    String long63 = "v".repeat(62) + "-";
    assertThat(Names.unique(long63, Set.of("v".repeat(62))::contains))
        .isEqualTo("v".repeat(61) + "-2");
    assertThat(Names.unique("___", Set.of()::contains)).isEqualTo("2");
  }
}
