package io.composeoperator.compose.model;

/**
 * A top-level volume, network, secret or config: its key under the top-level section and its
 * optional {@code name:}.
 */
public interface NamedResource {
  /** The key under the top-level section. */
  String key();

  /** The {@code name:}, or null. */
  String name();

  /**
   * The name the resource goes by: its {@code name:}, else its key (Compose prefixes the key with
   * the project name; on Kubernetes the namespace and the project label do that scoping).
   */
  default String nameOrKey() {
    return name() == null ? key() : name();
  }
}
