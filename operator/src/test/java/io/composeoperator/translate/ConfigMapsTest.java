package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.ServiceFileRef;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapsTest {

  @Test
  void configsBecomeConfigMapsAndSecretsAreMountedFromUserSecrets() {
    ComposeModel model =
        TestModels.project()
            .config(new ConfigObjConfig("app_conf", null, "app.conf", null, null, null, false))
            .file("app.conf", "x=1")
            .secret("db_password")
            .service(
                TestModels.service("api")
                    .configs(
                        List.of(new ServiceFileRef("app_conf", "/etc/app.conf", null, null, null)))
                    .secrets(
                        List.of(
                            new ServiceFileRef(
                                "db_password", "/run/secrets/db_password", null, null, 0400)))
                    .build())
            .build();

    assertThat(ConfigMaps.forConfigs(model, ProjectOptions.defaults("p")))
        .containsExactly(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app-conf")
                .withLabels(Labels.forProjectObject("p", "app-conf"))
                .endMetadata()
                .withData(Map.of("app_conf", "x=1"))
                .build());
    ServiceContext ctx = TestModels.context(model, "api");
    PodVolumes.PodStorage storage = PodVolumes.forService(ctx);
    assertThat(storage.volumes().get(1))
        .isEqualTo(
            new VolumeBuilder()
                .withName("secret-db-password-400")
                .withNewSecret()
                .withSecretName("db-password")
                .addNewItem()
                .withKey("db_password")
                .withPath("db_password")
                .withMode(0400)
                .endItem()
                .endSecret()
                .build());
    assertThat(storage.mounts())
        .extracting(m -> m.getSubPath())
        .containsExactly("app_conf", "db_password");
    assertThat(ctx.requiredSecrets()).containsExactly("db-password");
    assertThat(storage.configMaps()).containsExactly("app-conf");
  }

  @Test
  void configFileWithoutContentIsAnErrorNamingSpecFiles() {
    ComposeModel model =
        TestModels.project()
            .config(new ConfigObjConfig("c", null, "conf/c.ini", null, null, null, false))
            .service(
                TestModels.service("a")
                    .configs(List.of(new ServiceFileRef("c", "/c", null, null, null)))
                    .build())
            .build();

    assertThatThrownBy(() -> ConfigMaps.forConfigs(model, ProjectOptions.defaults("p")))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("configs.c.file")
        .hasMessageContaining("conf/c.ini")
        .hasMessageContaining("spec.files");
  }
}
