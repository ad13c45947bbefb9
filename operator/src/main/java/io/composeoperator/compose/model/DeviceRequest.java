package io.composeoperator.compose.model;

import java.util.List;

/**
 * A request for host devices of a kind, from {@code gpus} or {@code
 * deploy.resources.reservations.devices} (compose-go's {@code DeviceRequest}).
 *
 * @param path the YAML path of the entry ({@code services.ai.gpus}, {@code
 *     services.ai.deploy.resources.reservations.devices[0]}), for warnings
 * @param capabilities the capabilities asked for ({@code gpu}; {@code gpus} always asks for it)
 * @param driver {@code driver}, or null
 * @param count how many devices; null means {@code all}
 * @param deviceIds {@code device_ids}, empty when unset
 * @param hasOptions true when driver {@code options} are set
 */
public record DeviceRequest(
    String path,
    List<String> capabilities,
    String driver,
    Integer count,
    List<String> deviceIds,
    boolean hasOptions) {

  public DeviceRequest {
    capabilities = List.copyOf(capabilities);
    deviceIds = List.copyOf(deviceIds);
  }
}
