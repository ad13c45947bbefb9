package io.composeoperator.compose.model;

/**
 * Resource limits and reservations from {@code deploy.resources} and the legacy {@code cpus},
 * {@code mem_limit}, {@code mem_reservation}, {@code pids_limit} keys (checked to agree).
 *
 * @param cpuLimitMillis limit in millicores ({@code cpus: "0.5"} → 500; rounded up), or null
 * @param memoryLimit memory limit, or null
 * @param cpuReservationMillis reservation in millicores, or null
 * @param memoryReservation memory reservation, or null
 * @param pidsLimit {@code pids_limit} / {@code deploy.resources.limits.pids}, or null
 * @param hasDeviceReservations true when {@code deploy.resources.reservations.devices} (GPUs and
 *     the like) is set
 */
public record ResourcesConfig(
    Long cpuLimitMillis,
    ByteSize memoryLimit,
    Long cpuReservationMillis,
    ByteSize memoryReservation,
    Long pidsLimit,
    boolean hasDeviceReservations) {

  /** No limits and no reservations. */
  public static final ResourcesConfig NONE =
      new ResourcesConfig(null, null, null, null, null, false);
}
