package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ResourcesConfig;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

  @Test
  void cpusBecomeMillicoresAndMemLimitUsesBinaryUnits() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("api")
                .resources(
                    new ResourcesConfig(
                        2000L,
                        new ByteSize(512L * 1024 * 1024),
                        500L,
                        new ByteSize(1536),
                        null,
                        false))
                .build());

    assertThat(ResourceLimits.resources(ctx))
        .isEqualTo(
            new ResourceRequirementsBuilder()
                .addToLimits("cpu", new Quantity("2"))
                .addToLimits("memory", new Quantity("512Mi"))
                .addToRequests("cpu", new Quantity("500m"))
                .addToRequests("memory", new Quantity("1536"))
                .build());
  }

  @Test
  void memLimitUsesTheLargestExactUnitAndNeverMilli() {
    assertThat(ResourceLimits.memory(new ByteSize(1L << 30)).toString()).isEqualTo("1Gi");
    assertThat(ResourceLimits.memory(new ByteSize(1536L * 1024)).toString()).isEqualTo("1536Ki");
    // not a multiple of 1024: decimal units, as the API server stores a number without a suffix
    assertThat(ResourceLimits.memory(new ByteSize(1000)).toString()).isEqualTo("1k");
    assertThat(ResourceLimits.memory(new ByteSize(1500)).toString()).isEqualTo("1500");
  }

  @Test
  void reservationAboveLimitIsAnError() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("api")
                .resources(new ResourcesConfig(500L, null, 1000L, null, null, false))
                .build());

    assertThatThrownBy(() -> ResourceLimits.resources(ctx))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("services.api.deploy.resources")
        .hasMessageContaining("cpu reservation 1 is above its limit 500m");
  }

  @Test
  void projectDefaultsApplyToResourcesTheServiceDoesNotSet() {
    ProjectOptions d = ProjectOptions.defaults("test");
    ProjectOptions options =
        new ProjectOptions(
            "test",
            null,
            Map.of(),
            List.of(),
            null,
            Map.of("cpu", "50m", "memory", "64Mi"),
            Map.of("memory", "256Mi"),
            null,
            null,
            null,
            d.waitImage());
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("api")
                .resources(
                    new ResourcesConfig(null, new ByteSize(128L << 20), null, null, null, false))
                .build(),
            options);

    assertThat(ResourceLimits.resources(ctx))
        .isEqualTo(
            new ResourceRequirementsBuilder()
                .addToLimits("memory", new Quantity("128Mi"))
                .addToRequests("cpu", new Quantity("50m"))
                .build());
  }

  @Test
  void noResourcesAndNoDefaultsLeaveResourcesUnset() {
    assertThat(ResourceLimits.resources(TestModels.context(TestModels.service("a").build())))
        .isNull();
  }

  @Test
  void aPidsLimitIsWarnedAtTheKeyTheFileWrote() {
    for (String key :
        java.util.List.of("pids_limit: 100", "deploy: {resources: {limits: {pids: 100}}}")) {
      var loaded =
          io.composeoperator.compose.ComposeLoader.load(
              io.composeoperator.compose.ComposeSource.of(
                  "compose.yaml", "services:\n  api:\n    image: nginx:1.27\n    " + key + "\n"));
      Translation translation = ProjectTranslator.translate(loaded, ProjectOptions.defaults("p"));

      assertThat(translation.warnings())
          .extracting(Object::toString)
          .as(key)
          .containsExactly(
              (key.startsWith("pids_limit")
                      ? "services.api.pids_limit: `pids_limit`"
                      : "services.api.deploy.resources.limits.pids: `pids`")
                  + " is ignored: a per-container pids limit cannot be set on Kubernetes (it is a"
                  + " kubelet setting)");
    }
  }

  @Test
  void badDefaultQuantityIsAComposeExceptionNotACrash() {
    assertThatThrownBy(() -> ResourceLimits.quantity("lots", "spec.defaultResources.requests"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "spec.defaultResources.requests: \"lots\" is not a Kubernetes quantity (for example 500m, 64Mi, 1Gi)");
  }
}
