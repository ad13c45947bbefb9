package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.reconcile.InputResolver;
import io.composeoperator.reconcile.References;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never in clear text (issue 8): files with key material and secrets read from a variable
 * never enter the ComposeProject; {@code convert} prints the commands that create their Secrets,
 * and the pod mounts those Secrets.
 */
class ConvertSecretsTest {
  @TempDir Path dir;

  private void write(String name, String text, String mode) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  private static ComposeProject project(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Serialization.unmarshal(run.out(), ComposeProject.class);
  }

  /** What the operator renders for convert's output (the reconciler's path). */
  private static List<HasMetadata> operatorObjects(ComposeProject project) {
    return Renderer.render(
            RenderCommand.sourceOf(project.getSpec()),
            SpecOptions.from(
                project.getMetadata().getName(),
                project.getMetadata().getNamespace(),
                project.getSpec(),
                null))
        .objects();
  }

  private static Volume podVolume(List<HasMetadata> objects, String deployment, String volume) {
    return objects.stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(deployment))
        .flatMap(o -> ((Deployment) o).getSpec().getTemplate().getSpec().getVolumes().stream())
        .filter(v -> v.getName().equals(volume))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + volume + " in " + deployment));
  }

  @Test
  void traefiksAcmeJsonIsNeverCopiedAndThePodMountsItsSecret() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          traefik:
            image: traefik:v3.1
            volumes:
              - ./letsencrypt/acme.json:/letsencrypt/acme.json
              - ./traefik.yml:/etc/traefik/traefik.yml:ro
        """,
        "rw-r--r--");
    write("letsencrypt/acme.json", "{\"PrivateKey\": \"MIIEvQ-private\"}\n", "rw-------");
    write("traefik.yml", "entryPoints: {}\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "edge", "-n", "prod");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("MIIEvQ-private");
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("traefik.yml");
    assertThat(project.getSpec().getSecretFiles()).containsExactly("letsencrypt/acme.json");
    assertThat(run.err())
        .contains(
            "compose.yaml: letsencrypt/acme.json: its name marks key material, so it is never put"
                + " into the ComposeProject; create the Secret before applying: kubectl create"
                + " secret generic letsencrypt-acme-json"
                + " --from-file=acme.json=letsencrypt/acme.json -n prod");
    List<HasMetadata> objects = operatorObjects(project);
    assertThat(Serialization.asYaml(objects)).doesNotContain("MIIEvQ-private");
    assertThat(
            podVolume(objects, "traefik", "key-letsencrypt-acme-json").getSecret().getSecretName())
        .isEqualTo("letsencrypt-acme-json");
    CliRun render = CliRun.in(dir, "render", "--name", "edge", "-n", "prod");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));
  }

  @Test
  void filesThatAreNotWorldReadableOrSecretsStayOutOfADirectoryMount() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            volumes: ["./conf:/etc/app:ro"]
            secrets: [db_password]
        secrets:
          db_password: {file: ./conf/db_password.txt}
        """,
        "rw-r--r--");
    write("conf/app.ini", "debug = false\n", "rw-r--r--");
    write("conf/credentials.ini", "password = hunter2\n", "rw-r-----");
    write("conf/db_password.txt", "s3cr3t-db\n", "rw-r--r--");
    write("conf/tls/server.pem", "-----BEGIN PRIVATE KEY-----\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    ComposeProject project = project(run);
    assertThat(run.out())
        .doesNotContain("hunter2")
        .doesNotContain("s3cr3t-db")
        .doesNotContain("BEGIN PRIVATE KEY");
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("conf/app.ini");
    assertThat(project.getSpec().getSecretFiles())
        .containsExactly("conf/credentials.ini", "conf/db_password.txt", "conf/tls/server.pem");
    assertThat(run.err())
        .contains(
            "compose.yaml: conf/credentials.ini: it is not world-readable, so it is never put into"
                + " the ComposeProject; create the Secret before applying: kubectl create secret"
                + " generic conf-credentials-ini --from-file=credentials.ini=conf/credentials.ini")
        .contains("conf/db_password.txt: it is the file of a Compose secret")
        .contains("conf/tls/server.pem: its name marks key material");
    List<HasMetadata> objects = operatorObjects(project);
    assertThat(objects)
        .filteredOn(ConfigMap.class::isInstance)
        .allSatisfy(
            cm ->
                assertThat(((ConfigMap) cm).getData().values())
                    .noneMatch(v -> v.contains("hunter2") || v.contains("PRIVATE KEY")));
    assertThat(podVolume(objects, "web", "files-0").getProjected().getSources())
        .extracting(
            s -> s.getConfigMap() != null ? s.getConfigMap().getName() : s.getSecret().getName())
        .containsExactly(
            "web-files", "conf-credentials-ini", "conf-db-password-txt", "conf-tls-server-pem");
    CliRun render = CliRun.in(dir, "render", "--name", "shop");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));
  }

  @Test
  void secretFromAVariableIsAReferenceAndItsValueNeverEntersTheProject() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: example/api:${TAG}
            secrets: [api_key]
        secrets:
          api_key:
            environment: API_KEY
        """,
        "rw-r--r--");
    write(".env", "TAG=1.4\nAPI_KEY=sk-live-0123456789\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop", "-n", "prod");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("sk-live-0123456789");
    assertThat(project.getSpec().getVariables()).isEqualTo(Map.of("TAG", "1.4"));
    assertThat(run.err())
        .contains(
            "compose.yaml: secrets.api_key: the value of API_KEY is never put into the"
                + " ComposeProject; create the Secret before applying, with API_KEY set in your"
                + " shell: kubectl create secret generic api-key"
                + " --from-literal=api_key=\"$API_KEY\" -n prod");
    List<HasMetadata> objects = operatorObjects(project);
    assertThat(Serialization.asYaml(objects)).doesNotContain("sk-live-0123456789");
    Deployment api =
        objects.stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(api.getSpec().getTemplate().getSpec().getVolumes())
        .anySatisfy(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("api-key"));
    CliRun render = CliRun.in(dir, "render", "--name", "shop", "-n", "prod");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).doesNotContain("sk-live-0123456789");
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));
  }

  @Test
  void credentialVariablesStayOutOfTheProjectAndAreReadFromASecret() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          vpn:
            image: qmcgaw/gluetun:v3.39.1
            environment:
              VPN_TYPE: ${VPN_TYPE}
              WIREGUARD_PRIVATE_KEY: ${WIREGUARD_PRIVATE_KEY:?set it in .env}
              DB_PASSWORD: ${DB_PASSWORD:-changeme}
              DB_PASSWORD_FILE: ${DB_PASSWORD_FILE}
        """,
        "rw-r--r--");
    write(
        ".env",
        "VPN_TYPE=wireguard\nWIREGUARD_PRIVATE_KEY=wg-0123456789=\nDB_PASSWORD=pw-987\n"
            + "DB_PASSWORD_FILE=/run/secrets/db\n",
        "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "media", "-n", "home");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("wg-0123456789").doesNotContain("pw-987");
    assertThat(project.getSpec().getVariables())
        .isEqualTo(Map.of("VPN_TYPE", "wireguard", "DB_PASSWORD_FILE", "/run/secrets/db"));
    assertThat(project.getSpec().getVariablesFrom())
        .singleElement()
        .satisfies(
            source -> assertThat(source.getSecretRef().getName()).isEqualTo("media-variables"));
    assertThat(run.err())
        .contains(
            "kubectl create secret generic media-variables"
                + " --from-literal=DB_PASSWORD=\"$DB_PASSWORD\""
                + " --from-literal=WIREGUARD_PRIVATE_KEY=\"$WIREGUARD_PRIVATE_KEY\" -n home"
                + " && kubectl label secret media-variables composeoperator.io/project=media"
                + " -n home");

    // the operator reads the Secret the user created from the same values
    Secret secret =
        new SecretBuilder().withNewMetadata().withName("media-variables").endMetadata().build();
    secret.setData(
        Map.of("WIREGUARD_PRIVATE_KEY", base64("wg-0123456789="), "DB_PASSWORD", base64("pw-987")));
    References references = references(secret);
    project.getMetadata().setNamespace("home");
    List<HasMetadata> objects =
        Renderer.render(
                InputResolver.resolve(project, references),
                SpecOptions.from("media", "home", project.getSpec(), null))
            .objects();
    String operatorYaml = Serialization.asYaml(objects);
    assertThat(operatorYaml).doesNotContain("wg-0123456789").doesNotContain("pw-987");
    Deployment vpn =
        objects.stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(vpn.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(
            env ->
                env.getName().equals("WIREGUARD_PRIVATE_KEY")
                    || env.getName().equals("DB_PASSWORD"))
        .hasSize(2)
        .allSatisfy(
            env -> {
              assertThat(env.getValue()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("media-variables");
              assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(env.getName());
            });

    CliRun render = CliRun.in(dir, "render", "--name", "media", "-n", "home");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));
    assertThat(render.err())
        .contains(
            "DB_PASSWORD, WIREGUARD_PRIVATE_KEY: credentials (by name, or from an env file that"
                + " is not world-readable), so their values are written into no object");
  }

  @Test
  void everyVariableOfAnEnvFileThatIsNotWorldReadableIsACredential() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: example/api:1
            environment:
              STRIPE: ${STRIPE}
              MODE: ${MODE}
        """,
        "rw-r--r--");
    write(".env", "STRIPE=sk_live_42\nMODE=prod\n", "rw-------");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("sk_live_42");
    assertThat(project.getSpec().getVariables()).isEmpty();
    assertThat(project.getSpec().getVariablesFrom())
        .singleElement()
        .satisfies(
            source -> assertThat(source.getSecretRef().getName()).isEqualTo("shop-variables"));
    assertThat(run.err())
        .contains(
            "kubectl create secret generic shop-variables --from-literal=MODE=\"$MODE\""
                + " --from-literal=STRIPE=\"$STRIPE\"");
    CliRun render = CliRun.in(dir, "render", "--name", "shop");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).doesNotContain("sk_live_42").contains("secretKeyRef");
  }

  @Test
  void envFileThatIsNotWorldReadableIsASecretReadVariableByVariable() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          db:
            image: postgres:16
            env_file: [common.env, db.env]
            environment:
              POSTGRES_DB: app
        """,
        "rw-r--r--");
    write("common.env", "TZ=UTC\nPOSTGRES_USER=app\n", "rw-r--r--");
    write("db.env", "POSTGRES_PASSWORD=s3cret-9\nPOSTGRES_USER=admin\n", "rw-------");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop", "-n", "prod");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("s3cret-9").doesNotContain("admin");
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("common.env");
    assertThat(project.getSpec().getSecretFiles()).containsExactly("db.env");
    assertThat(run.err())
        .contains(
            "db.env: it is an env file that is not world-readable (it holds credentials), so it is"
                + " never put into the ComposeProject; its variables are read from the Secret"
                + " db-env; create it before applying: kubectl create secret generic db-env"
                + " --from-env-file=db.env -n prod && kubectl label secret db-env"
                + " composeoperator.io/project=shop -n prod");

    // the operator reads the keys of the Secret the user created (never its values)
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("db-env")
            .endMetadata()
            .addToData("POSTGRES_PASSWORD", base64("s3cret-9"))
            .addToData("POSTGRES_USER", base64("admin"))
            .build();
    References references = references(secret);
    List<HasMetadata> objects =
        Renderer.render(
                InputResolver.resolve(project, references),
                SpecOptions.from("shop", "prod", project.getSpec(), null))
            .objects();
    assertThat(Serialization.asYaml(objects)).doesNotContain("s3cret-9").doesNotContain("admin");
    Deployment db =
        objects.stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    // env_file order is kept: db.env comes after common.env, so its POSTGRES_USER wins
    assertThat(db.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .extracting(
            env ->
                env.getName()
                    + "="
                    + (env.getValueFrom() == null
                        ? env.getValue()
                        : "secret " + env.getValueFrom().getSecretKeyRef().getName()))
        .containsExactly(
            "TZ=UTC",
            "POSTGRES_USER=secret db-env",
            "POSTGRES_PASSWORD=secret db-env",
            "POSTGRES_DB=app");

    CliRun render = CliRun.in(dir, "render", "--name", "shop", "-n", "prod");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));

    // before the user creates the Secret, the operator waits for it and renders nothing
    References none = references();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Renderer.render(
                    InputResolver.resolve(project, none),
                    SpecOptions.from("shop", "prod", project.getSpec(), null)))
        .isInstanceOfSatisfying(
            io.composeoperator.compose.ComposeException.class,
            e ->
                assertThat(e.kind())
                    .isEqualTo(io.composeoperator.compose.ComposeException.Kind.MISSING_SECRET))
        .hasMessage(
            "compose.yaml: services.db.env_file[1]: env file \"db.env\" holds credentials and is"
                + " read from the Secret db-env, which does not exist: create it (convert printed"
                + " the command); nothing is applied until it exists");
  }

  @Test
  void worldReadableEnvFileThatSetsCredentialsIsASecretToo() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          db:
            image: postgres:16
            env_file: [common.env, db.env]
        """,
        "rw-r--r--");
    // an empty credential is no secret: common.env is shipped as it is
    write("common.env", "TZ=UTC\nAPI_TOKEN=\n", "rw-r--r--");
    write("db.env", "POSTGRES_USER=app\nPOSTGRES_PASSWORD=s3cret-9\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    ComposeProject project = project(run);
    assertThat(run.out()).doesNotContain("s3cret-9");
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("common.env");
    assertThat(project.getSpec().getSecretFiles()).containsExactly("db.env");
    assertThat(run.err())
        .contains(
            "db.env: it is an env file that sets credentials (POSTGRES_PASSWORD), so it is never"
                + " put into the ComposeProject; its variables are read from the Secret db-env;"
                + " create it before applying: kubectl create secret generic db-env"
                + " --from-env-file=db.env && kubectl label secret db-env"
                + " composeoperator.io/project=shop")
        .doesNotContain("s3cret-9");

    CliRun render = CliRun.in(dir, "render", "--name", "shop");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).doesNotContain("s3cret-9").contains("secretKeyRef");
    assertThat(render.err())
        .contains(
            "compose.yaml: db.env: it is an env file that sets credentials (POSTGRES_PASSWORD),"
                + " so its values are written into no object; its variables are read from the"
                + " Secret db-env; create it before applying: kubectl create secret generic"
                + " db-env --from-env-file=db.env && kubectl label secret db-env"
                + " composeoperator.io/project=shop")
        .doesNotContain("s3cret-9");
    // what render prints is what the operator applies once the Secret exists
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("db-env")
            .endMetadata()
            .addToData("POSTGRES_USER", base64("app"))
            .addToData("POSTGRES_PASSWORD", base64("s3cret-9"))
            .build();
    List<HasMetadata> objects =
        Renderer.render(
                InputResolver.resolve(project, references(secret)),
                SpecOptions.from("shop", null, project.getSpec(), null))
            .objects();
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));
  }

  @Test
  void anIncludesEnvFileTravelsInSpecFilesAndInterpolatesTheIncludedFileAsCompose()
      throws IOException {
    write(
        "compose.yaml",
        "include:\n  - path: web/compose.yaml\n    env_file: web.env\nservices: {}\n",
        "rw-r--r--");
    write(
        "web/compose.yaml",
        "services:\n  web:\n    image: \"nginx:${TAG}\"\n    environment:\n      MODE: \"${MODE}\"\n",
        "rw-r--r--");
    write("web.env", "TAG=1.27\nMODE=include\n", "rw-r--r--");
    // the project's own variables win over the include's env file (compose-go include.go)
    write(".env", "MODE=project\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    ComposeProject project = project(run);
    assertThat(project.getSpec().getFiles()).containsKeys("web/compose.yaml", "web.env");
    assertThat(project.getSpec().getSecretFiles()).isEmpty();
    String rendered = Serialization.asYaml(operatorObjects(project));
    assertThat(rendered).contains("nginx:1.27").contains("value: \"project\"");
    CliRun render = CliRun.in(dir, "render", "--name", "shop");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).isEqualTo(YamlOutput.of(operatorObjects(project)));
  }

  @Test
  void anIncludesEnvFileWithCredentialsIsRefusedWithWhatToDo() throws IOException {
    write(
        "compose.yaml",
        "include:\n  - path: db/compose.yaml\n    env_file: db.env\nservices: {}\n",
        "rw-r--r--");
    write(
        "db/compose.yaml",
        "services:\n  db:\n    image: postgres:16\n    environment:\n"
            + "      POSTGRES_PASSWORD: \"${DB_PASSWORD}\"\n",
        "rw-r--r--");
    write("db.env", "DB_PASSWORD=s3cret-9\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).doesNotContain("s3cret-9");
    assertThat(run.err())
        .contains(
            "compose.yaml: include: db.env: it is an env file that sets credentials (DB_PASSWORD),"
                + " and an include's env file is shipped in spec.files to interpolate the included"
                + " file: set those variables in the project's .env instead")
        .doesNotContain("s3cret-9")
        .doesNotContain("Exception");
  }

  /** The operator's view of the namespace: these Secrets (by name), no ConfigMaps. */
  private static References references(Secret... secrets) {
    return new References() {
      @Override
      public Optional<ConfigMap> configMap(String name) {
        return Optional.empty();
      }

      @Override
      public Optional<Secret> secret(String name) {
        return java.util.Arrays.stream(secrets)
            .filter(secret -> secret.getMetadata().getName().equals(name))
            .findFirst();
      }
    };
  }

  private static String base64(String value) {
    return java.util.Base64.getEncoder()
        .encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void keyFileInADevelopmentMountIsNeitherShippedNorMountedFromASecret() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          app:
            image: example/app:1
            volumes: ["./src:/app/src"]
        """,
        "rw-r--r--");
    write("src/big.txt", "x".repeat(300 * 1024), "rw-r--r--");
    write("src/dev.key", "-----BEGIN PRIVATE KEY-----\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    ComposeProject project = project(run);
    assertThat(project.getSpec().getFiles()).isEmpty();
    assertThat(project.getSpec().getSecretFiles())
        .as("the directory is not shipped, nor are its key files")
        .isEmpty();
    assertThat(run.err())
        .contains("not shipped, so its content does not reach the cluster")
        .doesNotContain("kubectl");
    assertThat(run.out()).doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void configFileWithKeyMaterialIsRefusedNotCopied() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web: {image: "nginx:1.27", configs: [tls]}
        configs:
          tls: {file: ./server.key}
        """,
        "rw-r--r--");
    write("server.key", "-----BEGIN PRIVATE KEY-----\n", "rw-r--r--");

    CliRun run = CliRun.in(dir, "convert", "--name", "shop");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("compose.yaml: configs.tls.file: server.key holds key material")
        .doesNotContain("BEGIN PRIVATE KEY");
  }
}
