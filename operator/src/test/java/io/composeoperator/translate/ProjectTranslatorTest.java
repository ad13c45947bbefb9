package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
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
}
