package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.IngressConfig;
import io.composeoperator.compose.model.IngressConfig.Rule;
import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code x-kubernetes.ingress} and kompose's labels read as aliases of {@code x-kubernetes} ({@link
 * KubernetesExtensions}).
 */
class KomposeLabelsTest {

  private static LoadResult web(String keys) {
    return load("services: {web: {image: x, ports: ['80:8080'], " + keys + "}}");
  }

  private static ServiceKubernetesConfig k8s(LoadResult result) {
    return result.model().services().get("web").kubernetes();
  }

  private static List<String> warnings(LoadResult result) {
    return result.warnings().stream().map(Warning::toString).toList();
  }

  @Test
  void ingressBlockIsRead() {
    LoadResult result =
        web(
            "x-kubernetes: {ingress: {host: [a.example.com, '*.b.example.com'], path: /api,"
                + " className: nginx, tlsSecret: web-tls, port: 80}}");
    assertThat(k8s(result).ingress())
        .isEqualTo(
            new IngressConfig(
                List.of(new Rule("a.example.com", "/api"), new Rule("*.b.example.com", "/api")),
                "nginx",
                "web-tls",
                80,
                "services.web.x-kubernetes.ingress"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void ingressWithoutHostMatchesEveryHostUnderSlash() {
    assertThat(k8s(web("x-kubernetes: {ingress: {}}")).ingress().rules())
        .containsExactly(new Rule(null, "/"));
  }

  @Test
  void badIngressBlockIsAnErrorNamingThePath() {
    assertError(
        "services: {web: {image: x, x-kubernetes: {ingress: {host: 10.0.0.1}}}}",
        "compose.yaml: services.web.x-kubernetes.ingress.host: \"10.0.0.1\" is not a host name"
            + " (lower-case letters, digits, '-' and '.', optionally starting with '*.'; not an IP"
            + " address)");
    assertError(
        "services: {web: {image: x, x-kubernetes: {ingress: {host: [ok.example, Bad_Host]}}}}",
        "compose.yaml: services.web.x-kubernetes.ingress.host[1]: \"Bad_Host\" is not a host name"
            + " (lower-case letters, digits, '-' and '.', optionally starting with '*.'; not an IP"
            + " address)");
    assertError(
        "services: {web: {image: x, x-kubernetes: {ingress: {path: api}}}}",
        "compose.yaml: services.web.x-kubernetes.ingress.path: \"api\" is not a URL path prefix"
            + " (it starts with '/' and has no spaces, '//', '/./' or '/../')");
    assertError(
        "services: {web: {image: x, x-kubernetes: {ingress: {port: 70000}}}}",
        "compose.yaml: services.web.x-kubernetes.ingress.port: 70000 is not a port (1-65535)");
    assertError(
        "services: {web: {image: x, x-kubernetes: {ingress: {hosts: a.example}}}}",
        "compose.yaml: services.web.x-kubernetes.ingress: unknown key \"hosts\"");
  }

  @Test
  void komposeExposeListsHostsWithOptionalPaths() {
    LoadResult result =
        web(
            "labels: {kompose.service.expose: ' Counter.Example.com , example.com/api,true',"
                + " kompose.service.expose.tls-secret: example-secret,"
                + " kompose.service.expose.ingress-class-name: nginx}");
    assertThat(k8s(result).ingress())
        .isEqualTo(
            new IngressConfig(
                List.of(
                    new Rule("counter.example.com", "/"),
                    new Rule("example.com", "/api"),
                    new Rule(null, "/")),
                "nginx",
                "example-secret",
                null,
                "services.web.labels.kompose.service.expose"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void komposeLabelsInListFormAreReadToo() {
    assertThat(k8s(web("labels: [kompose.service.expose=true, kompose.service.type=LoadBalancer]")))
        .isEqualTo(
            new ServiceKubernetesConfig(
                "LoadBalancer",
                new IngressConfig(
                    List.of(new Rule(null, "/")),
                    null,
                    null,
                    null,
                    "services.web.labels.kompose.service.expose"),
                null,
                null));
  }

  @Test
  void komposeServiceTypeMapsToExpose() {
    assertThat(k8s(web("labels: {kompose.service.type: nodeport}")).expose()).isEqualTo("NodePort");
    assertThat(k8s(web("labels: {kompose.service.type: ClusterIP}")).expose())
        .isEqualTo("ClusterIP");
    assertThat(k8s(web("labels: {kompose.service.type: headless}")).expose()).isEqualTo("Headless");
    LoadResult bad = web("labels: {kompose.service.type: ingress}");
    assertThat(k8s(bad)).isNull();
    assertThat(warnings(bad))
        .containsExactly(
            "services.web.labels.kompose.service.type: \"ingress\" is not nodeport, clusterip,"
                + " loadbalancer or headless; ignored (the project's spec.exposure applies)");
  }

  @Test
  void falseOrEmptyExposeAsksForNothing() {
    assertThat(k8s(web("labels: {kompose.service.expose: 'false'}"))).isNull();
    LoadResult orphan = web("labels: {kompose.service.expose.tls-secret: s}");
    assertThat(k8s(orphan)).isNull();
    assertThat(warnings(orphan))
        .containsExactly(
            "services.web.labels.kompose.service.expose.tls-secret: ignored:"
                + " kompose.service.expose is not set, so there is no Ingress");
  }

  @Test
  void unusableLabelValuesAreWarnedNotRefused() {
    LoadResult result =
        web(
            "labels: {kompose.service.expose: '{{ .values.dns }},ok.example.com/a//b,good.example'}");
    assertThat(k8s(result).ingress().rules()).containsExactly(new Rule("good.example", "/"));
    assertThat(warnings(result))
        .containsExactly(
            "services.web.labels.kompose.service.expose: \"{{ .values.dns }}\" is not a host name"
                + " (lower-case letters, digits, '-' and '.', optionally starting with '*.'; not an"
                + " IP address); this host is skipped",
            "services.web.labels.kompose.service.expose: \"/a//b\" is not a URL path prefix (it"
                + " starts with '/' and has no spaces, '//', '/./' or '/../'); this host is"
                + " skipped");
  }

  @Test
  void ourExtensionWinsOverKomposeLabelsWithAWarning() {
    LoadResult result =
        web(
            "labels: {kompose.service.type: loadbalancer, kompose.service.expose: a.example,"
                + " kompose.service.expose.ingress-class-name: nginx,"
                + " kompose.service.expose.tls-secret: label-tls},"
                + " x-kubernetes: {expose: NodePort, ingress: {host: b.example, className:"
                + " traefik}}");
    ServiceKubernetesConfig k8s = k8s(result);
    assertThat(k8s.expose()).isEqualTo("NodePort");
    assertThat(k8s.ingress().rules()).containsExactly(new Rule("b.example", "/"));
    assertThat(k8s.ingress().className()).isEqualTo("traefik");
    // a setting only the label makes is still taken
    assertThat(k8s.ingress().tlsSecret()).isEqualTo("label-tls");
    assertThat(warnings(result))
        .containsExactly(
            "services.web.labels.kompose.service.type: ignored: services.web.x-kubernetes.expose"
                + " (NodePort) wins over the kompose label (LoadBalancer)",
            "services.web.labels.kompose.service.expose: ignored:"
                + " services.web.x-kubernetes.ingress sets the Ingress's hosts and path, and wins"
                + " over the label",
            "services.web.labels.kompose.service.expose.ingress-class-name: ignored:"
                + " services.web.x-kubernetes.ingress.className (traefik) wins over the kompose"
                + " label (nginx)");
  }

  @Test
  void sameValueInBothIsNotWarned() {
    LoadResult result =
        web("labels: {kompose.service.type: nodeport}, x-kubernetes: {expose: NodePort}");
    assertThat(k8s(result).expose()).isEqualTo("NodePort");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void komposeVolumeLabelsOnAServiceAreClaimDefaults() {
    LoadResult result =
        web("labels: {kompose.volume.size: 1Gi, kompose.volume.storage-class-name: fast}");
    assertThat(k8s(result).claimDefaults())
        .isEqualTo(new VolumeKubernetesConfig("1Gi", "fast", List.of()));
    LoadResult bad = web("labels: {kompose.volume.size: big}");
    assertThat(k8s(bad)).isNull();
    assertThat(warnings(bad))
        .containsExactly(
            "services.web.labels.kompose.volume.size: \"big\" is not a Kubernetes quantity (such as"
                + " 10Gi); ignored");
  }

  @Test
  void komposeVolumeLabelsOnAVolumeAreItsClaimSettings() {
    LoadResult result =
        load(
            """
            services: {db: {image: x, volumes: [data:/d, logs:/l]}}
            volumes:
              data:
                labels: {kompose.volume.size: 2Gi, kompose.volume.storage-class-name: slow}
                x-kubernetes: {storageClassName: fast}
              logs:
                labels: [kompose.volume.selector=x]
            """);
    assertThat(result.model().volumes().get("data").kubernetes())
        .isEqualTo(new VolumeKubernetesConfig("2Gi", "fast", List.of()));
    assertThat(result.model().volumes().get("logs").kubernetes()).isNull();
    assertThat(warnings(result))
        .containsExactly(
            "volumes.data.labels.kompose.volume.storage-class-name: ignored:"
                + " volumes.data.x-kubernetes.storageClassName (fast) wins over the kompose label"
                + " (slow)",
            "volumes.logs.labels.kompose.volume.selector: the kompose label is not honoured by"
                + " compose-operator (it is kept as an annotation); see the README's mapping table"
                + " for the kompose labels it reads");
  }

  @Test
  void otherKomposeLabelsAreWarnedAsNotHonoured() {
    assertThat(warnings(web("labels: {kompose.controller.type: daemonset, app.tier: web}")))
        .containsExactly(
            "services.web.labels.kompose.controller.type: the kompose label is not honoured by"
                + " compose-operator (it is kept as an annotation); see the README's mapping table"
                + " for the kompose labels it reads");
  }
}
