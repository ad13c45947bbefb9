package io.composeoperator.compose.model;

import java.util.SortedMap;

/**
 * A top-level network (or the implicit {@code default} network).
 *
 * @param key the key under {@code networks:}
 * @param name {@code name:}, or null
 * @param external {@code external: true}
 * @param internal {@code internal: true}
 * @param driver {@code driver}, or null
 * @param labels {@code labels}
 * @param implicit true for the {@code default} network that Compose creates without it being
 *     declared
 */
public record NetworkConfig(
    String key,
    String name,
    boolean external,
    boolean internal,
    String driver,
    SortedMap<String, String> labels,
    boolean implicit)
    implements NamedResource {

  public NetworkConfig {
    labels = ComposeModel.frozen(labels);
  }
}
