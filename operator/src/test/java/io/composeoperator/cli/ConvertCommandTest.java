package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static ComposeProject project(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Serialization.unmarshal(run.out(), ComposeProject.class);
  }

  @Test
  void shipsIncludedAndExtendedFilesSoTheOperatorCanLoadThem() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - db/compose.yaml
        services:
          web:
            extends: {file: base.yaml, service: base}
            depends_on: [db]
        """);
    write("db/compose.yaml", "services:\n  db:\n    image: postgres:16\n");
    write("base.yaml", "services:\n  base:\n    image: nginx:1.27\n");
    write("notes.yaml", "not referenced\n");

    ComposeProject project = project(CliRun.in(dir, "convert", "--name", "shop"));

    assertThat(project.getSpec().getFiles()).containsOnlyKeys("base.yaml", "db/compose.yaml");
    var objects =
        Renderer.render(
                RenderCommand.sourceOf(project.getSpec()),
                SpecOptions.from("shop", null, project.getSpec(), null))
            .objects();
    assertThat(objects)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .contains("Deployment/db", "Deployment/web");
  }

  @Test
  void recordsTheComposeFilesNameSoTheOperatorsObjectsNameItAsRenderDoes() throws IOException {
    write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");

    ComposeProject project = project(CliRun.in(dir, "convert", "--name", "shop"));
    CliRun render = CliRun.in(dir, "render", "--name", "shop");

    assertThat(project.getSpec().getComposeFileName()).isEqualTo("docker-compose.yml");
    var objects =
        Renderer.render(
                RenderCommand.sourceOf(project.getSpec()),
                SpecOptions.from("shop", null, project.getSpec(), null))
            .objects();
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getAnnotations())
                    .containsEntry(Labels.COMPOSE_FILE, "docker-compose.yml"));
    assertThat(render.out()).isEqualTo(YamlOutput.of(objects));

    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
    Files.delete(dir.resolve("docker-compose.yml"));
    assertThat(project(CliRun.in(dir, "convert")).getSpec().getComposeFileName())
        .as("the default name is not recorded")
        .isNull();
  }

  @Test
  void aProjectNameWithAnUnderscoreIsTheComposeProjectsNameByTheNamingRule() throws IOException {
    write("compose.yaml", "name: my_shop\nservices:\n  web:\n    image: nginx:1.27\n");

    CliRun run = CliRun.in(dir, "convert");
    ComposeProject project = project(run);

    assertThat(project.getMetadata().getName()).isEqualTo("my-shop");
    assertThat(run.err()).contains("the project is named my-shop on Kubernetes");
  }

  @Test
  void carriesTheFileVerbatimWithFilesVariablesAndProfiles() throws IOException {
    String compose =
        """
        services:
          web:
            image: nginx:${TAG}   # the tag comes from .env
            env_file: web.env
            volumes:
              - ./site:/usr/share/nginx/html:ro
          debug:
            image: busybox
            profiles: [debug]
        configs:
          app:
            file: ./app.conf
        """;
    write("compose.yaml", compose);
    write(".env", "TAG=1.27\n");
    write("web.env", "A=1\n");
    write("app.conf", "debug=false\n");
    write("site/index.html", "<h1>hi</h1>\n");
    write("unrelated.txt", "not referenced\n");

    ComposeProject project =
        project(
            CliRun.in(
                dir,
                "convert",
                "--name",
                "shop",
                "-n",
                "prod",
                "--profile",
                "debug",
                "--env",
                "X=1"));

    assertThat(project.getApiVersion()).isEqualTo("composeoperator.io/v1alpha1");
    assertThat(project.getKind()).isEqualTo("ComposeProject");
    assertThat(project.getMetadata().getName()).isEqualTo("shop");
    assertThat(project.getMetadata().getNamespace()).isEqualTo("prod");
    ComposeProjectSpec spec = project.getSpec();
    assertThat(spec.getCompose()).isEqualTo(compose);
    assertThat(spec.getVariables()).isEqualTo(Map.of("TAG", "1.27", "X", "1"));
    assertThat(spec.getProfiles()).containsExactly("debug");
    assertThat(spec.getFiles())
        .isEqualTo(
            Map.of(
                "web.env", "A=1\n",
                "app.conf", "debug=false\n",
                "site/index.html", "<h1>hi</h1>\n"));
    assertThat(project.getStatus()).isNull();
  }

  @Test
  void secretFilesAreNeverShippedAndTheKubectlCommandGoesToStderr() {
    Path corpus = CORPUS.resolve("nginx-golang-postgres");

    CliRun run =
        CliRun.in(corpus, "convert", "--namespace", "demo", "--image", "backend=registry/b:1");

    ComposeProject project = project(run);
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("proxy/nginx.conf");
    assertThat(run.out()).doesNotContain(readUnchecked(corpus.resolve("db/password.txt")).strip());
    assertThat(run.err())
        .contains(
            "compose.yaml: secrets.db-password: create the Secret before applying: kubectl"
                + " create secret generic db-password --from-file=db-password=db/password.txt"
                + " -n demo");
  }

  private static String readUnchecked(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void alreadyAComposeProjectIsRefused() throws IOException {
    write(
        "p.yaml",
        "apiVersion: composeoperator.io/v1alpha1\nkind: ComposeProject\nmetadata: {name: a}\n"
            + "spec: {compose: 'services: {}'}\n");

    CliRun run = CliRun.in(dir, "convert", "-f", "p.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("p.yaml: is already a ComposeProject" + System.lineSeparator());
  }

  /**
   * README, "Command line": render of a file and the operator given convert's output produce the
   * same objects. The operator's side is what the reconciler does with a ComposeProject:
   * SpecOptions.from and a ComposeSource from the spec, then Renderer.render.
   */
  @Test
  void renderAndTheOperatorGivenConvertsOutputProduceTheSameObjects() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:${TAG}
            env_file: [web.env]
            ports: ["8080:80"]
            volumes:
              - ./nginx.conf:/etc/nginx/nginx.conf:ro
              - ./html:/usr/share/nginx/html
              - data:/data
            configs: [app]
        configs:
          app:
            file: app.conf
        volumes:
          data:
        """);
    write(".env", "TAG=1.27\n");
    write("web.env", "A=1\n");
    write("nginx.conf", "events {}\n");
    write("html/index.html", "hi\n");
    write("app.conf", "k=v\n");
    List<Path> projects = new ArrayList<>(List.of(dir));
    try (var corpus = Files.list(CORPUS)) {
      corpus.filter(Files::isDirectory).sorted().forEach(projects::add);
    }

    for (Path project : projects) {
      String[] flags = {
        "--name",
        "same",
        "--namespace",
        "ns",
        "--image",
        "api=i/api:1",
        "--image",
        "web=i/web:1",
        "--image",
        "backend=i/backend:1"
      };
      CliRun render = CliRun.in(project, concat("render", flags));
      CliRun convert = CliRun.in(project, concat("convert", flags));
      assertThat(render.exitCode()).as(project + ": " + render.err()).isZero();

      ComposeProject resource = project(convert);
      String operator =
          YamlOutput.of(
              Renderer.render(
                      RenderCommand.sourceOf(resource.getSpec()),
                      SpecOptions.from(
                          resource.getMetadata().getName(),
                          resource.getMetadata().getNamespace(),
                          resource.getSpec(),
                          null))
                  .objects());
      assertThat(operator).as(project.toString()).isEqualTo(render.out());
    }
  }

  private static String[] concat(String command, String[] flags) {
    String[] all = new String[flags.length + 1];
    all[0] = command;
    System.arraycopy(flags, 0, all, 1, flags.length);
    return all;
  }
}
