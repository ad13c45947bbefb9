package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProjectTranslatorTest {

  private static Translation translate(ComposeModel model) {
    return ProjectTranslator.translate(
        new LoadResult(model, List.of()), ProjectOptions.defaults("shop"));
  }

  private static TreeMap<String, ServiceDependency> completed(String service) {
    TreeMap<String, ServiceDependency> deps = new TreeMap<>();
    deps.put(
        service,
        new ServiceDependency(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true, false, false));
    return deps;
  }

  @Test
  void objectsAreSortedByKindThenName() {
    ServiceVolumeConfig data =
        new ServiceVolumeConfig(
            "volume", "data", "/data", false, false, null, null, null, false, null);
    ComposeModel model =
        TestModels.project()
            .volume("data")
            .service(TestModels.service("web").build())
            .service(TestModels.service("api").volumes(List.of(data)).build())
            .service(TestModels.service("migrate").build())
            .service(TestModels.service("zeta").dependsOn(completed("migrate")).build())
            .build();

    Translation translation = translate(model);

    assertThat(translation.objects())
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsSubsequence(
            "PersistentVolumeClaim/data",
            "Job/migrate",
            "Deployment/api",
            "Deployment/web",
            "Deployment/zeta");
    assertThat(translation.services())
        .extracting(Translation.ServiceSummary::workloadKind)
        .containsExactly("Deployment", "Job", "Deployment", "Deployment");
  }

  @Test
  void renamedServiceIsWarned() {
    Translation translation = translate(TestModels.of(TestModels.service("My_Web").build()));

    assertThat(translation.warnings())
        .contains(new Warning("services.My_Web", "service My_Web is named my-web on Kubernetes"));
    assertThat(translation.objects()).extracting(o -> o.getMetadata().getName()).contains("my-web");
  }

  @Test
  void servicesMappingToOneNameCollide() {
    ComposeModel model =
        TestModels.of(TestModels.service("my_web").build(), TestModels.service("my-web").build());

    assertThatThrownBy(() -> translate(model))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("Deployment/my-web");
  }

  @Test
  void completionDependencyThatRestartsIsAnErrorNamingBoth() {
    ComposeModel model =
        TestModels.project()
            .service(
                TestModels.service("migrate")
                    .restart(
                        new RestartPolicy(
                            RestartPolicy.Kind.ALWAYS, null, "services.migrate.restart"))
                    .build())
            .service(TestModels.service("web").dependsOn(completed("migrate")).build())
            .build();

    assertThatThrownBy(() -> translate(model))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("services.web.depends_on.migrate")
        .hasMessageContaining("service web waits for service migrate");
  }

  @Test
  void namespaceIsSetOnEveryObjectOnlyWhenGiven() {
    ComposeModel model = TestModels.of(TestModels.service("web").build());
    ProjectOptions namespaced =
        new ProjectOptions(
            "shop", "prod", Map.of(), List.of(), null, Map.of(), Map.of(), null, null, null, null);

    assertThat(translate(model).objects())
        .extracting(o -> o.getMetadata().getNamespace())
        .containsOnlyNulls();
    assertThat(ProjectTranslator.translate(new LoadResult(model, List.of()), namespaced).objects())
        .extracting(o -> o.getMetadata().getNamespace())
        .containsOnly("prod");
  }

  @Test
  void loaderWarningsAreKeptAndSecretsAreRequired() {
    ComposeModel model =
        TestModels.project()
            .secret("token")
            .service(
                TestModels.service("web")
                    .secrets(
                        List.of(
                            new io.composeoperator.compose.model.ServiceFileRef(
                                "token", "/run/secrets/token", null, null, null)))
                    .build())
            .build();
    Warning loaderWarning = new Warning("services.web.environment", "FOO is not set");

    Translation translation =
        ProjectTranslator.translate(
            new LoadResult(model, List.of(loaderWarning)), ProjectOptions.defaults("shop"));

    assertThat(translation.warnings()).contains(loaderWarning);
    assertThat(translation.requiredSecrets()).containsExactly("token");
  }

  @Test
  void translationIsDeterministic() {
    ComposeModel model =
        TestModels.of(TestModels.service("b").build(), TestModels.service("a").build());

    List<HasMetadata> first = translate(model).objects();
    List<HasMetadata> second = translate(model).objects();

    assertThat(io.fabric8.kubernetes.client.utils.Serialization.asYaml(first))
        .isEqualTo(io.fabric8.kubernetes.client.utils.Serialization.asYaml(second));
  }

  @Test
  void everyFeatureTogetherPassesTheApiServersRules() {
    ServiceVolumeConfig data =
        new ServiceVolumeConfig(
            "volume",
            "pgdata",
            "/var/lib/postgresql/data",
            false,
            false,
            null,
            null,
            null,
            false,
            null);
    ServiceVolumeConfig shared =
        new ServiceVolumeConfig(
            "volume", "pgdata", "/backup", true, false, null, null, null, false, null);
    ServiceVolumeConfig conf =
        new ServiceVolumeConfig(
            "bind",
            "nginx.conf",
            "/etc/nginx/nginx.conf",
            true,
            false,
            null,
            null,
            null,
            false,
            null);
    ServiceVolumeConfig tmp =
        new ServiceVolumeConfig(
            "tmpfs",
            null,
            "/tmp",
            false,
            false,
            null,
            new io.composeoperator.compose.model.ByteSize(1L << 26),
            null,
            false,
            null);
    TreeMap<String, ServiceDependency> webDeps = new TreeMap<>();
    webDeps.put("db", new ServiceDependency(Condition.SERVICE_HEALTHY, true, false, false));
    webDeps.put(
        "migrate",
        new ServiceDependency(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true, false, false));
    ComposeModel model =
        TestModels.project()
            .volume("pgdata")
            .secret("db_password")
            .file("nginx.conf", "events {}")
            .config(
                new io.composeoperator.compose.model.ConfigObjConfig(
                    "site", null, null, "hello", null, null, false))
            .service(
                TestModels.service("db")
                    .image(ImageConfig.of("postgres:16-alpine"))
                    .security(sec -> sec.user("70:70"))
                    .volumes(List.of(data))
                    .secrets(
                        List.of(
                            new io.composeoperator.compose.model.ServiceFileRef(
                                "db_password", "/run/secrets/db_password", null, null, 0400)))
                    .healthcheck(
                        new io.composeoperator.compose.model.HealthCheckConfig(
                            io.composeoperator.compose.model.HealthCheckConfig.Kind.SHELL,
                            List.of("pg_isready -U postgres"),
                            java.time.Duration.ofSeconds(5),
                            java.time.Duration.ofMillis(500),
                            java.time.Duration.ofSeconds(30),
                            java.time.Duration.ofSeconds(1),
                            5))
                    .resources(
                        new io.composeoperator.compose.model.ResourcesConfig(
                            1500L,
                            new io.composeoperator.compose.model.ByteSize(1L << 30),
                            250L,
                            new io.composeoperator.compose.model.ByteSize(256L << 20),
                            null,
                            false))
                    .ports(
                        List.of(
                            new io.composeoperator.compose.model.ServicePortConfig(
                                null, 5432, null, false, null, "tcp", null, null)))
                    .build())
            .service(TestModels.service("backup").volumes(List.of(shared)).build())
            .service(
                TestModels.service("migrate")
                    .restart(
                        new RestartPolicy(
                            RestartPolicy.Kind.ON_FAILURE, 3, "services.migrate.restart"))
                    .process(proc -> proc.command(List.of("sh", "-c", "migrate $(date)")))
                    .build())
            .service(
                TestModels.service("web")
                    .dependsOn(webDeps)
                    .volumes(List.of(conf, tmp))
                    .configs(
                        List.of(
                            new io.composeoperator.compose.model.ServiceFileRef(
                                "site", "/usr/share/nginx/html/index.html", null, null, null)))
                    .security(
                        sec ->
                            sec.capDrop(List.of("ALL"))
                                .capAdd(List.of("NET_BIND_SERVICE"))
                                .readOnly(true))
                    .shmSize(new io.composeoperator.compose.model.ByteSize(1L << 26))
                    .ports(
                        List.of(
                            new io.composeoperator.compose.model.ServicePortConfig(
                                "http", 80, 8080, false, null, "tcp", "ingress", null)))
                    .build())
            .build();

    Translation translation = translate(model);

    KubernetesValidity.assertValid(translation.objects());
    assertThat(translation.objects())
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .contains(
            "ConfigMap/site",
            "ConfigMap/web-files",
            "PersistentVolumeClaim/pgdata",
            "ServiceAccount/shop-wait",
            "Job/migrate");
    assertThat(translation.requiredSecrets()).containsExactly("db-password");
  }

  @Test
  void configNamedLikeAServicesFilesConfigMapCollides() {
    ServiceVolumeConfig conf =
        new ServiceVolumeConfig(
            "bind", "app.conf", "/etc/app.conf", false, false, null, null, null, false, null);
    ComposeModel model =
        TestModels.project()
            .file("app.conf", "x=1")
            .config(
                new io.composeoperator.compose.model.ConfigObjConfig(
                    "web-files", null, null, "y=2", null, null, false))
            .service(
                TestModels.service("web")
                    .volumes(List.of(conf))
                    .configs(
                        List.of(
                            new io.composeoperator.compose.model.ServiceFileRef(
                                "web-files", "/etc/other.conf", null, null, null)))
                    .build())
            .build();

    assertThatThrownBy(() -> translate(model))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("ConfigMap/web-files");
  }

  @Test
  void renamedSecretIsWarnedSoTheUserCreatesTheRightOne() {
    ComposeModel model =
        TestModels.project()
            .secret("db_password")
            .service(
                TestModels.service("db")
                    .secrets(
                        List.of(
                            new io.composeoperator.compose.model.ServiceFileRef(
                                "db_password", "/run/secrets/db_password", null, null, null)))
                    .build())
            .build();

    Translation translation = translate(model);

    assertThat(translation.requiredSecrets()).containsExactly("db-password");
    assertThat(translation.warnings())
        .contains(
            new Warning(
                "secrets.db_password",
                "secret db_password is the Secret db-password on Kubernetes (create it so)"));
  }
}
