package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Ingresses}, and the claim settings of kompose's labels in {@link Claims}. */
class IngressesTest {

  private static Translation render(String yaml) {
    Translation translation =
        Renderer.render(ComposeSource.of("compose.yaml", yaml), ProjectOptions.defaults("shop"));
    KubernetesValidity.assertValid(translation.objects());
    return translation;
  }

  private static <T extends HasMetadata> List<T> of(Translation t, Class<T> kind) {
    return t.objects().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static IngressServiceBackend backend(Ingress ingress) {
    return ingress
        .getSpec()
        .getRules()
        .get(0)
        .getHttp()
        .getPaths()
        .get(0)
        .getBackend()
        .getService();
  }

  private static List<String> warnings(Translation t) {
    return t.warnings().stream().map(Object::toString).toList();
  }

  @Test
  void ingressGoesToThePublishedServiceOnItsFirstPublishedTcpPort() {
    Translation t =
        render(
            """
            services:
              web:
                image: nginx
                ports: ["53:53/udp", "8080:80", "8443:443"]
                x-kubernetes: {ingress: {host: web.example.com, tlsSecret: web-tls}}
            """);
    Ingress expected =
        new IngressBuilder()
            .withNewMetadata()
            .withName("web")
            .withLabels(Labels.forService("shop", "web"))
            .withAnnotations(
                Map.of(Labels.COMPOSE_SERVICE, "web", Labels.COMPOSE_FILE, "compose.yaml"))
            .endMetadata()
            .withNewSpec()
            .addNewRule()
            .withHost("web.example.com")
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName("web-published")
            .withNewPort()
            .withNumber(8080)
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .addNewTl()
            .withHosts("web.example.com")
            .withSecretName("web-tls")
            .endTl()
            .endSpec()
            .build();
    assertThat(of(t, Ingress.class)).containsExactly(expected);
  }

  @Test
  void portChoosesAPublishedPortOrAContainerPort() {
    Translation published =
        render(
            "services: {web: {image: nginx, ports: ['8080:80', '8443:443'],"
                + " x-kubernetes: {ingress: {port: 8443}}}}");
    assertThat(backend(of(published, Ingress.class).get(0)).getPort().getNumber()).isEqualTo(8443);

    Translation container =
        render(
            "services: {web: {image: nginx, ports: ['8080:80'], expose: ['9000'],"
                + " x-kubernetes: {ingress: {port: 9000}}}}");
    IngressServiceBackend backend = backend(of(container, Ingress.class).get(0));
    assertThat(backend.getName()).isEqualTo("web");
    assertThat(backend.getPort().getNumber()).isEqualTo(9000);
  }

  @Test
  void serviceThatPublishesNothingIsReachedThroughItsHeadlessService() {
    Translation t =
        render(
            """
            services:
              whoami:
                image: traefik/whoami
                expose: ["80"]
                labels: {kompose.service.expose: whoami.example.com}
                networks: [front]
            networks: {front: {}}
            """);
    IngressServiceBackend backend = backend(of(t, Ingress.class).get(0));
    assertThat(backend.getName()).isEqualTo("whoami");
    assertThat(backend.getPort().getNumber()).isEqualTo(80);
    // the Ingress controller, in its own namespace, may reach the container port
    NetworkPolicy policy = of(t, NetworkPolicy.class).get(0);
    assertThat(policy.getSpec().getIngress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getFrom()).isNullOrEmpty();
              assertThat(rule.getPorts()).hasSize(1);
              assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(80);
            });
  }

  @Test
  void headlessServiceRoutesToTheContainerPort() {
    Translation t =
        render(
            "services: {web: {image: nginx, ports: ['8080:80'],"
                + " labels: {kompose.service.type: headless, kompose.service.expose: 'true'}}}");
    assertThat(t.objects().stream().map(o -> o.getMetadata().getName()))
        .doesNotContain("web-published");
    IngressServiceBackend backend = backend(of(t, Ingress.class).get(0));
    assertThat(backend.getName()).isEqualTo("web");
    assertThat(backend.getPort().getNumber()).isEqualTo(80);
    Ingress ingress = of(t, Ingress.class).get(0);
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isNull();
  }

  @Test
  void noTcpPortMeansNoIngressAndAWarning() {
    Translation t =
        render(
            "services: {dns: {image: coredns, ports: ['53:53/udp'],"
                + " x-kubernetes: {ingress: {host: dns.example.com}}}}");
    assertThat(of(t, Ingress.class)).isEmpty();
    assertThat(warnings(t))
        .contains(
            "services.dns.x-kubernetes.ingress: no Ingress is created: service dns declares no TCP"
                + " port to route to; publish its HTTP port under ports (or list it under"
                + " expose)");
  }

  @Test
  void aPortTheServiceDoesNotHaveIsAnError() {
    assertThatThrownBy(
            () ->
                render(
                    "services: {web: {image: nginx, ports: ['8080:80'],"
                        + " x-kubernetes: {ingress: {port: 9999}}}}"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.x-kubernetes.ingress.port: port 9999 is not a TCP port of"
                + " service web (published: 8080; container: 80)");
  }

  @Test
  void tlsWithoutHostsCoversTheDefaultCertificate() {
    Translation t =
        render(
            "services: {web: {image: nginx, ports: ['80:80'],"
                + " x-kubernetes: {ingress: {tlsSecret: wildcard}}}}");
    Ingress ingress = of(t, Ingress.class).get(0);
    assertThat(ingress.getSpec().getTls()).hasSize(1);
    assertThat(ingress.getSpec().getTls().get(0).getHosts()).isNullOrEmpty();
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("wildcard");
  }

  @Test
  void komposeVolumeLabelsOnServicesSizeTheirClaims() {
    Translation t =
        render(
            """
            services:
              a:
                image: x
                labels: {kompose.volume.size: 3Gi}
                volumes: [shared:/s]
              b:
                image: x
                labels: {kompose.volume.size: 5Gi, kompose.volume.storage-class-name: fast}
                volumes: [shared:/s, own:/o]
              c:
                image: x
                labels: {kompose.volume.size: 9Gi}
            volumes: {shared: {}, own: {}}
            """);
    List<PersistentVolumeClaim> claims = of(t, PersistentVolumeClaim.class);
    assertThat(claims).extracting(c -> c.getMetadata().getName()).containsExactly("own", "shared");
    assertThat(claims.get(0).getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("5Gi");
    assertThat(claims.get(0).getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(claims.get(1).getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("3Gi");
    assertThat(claims.get(1).getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(warnings(t))
        .contains(
            "services.b.labels.kompose.volume.size: ignored for volume shared:"
                + " services.a.labels.kompose.volume.size (3Gi) is read first",
            "services.c.labels: the kompose.volume.* labels have no effect: service c mounts no"
                + " named volume whose claim the project creates");
  }
}
