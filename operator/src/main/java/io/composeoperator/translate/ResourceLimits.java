package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ResourcesConfig;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code deploy.resources} / {@code cpus} / {@code mem_limit} / {@code mem_reservation} → container
 * {@code resources} (ARCHITECTURE.md, "Resources, users and images"). CPUs become millicores
 * ({@code 500m}, or whole cores {@code 2}); bytes become {@code Ki}/{@code Mi}/{@code Gi}/{@code
 * Ti} when exact, else plain bytes, never {@code 512m} (milli). A resource the service sets neither
 * a limit nor a reservation for takes the project default ({@code spec.defaultResources}). A
 * reservation above its limit is an error.
 */
final class ResourceLimits {
  private ResourceLimits() {}

  static ResourceRequirements resources(ServiceContext ctx) {
    ResourcesConfig config = ctx.service().resources();
    Map<String, Quantity> limits = new TreeMap<>();
    Map<String, Quantity> requests = new TreeMap<>();
    if (config.cpuLimitMillis() != null && config.cpuLimitMillis() > 0) {
      limits.put("cpu", cpu(config.cpuLimitMillis()));
    }
    if (config.memoryLimit() != null && config.memoryLimit().bytes() > 0) {
      limits.put("memory", memory(config.memoryLimit()));
    }
    if (config.cpuReservationMillis() != null && config.cpuReservationMillis() > 0) {
      requests.put("cpu", cpu(config.cpuReservationMillis()));
    }
    if (config.memoryReservation() != null && config.memoryReservation().bytes() > 0) {
      requests.put("memory", memory(config.memoryReservation()));
    }
    Quantity gpus = Gpus.limit(ctx);
    if (gpus != null) {
      // extended resources: the limit is the request (Kubernetes defaults one to the other)
      limits.put(ctx.options().gpuResource(), gpus);
    }
    return withDefaults(
        limits, requests, ctx.options(), ctx.file(), ctx.path("deploy.resources"), ctx);
  }

  /** The project defaults alone (for the wait init containers), or null when there are none. */
  static ResourceRequirements defaults(ProjectOptions options) {
    if (options.defaultRequests().isEmpty() && options.defaultLimits().isEmpty()) {
      return null;
    }
    return withDefaults(
        new TreeMap<>(), new TreeMap<>(), options, null, "spec.defaultResources", null);
  }

  private static ResourceRequirements withDefaults(
      Map<String, Quantity> limits,
      Map<String, Quantity> requests,
      ProjectOptions options,
      String file,
      String path,
      ServiceContext ctx) {
    for (Map.Entry<String, String> e : options.defaultRequests().entrySet()) {
      if (!limits.containsKey(e.getKey()) && !requests.containsKey(e.getKey())) {
        requests.put(e.getKey(), quantity(e.getValue(), "spec.defaultResources.requests"));
      }
    }
    for (Map.Entry<String, String> e : options.defaultLimits().entrySet()) {
      boolean setByService = ctx != null && (serviceSets(ctx, e.getKey()));
      if (!limits.containsKey(e.getKey()) && !setByService) {
        limits.put(e.getKey(), quantity(e.getValue(), "spec.defaultResources.limits"));
      }
    }
    for (Map.Entry<String, Quantity> request : requests.entrySet()) {
      Quantity limit = limits.get(request.getKey());
      if (limit != null
          && Quantity.getAmountInBytes(request.getValue())
                  .compareTo(Quantity.getAmountInBytes(limit))
              > 0) {
        throw new ComposeException(
            file,
            path,
            "the "
                + request.getKey()
                + " reservation "
                + request.getValue()
                + " is above its limit "
                + limit
                + "; Kubernetes requires requests ≤ limits");
      }
    }
    if (limits.isEmpty() && requests.isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder().withLimits(limits).withRequests(requests).build();
  }

  /**
   * A quantity from the project's settings, checked, so that a bad value is reported rather than
   * crashing the translation.
   */
  static Quantity quantity(String value, String path) {
    try {
      return new Quantity(Quantities.canonical(value));
    } catch (IllegalArgumentException e) {
      throw new ComposeException(
          null,
          path,
          "\"" + value + "\" is not a Kubernetes quantity (for example 500m, 64Mi, 1Gi)");
    }
  }

  private static boolean serviceSets(ServiceContext ctx, String resource) {
    ResourcesConfig config = ctx.service().resources();
    return switch (resource) {
      case "cpu" -> config.cpuLimitMillis() != null || config.cpuReservationMillis() != null;
      case "memory" -> config.memoryLimit() != null || config.memoryReservation() != null;
      default -> false;
    };
  }

  /** Millicores as a quantity: {@code 500m}, or {@code 2} for whole cores (canonical form). */
  static Quantity cpu(long millis) {
    return new Quantity(Quantities.canonical(millis + "m"));
  }

  /**
   * Bytes as a quantity in the largest exact binary unit, else in decimal units ({@code 1500},
   * {@code 2k}): the API server's canonical form of the byte count.
   */
  static Quantity memory(ByteSize size) {
    return new Quantity(Quantities.bytes(size.bytes()));
  }
}
