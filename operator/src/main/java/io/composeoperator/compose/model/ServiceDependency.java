package io.composeoperator.compose.model;

/**
 * One {@code depends_on} entry (short form: {@code service_started}, required).
 *
 * @param condition what the dependent waits for
 * @param required false for {@code required: false}: the dependency does not block
 * @param restart {@code restart: true} (restart the dependent when the dependency is updated)
 * @param implicit true when the dependency comes from {@code links}, {@code volumes_from} or a
 *     {@code service:x} namespace rather than {@code depends_on}
 */
public record ServiceDependency(
    Condition condition, boolean required, boolean restart, boolean implicit) {

  /** The three {@code depends_on} conditions. */
  public enum Condition {
    SERVICE_STARTED("service_started"),
    SERVICE_HEALTHY("service_healthy"),
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String composeName;

    Condition(String composeName) {
      this.composeName = composeName;
    }

    /** The name used in the Compose file. */
    public String composeName() {
      return composeName;
    }
  }
}
