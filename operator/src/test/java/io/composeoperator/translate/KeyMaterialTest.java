package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

  static Translation render(String compose, Map<String, String> files, List<String> secretFiles) {
    return Renderer.render(
        new ComposeSource("compose.yaml", compose, files, Variables.NONE, List.of()),
        ProjectOptions.defaults("shop").withSecretFiles(secretFiles));
  }

  static PodSpec pod(Translation translation, String deployment) {
    return translation.objects().stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(deployment))
        .map(o -> ((Deployment) o).getSpec().getTemplate().getSpec())
        .findFirst()
        .orElseThrow();
  }

  static List<String> configMapData(Translation translation) {
    return translation.objects().stream()
        .filter(ConfigMap.class::isInstance)
        .map(HasMetadata.class::cast)
        .flatMap(o -> ((ConfigMap) o).getData().values().stream())
        .toList();
  }

  @Test
  void namesThatMarkKeyMaterial() {
    assertThat(
            List.of(
                "certs/server.key",
                "tls.pem",
                "ssh/id_rsa",
                "id_ed25519",
                "letsencrypt/acme.json",
                "CERT.PEM"))
        .allMatch(KeyMaterial::isKeyName);
    assertThat(List.of("nginx.conf", "keys/readme.txt", "acme.json.example", "server.crt", "key"))
        .noneMatch(KeyMaterial::isKeyName);
  }

  @Test
  void variableNamesThatMarkCredentials() {
    assertThat(
            List.of(
                "WIREGUARD_PRIVATE_KEY",
                "DB_PASSWORD",
                "POSTGRES_PASSWORD",
                "api_token",
                "GITEA__security__SECRET_KEY",
                "MYSQL_ROOT_PASSWORD",
                "SMTP_PASS",
                "OPENAI_API_KEY",
                "APIKEY",
                "aws.secret.access.key"))
        .allMatch(KeyMaterial::isCredentialVariable);
    assertThat(
            List.of(
                "POSTGRES_PASSWORD_FILE",
                "SSH_KEY_PATH",
                "PWD",
                "TAG",
                "KEYCLOAK_URL",
                "PASSWORD_LENGTH",
                "TOKENIZER",
                "MONKEY",
                "SECRET_NAME",
                ""))
        .noneMatch(KeyMaterial::isCredentialVariable);
  }

  @Test
  void secretOfAKeyFileIsNamedAfterItsPath() {
    assertThat(Names.keyFileSecret("letsencrypt/acme.json")).isEqualTo("letsencrypt-acme-json");
    assertThat(Names.keyFileSecret("../Keys/ID_RSA")).isEqualTo("keys-id-rsa");
    assertThat(Names.keyFileSecret("a/".repeat(40) + "x.key")).hasSizeLessThanOrEqualTo(63);
    assertThat(KeyMaterial.dataKey("ssh/my key.pem")).isEqualTo("my_key.pem");
  }

  @Test
  void keyFileGivenInSpecFilesIsMountedFromASecretNeverAConfigMap() {
    String compose =
        """
        services:
          proxy:
            image: traefik:v3
            volumes: ["./letsencrypt/acme.json:/letsencrypt/acme.json:ro"]
        """;
    Translation translation =
        render(compose, Map.of("letsencrypt/acme.json", "{\"private\": \"KEY\"}"), List.of());

    assertThat(configMapData(translation)).noneMatch(d -> d.contains("KEY"));
    PodSpec pod = pod(translation, "proxy");
    assertThat(pod.getVolumes())
        .contains(
            new VolumeBuilder()
                .withName("key-letsencrypt-acme-json")
                .withNewSecret()
                .withSecretName("letsencrypt-acme-json")
                .withItems(
                    new KeyToPathBuilder()
                        .withKey("acme.json")
                        .withPath("acme.json")
                        .withMode(0600)
                        .build())
                .endSecret()
                .build());
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .contains(
            new VolumeMountBuilder()
                .withName("key-letsencrypt-acme-json")
                .withMountPath("/letsencrypt/acme.json")
                .withSubPath("acme.json")
                .withReadOnly(true)
                .build());
    assertThat(translation.requiredSecrets()).contains("letsencrypt-acme-json");
    assertThat(translation.warnings())
        .anySatisfy(
            w ->
                assertThat(w.toString())
                    .contains("letsencrypt/acme.json (Secret letsencrypt-acme-json)")
                    .contains("spec.files holds letsencrypt/acme.json, which is not used"));
  }

  @Test
  void writableKeyFileIsAClaimFilledOnceFromItsSecretSoWhatTheServiceWritesIsKept() {
    String compose =
        """
        services:
          proxy:
            image: traefik:v3
            volumes: ["./letsencrypt/acme.json:/letsencrypt/acme.json"]
        """;
    Translation translation =
        render(compose, Map.of("letsencrypt/acme.json", "{\"private\": \"KEY\"}"), List.of());

    assertThat(configMapData(translation)).noneMatch(d -> d.contains("KEY"));
    assertThat(translation.objects())
        .filteredOn(o -> o instanceof io.fabric8.kubernetes.api.model.PersistentVolumeClaim)
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("letsencrypt-acme-json");
    PodSpec pod = pod(translation, "proxy");
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .contains(
            new VolumeMountBuilder()
                .withName("bind-letsencrypt-acme-json")
                .withMountPath("/letsencrypt/acme.json")
                .withSubPath("data/acme.json")
                .build());
    assertThat(pod.getInitContainers())
        .filteredOn(c -> c.getName().equals("fill-letsencrypt-acme-json"))
        .singleElement()
        .satisfies(
            fill -> {
              assertThat(fill.getVolumeMounts())
                  .extracting(m -> m.getName())
                  .containsExactly("bind-letsencrypt-acme-json", "key-letsencrypt-acme-json");
              assertThat(fill.getCommand().get(2))
                  .as("filled when the claim is new, never again over what the service wrote")
                  .contains("= secret-letsencrypt-acme-json ] && exit 0");
            });
    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("key-letsencrypt-acme-json");
              assertThat(v.getSecret().getSecretName()).isEqualTo("letsencrypt-acme-json");
              assertThat(v.getSecret().getItems().get(0).getMode()).isEqualTo(0600);
            });
    assertThat(translation.requiredSecrets()).contains("letsencrypt-acme-json");
  }

  @Test
  void directoryWithKeyFilesIsAProjectionOfItsConfigMapAndTheirSecrets() {
    String compose =
        """
        services:
          web:
            image: nginx:1.27
            volumes: ["./certs:/etc/nginx/certs"]
        """;
    Translation translation =
        render(
            compose,
            Map.of(
                "certs/server.crt", "CERT",
                "certs/server.key", "PRIVATE",
                "certs/db.conf", "password=hunter2"),
            List.of("./certs/db.conf"));

    assertThat(configMapData(translation)).containsExactly("CERT");
    PodSpec pod = pod(translation, "web");
    assertThat(pod.getVolumes())
        .contains(
            new VolumeBuilder()
                .withName("files-0")
                .withNewProjected()
                .withSources(
                    new VolumeProjectionBuilder()
                        .withNewConfigMap()
                        .withName("web-files")
                        .withItems(
                            new KeyToPathBuilder()
                                .withKey("certs_server.crt")
                                .withPath("server.crt")
                                .build())
                        .endConfigMap()
                        .build(),
                    new VolumeProjectionBuilder()
                        .withNewSecret()
                        .withName("certs-db-conf")
                        .withItems(
                            new KeyToPathBuilder()
                                .withKey("db.conf")
                                .withPath("db.conf")
                                .withMode(0600)
                                .build())
                        .endSecret()
                        .build(),
                    new VolumeProjectionBuilder()
                        .withNewSecret()
                        .withName("certs-server-key")
                        .withItems(
                            new KeyToPathBuilder()
                                .withKey("server.key")
                                .withPath("server.key")
                                .withMode(0600)
                                .build())
                        .endSecret()
                        .build())
                .endProjected()
                .build());
    assertThat(translation.requiredSecrets()).contains("certs-db-conf", "certs-server-key");
    KubernetesValidity.assertValid(translation.objects());
  }

  @Test
  void configFromAKeyFileIsRefused() {
    String compose =
        """
        services:
          web: {image: "nginx:1.27", configs: [tls]}
        configs:
          tls: {file: ./tls/server.key}
        """;
    assertThatThrownBy(() -> render(compose, Map.of("tls/server.key", "PRIVATE"), List.of()))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("configs.tls.file")
        .hasMessageContaining("never put into a ConfigMap");
  }
}
