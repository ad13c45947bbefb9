package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.loadWithFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.ServiceConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFileTest {

  @Test
  void labelFilesAreReadLikeEnvFilesAndLabelsWinOverThem() {
    LoadResult result =
        loadWithFiles(
            """
            services:
              web:
                image: nginx:1.27
                label_file: [./app.labels, extra.labels]
                labels:
                  tier: front
            """,
            Map.of(
                "app.labels",
                "# team labels\ncom.example.team=shop\ntier=back\n",
                "extra.labels",
                "com.example.team=web\ncom.example.quoted=\"a b\"\n"));

    ServiceConfig web = result.model().services().get("web");
    assertThat(web.metadata().labels())
        .containsExactly(
            Map.entry("com.example.quoted", "a b"),
            Map.entry("com.example.team", "web"),
            Map.entry("tier", "front"));
    assertThat(web.unmodelledKeys()).isEmpty();
  }

  @Test
  void aSingleLabelFileMayBeAString() {
    ServiceConfig web =
        loadWithFiles(
                "services:\n  web:\n    image: nginx:1.27\n    label_file: app.labels\n",
                Map.of("app.labels", "a=1\n"))
            .model()
            .services()
            .get("web");

    assertThat(web.metadata().labels()).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void aMissingLabelFileIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                loadWithFiles(
                    "services:\n  web:\n    image: nginx:1.27\n    label_file: app.labels\n",
                    Map.of()))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.label_file: label file \"app.labels\" was not provided:"
                + " put it into spec.files (operator) or beside the compose file (CLI)");
  }
}
