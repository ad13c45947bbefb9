package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtendsTest {

  private static final String BASE =
      """
      services:
        base:
          image: app:1
          command: [serve, --port, "80"]
          environment: {A: base, B: base}
          labels: [tier=back, team=a]
          ports: ["8080:80"]
          volumes: ["data:/data", "./conf:/conf"]
          healthcheck: {test: [CMD, check], interval: 10s}
          deploy: {resources: {limits: {memory: 128m}}}
      """;

  @Test
  void childInheritsAndOverridesScalars() {
    ServiceConfig web =
        service(BASE + "  web:\n    extends: base\n    image: app:2\nvolumes: {data: {}}\n", "web");
    assertThat(web.image().reference()).isEqualTo("app:2");
    assertThat(web.process().command()).containsExactly("serve", "--port", "80");
    assertThat(web.healthcheck().interval()).hasSeconds(10);
    assertThat(web.resources().memoryLimit().bytes()).isEqualTo(128L << 20);
  }

  @Test
  void environmentAndLabelsMergeByKey() {
    ServiceConfig web =
        service(
            BASE
                + "  web:\n    extends: {service: base}\n    environment: [B=child, C=child]\n    labels: {team: b}\nvolumes: {data: {}}\n",
            "web");
    assertThat(web.environment())
        .containsExactly(EnvVar.of("A", "base"), EnvVar.of("B", "child"), EnvVar.of("C", "child"));
    assertThat(web.metadata().labels())
        .containsExactly(Map.entry("team", "b"), Map.entry("tier", "back"));
  }

  @Test
  void commandIsReplacedNotMerged() {
    ServiceConfig web =
        service(BASE + "  web:\n    extends: base\n    command: run\nvolumes: {data: {}}\n", "web");
    assertThat(web.process().command()).containsExactly("run");
  }

  @Test
  void volumesMergeByTargetAndPortsByAddressTargetAndProtocol() {
    ServiceConfig web =
        service(
            BASE
                + "  web:\n    extends: base\n    volumes: [\"./other:/data\"]\n"
                + "    ports: [{target: 80, published: \"8080\", protocol: tcp}, \"9090:90\", \"8081:80\"]\n"
                + "volumes: {data: {}}\n",
            "web");
    assertThat(web.volumes())
        .extracting(ServiceVolumeConfig::source, ServiceVolumeConfig::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("other", "/data"),
            org.assertj.core.groups.Tuple.tuple("conf", "/conf"));
    assertThat(web.ports())
        .extracting(ServicePortConfig::published, ServicePortConfig::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(8080, 80),
            org.assertj.core.groups.Tuple.tuple(9090, 90),
            org.assertj.core.groups.Tuple.tuple(8081, 80));
  }

  @Test
  void secretsMergeByEffectiveTarget() {
    ServiceConfig web =
        service(
            """
            services:
              base: {image: x, secrets: [db, api]}
              web:
                extends: base
                secrets: [{source: db, mode: 0400}, {source: api, target: /etc/api}]
            secrets:
              db: {file: db.txt}
              api: {file: api.txt}
            """,
            "web");
    assertThat(web.secrets())
        .extracting(f -> f.target() + " " + f.mode())
        .containsExactly("/run/secrets/db 256", "/run/secrets/api null", "/etc/api null");
  }

  @Test
  void resetTagRemovesInheritedValue() {
    ServiceConfig web =
        service(
            BASE
                + "  web:\n    extends: base\n    ports: !reset []\n    healthcheck: !reset {}\nvolumes: {data: {}}\n",
            "web");
    assertThat(web.ports()).isEmpty();
    assertThat(web.healthcheck()).isNull();
  }

  @Test
  void overrideTagReplacesInsteadOfMerging() {
    ServiceConfig web =
        service(
            BASE
                + "  web:\n    extends: base\n    environment: !override {C: only}\nvolumes: {data: {}}\n",
            "web");
    assertThat(web.environment()).containsExactly(EnvVar.of("C", "only"));
  }

  @Test
  void chainsAreFollowed() {
    ServiceConfig c =
        service(
            """
            services:
              a: {image: a, user: "1"}
              b: {extends: a, hostname: b}
              c: {extends: b, working_dir: /c}
            """,
            "c");
    assertThat(c.image().reference()).isEqualTo("a");
    assertThat(c.security().user()).isEqualTo("1");
    assertThat(c.dns().hostname()).isEqualTo("b");
    assertThat(c.process().workingDir()).isEqualTo("/c");
  }

  @Test
  void cycleIsAnError() {
    assertError(
        """
        services:
          a: {image: x, extends: b}
          b: {extends: a}
        """,
        "compose.yaml: services.b.extends: extends cycle: a -> b -> a");
  }

  @Test
  void missingBaseIsAnError() {
    assertError(
        "services: {web: {extends: nothere}}",
        "compose.yaml: services.web.extends: service \"nothere\" is not defined");
  }

  @Test
  void extendsFromAnotherProjectFile() {
    String yaml =
        "services: {web: {extends: {file: common/base.yaml, service: app}, hostname: web}}";
    Map<String, String> files =
        Map.of(
            "./common/base.yaml",
            "services: {app: {image: shared, env_file: app.env}}",
            "common/app.env",
            "K=v\n");
    ServiceConfig web = Loading.loadWithFiles(yaml, files).model().services().get("web");
    assertThat(web.image().reference()).isEqualTo("shared");
    assertThat(web.dns().hostname()).isEqualTo("web");
    assertThat(web.environment()).containsExactly(EnvVar.of("K", "v"));
  }

  @Test
  void extendsFromMissingFileIsAnError() {
    assertError(
        "services: {web: {extends: {file: other.yaml, service: app}}}",
        "compose.yaml: services.web.extends: file \"other.yaml\" was not provided: put it into"
            + " spec.files (operator) or beside the compose file (CLI)");
  }

  @Test
  void unknownExtendsKeyIsAnError() {
    assertError(
        "services: {a: {image: x}, web: {extends: {service: a, files: x}}}",
        "compose.yaml: services.web.extends: unknown key \"files\"");
  }
}
