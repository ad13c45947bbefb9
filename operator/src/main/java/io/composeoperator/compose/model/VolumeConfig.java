package io.composeoperator.compose.model;

import java.util.SortedMap;

/**
 * A top-level named volume.
 *
 * @param key the key under {@code volumes:}
 * @param name {@code name:}, or null (the claim is then named after the key)
 * @param external {@code external: true}: an existing claim, never created or deleted
 * @param driver {@code driver}, or null
 * @param driverOpts {@code driver_opts}
 * @param labels {@code labels}
 * @param kubernetes the volume's {@code x-kubernetes} block, or null
 */
public record VolumeConfig(
    String key,
    String name,
    boolean external,
    String driver,
    SortedMap<String, String> driverOpts,
    SortedMap<String, String> labels,
    VolumeKubernetesConfig kubernetes)
    implements NamedResource {

  public VolumeConfig {
    driverOpts = ComposeModel.frozen(driverOpts);
    labels = ComposeModel.frozen(labels);
  }
}
