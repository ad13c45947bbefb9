package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.BuildConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainersTest {

  private static ProjectOptions withImages(Map<String, String> images) {
    return new ProjectOptions(
        "test", null, images, List.of(), null, Map.of(), Map.of(), null, null, null, null);
  }

  @Test
  void buildOnlyServiceTakesItsImageFromSpecImagesWithAWarning() {
    ServiceContext ctx =
        TestModels.context(
            io.composeoperator.compose.model.ServiceConfig.builder("api")
                .image(img -> img.withBuild(new BuildConfig(".", null, null)))
                .build(),
            withImages(Map.of("api", "registry.example.com/api:1.4")));

    assertThat(Containers.image(ctx)).isEqualTo("registry.example.com/api:1.4");
    assertThat(ctx.warnings().toList().get(0).toString())
        .isEqualTo(
            "services.api.build: build: is ignored on a cluster; using image"
                + " registry.example.com/api:1.4 from spec.images");
  }

  @Test
  void buildOnlyServiceRunsTheImageDockerComposeBuildsForItPulledOnlyWhenMissing() {
    ServiceContext ctx =
        TestModels.context(
            io.composeoperator.compose.model.ServiceConfig.builder("API_v2")
                .image(img -> img.withBuild(new BuildConfig(".", null, null)))
                .build());

    String image = Containers.image(ctx);

    assertThat(image).isEqualTo("test-api_v2");
    assertThat(Containers.pullPolicy(ctx, image))
        .as("an image loaded into the nodes (kind load) is used, never pulled over")
        .isEqualTo("IfNotPresent");
    assertThat(ctx.warnings().toList().get(0).toString())
        .startsWith(
            "services.API_v2.build: build: is not run on a cluster; the service runs test-api_v2,"
                + " the image docker compose builds for it")
        .contains("kind load docker-image test-api_v2")
        .endsWith("give its reference as spec.images.API_v2 (--image API_v2=REF)");
  }

  @Test
  void aServiceNameThatIsNoImageNameComponentIsMappedByTheNamingRule() {
    ServiceContext ctx =
        TestModels.context(
            io.composeoperator.compose.model.ServiceConfig.builder("web.-x")
                .image(img -> img.withBuild(new BuildConfig(".", null, null)))
                .build());

    assertThat(Containers.image(ctx)).isEqualTo("test-web--x");
  }

  @Test
  void serviceWithNeitherImageNorBuildIsAnError() {
    ServiceContext ctx =
        TestModels.context(io.composeoperator.compose.model.ServiceConfig.builder("api").build());

    assertThatThrownBy(() -> Containers.image(ctx))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("spec.images.api")
        .hasMessageContaining("--image api=REF");
  }

  @Test
  void pullPolicyFollowsComposeRules() {
    ServiceContext missing = TestModels.context(TestModels.service("a").build());
    assertThat(Containers.pullPolicy(missing, "nginx")).isEqualTo("Always");
    assertThat(Containers.pullPolicy(missing, "nginx:latest")).isEqualTo("Always");
    assertThat(Containers.pullPolicy(missing, "localhost:5000/nginx")).isEqualTo("Always");
    assertThat(Containers.pullPolicy(missing, "nginx:1.27")).isEqualTo("IfNotPresent");
    assertThat(Containers.pullPolicy(missing, "nginx@sha256:abc")).isEqualTo("IfNotPresent");
    ServiceContext never =
        TestModels.context(
            TestModels.service("a").image(img -> img.withPullPolicy("never")).build());
    assertThat(Containers.pullPolicy(never, "nginx")).isEqualTo("Never");
    ServiceContext daily =
        TestModels.context(
            TestModels.service("a").image(img -> img.withPullPolicy("daily")).build());
    assertThat(Containers.pullPolicy(daily, "nginx")).isEqualTo("IfNotPresent");
    assertThat(daily.warnings().toList()).hasSize(1);
  }

  @Test
  void portsFromPortsAndExposeAreUniqueAndValidlyNamed() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .ports(
                    List.of(
                        new ServicePortConfig(
                            "http", 80, 8080, false, null, "tcp", "ingress", null),
                        new ServicePortConfig(
                            "a-name-that-is-too-long",
                            443,
                            8443,
                            false,
                            null,
                            "tcp",
                            "ingress",
                            null)))
                .expose(
                    List.of(
                        ServicePortConfig.internal(80, "tcp"),
                        ServicePortConfig.internal(53, "udp")))
                .build());

    assertThat(Containers.ports(ctx))
        .containsExactly(
            new ContainerPortBuilder()
                .withName("http")
                .withContainerPort(80)
                .withProtocol("TCP")
                .build(),
            new ContainerPortBuilder().withContainerPort(443).withProtocol("TCP").build(),
            new ContainerPortBuilder().withContainerPort(53).withProtocol("UDP").build());
    // the name is warned about once, by the Service's port (ServicePorts)
    assertThat(ctx.warnings().toList()).isEmpty();
  }

  @Test
  void aBadPortNameIsWarnedOnceWhenRenderedAtTheEntryTheFileWrote() {
    // the range before it expands to two ports: the message still names the user's entry
    Translation translation =
        Renderer.render(
            io.composeoperator.compose.ComposeSource.of(
                "compose.yaml",
                "services:\n  web:\n    image: nginx:1.27\n"
                    + "    ports: [\"9000-9001:9000-9001\","
                    + " {name: Bad_Name, target: 80, published: 8080}]\n"),
            ProjectOptions.defaults("p"));

    assertThat(translation.warnings())
        .extracting(Object::toString)
        .filteredOn(w -> w.contains("Bad_Name"))
        .containsExactly(
            "services.web.ports[1].name: port name \"Bad_Name\" is not a valid Kubernetes port name (at"
                + " most 15 characters of a-z, 0-9 and '-', with a letter) or is used twice; using"
                + " \"tcp-80\" for the Service's port");
  }
}
