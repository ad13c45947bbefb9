package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.loadWithFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.EnvVar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncludeTest {

  private static final Map<String, String> FILES =
      Map.of(
          "db/compose.yaml",
          """
          services:
            db:
              image: postgres
              env_file: [{path: db.env}]
              build: ./image
              volumes: ["data:/var/lib/postgresql/data", "./init:/docker-entrypoint-initdb.d"]
              secrets: [pw]
          volumes:
            data:
          secrets:
            pw: {file: pw.txt}
          """,
          "db/db.env",
          "POSTGRES_DB=app\n");

  @Test
  void includedResourcesJoinTheProjectWithProjectRelativePaths() {
    ComposeModel model =
        loadWithFiles(
                "include: [db/compose.yaml]\nservices: {web: {image: x, depends_on: [db]}}", FILES)
            .model();
    assertThat(model.services()).containsOnlyKeys("db", "web");
    assertThat(model.services().get("db").environment())
        .containsExactly(EnvVar.of("POSTGRES_DB", "app"));
    assertThat(model.services().get("db").volumes().get(1).source()).isEqualTo("db/init");
    assertThat(model.services().get("db").image().build().context()).isEqualTo("./db/image");
    assertThat(model.volumes()).containsOnlyKeys("data");
    assertThat(model.secrets().get("pw").file()).isEqualTo("db/pw.txt");
  }

  @Test
  void longFormWithPathList() {
    assertThat(
            loadWithFiles("include: [{path: [./db/compose.yaml]}]\nservices: {}", FILES)
                .model()
                .services())
        .containsOnlyKeys("db");
  }

  @Test
  void sameResourceDefinedDifferentlyInTwoFilesIsAnError() {
    assertThatThrownBy(
            () -> loadWithFiles("include: [db/compose.yaml]\nservices: {db: {image: y}}", FILES))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: include[0]: services.db is defined both here and in the included"
                + " db/compose.yaml, differently");
  }

  @Test
  void sameResourceDefinedAlikeInTwoIncludedFilesIsAccepted() {
    Map<String, String> files =
        Map.of(
            "a.yaml", "services: {a: {image: a}}\nnetworks: {shared: {driver: bridge}}\n",
            "b.yaml", "services: {b: {image: b}}\nnetworks: {shared: {driver: bridge}}\n");
    ComposeModel model = loadWithFiles("include: [a.yaml, b.yaml]\nservices: {}", files).model();
    assertThat(model.services()).containsOnlyKeys("a", "b");
    assertThat(model.networks()).containsKey("shared");
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "include: [a.yaml, c.yaml]\nservices: {}",
                    Map.of(
                        "a.yaml",
                        files.get("a.yaml"),
                        "c.yaml",
                        "services: {c: {image: c}}\nnetworks: {shared: {internal: true}}\n")))
        .hasMessageContaining("networks.shared is defined both here and in the included")
        .hasMessageEndingWith(", differently");
  }

  @Test
  void missingIncludedFileIsAnError() {
    assertThatThrownBy(() -> loadWithFiles("include: [other.yaml]\nservices: {}", Map.of()))
        .hasMessage(
            "compose.yaml: include[0]: file \"other.yaml\" was not provided: put it into spec.files"
                + " (operator) or beside the compose file (CLI)");
  }

  @Test
  void includeCycleIsAnError() {
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "include: [a.yaml]\nservices: {}",
                    Map.of("a.yaml", "include: [b.yaml]", "b.yaml", "include: [a.yaml]")))
        .hasMessage("compose.yaml: include[0]: include cycle through \"a.yaml\"");
  }

  @Test
  void includeWithItsOwnEnvFileIsRefused() {
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "include: [{path: db/compose.yaml, env_file: db/.env}]\nservices: {}", FILES))
        .hasMessage(
            "compose.yaml: include[0].env_file: is not supported: variables come only from the"
                + " project (spec.variables, spec.variablesFrom; the CLI's .env and shell)");
  }

  private static final Map<String, String> NESTED =
      Map.of(
          "dir/included.yaml",
          """
          services:
            api:
              extends: {file: extended.yaml, service: base}
              env_file: api.env
              volumes: ["./conf/app.conf:/etc/app.conf:ro"]
          """,
          "dir/extended.yaml",
          """
          services:
            base:
              image: busybox:1.36
              build: ./image
              command: ["sleep", "1"]
              env_file: base.env
          """,
          "dir/api.env",
          "A=1\n",
          "dir/base.env",
          "B=2\nA=0\n",
          "other/worker.yaml",
          "services:\n  worker:\n    image: busybox:1.36\n    env_file: api.env\n");

  @Test
  void anIncludedFilesExtendsFileAndPathsAreRelativeToItsOwnDirectory() {
    ComposeModel model =
        loadWithFiles("include: [dir/included.yaml]\nservices: {}", NESTED).model();

    var api = model.services().get("api");
    assertThat(api.image().reference()).isEqualTo("busybox:1.36");
    assertThat(api.process().command()).containsExactly("sleep", "1");
    assertThat(api.image().build().context()).isEqualTo("./dir/image");
    // env_file merges as a list (compose-go mergeToSequence): the base's file, then the child's
    assertThat(api.environment()).containsExactly(EnvVar.of("B", "2"), EnvVar.of("A", "1"));
    assertThat(api.volumes().get(0).source()).isEqualTo("dir/conf/app.conf");
  }

  @Test
  void projectDirectoryIsWhatAnIncludedFilesRelativePathsAreRelativeTo() {
    ComposeModel model =
        loadWithFiles(
                "include: [{path: other/worker.yaml, project_directory: dir}]\nservices: {}",
                NESTED)
            .model();

    assertThat(model.services().get("worker").environment()).containsExactly(EnvVar.of("A", "1"));
  }

  @Test
  void anAbsoluteProjectDirectoryIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "include: [{path: other/worker.yaml, project_directory: /srv}]\nservices: {}",
                    NESTED))
        .hasMessage(
            "compose.yaml: include[0].project_directory: \"/srv\" is outside the project: give a"
                + " directory relative to the including file's");
  }
}
