package io.composeoperator.api.v1alpha1;

import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Where to read the Compose file from, instead of {@code spec.compose}. */
public class ComposeFrom {
  @Required private KeyRef configMapKeyRef;

  public ComposeFrom() {}

  public ComposeFrom(KeyRef configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  public KeyRef getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(KeyRef configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ComposeFrom c && Objects.equals(configMapKeyRef, c.configMapKeyRef);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(configMapKeyRef);
  }
}
