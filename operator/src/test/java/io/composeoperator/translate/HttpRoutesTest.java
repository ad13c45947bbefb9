package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpRoutes}: the HTTPRoute of {@code x-kubernetes.httpRoute}. */
class HttpRoutesTest {

  private static Translation render(String yaml) {
    Translation translation =
        Renderer.render(
            ComposeSource.of("compose.yaml", yaml),
            new ProjectOptions(
                "shop", "team", Map.of(), List.of(), null, Map.of(), Map.of(), null, null, null,
                null));
    KubernetesValidity.assertValid(translation.objects());
    return translation;
  }

  private static <T extends HasMetadata> List<T> of(Translation t, Class<T> kind) {
    return t.objects().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static HTTPBackendRef backend(HTTPRoute route) {
    return route.getSpec().getRules().get(0).getBackendRefs().get(0);
  }

  @Test
  void routeGoesToThePublishedServiceWithEveryDefaultWrittenOut() {
    Translation t =
        render(
            """
            services:
              web:
                image: nginx
                ports: ["53:53/udp", "8080:80", "8443:443"]
                x-kubernetes:
                  httpRoute:
                    parentRefs: [{name: public, namespace: gateways, sectionName: https}]
                    hostnames: web.example.com
                    path: /shop
            """);
    HTTPRoute expected =
        new HTTPRouteBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("team")
            .withLabels(Labels.forService("shop", "web"))
            .withAnnotations(
                Map.of(Labels.COMPOSE_SERVICE, "web", Labels.COMPOSE_FILE, "compose.yaml"))
            .endMetadata()
            .withNewSpec()
            .addNewParentRef()
            .withGroup("gateway.networking.k8s.io")
            .withKind("Gateway")
            .withName("public")
            .withNamespace("gateways")
            .withSectionName("https")
            .endParentRef()
            .withHostnames("web.example.com")
            .addNewRule()
            .addNewMatch()
            .withNewPath()
            .withType("PathPrefix")
            .withValue("/shop")
            .endPath()
            .endMatch()
            .addNewBackendRef()
            .withGroup("")
            .withKind("Service")
            .withName("web-published")
            .withPort(8080)
            .withWeight(1)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build();

    assertThat(of(t, HTTPRoute.class)).containsExactly(expected);
    assertThat(expected.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
  }

  @Test
  void routeAndIngressPickTheSameBackend() {
    Translation t =
        render(
            "services: {web: {image: nginx, ports: ['8080:80', '9090:90'], x-kubernetes:"
                + " {ingress: {port: 9090}, httpRoute: {parentRefs: gw, port: 9090}}}}");
    Ingress ingress = of(t, Ingress.class).get(0);
    HTTPBackendRef route = backend(of(t, HTTPRoute.class).get(0));
    var ingressBackend =
        ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();

    assertThat(route.getName()).isEqualTo(ingressBackend.getName()).isEqualTo("web-published");
    assertThat(route.getPort()).isEqualTo(ingressBackend.getPort().getNumber()).isEqualTo(9090);
  }

  @Test
  void withoutHostnamesTheRouteTakesTheListenersHosts() {
    HTTPRoute route =
        of(
                render(
                    "services: {web: {image: nginx, ports: ['80'], x-kubernetes: {httpRoute:"
                        + " {parentRefs: gw}}}}"),
                HTTPRoute.class)
            .get(0);
    assertThat(route.getSpec().getHostnames()).isNullOrEmpty();
    assertThat(route.getSpec().getRules().get(0).getMatches().get(0).getPath().getValue())
        .isEqualTo("/");
  }

  @Test
  void serviceThatPublishesNothingIsReachedThroughItsHeadlessService() {
    Translation t =
        render(
            """
            services:
              api:
                image: traefik/whoami
                expose: ["8000"]
                x-kubernetes: {httpRoute: {parentRefs: gw}}
                networks: [front]
            networks: {front: {}}
            """);
    HTTPBackendRef backend = backend(of(t, HTTPRoute.class).get(0));
    assertThat(backend.getName()).isEqualTo("api");
    assertThat(backend.getPort()).isEqualTo(8000);
    // the Gateway, in its own namespace, may reach the container port
    NetworkPolicy policy = of(t, NetworkPolicy.class).get(0);
    assertThat(policy.getSpec().getIngress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getFrom()).isNullOrEmpty();
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8000));
            });
  }

  @Test
  void ingressAndRouteToDifferentContainerPortsOpenBoth() {
    Translation t =
        render(
            """
            services:
              api:
                image: example/api
                expose: ["8000", "9000"]
                x-kubernetes: {ingress: {port: 8000}, httpRoute: {parentRefs: gw, port: 9000}}
                networks: [front]
            networks: {front: {}}
            """);
    NetworkPolicy policy = of(t, NetworkPolicy.class).get(0);
    assertThat(policy.getSpec().getIngress())
        .anySatisfy(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(p -> p.getPort().getIntVal())
                    .containsExactly(8000, 9000));
  }

  @Test
  void noTcpPortMeansNoRouteAndAWarning() {
    Translation t =
        render(
            "services: {dns: {image: coredns, ports: ['53:53/udp'],"
                + " x-kubernetes: {httpRoute: {parentRefs: gw}}}}");
    assertThat(of(t, HTTPRoute.class)).isEmpty();
    assertThat(t.warnings().stream().map(Object::toString))
        .contains(
            "services.dns.x-kubernetes.httpRoute: no HTTPRoute is created: service dns declares no"
                + " TCP port to route to; publish its HTTP port under ports (or list it under"
                + " expose)");
  }

  @Test
  void aPortTheServiceDoesNotHaveIsAnError() {
    assertThatThrownBy(
            () ->
                render(
                    "services: {web: {image: nginx, ports: ['8080:80'],"
                        + " x-kubernetes: {httpRoute: {parentRefs: gw, port: 9999}}}}"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.x-kubernetes.httpRoute.port: port 9999 is not a TCP port"
                + " of service web (published: 8080; container: 80)");
  }
}
