package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.api.v1alpha1.VariablesSource;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.model.SecretEnvFile;
import io.composeoperator.compose.model.SecretVariable;
import io.composeoperator.translate.KeyMaterial;
import io.composeoperator.translate.Names;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a ComposeProject and the ConfigMaps/Secrets it names ({@code composeFrom}, {@code
 * variablesFrom}) into the loader's input. Variables from a Secret are recorded as secret sources,
 * so that an environment value that is exactly {@code ${X}} becomes a secretKeyRef. A missing
 * reference is a {@link MissingReference} (the status names it), never a crash.
 */
public final class InputResolver {
  private InputResolver() {}

  /**
   * The loader's input of a project that {@link ComposeProjectValidator} accepted (it has a spec
   * with exactly one of {@code compose} and {@code composeFrom}).
   *
   * @throws MissingReference when a named ConfigMap or Secret, or its key, is missing
   */
  public static ComposeSource resolve(ComposeProject project, References references) {
    ComposeProjectSpec spec = project.getSpec();
    String text = spec.getCompose();
    if (text == null) {
      text = configMapValue(spec.getComposeFrom().getConfigMapKeyRef(), references);
    }
    return SpecOptions.source(
            SpecOptions.composeFileName(spec), text, spec, variables(spec, references))
        .withSecretEnvFiles(secretEnvFiles(spec, references));
  }

  /**
   * The files of {@code spec.secretFiles} with the keys of their Secrets (or none when a Secret is
   * missing): an env file among them is read as Secret references (the keys are its variables;
   * values are never read). A key file is listed too and simply not used as an env file.
   */
  private static Map<String, SecretEnvFile> secretEnvFiles(
      ComposeProjectSpec spec, References references) {
    Map<String, SecretEnvFile> envFiles = new TreeMap<>();
    for (String path : spec.getSecretFiles()) {
      String name = Names.keyFileSecret(KeyMaterial.normalize(path));
      envFiles.put(
          path,
          new SecretEnvFile(
              name, references.secret(name).map(InputResolver::secretKeys).orElse(null)));
    }
    return envFiles;
  }

  private static java.util.SortedSet<String> secretKeys(Secret secret) {
    java.util.SortedSet<String> keys = new java.util.TreeSet<>();
    if (secret.getData() != null) {
      keys.addAll(secret.getData().keySet());
    }
    if (secret.getStringData() != null) {
      keys.addAll(secret.getStringData().keySet());
    }
    return keys;
  }

  private static String configMapValue(KeyRef ref, References references) {
    ConfigMap configMap =
        references
            .configMap(ref.getName())
            .orElseThrow(
                () ->
                    new MissingReference(
                        "spec.composeFrom.configMapKeyRef",
                        "ConfigMap " + ref.getName() + " not found"));
    String value = configMap.getData() == null ? null : configMap.getData().get(ref.getKey());
    if (value == null) {
      throw new MissingReference(
          "spec.composeFrom.configMapKeyRef",
          "ConfigMap " + ref.getName() + " has no key " + ref.getKey());
    }
    return value;
  }

  private static Variables variables(ComposeProjectSpec spec, References references) {
    Map<String, String> values = new TreeMap<>();
    Map<String, SecretVariable> secretSources = new TreeMap<>();
    for (int i = 0; i < spec.getVariablesFrom().size(); i++) {
      VariablesSource source = spec.getVariablesFrom().get(i);
      String path = "spec.variablesFrom[" + i + "]";
      if (source.getConfigMapRef() != null) {
        String name = source.getConfigMapRef().getName();
        ConfigMap configMap =
            references
                .configMap(name)
                .orElseThrow(() -> new MissingReference(path, "ConfigMap " + name + " not found"));
        if (configMap.getData() != null) {
          configMap.getData().forEach(values::put);
          configMap.getData().keySet().forEach(secretSources::remove);
        }
      } else if (source.getSecretRef() != null) {
        String name = source.getSecretRef().getName();
        Secret secret =
            references.secret(name).orElseThrow(() -> MissingReference.secret(path, name));
        secretValues(secret)
            .forEach(
                (key, value) -> {
                  values.put(key, value);
                  secretSources.put(key, new SecretVariable(name, key));
                });
      }
    }
    spec.getVariables().forEach(values::put);
    spec.getVariables().keySet().forEach(secretSources::remove);
    return new Variables(values, secretSources);
  }

  private static Map<String, String> secretValues(Secret secret) {
    Map<String, String> values = new TreeMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }
}
