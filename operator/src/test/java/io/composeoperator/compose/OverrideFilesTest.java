package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several Compose files merged as {@code docker compose -f a -f b} merges them. */
class OverrideFilesTest {

  private static final String BASE =
      """
      name: shop
      services:
        web:
          image: shop/web:1
          command: [serve, --port, "80"]
          environment: {LOG: info, MODE: dev}
          ports: ["8080:80", "9090:90"]
          volumes: ["data:/data", "./conf:/etc/web"]
          labels: [tier=front]
        worker:
          image: shop/worker:1
          depends_on: [web]
        debug:
          image: busybox
      volumes:
        data: {labels: {backup: daily}}
      """;

  private static ComposeModel load(String... overrides) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    List<String> order = new java.util.ArrayList<>();
    for (int i = 0; i < overrides.length; i++) {
      files.put("override" + i + ".yaml", overrides[i]);
      order.add("override" + i + ".yaml");
    }
    files.put("conf/web.conf", "listen 80;\n");
    return ComposeLoader.load(
            new ComposeSource("compose.yaml", BASE, files, Variables.NONE, List.of(), order))
        .model();
  }

  @Test
  void mappingsMergeByKeyAndScalarsAndCommandsAreReplaced() {
    ServiceConfig web =
        load("""
                services:
                  web:
                    image: shop/web:2
                    command: [serve, --port, "81"]
                    environment: [MODE=prod, REPLICA=1]
                    labels: {team: shop}
                """)
            .services()
            .get("web");

    assertThat(web.image().reference()).isEqualTo("shop/web:2");
    assertThat(web.process().command()).containsExactly("serve", "--port", "81");
    assertThat(web.environment())
        .containsExactly(
            EnvVar.of("LOG", "info"), EnvVar.of("MODE", "prod"), EnvVar.of("REPLICA", "1"));
    assertThat(web.metadata().labels())
        .containsEntry("tier", "front")
        .containsEntry("team", "shop");
  }

  @Test
  void portsAndVolumesMergeByTheirKey() {
    ServiceConfig web =
        load("""
                services:
                  web:
                    ports: ["8080:80", "7070:70"]
                    volumes: [{type: volume, source: data, target: /data, read_only: true}]
                """)
            .services()
            .get("web");

    assertThat(web.ports()).extracting(ServicePortConfig::target).containsExactly(80, 90, 70);
    assertThat(web.volumes())
        .extracting(ServiceVolumeConfig::target, ServiceVolumeConfig::readOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/data", true),
            org.assertj.core.groups.Tuple.tuple("/etc/web", false));
  }

  @Test
  void resetRemovesAndOverrideReplaces() {
    ComposeModel model =
        load(
            """
            services:
              web:
                ports: !reset []
                environment: !override {ONLY: this}
              debug: !reset
            """);

    ServiceConfig web = model.services().get("web");
    assertThat(web.ports()).isEmpty();
    assertThat(web.environment()).containsExactly(EnvVar.of("ONLY", "this"));
    assertThat(model.services()).containsOnlyKeys("web", "worker");
  }

  @Test
  void laterFilesWinAndAddServicesAndTopLevelEntries() {
    ComposeModel model =
        load(
            "name: shop-staging\nservices:\n  cache:\n    image: redis:7\n",
            "services:\n  cache:\n    image: redis:7.2\nvolumes:\n  data: {labels: {tier: db}}\n");

    assertThat(model.name()).isEqualTo("shop-staging");
    assertThat(model.services()).containsOnlyKeys("web", "worker", "debug", "cache");
    assertThat(model.services().get("cache").image().reference()).isEqualTo("redis:7.2");
    assertThat(model.volumes().get("data").labels())
        .containsEntry("backup", "daily")
        .containsEntry("tier", "db");
  }

  @Test
  void aMisspeltKeyIsReportedInTheFileThatHasIt() {
    assertThatThrownBy(() -> load("services:\n  web:\n    imagee: x\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessage("override0.yaml: services.web: unknown key \"imagee\"");
  }

  @Test
  void aMissingOverrideFileNamesTheSetting() {
    assertThatThrownBy(
            () ->
                ComposeLoader.load(
                    new ComposeSource(
                        "compose.yaml",
                        BASE,
                        Map.of("conf/web.conf", "x"),
                        Variables.NONE,
                        List.of(),
                        List.of("prod.yaml"))))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("overrideFiles")
        .hasMessageContaining("prod.yaml");
  }
}
