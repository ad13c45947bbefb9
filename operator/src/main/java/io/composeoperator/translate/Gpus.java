package io.composeoperator.translate;

import io.composeoperator.compose.model.DeviceRequest;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * GPU requests ({@code gpus}, {@code deploy.resources.reservations.devices} with the {@code gpu}
 * capability) → a limit on the extended resource of the cluster's device plugin ({@code
 * nvidia.com/gpu} unless {@code spec.gpuResource} names another), as kompose maps them. The counts
 * of all requests add up. What a device plugin cannot express is warned about: {@code count: all}
 * (a pod must ask for a number; it asks for 1), {@code device_ids} (the plugin picks the devices;
 * as many are asked for), {@code options}, a {@code driver} other than the resource's vendor, and
 * capabilities without {@code gpu}.
 */
final class Gpus {
  private Gpus() {}

  /** The number of GPUs the service asks for, or 0. */
  static int count(ServiceContext ctx) {
    String resource = ctx.options().gpuResource();
    int total = 0;
    for (DeviceRequest request : ctx.service().deviceRequests()) {
      if (!request.capabilities().contains("gpu")) {
        ctx.warnings()
            .add(
                request.path(),
                "devices with the capabilities "
                    + request.capabilities()
                    + " have no Kubernetes resource (only gpu is mapped, to "
                    + resource
                    + "); ignored");
        continue;
      }
      List<String> notes = new ArrayList<>();
      int count;
      if (request.count() == null) {
        count = 1;
        notes.add(
            "every GPU of a node cannot be requested on Kubernetes; the pod asks for 1 (set count)");
      } else {
        count = request.count();
      }
      if (!request.deviceIds().isEmpty()) {
        notes.add(
            "device_ids cannot be chosen on Kubernetes (the device plugin picks the devices); the"
                + " pod asks for "
                + count);
      }
      if (request.hasOptions()) {
        notes.add("driver options are not mapped");
      }
      String vendor = resource.substring(0, resource.indexOf('/'));
      if (request.driver() != null && !vendor.contains(request.driver())) {
        notes.add(
            "driver "
                + request.driver()
                + " is requested as "
                + resource
                + " (set spec.gpuResource to the resource of its device plugin)");
      }
      notes.forEach(note -> ctx.warnings().add(request.path(), note));
      total += count;
    }
    return total;
  }

  /** The limit of {@link #count} GPUs as the project's resource, or null for none. */
  static Quantity limit(ServiceContext ctx) {
    int count = count(ctx);
    return count == 0 ? null : new Quantity(Integer.toString(count));
  }
}
