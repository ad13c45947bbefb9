package io.composeoperator.compose;

import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ResourcesConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Limits and reservations from {@code deploy.resources} and the legacy {@code cpus}, {@code
 * mem_limit}, {@code mem_reservation}, {@code pids_limit}; when both forms are set they must agree
 * (spec "cpus", "mem_limit"). CPUs are fractional cores, kept as millicores rounded up; {@code 0}
 * means no limit.
 */
final class Resources {

  private static final BigDecimal MAX_CPUS = BigDecimal.valueOf(1_000_000);

  /** The service keys {@link #of} reads besides {@code deploy}. */
  static final List<String> KEYS = List.of("cpus", "mem_limit", "mem_reservation", "pids_limit");

  private final Fields fields;
  private final List<String> unmodelled;

  Resources(Fields fields, List<String> unmodelled) {
    this.fields = fields;
    this.unmodelled = unmodelled;
  }

  ResourcesConfig of(Map<String, Object> service, Map<String, Object> deploy, String servicePath) {
    String path = servicePath + ".deploy.resources";
    Map<String, Object> resources = fields.map(deploy.get("resources"), path);
    fields.checkKeys(resources, ComposeKeys.DEPLOY_RESOURCES_KEYS, path);
    Map<String, Object> limits = fields.map(resources.get("limits"), path + ".limits");
    fields.checkKeys(limits, ComposeKeys.DEPLOY_RESOURCES_LIMITS_KEYS, path + ".limits");
    Map<String, Object> reservations =
        fields.map(resources.get("reservations"), path + ".reservations");
    fields.checkKeys(
        reservations, ComposeKeys.DEPLOY_RESOURCES_RESERVATIONS_KEYS, path + ".reservations");
    if (reservations.containsKey("generic_resources")) {
      unmodelled.add(path + ".reservations.generic_resources");
    }
    boolean devices =
        !fields.list(reservations.get("devices"), path + ".reservations.devices").isEmpty();
    Long cpuLimit =
        agree(
            cpus(service.get("cpus"), servicePath + ".cpus"),
            cpus(limits.get("cpus"), path + ".limits.cpus"),
            servicePath + ".cpus",
            "deploy.resources.limits.cpus");
    ByteSize memoryLimit =
        agree(
            ByteSizes.parse(fields, service.get("mem_limit"), servicePath + ".mem_limit"),
            ByteSizes.parse(fields, limits.get("memory"), path + ".limits.memory"),
            servicePath + ".mem_limit",
            "deploy.resources.limits.memory");
    Long cpuReservation = cpus(reservations.get("cpus"), path + ".reservations.cpus");
    ByteSize memoryReservation =
        agree(
            ByteSizes.parse(
                fields, service.get("mem_reservation"), servicePath + ".mem_reservation"),
            ByteSizes.parse(fields, reservations.get("memory"), path + ".reservations.memory"),
            servicePath + ".mem_reservation",
            "deploy.resources.reservations.memory");
    Long legacyPids = pids(service.get("pids_limit"), servicePath + ".pids_limit");
    Long deployPids = pids(limits.get("pids"), path + ".limits.pids");
    Long pids =
        agree(legacyPids, deployPids, servicePath + ".pids_limit", "deploy.resources.limits.pids");
    // no Kubernetes field takes a pids limit: warned at the key the file wrote
    if (legacyPids != null) {
      unmodelled.add(servicePath + ".pids_limit");
    }
    if (deployPids != null) {
      unmodelled.add(path + ".limits.pids");
    }
    return new ResourcesConfig(
        cpuLimit, memoryLimit, cpuReservation, memoryReservation, pids, devices);
  }

  private <T> T agree(T legacy, T deploy, String legacyPath, String deployKey) {
    if (legacy != null && deploy != null && !Objects.equals(legacy, deploy)) {
      throw fields.error(legacyPath, "disagrees with " + deployKey + "; set only one of them");
    }
    return legacy != null ? legacy : deploy;
  }

  /** Fractional cores as millicores, rounded up; 0 (no limit) reads as null. */
  Long cpus(Object value, String path) {
    if (value == null) {
      return null;
    }
    String text = fields.string(value, path);
    BigDecimal cores;
    try {
      cores = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw fields.error(path, Fields.quote(text) + " is not a number of CPUs (examples: 0.5, 2)");
    }
    if (cores.signum() < 0) {
      throw fields.error(path, Fields.quote(text) + " is not a number of CPUs (it is negative)");
    }
    if (cores.compareTo(MAX_CPUS) > 0) {
      throw fields.error(path, Fields.quote(text) + " is more CPUs than any machine has");
    }
    long millis = cores.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    return millis == 0 ? null : millis;
  }

  private Long pids(Object value, String path) {
    Long pids = fields.integer(value, path);
    if (pids != null && pids < -1) {
      throw fields.error(path, pids + " is not a PIDs limit (-1 for unlimited)");
    }
    return pids == null || pids <= 0 ? null : pids;
  }
}
