package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.DeviceRequest;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpusTest {

  private static ServiceContext context(ProjectOptions options, DeviceRequest... requests) {
    return TestModels.context(
        TestModels.service("ai").deviceRequests(List.of(requests)).build(), options);
  }

  private static DeviceRequest gpus(Integer count, String driver) {
    return new DeviceRequest("services.ai.gpus", List.of("gpu"), driver, count, List.of(), false);
  }

  @Test
  void countsAddUpToALimitOnTheDevicePluginsResource() {
    ServiceContext ctx = context(ProjectOptions.defaults("test"), gpus(2, "nvidia"), gpus(1, null));

    assertThat(ResourceLimits.resources(ctx).getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("3"));
    assertThat(ResourceLimits.resources(ctx).getRequests()).doesNotContainKey("nvidia.com/gpu");
    assertThat(ctx.warnings().toList()).isEmpty();
  }

  @Test
  void theResourceNameIsTheProjects() {
    ServiceContext ctx =
        context(ProjectOptions.defaults("test").withGpuResource("amd.com/gpu"), gpus(1, "nvidia"));

    assertThat(ResourceLimits.resources(ctx).getLimits())
        .containsOnlyKeys("amd.com/gpu")
        .containsEntry("amd.com/gpu", new Quantity("1"));
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.message())
        .containsExactly(
            "driver nvidia is requested as amd.com/gpu (set spec.gpuResource to the resource of"
                + " its device plugin)");
  }

  @Test
  void allAsksForOneAndOtherCapabilitiesAreIgnored() {
    ServiceContext ctx =
        context(
            ProjectOptions.defaults("test"),
            gpus(null, null),
            new DeviceRequest(
                "services.ai.deploy.resources.reservations.devices[0]",
                List.of("tpu"),
                null,
                4,
                List.of(),
                false));

    assertThat(Gpus.count(ctx)).isEqualTo(1);
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactly(
            "services.ai.deploy.resources.reservations.devices[0]", "services.ai.gpus");
  }

  @Test
  void noRequestNoLimit() {
    assertThat(Gpus.limit(context(ProjectOptions.defaults("test")))).isNull();
  }
}
