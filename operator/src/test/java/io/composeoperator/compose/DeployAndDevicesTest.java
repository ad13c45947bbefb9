package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.DeployConfig;
import io.composeoperator.compose.model.DeviceRequest;
import io.composeoperator.compose.model.ServiceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deploy.mode}, {@code deploy.placement}, {@code deploy.update_config} and GPU requests. */
class DeployAndDevicesTest {

  private static ServiceConfig web(String keys) {
    return service("services: {web: {image: nginx, " + keys + "}}", "web");
  }

  @Test
  void modePlacementAndUpdateConfigAreRead() {
    DeployConfig deploy =
        web("deploy: {mode: global, placement: {constraints: ['node.role == manager'],"
                + " preferences: [{spread: node.labels.zone}], max_replicas_per_node: 2},"
                + " update_config: {order: start-first, parallelism: '3'}}")
            .deploy();

    assertThat(deploy)
        .isEqualTo(
            new DeployConfig(
                "global",
                List.of("node.role == manager"),
                List.of("node.labels.zone"),
                2,
                "start-first",
                3));
    assertThat(deploy.global()).isTrue();
    assertThat(deploy.job()).isFalse();
    assertThat(web("scale: 1").deploy()).isEqualTo(DeployConfig.NONE);
  }

  @Test
  void badModesAndOrdersAreErrors() {
    assertError(
        "services: {web: {image: x, deploy: {mode: everywhere}}}",
        "compose.yaml: services.web.deploy.mode: \"everywhere\" is not a deploy mode (replicated,"
            + " global, replicated-job or global-job)");
    assertError(
        "services: {web: {image: x, deploy: {update_config: {order: last}}}}",
        "compose.yaml: services.web.deploy.update_config.order: \"last\" is not an update order"
            + " (start-first or stop-first)");
    assertError(
        "services: {web: {image: x, deploy: {placement: {preferences: [{pack: x}]}}}}",
        "compose.yaml: services.web.deploy.placement.preferences[0]: unknown key \"pack\"");
  }

  @Test
  void gpusAndDeviceReservationsAreDeviceRequests() {
    ServiceConfig service =
        web(
            "gpus: all, deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 2,"
                + " capabilities: [gpu]}, {capabilities: [gpu], device_ids: ['0', '1', '3']},"
                + " {capabilities: [gpu], count: -1}]}}}");

    assertThat(service.deviceRequests())
        .containsExactly(
            new DeviceRequest("services.web.gpus", List.of("gpu"), null, null, List.of(), false),
            new DeviceRequest(
                "services.web.deploy.resources.reservations.devices[0]",
                List.of("gpu"),
                "nvidia",
                2,
                List.of(),
                false),
            new DeviceRequest(
                "services.web.deploy.resources.reservations.devices[1]",
                List.of("gpu"),
                null,
                3,
                List.of("0", "1", "3"),
                false),
            new DeviceRequest(
                "services.web.deploy.resources.reservations.devices[2]",
                List.of("gpu"),
                null,
                null,
                List.of(),
                false));
    assertThat(web("gpus: [{count: 1, options: {a: b}}]").deviceRequests())
        .containsExactly(
            new DeviceRequest("services.web.gpus[0]", List.of("gpu"), null, 1, List.of(), true));
  }

  @Test
  void deviceRequestsAreChecked() {
    assertError(
        "services: {web: {image: x, gpus: some}}",
        "compose.yaml: services.web.gpus: \"some\" is not a GPU request (all, or a list)");
    assertError(
        "services: {web: {image: x, deploy: {resources: {reservations: {devices: [{count:"
            + " 1}]}}}}}",
        "compose.yaml: services.web.deploy.resources.reservations.devices[0].capabilities: must be"
            + " set (for a GPU: [gpu])");
    assertError(
        "services: {web: {image: x, gpus: [{count: 1, device_ids: ['0']}]}}",
        "compose.yaml: services.web.gpus[0]: count and device_ids cannot both be set");
  }
}
