package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.KubernetesValidity;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  static List<HasMetadata> objects(String yaml) {
    return CliRun.objects(yaml);
  }

  static Deployment deployment(List<HasMetadata> objects, String name) {
    return objects.stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name))
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + objects));
  }

  static String image(List<HasMetadata> objects, String name) {
    return deployment(objects, name)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  @Test
  void printsValidObjectsOnStdoutAndExits0() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:80\"]\n");

    CliRun run = CliRun.in(dir, "render", "-f", "compose.yaml", "--name", "shop");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("---\n");
    List<HasMetadata> objects = objects(run.out());
    KubernetesValidity.assertValid(objects);
    assertThat(image(objects, "web")).isEqualTo("nginx:1.27");
    assertThat(deployment(objects, "web").getMetadata().getLabels())
        .containsEntry(Labels.PROJECT, "shop");
  }

  @Test
  void invalidFileIsOneLineOnStderrNothingOnStdoutExit1() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"abc\"]\n");

    CliRun run = CliRun.in(dir, "render", "--name", "shop");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("compose.yaml: services.web.ports[0]: ");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void invalidProjectNameIsAnErrorOfTheFlagAndMappedInTheFile() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n");

    CliRun run = CliRun.in(dir, "render", "-p", "My_Shop");
    // Compose allows "_" in name: (not in a DNS label): mapped by the naming rule, warned
    write("named.yaml", "name: my_shop\nservices:\n  web:\n    image: nginx\n");
    CliRun inFile = CliRun.in(dir, "render", "-f", "named.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("render: --name (-p): \"My_Shop\" is not a valid project name")
        .contains("for example \"my-shop\"");
    assertThat(inFile.exitCode()).isEqualTo(0);
    assertThat(inFile.err())
        .contains(
            "named.yaml: name: project name \"my_shop\" is not a DNS-1123 label (it is a label"
                + " value on every object); the project is named my-shop on Kubernetes");
    assertThat(inFile.out()).contains("app.kubernetes.io/part-of: \"my-shop\"");
  }

  @Test
  void aConfigFileMissingBesideStdinNamesTheDirectoryItWasLookedFor() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    String compose =
        "services:\n  web:\n    image: nginx\n    configs: [site]\n"
            + "configs:\n  site:\n    file: ./nginx.conf\n";

    CliRun run = CliRun.withStdin(elsewhere, compose, "convert", "-p", "shop", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("stdin: configs.site.file: nginx.conf: no such file in " + elsewhere)
        .contains("run the command in the project's directory, or give -f FILE");
  }

  @Test
  void projectNameComesFromTheFileThenTheDirectory() throws IOException {
    Path project = dir.resolve("My_App");
    Files.createDirectories(project);
    Files.writeString(project.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
    Files.writeString(
        dir.resolve("named.yaml"), "name: billing\nservices:\n  web:\n    image: nginx\n");

    CliRun fromDirectory = CliRun.in(project, "render");
    CliRun fromFile = CliRun.in(dir, "render", "-f", "named.yaml");
    CliRun fromFlag = CliRun.in(dir, "render", "-f", "named.yaml", "-p", "other");

    assertThat(project(fromDirectory)).isEqualTo("my-app");
    assertThat(project(fromFile)).isEqualTo("billing");
    assertThat(project(fromFlag)).isEqualTo("other");
  }

  private static String project(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return deployment(objects(run.out()), "web").getMetadata().getLabels().get(Labels.PROJECT);
  }

  @Test
  void variablesComeFromDotEnvThenEnvFlag() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:${TAG}
          api:
            image: api:${API_TAG:-none}
          path:
            image: path:${PATH:-unset}
        """);
    write(".env", "TAG=1.26\nAPI_TAG=2\n");
    write("prod.env", "TAG=1.25\n");

    List<HasMetadata> dotEnv = objects(CliRun.in(dir, "render", "--name", "x").out());
    List<HasMetadata> flag =
        objects(CliRun.in(dir, "render", "--name", "x", "--env", "TAG=1.27").out());
    List<HasMetadata> envFile =
        objects(CliRun.in(dir, "render", "--name", "x", "--env-file", "prod.env").out());

    assertThat(image(dotEnv, "web")).isEqualTo("nginx:1.26");
    assertThat(image(dotEnv, "api")).isEqualTo("api:2");
    assertThat(image(dotEnv, "path")).isEqualTo("path:unset");
    assertThat(image(flag, "web")).isEqualTo("nginx:1.27");
    assertThat(image(envFile, "web")).isEqualTo("nginx:1.25");
    assertThat(image(envFile, "api")).as("--env-file replaces .env").isEqualTo("api:none");
  }

  @Test
  void readsStdinWithDash() {
    CliRun run =
        CliRun.withStdin(
            dir, "services:\n  web:\n    image: nginx\n", "render", "-f", "-", "--name", "x");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(image(objects(run.out()), "web")).isEqualTo("nginx");
  }

  @Test
  void bindMountedFilesAndEnvFilesAreRead() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          proxy:
            image: nginx
            env_file: [proxy.env]
            volumes:
              - ./proxy/nginx.conf:/etc/nginx/conf.d/default.conf:ro
        """);
    write("proxy.env", "MODE=edge\n");
    write("proxy/nginx.conf", "server { listen 80; }\n");

    CliRun run = CliRun.in(dir, "render", "--name", "x");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = objects(run.out());
    KubernetesValidity.assertValid(objects);
    assertThat(
            objects.stream()
                .filter(ConfigMap.class::isInstance)
                .map(o -> ((ConfigMap) o).getData().values())
                .flatMap(java.util.Collection::stream))
        .contains("server { listen 80; }\n");
    assertThat(deployment(objects, "proxy").getSpec().getTemplate().getSpec().getContainers())
        .flatMap(c -> c.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("MODE");
              assertThat(env.getValue()).isEqualTo("edge");
            });
  }

  @Test
  void buildOnlyServiceTakesItsImageFromTheImageFlag() throws IOException {
    write("compose.yaml", "services:\n  api:\n    build: .\n");

    CliRun run = CliRun.in(dir, "render", "--name", "x", "--image", "api=registry/api:1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(image(objects(run.out()), "api")).isEqualTo("registry/api:1");
  }

  @Test
  void warningsGoToStderrAsFilePathMessage() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    user: www-data\n");

    CliRun run = CliRun.in(dir, "render", "--name", "x");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines()).isNotEmpty().allMatch(l -> l.startsWith("compose.yaml: "));
    assertThat(run.err()).contains("services.web.user");
  }

  @Test
  void composeProjectInputIsRenderedFromItsSpec() throws IOException {
    write(
        "project.yaml",
        """
        apiVersion: composeoperator.io/v1alpha1
        kind: ComposeProject
        metadata:
          name: shop
        spec:
          compose: |
            services:
              api:
                build: .
          images:
            api: registry/api:2
        """);

    CliRun run = CliRun.in(dir, "render", "-f", "project.yaml", "--namespace", "prod");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Deployment api = deployment(objects(run.out()), "api");
    assertThat(api.getMetadata().getNamespace()).isEqualTo("prod");
    assertThat(api.getMetadata().getLabels()).containsEntry(Labels.PROJECT, "shop");
  }

  @Test
  void everyIndependentErrorOfTheFileIsReportedInOneRunSortedByPath() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx
            imagee: nginx:1.27
            ports: 80
            stop_grace_period: soon
        """);

    CliRun run = CliRun.in(dir, "render", "--name", "x");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .hasSize(3)
        .satisfiesExactly(
            line ->
                assertThat(line).isEqualTo("compose.yaml: services.web: unknown key \"imagee\""),
            line -> assertThat(line).startsWith("compose.yaml: services.web.ports: "),
            line -> assertThat(line).startsWith("compose.yaml: services.web.stop_grace_period: "));
  }

  @Test
  void aSecretFileSaysTheSecretMustBeCreatedAndWhenMissingThatItMustExistInTheCluster()
      throws IOException {
    write(
        "compose.yaml",
        "services:\n  web:\n    image: nginx:1.27\n    secrets: [token, other]\n"
            + "secrets:\n  token:\n    file: ./token.txt\n  other:\n    file: other.txt\n");
    write("other.txt", "s3cret\n");

    CliRun run = CliRun.in(dir, "render", "-p", "shop", "-n", "demo");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains(
            "compose.yaml: secrets.token: its file token.txt does not exist here; the Secret token"
                + " must exist in the cluster before the pods can start: create it where the file"
                + " is, with kubectl create secret generic token --from-file=token=token.txt -n"
                + " demo")
        .contains(
            "compose.yaml: secrets.other: create the Secret before applying: kubectl create secret"
                + " generic other --from-file=other=other.txt -n demo")
        .doesNotContain("s3cret");
    assertThat(run.out()).doesNotContain("s3cret");
  }
}
