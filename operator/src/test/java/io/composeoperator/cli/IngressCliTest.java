package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.KubernetesValidity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} of a file written for kompose: its Ingress labels, through the real Main. */
class IngressCliTest {
  @TempDir Path dir;

  @Test
  void renderPrintsTheIngressOfKomposeLabelsAndWarnsOnlyAboutServicesWithoutOne()
      throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: nginx:1.27
            ports: ["8080:80"]
            labels:
              kompose.service.expose: shop.example.com/store
              kompose.service.expose.tls-secret: shop-tls
              kompose.controller.type: statefulset
          admin:
            image: nginx:1.27
            ports: ["9090:80"]
        """);

    CliRun run = CliRun.in(dir, "render", "-f", "compose.yaml", "--name", "shop");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    KubernetesValidity.assertValid(objects);
    List<Ingress> ingresses =
        objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
    assertThat(ingresses).hasSize(1);
    Ingress ingress = ingresses.get(0);
    assertThat(ingress.getMetadata().getName()).isEqualTo("web");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("shop.example.com");
    var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/store");
    assertThat(path.getBackend().getService().getName()).isEqualTo("web-published");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("shop-tls");

    assertThat(run.err())
        .contains(
            "compose.yaml: services.web.labels.kompose.controller.type: the kompose label is not"
                + " honoured")
        .contains("services.admin.ports: published ports stay ClusterIP")
        .doesNotContain("services.web.ports: published ports stay ClusterIP");
  }

  @Test
  void anInvalidIngressBlockIsAnErrorWithoutAStackTrace() throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services: {web: {image: nginx, ports: ['80:80'], x-kubernetes: {ingress: {path: api}}}}");

    CliRun run = CliRun.in(dir, "render", "-f", "compose.yaml");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains("compose.yaml: services.web.x-kubernetes.ingress.path: \"api\" is not a URL path")
        .doesNotContain("Exception");
  }
}
