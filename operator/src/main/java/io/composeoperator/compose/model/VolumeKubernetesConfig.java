package io.composeoperator.compose.model;

import java.util.List;

/**
 * A volume's {@code x-kubernetes} block; unset fields are null (or empty) and fall back to the
 * project's storage defaults.
 *
 * @param size the claim's requested size as a Kubernetes quantity ({@code 10Gi})
 * @param storageClassName the storage class
 * @param accessModes access modes ({@code ReadWriteOnce}, ...)
 */
public record VolumeKubernetesConfig(
    String size, String storageClassName, List<String> accessModes) {

  public VolumeKubernetesConfig {
    accessModes = List.copyOf(accessModes);
  }
}
