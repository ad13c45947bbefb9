package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ServicePortConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

  private static List<ServicePortConfig> ports(String list) {
    return service("services: {web: {image: nginx, ports: " + list + "}}", "web").ports();
  }

  private static ServicePortConfig port(
      String name, int target, Integer published, boolean random, String ip, String protocol) {
    return new ServicePortConfig(name, target, published, random, ip, protocol, "ingress", null);
  }

  @Test
  void containerPortAlonePublishesOnRandomPort() {
    assertThat(ports("[8080, \"3000\"]"))
        .containsExactly(
            port(null, 8080, null, true, null, "tcp"), port(null, 3000, null, true, null, "tcp"));
  }

  @Test
  void hostAndContainerPort() {
    assertThat(ports("[\"8080:80\", 22:22]"))
        .containsExactly(
            port(null, 80, 8080, false, null, "tcp"), port(null, 22, 22, false, null, "tcp"));
  }

  @Test
  void hostIpAndProtocol() {
    assertThat(ports("[\"127.0.0.1:5353:53/udp\"]"))
        .containsExactly(port(null, 53, 5353, false, "127.0.0.1", "udp"));
    assertThat(ports("[\"127.0.0.1:5353:53/udp\"]").get(0).isLoopbackOnly()).isTrue();
  }

  @Test
  void ipWithEmptyHostPortIsRandom() {
    assertThat(ports("[\"127.0.0.1::80\"]"))
        .containsExactly(port(null, 80, null, true, "127.0.0.1", "tcp"));
  }

  @Test
  void bracketedIpv6Address() {
    assertThat(ports("[\"[::1]:8080:80\"]"))
        .containsExactly(port(null, 80, 8080, false, "::1", "tcp"));
  }

  @Test
  void rangesAreExpanded() {
    assertThat(ports("[\"9000-9002:8000-8002\"]"))
        .containsExactly(
            port(null, 8000, 9000, false, null, "tcp"),
            port(null, 8001, 9001, false, null, "tcp"),
            port(null, 8002, 9002, false, null, "tcp"));
    assertThat(ports("[\"8000-8001\"]"))
        .containsExactly(
            port(null, 8000, null, true, null, "tcp"), port(null, 8001, null, true, null, "tcp"));
  }

  @Test
  void rangesOfDifferentSizeAreAnError() {
    assertError(
        "services: {web: {image: nginx, ports: [\"9000-9001:8000-8002\"]}}",
        "compose.yaml: services.web.ports[0]: \"9000-9001:8000-8002\": the published range and the"
            + " container range differ in size");
  }

  @Test
  void longSyntaxKeepsEveryField() {
    assertThat(
            ports(
                """
                [{name: web, target: 80, published: "8080", host_ip: 0.0.0.0, protocol: TCP, mode: host, app_protocol: http}]
                """))
        .containsExactly(
            new ServicePortConfig("web", 80, 8080, false, "0.0.0.0", "tcp", "host", "http"));
  }

  @Test
  void longSyntaxWithoutPublishedIsRandom() {
    assertThat(ports("[{target: 80}]")).containsExactly(port(null, 80, null, true, null, "tcp"));
  }

  @Test
  void longSyntaxPublishedRange() {
    assertThat(ports("[{target: 80, published: \"8080-8081\"}]"))
        .containsExactly(port(null, 80, 8080, false, null, "tcp"));
  }

  @Test
  void notAPortIsAnError() {
    assertError(
        "services: {web: {image: nginx, ports: [\"abc\"]}}",
        "compose.yaml: services.web.ports[0]: \"abc\" is not a port");
    assertError(
        "services: {web: {image: nginx, ports: [\"70000:80\"]}}",
        "compose.yaml: services.web.ports[0]: \"70000:80\" is not a port (ports are 1 to 65535)");
    assertError(
        "services: {web: {image: nginx, ports: [\"80/icmp\"]}}",
        "compose.yaml: services.web.ports[0]: \"icmp\" is not a protocol (tcp, udp or sctp)");
  }

  @Test
  void unknownLongSyntaxKeyIsAnError() {
    assertError(
        "services: {web: {image: nginx, ports: [{target: 80, publish: 8080}]}}",
        "compose.yaml: services.web.ports[0]: unknown key \"publish\"");
  }

  @Test
  void exposeKeepsTargetAndProtocol() {
    assertThat(
            service(
                    "services: {web: {image: nginx, expose: [3306, \"53/udp\", \"7000-7001\"]}}",
                    "web")
                .expose())
        .containsExactly(
            ServicePortConfig.internal(3306, "tcp"),
            ServicePortConfig.internal(53, "udp"),
            ServicePortConfig.internal(7000, "tcp"),
            ServicePortConfig.internal(7001, "tcp"));
  }

  @Test
  void portsMustBeAList() {
    assertThat(load("services: {web: {image: nginx}}").model().services().get("web").ports())
        .isEmpty();
    assertError(
        "services: {web: {image: nginx, ports: \"80:80\"}}",
        "compose.yaml: services.web.ports: must be a list, not the string \"80:80\"");
  }
}
