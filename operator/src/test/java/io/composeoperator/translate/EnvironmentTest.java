package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.SecretVariable;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void keepsFileOrderEmptyValuesAndEscapesDollarParen() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .environment(
                    List.of(EnvVar.of("B", "2"), EnvVar.of("A", ""), EnvVar.of("C", "$(x)")))
                .build());

    assertThat(Environment.envVars(ctx))
        .containsExactly(
            new EnvVarBuilder().withName("B").withValue("2").build(),
            // an empty value is written as no value, the form the API server stores
            new EnvVarBuilder().withName("A").build(),
            new EnvVarBuilder().withName("C").withValue("$$(x)").build());
  }

  @Test
  void secretVariableBecomesSecretKeyRefAndIsRequired() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("db")
                .environment(
                    List.of(
                        new EnvVar(
                            "POSTGRES_PASSWORD", null, new SecretVariable("db-creds", "password"))))
                .build());

    assertThat(Environment.envVars(ctx))
        .containsExactly(
            new EnvVarBuilder()
                .withName("POSTGRES_PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName("db-creds")
                .withKey("password")
                .endSecretKeyRef()
                .endValueFrom()
                .build());
    assertThat(ctx.requiredSecrets()).containsExactly("db-creds");
  }
}
