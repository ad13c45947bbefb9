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

  /** The included file of the env_file tests: its image tag and port come from variables. */
  private static final String WEB =
      """
      services:
        web:
          image: "nginx:${TAG:-latest}"
          environment:
            PORT: "${PORT}"
      """;

  private static LoadResult loadWith(
      String yaml, Map<String, String> files, Map<String, String> variables) {
    return ComposeLoader.load(
        new ComposeSource(
            "compose.yaml", yaml, files, Variables.of(variables), java.util.List.of()));
  }

  @Test
  void includesEnvFileInterpolatesTheIncludedFileAndTheProjectsVariablesWin() {
    // compose-go loader/include.go: the including project's environment, merged with the env
    // file's variables that it does not define; the path is relative to the including file
    LoadResult result =
        loadWith(
            "include: [{path: web/compose.yaml, env_file: [web.env, web/more.env]}]\n"
                + "services: {}",
            Map.of(
                "web/compose.yaml", WEB,
                "web.env", "TAG=1.27\nPORT=80\n",
                "web/more.env", "PORT=${TAG}-8080\n"),
            Map.of("TAG", "1.26"));

    var web = result.model().services().get("web");
    assertThat(web.image().reference()).isEqualTo("nginx:1.26");
    // a later file wins over an earlier one, and reads the project's variables
    assertThat(web.environment()).extracting(EnvVar::value).containsExactly("1.26-8080");
    assertThat(result.filesRead()).contains("web.env", "web/more.env");
    assertThat(result.includeEnvFiles()).containsExactly("web.env", "web/more.env");
  }

  @Test
  void withoutEnvFileTheIncludedProjectsOwnDotEnvIsUsedWhenItIsThere() {
    LoadResult result =
        loadWith(
            "include: [web/compose.yaml]\nservices: {}",
            Map.of("web/compose.yaml", WEB, "web/.env", "TAG=1.27\nPORT=80\n"),
            Map.of());
    var web = result.model().services().get("web");
    assertThat(web.image().reference()).isEqualTo("nginx:1.27");
    assertThat(web.environment()).extracting(EnvVar::value).containsExactly("80");

    LoadResult without =
        loadWith(
            "include: [web/compose.yaml]\nservices: {}", Map.of("web/compose.yaml", WEB), Map.of());
    assertThat(without.model().services().get("web").image().reference()).isEqualTo("nginx:latest");
    assertThat(without.includeEnvFiles()).isEmpty();
  }

  @Test
  void aNestedIncludeInheritsTheEnclosingIncludesVariables() {
    LoadResult result =
        loadWith(
            "include: [{path: outer.yaml, env_file: outer.env}]\nservices: {}",
            Map.of(
                "outer.yaml", "include: [web/compose.yaml]\n",
                "outer.env", "TAG=1.25\n",
                "web/compose.yaml", WEB,
                "web/.env", "TAG=1.27\nPORT=81\n"),
            Map.of());
    var web = result.model().services().get("web");
    // the enclosing include's environment wins over the nested one's .env
    assertThat(web.image().reference()).isEqualTo("nginx:1.25");
    assertThat(web.environment()).extracting(EnvVar::value).containsExactly("81");
  }

  @Test
  void aMissingEnvFileOfAnIncludeIsAnError() {
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "include: [{path: db/compose.yaml, env_file: db/missing.env}]\nservices: {}",
                    FILES))
        .hasMessage(
            "compose.yaml: include[0].env_file: env file \"db/missing.env\" was not provided: put"
                + " it into spec.files (operator) or beside the compose file (CLI)");
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
