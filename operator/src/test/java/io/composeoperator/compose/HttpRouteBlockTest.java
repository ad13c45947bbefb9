package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.HttpRouteConfig;
import io.composeoperator.compose.model.HttpRouteConfig.ParentRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code x-kubernetes.httpRoute} ({@link KubernetesExtensions}). */
class HttpRouteBlockTest {

  private static HttpRouteConfig route(String block) {
    LoadResult result =
        load(
            "services: {web: {image: x, ports: ['80:8080'], x-kubernetes: {httpRoute: "
                + block
                + "}}}");
    assertThat(result.warnings()).isEmpty();
    return result.model().services().get("web").kubernetes().httpRoute();
  }

  private static void assertRefused(String block, String message) {
    assertThatThrownBy(
            () -> load("services: {web: {image: x, x-kubernetes: {httpRoute: " + block + "}}}"))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith("compose.yaml: services.web.x-kubernetes.httpRoute" + message);
  }

  @Test
  void everyKeyIsRead() {
    assertThat(
            route(
                "{parentRefs: [{name: public, namespace: gateways, sectionName: https}, internal],"
                    + " hostnames: [a.example.com, '*.b.example.com'], path: /api, port: 80}"))
        .isEqualTo(
            new HttpRouteConfig(
                List.of(
                    new ParentRef("public", "gateways", "https"),
                    new ParentRef("internal", null, null)),
                List.of("a.example.com", "*.b.example.com"),
                "/api",
                80,
                "services.web.x-kubernetes.httpRoute"));
  }

  @Test
  void aPlainStringIsAGatewayNameAndDefaultsApply() {
    HttpRouteConfig route = route("{parentRefs: public, hostnames: shop.example.com}");

    assertThat(route.parentRefs()).containsExactly(new ParentRef("public", null, null));
    assertThat(route.hostnames()).containsExactly("shop.example.com");
    assertThat(route.pathPrefix()).isEqualTo("/");
    assertThat(route.port()).isNull();
  }

  @Test
  void aSingleMappingIsOneParent() {
    assertThat(route("{parentRefs: {name: public, sectionName: web}}").parentRefs())
        .containsExactly(new ParentRef("public", null, "web"));
  }

  @Test
  void withoutHostnamesTheListenersHostsApply() {
    assertThat(route("{parentRefs: [public]}").hostnames()).isEmpty();
  }

  @Test
  void aRouteNeedsAGateway() {
    assertRefused("{}", ".parentRefs: must name the Gateway the route attaches to");
    assertRefused("{parentRefs: []}", ".parentRefs: must name the Gateway the route attaches to");
    assertRefused("{parentRefs: [{namespace: gw}]}", ".parentRefs[0].name: must be set");
  }

  @Test
  void badNamesAreErrorsAtTheirPath() {
    assertRefused(
        "{parentRefs: [ok, Public_GW]}", ".parentRefs[1]: \"Public_GW\" is not a Gateway name");
    assertRefused(
        "{parentRefs: {name: gw, namespace: Team.A}}",
        ".parentRefs.namespace: \"Team.A\" is not a namespace name");
    assertRefused(
        "{parentRefs: [{name: gw, sectionName: 'https '}]}",
        ".parentRefs[0].sectionName: \"https \" is not a listener name");
    assertRefused("{parentRefs: [{name: gw, port: 443}]}", ".parentRefs[0]: unknown key \"port\"");
  }

  @Test
  void theSameGatewayTwiceNeedsDistinctSectionNames() {
    assertRefused(
        "{parentRefs: [gw, gw]}", ".parentRefs: names the same Gateway and sectionName twice");
    assertRefused(
        "{parentRefs: [gw, {name: gw, sectionName: https}]}",
        ".parentRefs: names Gateway \"gw\" more than once: each reference to it needs a"
            + " sectionName");
    assertThat(
            route("{parentRefs: [{name: gw, sectionName: http}, {name: gw, sectionName: https}]}")
                .parentRefs())
        .hasSize(2);
    assertThat(route("{parentRefs: [gw, {name: gw, namespace: other}]}").parentRefs()).hasSize(2);
  }

  @Test
  void hostnamesAreDnsNamesWithAnOptionalWildcard() {
    assertRefused(
        "{parentRefs: gw, hostnames: 10.0.0.1}", ".hostnames: \"10.0.0.1\" is not a host name");
    assertRefused(
        "{parentRefs: gw, hostnames: [ok.example, 'a.*.example']}",
        ".hostnames[1]: \"a.*.example\" is not a host name");
    assertRefused(
        "{parentRefs: gw, hostnames: [Shop.Example]}",
        ".hostnames[0]: \"Shop.Example\" is not a host name");
  }

  @Test
  void theGatewayApisLimitsAreChecked() {
    String seventeen =
        String.join(
            ", ",
            java.util.stream.IntStream.range(0, 17).mapToObj(i -> "h" + i + ".example").toList());
    assertRefused(
        "{parentRefs: gw, hostnames: [" + seventeen + "]}",
        ".hostnames: at most 16 host names, not 17");
    String thirtyThree =
        String.join(", ", java.util.stream.IntStream.range(0, 33).mapToObj(i -> "gw" + i).toList());
    assertRefused(
        "{parentRefs: [" + thirtyThree + "]}", ".parentRefs: at most 32 Gateways, not 33");
  }

  @Test
  void pathIsAnAbsolutePrefixTheGatewayApiAccepts() {
    assertRefused("{parentRefs: gw, path: api}", ".path: \"api\" is not a URL path prefix");
    assertRefused("{parentRefs: gw, path: '/a#b'}", ".path: \"/a#b\" is not a URL path prefix");
    assertRefused("{parentRefs: gw, path: /a//b}", ".path: \"/a//b\" is not a URL path prefix");
  }

  @Test
  void portAndUnknownKeys() {
    assertRefused("{parentRefs: gw, port: 0}", ".port: 0 is not a port (1-65535)");
    assertRefused("{parentRefs: gw, hostname: a.example}", ": unknown key \"hostname\"");
    assertThatThrownBy(
            () -> load("services: {web: {image: x, x-kubernetes: {httproute: {parentRefs: gw}}}}"))
        .hasMessage(
            "compose.yaml: services.web.x-kubernetes: unknown key \"httproute\" (known: expose,"
                + " httpRoute, ingress)");
  }
}
