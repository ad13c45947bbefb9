package io.composeoperator.api.v1alpha1;

import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/**
 * A ConfigMap or Secret whose keys become interpolation variables. Variables from a Secret that are
 * used as a whole environment value become secretKeyRefs, so their values are never written into a
 * workload.
 */
@ValidationRule(
    value = "has(self.configMapRef) != has(self.secretRef)",
    message = "exactly one of configMapRef and secretRef must be set")
public class VariablesSource {
  private NameRef configMapRef;
  private NameRef secretRef;

  public VariablesSource() {}

  public static VariablesSource configMap(String name) {
    VariablesSource s = new VariablesSource();
    s.setConfigMapRef(new NameRef(name));
    return s;
  }

  public static VariablesSource secret(String name) {
    VariablesSource s = new VariablesSource();
    s.setSecretRef(new NameRef(name));
    return s;
  }

  public NameRef getConfigMapRef() {
    return configMapRef;
  }

  public void setConfigMapRef(NameRef configMapRef) {
    this.configMapRef = configMapRef;
  }

  public NameRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(NameRef secretRef) {
    this.secretRef = secretRef;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariablesSource v
        && Objects.equals(configMapRef, v.configMapRef)
        && Objects.equals(secretRef, v.secretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(configMapRef, secretRef);
  }
}
