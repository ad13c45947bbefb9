package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.reconcile.Reasons;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** argocd/health-composeproject.lua maps ComposeProject status to Argo CD health. */
class ArgoHealthTest {
  private static final String CM_KEY =
      "resource.customizations.health.composeoperator.io_ComposeProject";

  private static String script;

  @BeforeAll
  static void read() throws IOException {
    script = Files.readString(Chart.root().resolve("argocd/health-composeproject.lua"));
  }

  @Test
  void noStatusYetIsProgressing() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 1}
        spec: {compose: "services: {}"}
        """);

    assertThat(health.status()).isEqualTo("Progressing");
    assertThat(health.message()).contains("reconcile");
  }

  @Test
  void unobservedGenerationIsProgressingEvenIfReady() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 3}
        status:
          observedGeneration: 2
          conditions:
            - {type: Ready, status: "True", reason: Ready, observedGeneration: 2}
            - {type: Reconciled, status: "True", reason: Applied, observedGeneration: 2}
        """);

    assertThat(health)
        .isEqualTo(
            new Health("Progressing", "Waiting for compose-operator to observe generation 3"));
  }

  @Test
  void readyForTheCurrentGenerationIsHealthy() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 3}
        status:
          observedGeneration: 3
          servicesReady: 3/3
          conditions:
            - {type: Ready, status: "True", reason: ServicesReady, message: 3/3 services ready, observedGeneration: 3}
            - {type: Reconciled, status: "True", reason: Applied, observedGeneration: 3}
        """);

    assertThat(health).isEqualTo(new Health("Healthy", "ServicesReady: 3/3 services ready"));
  }

  @Test
  void readyConditionFromAnOlderGenerationIsProgressing() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 4}
        status:
          observedGeneration: 4
          conditions:
            - {type: Ready, status: "True", reason: Ready, observedGeneration: 3}
            - {type: Reconciled, status: "True", reason: Applied, observedGeneration: 4}
        """);

    assertThat(health.status()).isEqualTo("Progressing");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ServicesNotReady", "WaitingForSecret", "VolumeNotBound", "SomeFutureReason"})
  void notReadyWhileStartingIsProgressingWithTheOperatorsMessage(String reason) {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 2}
        status:
          observedGeneration: 2
          conditions:
            - {type: Ready, status: "False", reason: %s, message: "2/3 services ready; waiting for db", observedGeneration: 2}
            - {type: Reconciled, status: "True", reason: Applied, observedGeneration: 2}
        """
                .formatted(reason));

    assertThat(health)
        .isEqualTo(new Health("Progressing", reason + ": 2/3 services ready; waiting for db"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "InvalidCompose",
        "Forbidden",
        "Conflict",
        "InvalidName",
        "ImmutableField",
        "MissingCRD"
      })
  void refusedSpecIsDegradedWithTheOperatorsMessage(String reason) {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 5}
        status:
          observedGeneration: 5
          conditions:
            - {type: Ready, status: "False", reason: %1$s, message: "compose.yaml: services.web.ports[0]: \\"abc\\" is not a port", observedGeneration: 5}
            - {type: Reconciled, status: "False", reason: %1$s, message: "compose.yaml: services.web.ports[0]: \\"abc\\" is not a port", observedGeneration: 5}
        """
                .formatted(reason));

    assertThat(health)
        .isEqualTo(
            new Health(
                "Degraded",
                reason + ": compose.yaml: services.web.ports[0]: \"abc\" is not a port"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CrashLoopBackOff",
        "ImagePullBackOff",
        "ErrImagePull",
        "CreateContainerConfigError",
        "FailedCreate",
        "JobFailed"
      })
  void serviceStuckForAReasonWaitingDoesNotFixIsDegraded(String reason) {
    Health health =
        health(
            """
            metadata: {name: shop, generation: 2}
            status:
              observedGeneration: 2
              conditions:
                - {type: Ready, status: "False", reason: %s, message: "1/2 services ready; waiting for api (back-off)", observedGeneration: 2}
                - {type: Reconciled, status: "True", reason: Applied, observedGeneration: 2}
            """
                .formatted(reason));

    assertThat(health)
        .isEqualTo(
            new Health("Degraded", reason + ": 1/2 services ready; waiting for api (back-off)"));
  }

  @Test
  void waitingForAVariablesSecretIsProgressing() {
    Health health =
        health(
            """
            metadata: {name: shop, generation: 1}
            status:
              observedGeneration: 1
              conditions:
                - {type: Reconciled, status: "False", reason: WaitingForSecret, message: "spec.variablesFrom[0]: Secret shop-variables not found", observedGeneration: 1}
                - {type: Ready, status: "False", reason: WaitingForSecret, message: "spec.variablesFrom[0]: Secret shop-variables not found", observedGeneration: 1}
            """);

    assertThat(health.status()).isEqualTo("Progressing");
    assertThat(health.message()).contains("Secret shop-variables not found");
  }

  @Test
  void refusalReasonOnReadyAloneIsDegraded() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 1}
        status:
          observedGeneration: 1
          conditions:
            - {type: Ready, status: "False", reason: Forbidden, message: "service app: privileged is above the operator's maximum profile baseline"}
        """);

    assertThat(health.status()).isEqualTo("Degraded");
    assertThat(health.message()).contains("privileged is above");
  }

  @Test
  void everyOperatorReasonHasADecidedHealth() throws IllegalAccessException {
    // A reason the operator adds later must be placed here (and in the script) on purpose.
    Map<String, String> readyFalse =
        Map.ofEntries(
            Map.entry(Reasons.SERVICES_NOT_READY, "Progressing"),
            Map.entry(Reasons.WAITING_FOR_SECRET, "Progressing"),
            Map.entry(Reasons.VOLUME_NOT_BOUND, "Progressing"),
            Map.entry(Reasons.UNSCHEDULABLE, "Progressing"),
            Map.entry(Reasons.INVALID_COMPOSE, "Degraded"),
            Map.entry(Reasons.FORBIDDEN, "Degraded"),
            Map.entry(Reasons.CONFLICT, "Degraded"),
            Map.entry(Reasons.INVALID_NAME, "Degraded"),
            Map.entry(Reasons.IMMUTABLE_FIELD, "Degraded"),
            Map.entry(Reasons.MISSING_CRD, "Degraded"),
            Map.entry(Reasons.IMAGE_PULL_BACK_OFF, "Degraded"),
            Map.entry(Reasons.ERR_IMAGE_PULL, "Degraded"),
            Map.entry(Reasons.CRASH_LOOP_BACK_OFF, "Degraded"),
            Map.entry(Reasons.CREATE_CONTAINER_CONFIG_ERROR, "Degraded"),
            Map.entry(Reasons.POD_CREATE_FAILED, "Degraded"),
            Map.entry(Reasons.JOB_FAILED, "Degraded"),
            Map.entry(Reasons.RECONCILE_ERROR, "Degraded"));
    // Reasons never written on Ready=False: Reconciled=True, Ready=True and Event reasons.
    Set<String> notReadyFalse = Set.of(Reasons.APPLIED, Reasons.PRUNED, Reasons.SERVICES_READY);

    for (Field field : Reasons.class.getFields()) {
      String reason = (String) field.get(null);
      if (notReadyFalse.contains(reason)) {
        continue;
      }
      assertThat(readyFalse)
          .as("health decided for Reasons.%s", field.getName())
          .containsKey(reason);
      Health health =
          health(
              """
              metadata: {name: shop, generation: 1}
              status:
                observedGeneration: 1
                conditions:
                  - {type: Ready, status: "False", reason: %s, message: m, observedGeneration: 1}
              """
                  .formatted(reason));
      assertThat(health.status()).as(reason).isEqualTo(readyFalse.get(reason));
    }
  }

  @Test
  void missingReadyConditionIsProgressing() {
    Health health =
        health(
            """
        metadata: {name: shop, generation: 1}
        status:
          observedGeneration: 1
          conditions:
            - {type: Reconciled, status: "True", reason: Applied}
        """);

    assertThat(health.status()).isEqualTo("Progressing");
  }

  @Test
  void sandboxRefusesWhatArgoCdDoesNotOffer() {
    for (String call :
        new String[] {
          "os.exit(1)",
          "io.open('/etc/passwd')",
          "require('os')",
          "dofile('/x')",
          "load('return 1')",
          "string.len('x')",
          "('x'):len()"
        }) {
      assertThatThrownBy(() -> ArgoLuaSandbox.run("return " + call, Map.of("metadata", Map.of())))
          .as(call)
          .isInstanceOf(LuaError.class);
    }
  }

  @Test
  void scriptStaysLua51Compatible() {
    String code = script.replaceAll("--[^\\n]*", "");

    assertThat(code)
        .doesNotContain("goto ")
        .doesNotContain("//")
        .doesNotContainPattern("\\b(string|math|os|io|debug|utf8|bit32)\\.")
        .doesNotContainPattern("[&|]|~(?!=)|<<|>>");
  }

  @Test
  void argocdConfigMapPatchCarriesTheScriptVerbatim() throws IOException {
    Map<?, ?> patch =
        (Map<?, ?>)
            new Load(LoadSettings.builder().build())
                .loadFromString(
                    Files.readString(Chart.root().resolve("argocd/argocd-cm-patch.yaml")));
    Map<?, ?> data = (Map<?, ?>) patch.get("data");

    assertThat(patch.get("kind")).isEqualTo("ConfigMap");
    assertThat(((Map<?, ?>) patch.get("metadata")).get("name")).isEqualTo("argocd-cm");
    assertThat(data.get(CM_KEY)).isEqualTo(script);
  }

  private record Health(String status, String message) {}

  private static Health health(String yaml) {
    @SuppressWarnings("unchecked") // a YAML mapping document loads as a Map
    Map<String, Object> object =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    LuaValue result = ArgoLuaSandbox.run(script, object);
    assertThat(result.istable()).as("the script returns a table").isTrue();
    return new Health(result.get("status").tojstring(), result.get("message").optjstring(null));
  }
}
