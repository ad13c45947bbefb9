package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.HealthCheckConfig;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServicePortConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every Compose file of the corpus and checks a few facts per file. */
class CorpusTest {

  private static LoadResult corpus(String name) {
    try {
      Path dir = Path.of(CorpusTest.class.getResource("/corpus/" + name).toURI());
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          String rel = dir.relativize(p).toString();
          if (!rel.equals("compose.yaml")) {
            files.put("./" + rel, Files.readString(p, StandardCharsets.UTF_8));
          }
        }
      }
      String text = Files.readString(dir.resolve("compose.yaml"), StandardCharsets.UTF_8);
      return ComposeLoader.load(
          new ComposeSource("compose.yaml", text, files, Variables.NONE, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyCorpusFileLoads() throws Exception {
    Path root = Path.of(CorpusTest.class.getResource("/corpus").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      List<String> names =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(8);
      for (String name : names) {
        assertThat(corpus(name).model().services()).as(name).isNotEmpty();
      }
    }
  }

  @Test
  void apiPostgresRedisWaitsForHealthyDatabase() {
    ComposeModel model = corpus("api-postgres-redis").model();
    assertThat(model.services().get("api").dependsOn())
        .containsEntry(
            "db",
            new ServiceDependency(ServiceDependency.Condition.SERVICE_HEALTHY, true, false, false))
        .containsEntry(
            "cache",
            new ServiceDependency(ServiceDependency.Condition.SERVICE_STARTED, true, false, false));
    HealthCheckConfig hc = model.services().get("db").healthcheck();
    assertThat(hc.kind()).isEqualTo(HealthCheckConfig.Kind.SHELL);
    assertThat(hc.test()).containsExactly("pg_isready -U app");
    assertThat(hc.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(hc.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(hc.retries()).isEqualTo(5);
    assertThat(hc.startInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(model.services().get("api").volumes().get(0))
        .isEqualTo(
            new ServiceVolumeConfig(
                "bind", ".", "/app", false, false, null, null, null, false, "cached"));
    assertThat(model.services().get("api").unmodelledKeys())
        .containsExactly("services.api.develop");
    assertThat(model.volumes()).containsOnlyKeys("node_modules", "pgdata", "redisdata");
  }

  @Test
  void webDbCacheWarnsAboutVersionAndUsesListForms() {
    LoadResult result = corpus("web-db-cache");
    assertThat(result.warnings())
        .contains(new Warning("version", "the top-level version key is obsolete and ignored"));
    var web = result.model().services().get("web");
    assertThat(web.environment())
        .containsExactly(
            EnvVar.of("DATABASE_URL", "postgres://user:pass@db:5432/myapp"),
            EnvVar.of("REDIS_URL", "redis://cache:6379"));
    assertThat(web.dependsOn()).containsOnlyKeys("cache", "db");
    assertThat(web.image().build().context()).isEqualTo(".");
    assertThat(web.image().reference()).isNull();
  }

  @Test
  void devNodeModulesMountsSourceAndNamedVolume() {
    var api = corpus("dev-node-modules").model().services().get("api");
    assertThat(api.volumes())
        .extracting(
            ServiceVolumeConfig::type, ServiceVolumeConfig::source, ServiceVolumeConfig::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bind", ".", "/app"),
            org.assertj.core.groups.Tuple.tuple("volume", "node_modules", "/app/node_modules"));
  }

  @Test
  void giteaPublishesAndExposes() {
    ComposeModel model = corpus("gitea-postgres").model();
    assertThat(model.services().get("gitea").ports())
        .containsExactly(
            new ServicePortConfig(null, 3000, 3000, false, null, "tcp", "ingress", null));
    assertThat(model.services().get("db").expose())
        .containsExactly(ServicePortConfig.internal(5432, "tcp"));
    assertThat(model.services().get("db").restart().kind()).isEqualTo(RestartPolicy.Kind.ALWAYS);
    assertThat(model.networks().get("default").implicit()).isTrue();
  }

  @Test
  void nextcloudJoinsDeclaredNetworksAndSplitsCommand() {
    ComposeModel model = corpus("nextcloud-redis-mariadb").model();
    assertThat(model.services().get("nc").networks()).containsOnlyKeys("dbnet", "redisnet");
    assertThat(model.networks()).containsOnlyKeys("dbnet", "redisnet");
    assertThat(model.services().get("db").process().command())
        .containsExactly("--transaction-isolation=READ-COMMITTED", "--binlog-format=ROW");
  }

  @Test
  void nginxGolangPostgresReadsSecretsAndBindFile() {
    ComposeModel model = corpus("nginx-golang-postgres").model();
    assertThat(model.secrets().get("db-password").file()).isEqualTo("db/password.txt");
    assertThat(model.services().get("db").secrets().get(0).target())
        .isEqualTo("/run/secrets/db-password");
    assertThat(model.services().get("proxy").volumes().get(0).source())
        .isEqualTo("proxy/nginx.conf");
    assertThat(model.services().get("proxy").volumes().get(0).readOnly()).isTrue();
    assertThat(model.services().get("backend").image().build().target()).isEqualTo("builder");
    assertThat(model.files()).containsKeys("db/password.txt", "proxy/nginx.conf");
    assertThat(model.services().get("db").healthcheck().test()).containsExactly("pg_isready");
  }

  @Test
  void prometheusGrafanaKeepsCommandListAndRestartPolicy() {
    ComposeModel model = corpus("prometheus-grafana").model();
    var prometheus = model.services().get("prometheus");
    assertThat(prometheus.process().command())
        .containsExactly("--config.file=/etc/prometheus/prometheus.yml");
    assertThat(prometheus.dns().containerName()).isEqualTo("prometheus");
    assertThat(prometheus.restart().kind()).isEqualTo(RestartPolicy.Kind.UNLESS_STOPPED);
    assertThat(prometheus.volumes().get(0).source()).isEqualTo("prometheus");
    assertThat(model.files()).containsKey("prometheus/prometheus.yml");
  }

  @Test
  void wordpressMysqlKeepsQuotedCommandAsOneWord() {
    ComposeModel model = corpus("wordpress-mysql").model();
    assertThat(model.services().get("db").process().command())
        .containsExactly("--default-authentication-plugin=mysql_native_password");
    assertThat(model.services().get("db").expose())
        .containsExactly(
            ServicePortConfig.internal(3306, "tcp"), ServicePortConfig.internal(33060, "tcp"));
    assertThat(model.services().get("wordpress").ports().get(0).published()).isEqualTo(80);
  }
}
