package io.composeoperator.compose;

import io.composeoperator.compose.model.DeviceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code gpus} ({@code all}, or a list of requests) and {@code
 * deploy.resources.reservations.devices} into {@link DeviceRequest}s. A count is a number or {@code
 * all} ({@code -1} as compose-go writes it); with neither count nor device_ids a request means all.
 */
final class DeviceRequests {
  private static final Set<String> KEYS =
      Set.of("capabilities", "count", "device_ids", "driver", "options");

  private final Fields fields;

  DeviceRequests(Fields fields) {
    this.fields = fields;
  }

  List<DeviceRequest> of(Object gpus, Map<String, Object> deploy, String servicePath) {
    List<DeviceRequest> requests = new ArrayList<>();
    String gpusPath = servicePath + ".gpus";
    if (gpus instanceof String all) {
      if (!all.strip().equals("all")) {
        throw fields.error(gpusPath, Fields.quote(all) + " is not a GPU request (all, or a list)");
      }
      requests.add(new DeviceRequest(gpusPath, List.of("gpu"), null, null, List.of(), false));
    } else {
      List<Object> list = fields.list(gpus, gpusPath);
      for (int i = 0; i < list.size(); i++) {
        requests.add(request(list.get(i), gpusPath + "[" + i + "]", false));
      }
    }
    String resourcesPath = servicePath + ".deploy.resources";
    Map<String, Object> resources = fields.map(deploy.get("resources"), resourcesPath);
    Map<String, Object> reservations =
        fields.map(resources.get("reservations"), resourcesPath + ".reservations");
    String devicesPath = resourcesPath + ".reservations.devices";
    List<Object> devices = fields.list(reservations.get("devices"), devicesPath);
    for (int i = 0; i < devices.size(); i++) {
      requests.add(request(devices.get(i), devicesPath + "[" + i + "]", true));
    }
    return requests;
  }

  private DeviceRequest request(Object value, String path, boolean capabilitiesRequired) {
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, KEYS, path);
    List<String> capabilities = fields.strings(map.get("capabilities"), path + ".capabilities");
    if (capabilitiesRequired && capabilities.isEmpty()) {
      throw fields.error(path + ".capabilities", "must be set (for a GPU: [gpu])");
    }
    if (!capabilitiesRequired && !capabilities.contains("gpu")) {
      capabilities = new ArrayList<>(capabilities);
      capabilities.add(0, "gpu");
    }
    List<String> ids = fields.strings(map.get("device_ids"), path + ".device_ids");
    Integer count = count(map.get("count"), path + ".count");
    if (map.containsKey("count") && !ids.isEmpty()) {
      throw fields.error(path, "count and device_ids cannot both be set");
    }
    return new DeviceRequest(
        path,
        capabilities,
        fields.string(map.get("driver"), path + ".driver"),
        ids.isEmpty() ? count : Integer.valueOf(ids.size()),
        ids,
        !fields.map(map.get("options"), path + ".options").isEmpty());
  }

  /** A count: a number, or {@code all} / {@code -1} (null). */
  private Integer count(Object value, String path) {
    if (value == null || "all".equals(value)) {
      return null;
    }
    Long n = fields.integer(value, path);
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw fields.error(path, n + " is not a number of devices (a number or all)");
    }
    return n.intValue();
  }
}
