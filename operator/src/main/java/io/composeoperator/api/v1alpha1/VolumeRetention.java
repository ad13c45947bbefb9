package io.composeoperator.api.v1alpha1;

/**
 * What happens to PersistentVolumeClaims when their volume leaves the file or the project is
 * deleted: {@code Retain} like {@code docker compose down}, {@code Delete} like {@code down -v}.
 */
public enum VolumeRetention {
  Retain,
  Delete
}
