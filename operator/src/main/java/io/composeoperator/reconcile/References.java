package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** Reads ConfigMaps and Secrets a project refers to, by name, in the project's namespace. */
public interface References {
  Optional<ConfigMap> configMap(String name);

  Optional<Secret> secret(String name);
}
