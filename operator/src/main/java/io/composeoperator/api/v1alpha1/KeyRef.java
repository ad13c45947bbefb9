package io.composeoperator.api.v1alpha1;

import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A key of a ConfigMap in the project's namespace. */
public class KeyRef {
  @Required private String name;
  @Required private String key;

  public KeyRef() {}

  public KeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRef r && Objects.equals(name, r.name) && Objects.equals(key, r.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, key);
  }
}
