package io.composeoperator.api.v1alpha1;

import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A reference by name to an object in the project's namespace. */
public class NameRef {
  @Required private String name;

  public NameRef() {}

  public NameRef(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameRef r && Objects.equals(name, r.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
