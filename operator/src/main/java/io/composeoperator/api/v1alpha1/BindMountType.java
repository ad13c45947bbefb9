package io.composeoperator.api.v1alpha1;

/**
 * What a bind mount becomes, as kompose's {@code --volumes}: the default {@code
 * persistentVolumeClaim} keeps data (README, "Bind mounts"); {@code emptyDir} keeps it for the
 * pod's life only; {@code hostPath} mounts the node's directory (privileged profile only); {@code
 * configMap} mounts given files read-only.
 */
public enum BindMountType {
  persistentVolumeClaim,
  emptyDir,
  hostPath,
  configMap
}
