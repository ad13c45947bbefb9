package io.composeoperator.translate;

import io.composeoperator.compose.model.SecretVariable;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code environment} / {@code env_file} → container {@code env}, in the model's order (later
 * entries may refer to earlier ones). A value from a Secret in {@code variablesFrom} becomes a
 * {@code secretKeyRef}, so secret values never appear in a workload; literal {@code $(} is escaped.
 */
final class Environment {
  private Environment() {}

  static List<EnvVar> envVars(ServiceContext ctx) {
    List<EnvVar> env = new ArrayList<>();
    for (io.composeoperator.compose.model.EnvVar variable : ctx.service().environment()) {
      SecretVariable secret = variable.secret();
      if (secret != null) {
        ctx.requiredSecrets().add(secret.secretName());
        env.add(
            new EnvVarBuilder()
                .withName(variable.name())
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret.secretName())
                .withKey(secret.key())
                .endSecretKeyRef()
                .endValueFrom()
                .build());
      } else {
        // An empty value is written as no value, which is how the API server stores it.
        String value = Commands.escape(variable.value());
        env.add(
            new EnvVarBuilder()
                .withName(variable.name())
                .withValue(value == null || value.isEmpty() ? null : value)
                .build());
      }
    }
    return env;
  }
}
