package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Defaults for the PersistentVolumeClaims of named volumes; a volume's x-kubernetes wins. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class StorageSpec {
  private String storageClassName;
  private String size;
  private List<String> accessModes = new ArrayList<>();

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }

  public String getSize() {
    return size;
  }

  public void setSize(String size) {
    this.size = size;
  }

  public List<String> getAccessModes() {
    return accessModes;
  }

  public void setAccessModes(List<String> accessModes) {
    this.accessModes = accessModes == null ? new ArrayList<>() : accessModes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageSpec s
        && Objects.equals(storageClassName, s.storageClassName)
        && Objects.equals(size, s.size)
        && Objects.equals(accessModes, s.accessModes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storageClassName, size, accessModes);
  }
}
