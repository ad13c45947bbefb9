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
    assertThat(model.services().get("db").build().context()).isEqualTo("./db/image");
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
  void sameResourceInTwoFilesIsAnError() {
    assertThatThrownBy(
            () -> loadWithFiles("include: [db/compose.yaml]\nservices: {db: {image: y}}", FILES))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: include[0]: services.db is defined both here and in the included db/compose.yaml");
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
            "compose.yaml: include[0].env_file: is not supported: included files share the project"
                + " directory and the project's variables");
  }
}
