package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.HealthCheckConfig;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InitContainersTest {

  private static ComposeModel webWithDependencies(TreeMap<String, ServiceDependency> deps) {
    return TestModels.project()
        .service(
            TestModels.service("db")
                .healthcheck(TestModels.healthcheck(HealthCheckConfig.Kind.CMD, "pg_isready"))
                .build())
        .service(TestModels.service("migrate").build())
        .service(TestModels.service("cache").build())
        .service(TestModels.service("web").dependsOn(deps).build())
        .build();
  }

  @Test
  void oneWaitContainerPerBlockingDependency() {
    TreeMap<String, ServiceDependency> deps = new TreeMap<>();
    deps.put("db", new ServiceDependency(Condition.SERVICE_HEALTHY, true, false, false));
    deps.put(
        "migrate",
        new ServiceDependency(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true, false, false));
    deps.put("cache", new ServiceDependency(Condition.SERVICE_STARTED, false, false, false));
    ServiceContext ctx =
        TestModels.context(webWithDependencies(deps), "web", ProjectOptions.defaults("shop"));

    List<Container> containers = InitContainers.waitContainers(ctx);

    assertThat(containers)
        .extracting(Container::getName)
        .containsExactly("wait-for-db", "wait-for-migrate");
    assertThat(containers.get(0))
        .isEqualTo(
            new ContainerBuilder()
                .withName("wait-for-db")
                .withImage(ProjectOptions.DEFAULT_WAIT_IMAGE)
                .withArgs("wait", "--project", "shop", "--for", "healthy", "db")
                .addNewEnv()
                .withName("POD_NAMESPACE")
                .withNewValueFrom()
                .withNewFieldRef()
                .withApiVersion("v1")
                .withFieldPath("metadata.namespace")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .withSecurityContext(SecurityContexts.hardened())
                .addNewVolumeMount()
                .withName("wait-token")
                .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
                .withReadOnly(true)
                .endVolumeMount()
                .build());
    assertThat(containers.get(1).getArgs()).contains("completed");
  }

  @Test
  void hardenedWaitContainersComplyWithRestricted() {
    var sc = SecurityContexts.hardened();

    assertThat(sc.getRunAsNonRoot()).isTrue();
    assertThat(sc.getRunAsUser()).isEqualTo(65532L);
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void waitTokenVolumeProjectsTokenCaAndNamespace() {
    var projected = InitContainers.waitTokenVolume().getProjected();

    assertThat(projected.getSources()).hasSize(3);
    assertThat(projected.getSources().get(0).getServiceAccountToken().getPath()).isEqualTo("token");
    assertThat(projected.getSources().get(1).getConfigMap().getName())
        .isEqualTo("kube-root-ca.crt");
    assertThat(projected.getSources().get(2).getDownwardAPI().getItems().get(0).getPath())
        .isEqualTo("namespace");
  }

  @Test
  void namedVolumeIsSeededFromTheImageWithShAndCpA() {
    ServiceVolumeConfig mount =
        new ServiceVolumeConfig(
            "volume", "modules", "/app/node_modules", false, false, null, null, null, false, null);
    ComposeModel model =
        TestModels.project()
            .volume("modules")
            .service(
                TestModels.service("app")
                    .image(ImageConfig.of("node:20"))
                    .volumes(List.of(mount))
                    .build())
            .build();
    ServiceContext ctx = TestModels.context(model, "app");
    PodVolumes.PodStorage storage = PodVolumes.forService(ctx);

    List<Container> seeds =
        InitContainers.seedContainers(
            ctx, "node:20", storage.seeds(), new io.fabric8.kubernetes.api.model.SecurityContext());

    assertThat(seeds).hasSize(1);
    Container seed = seeds.get(0);
    assertThat(seed.getName()).isEqualTo("seed-modules");
    assertThat(seed.getImage()).isEqualTo("node:20");
    assertThat(seed.getCommand()).startsWith("/bin/sh", "-c");
    assertThat(seed.getCommand().get(2))
        .contains("[ -e /compose-seed/.data.seeded ] && exit 0")
        .contains("cp -a '/app/node_modules' /compose-seed/.data.seeding")
        .contains("mv /compose-seed/.data.seeding /compose-seed/data")
        .doesNotContainPattern("(?<!\\$)\\$\\(");
    assertThat(seed.getVolumeMounts().get(0).getMountPath()).isEqualTo("/compose-seed");
    assertThat(seed.getVolumeMounts().get(0).getSubPath()).isNull();
    assertThat(seed.getSecurityContext().getRunAsUser()).isZero();
  }

  @Test
  void distrolessImagesAreNotSeededAndWarned() {
    ServiceContext ctx = TestModels.context(TestModels.service("app").build());

    List<Container> seeds =
        InitContainers.seedContainers(
            ctx,
            "gcr.io/distroless/static:nonroot",
            List.of(PodVolumes.Seed.image("v", "vol-v", "data", "/data")),
            new io.fabric8.kubernetes.api.model.SecurityContext());

    assertThat(seeds).isEmpty();
    assertThat(ctx.warnings().toList()).hasSize(1);
  }

  @Test
  void shellQuotingSurvivesQuotesInPaths() {
    assertThat(InitContainers.quote("/it's")).isEqualTo("'/it'\\''s'");
  }

  @Test
  void waitContainerNeverTakesTheMainContainersName() {
    TreeMap<String, ServiceDependency> deps = new TreeMap<>();
    deps.put("db", new ServiceDependency(Condition.SERVICE_STARTED, true, false, false));
    ComposeModel model =
        TestModels.project()
            .service(TestModels.service("db").build())
            .service(TestModels.service("wait-for-db").dependsOn(deps).build())
            .build();

    List<Container> containers =
        InitContainers.waitContainers(TestModels.context(model, "wait-for-db"));

    assertThat(containers).extracting(Container::getName).containsExactly("wait-for-db-2");
  }
}
