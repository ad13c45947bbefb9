package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ResourcesConfig;
import org.junit.jupiter.api.Test;

class ResourcesParsingTest {

  private static ResourcesConfig resources(String keys) {
    return service("services: {web: {image: x, " + keys + "}}", "web").resources();
  }

  @Test
  void deployResourcesAreRead() {
    assertThat(
            resources(
                "deploy: {resources: {limits: {cpus: \"0.5\", memory: 512m, pids: 100}, reservations: {cpus: 0.25, memory: 1gb}}}"))
        .isEqualTo(
            new ResourcesConfig(
                500L, new ByteSize(512L << 20), 250L, new ByteSize(1L << 30), 100L, false));
  }

  @Test
  void legacyKeysAreRead() {
    assertThat(resources("cpus: 1.25, mem_limit: 2g, mem_reservation: 64M, pids_limit: 50"))
        .isEqualTo(
            new ResourcesConfig(
                1250L, new ByteSize(2L << 30), null, new ByteSize(64L << 20), 50L, false));
  }

  @Test
  void cpusRoundUpToMillicoresAndZeroMeansNoLimit() {
    assertThat(resources("cpus: 0.0001").cpuLimitMillis()).isEqualTo(1L);
    assertThat(resources("cpus: 0").cpuLimitMillis()).isNull();
  }

  @Test
  void byteUnitsAreBinaryAndCaseInsensitive() {
    assertThat(resources("mem_limit: 1024").memoryLimit()).isEqualTo(new ByteSize(1024));
    assertThat(resources("mem_limit: 10b").memoryLimit()).isEqualTo(new ByteSize(10));
    assertThat(resources("mem_limit: 2k").memoryLimit()).isEqualTo(new ByteSize(2048));
    assertThat(resources("mem_limit: 2KB").memoryLimit()).isEqualTo(new ByteSize(2048));
    assertThat(resources("mem_limit: 1.5g").memoryLimit()).isEqualTo(new ByteSize(3L << 29));
  }

  @Test
  void legacyAndDeployMustAgree() {
    assertThat(
            resources("cpus: 0.5, deploy: {resources: {limits: {cpus: \"0.50\"}}}")
                .cpuLimitMillis())
        .isEqualTo(500L);
    assertError(
        "services: {web: {image: x, mem_limit: 1g, deploy: {resources: {limits: {memory: 2g}}}}}",
        "compose.yaml: services.web.mem_limit: disagrees with deploy.resources.limits.memory; set only"
            + " one of them");
  }

  @Test
  void deviceReservationsAreFlagged() {
    assertThat(
            resources("deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}")
                .hasDeviceReservations())
        .isTrue();
  }

  @Test
  void badValuesAreErrors() {
    assertError(
        "services: {web: {image: x, cpus: lots}}",
        "compose.yaml: services.web.cpus: \"lots\" is not a number of CPUs (examples: 0.5, 2)");
    assertError(
        "services: {web: {image: x, cpus: -1}}",
        "compose.yaml: services.web.cpus: \"-1\" is not a number of CPUs (it is negative)");
    assertError(
        "services: {web: {image: x, cpus: \"1e999999999\"}}",
        "compose.yaml: services.web.cpus: \"1e999999999\" is more CPUs than any machine has");
    assertError(
        "services: {web: {image: x, mem_limit: 12q}}",
        "compose.yaml: services.web.mem_limit: \"12q\" is not a byte size (examples: 512m, 1gb, 1024)");
    assertError(
        "services: {web: {image: x, deploy: {resources: {limits: {gpus: 1}}}}}",
        "compose.yaml: services.web.deploy.resources.limits: unknown key \"gpus\"");
  }

  @Test
  void shmSizeIsAByteSize() {
    assertThat(service("services: {web: {image: x, shm_size: 256m}}", "web").shmSize())
        .isEqualTo(new ByteSize(256L << 20));
  }
}
