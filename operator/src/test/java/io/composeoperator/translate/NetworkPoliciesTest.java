package io.composeoperator.translate;

import static io.composeoperator.translate.NetModels.model;
import static io.composeoperator.translate.NetModels.network;
import static io.composeoperator.translate.NetModels.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.NetworkConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceNetworkConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NetworkPoliciesTest {
  private final Warnings warnings = new Warnings();

  private static ServiceConfig on(String name, String... networks) {
    TreeMap<String, ServiceNetworkConfig> joined = new TreeMap<>();
    Arrays.stream(networks).forEach(n -> joined.put(n, ServiceNetworkConfig.PLAIN));
    return ServiceConfig.builder(name).networks(joined).build();
  }

  private List<NetworkPolicy> policiesFor(ComposeModel model) {
    Map<String, String> names = new LinkedHashMap<>();
    model.services().keySet().forEach(s -> names.put(s, Names.sanitize(s)));
    List<NetworkPolicy> policies =
        NetworkPolicies.policiesFor(model, names, ProjectOptions.defaults("shop"), warnings);
    KubernetesValidity.assertValid(policies);
    return policies;
  }

  private static List<String> peersOf(NetworkPolicy policy) {
    return policy.getSpec().getIngress().stream()
        .filter(rule -> rule.getFrom() != null && !rule.getFrom().isEmpty())
        .flatMap(rule -> rule.getFrom().get(0).getPodSelector().getMatchExpressions().stream())
        .flatMap(e -> e.getValues().stream())
        .toList();
  }

  private static NetworkPolicy named(List<NetworkPolicy> policies, String name) {
    return policies.stream()
        .filter(p -> p.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no policy " + name));
  }

  @Test
  void onlyTheDefaultNetworkNeedsNoPolicy() {
    ComposeModel model = model(on("web"), on("db", "default"));

    assertThat(policiesFor(model)).isEmpty();
  }

  @Test
  void servicesAcceptTrafficOnlyFromServicesSharingANetwork() {
    ComposeModel model =
        model(
            List.of(on("proxy", "front"), on("web", "front", "back"), on("db", "back")),
            "back",
            "front");

    List<NetworkPolicy> policies = policiesFor(model);

    assertThat(policies)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("db", "proxy", "web");
    assertThat(peersOf(named(policies, "db"))).containsExactly("db", "web");
    assertThat(peersOf(named(policies, "proxy"))).containsExactly("proxy", "web");
    assertThat(peersOf(named(policies, "web"))).containsExactly("db", "proxy", "web");
  }

  @Test
  void policyShapeSelectsServicePodsAndPeersByOperatorLabels() {
    ComposeModel model = model(List.of(on("web", "front"), on("db")), "front");

    NetworkPolicy db = named(policiesFor(model), "db");

    NetworkPolicy expected =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("db")
            .withLabels(Labels.forService("shop", "db"))
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchLabels(Labels.selector("shop", "db"))
            .endPodSelector()
            .withPolicyTypes("Ingress")
            .addNewIngress()
            .addNewFrom()
            .withPodSelector(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of(Labels.PROJECT, "shop"))
                    .addNewMatchExpression()
                    .withKey(Labels.SERVICE)
                    .withOperator("In")
                    .withValues("db")
                    .endMatchExpression()
                    .build())
            .endFrom()
            .endIngress()
            .endSpec()
            .build();
    assertThat(db).isEqualTo(expected);
  }

  @Test
  void implicitDefaultNetworkCountsAsANetwork() {
    ComposeModel model = model(List.of(on("a"), on("b"), on("c", "other")), "other");

    List<NetworkPolicy> policies = policiesFor(model);

    assertThat(peersOf(named(policies, "a"))).containsExactly("a", "b");
    assertThat(peersOf(named(policies, "c"))).containsExactly("c");
  }

  @Test
  void publishedPortsAreOpenToAnySource() {
    ServiceConfig web =
        on("web", "front").toBuilder()
            .ports(List.of(published(8080, 80), published(8081, 80)))
            .build();
    ComposeModel model = model(List.of(web, on("db", "back")), "front", "back");

    List<NetworkPolicyIngressRule> rules = named(policiesFor(model), "web").getSpec().getIngress();

    assertThat(rules).hasSize(2);
    assertThat(rules.get(1).getFrom()).isNullOrEmpty();
    assertThat(rules.get(1).getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort()).isEqualTo(new IntOrString(80));
              assertThat(p.getProtocol()).isEqualTo("TCP");
            });
  }

  @Test
  void networkModeNoneGetsNoIngress() {
    ServiceConfig batch =
        ServiceConfig.builder("batch").namespaces(ns -> ns.networkMode("none")).build();
    ComposeModel model = model(List.of(batch, on("web", "front"), on("db")), "front");

    List<NetworkPolicy> policies = policiesFor(model);

    assertThat(named(policies, "batch").getSpec().getIngress()).isEmpty();
    assertThat(peersOf(named(policies, "db"))).containsExactly("db");
  }

  @Test
  void networkModeNoneIsIsolatedEvenWithOnlyTheDefaultNetwork() {
    ServiceConfig batch =
        ServiceConfig.builder("batch").namespaces(ns -> ns.networkMode("none")).build();

    List<NetworkPolicy> policies = policiesFor(model(batch, on("web"), on("db")));

    assertThat(policies).extracting(p -> p.getMetadata().getName()).containsExactly("batch");
    assertThat(policies.get(0).getSpec().getIngress()).isEmpty();
    assertThat(policies.get(0).getSpec().getPolicyTypes()).containsExactly("Ingress");
  }

  @Test
  void networkModeServiceSharesTheNetworksOfThatService() {
    ServiceConfig sidecar =
        ServiceConfig.builder("sidecar").namespaces(ns -> ns.networkMode("service:web")).build();
    ComposeModel model = model(List.of(sidecar, on("web", "front"), on("db")), "front");

    assertThat(peersOf(named(policiesFor(model), "web"))).containsExactly("sidecar", "web");
  }

  @Test
  void policiesUseObjectNames() {
    ComposeModel model = model(List.of(on("My_Web", "front"), on("db", "front")), "front");

    assertThat(peersOf(named(policiesFor(model), "my-web"))).containsExactly("db", "my-web");
  }

  private static NetworkConfig internalNetwork(String key) {
    return new NetworkConfig(key, null, false, true, null, new TreeMap<>(), false);
  }

  @Test
  void aServiceOnlyOnInternalNetworksMaySendOnlyToTheirMembersAndDns() {
    ComposeModel model =
        model(
            List.of(on("db", "back"), on("api", "front", "back"), on("proxy", "front")),
            Map.of("back", internalNetwork("back"), "front", network("front", false)));

    List<NetworkPolicy> policies = policiesFor(model);

    NetworkPolicy db = named(policies, "db");
    assertThat(db.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(db.getSpec().getEgress()).hasSize(2);
    assertThat(db.getSpec().getEgress().get(0).getTo().get(0).getPodSelector())
        .isEqualTo(
            new LabelSelectorBuilder()
                .withMatchLabels(Map.of(Labels.PROJECT, "shop"))
                .addNewMatchExpression()
                .withKey(Labels.SERVICE)
                .withOperator("In")
                .withValues("api", "db")
                .endMatchExpression()
                .build());
    assertThat(db.getSpec().getEgress().get(1).getTo()).isEmpty();
    assertThat(db.getSpec().getEgress().get(1).getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("UDP/53", "TCP/53");
    // api is also on front, which is not internal: its way out stays open, as with Docker
    assertThat(named(policies, "api").getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(named(policies, "api").getSpec().getEgress()).isEmpty();
    assertThat(warnings.toList()).isEmpty();
  }

  @Test
  void anInternalDefaultNetworkAloneGivesEgressOnlyPolicies() {
    ComposeModel model =
        model(List.of(on("a"), on("b")), Map.of("default", internalNetwork("default")));

    List<NetworkPolicy> policies = policiesFor(model);

    assertThat(policies).extracting(p -> p.getMetadata().getName()).containsExactly("a", "b");
    assertThat(named(policies, "a").getSpec().getPolicyTypes()).containsExactly("Egress");
    assertThat(named(policies, "a").getSpec().getIngress()).isEmpty();
  }

  @Test
  void waitContainersOnAnInternalNetworkKeepTheApiServersPortsWithAWarning() {
    ServiceConfig web =
        on("web", "back").toBuilder()
            .dependsOn(
                new TreeMap<>(
                    Map.of(
                        "db",
                        new ServiceDependency(
                            ServiceDependency.Condition.SERVICE_STARTED, true, false, false))))
            .build();
    ComposeModel model =
        model(List.of(on("db", "back"), web), Map.of("back", internalNetwork("back")));

    NetworkPolicy policy = named(policiesFor(model), "web");

    assertThat(policy.getSpec().getEgress().get(2).getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("TCP/443", "TCP/6443");
    assertThat(warnings.toList().stream().map(Object::toString))
        .containsExactly(
            "services.web.depends_on: the depends_on wait containers ask the API server, so egress"
                + " to TCP ports 443 and 6443 stays open from this service on its internal"
                + " networks");
  }

  @Test
  void externalDriverAndLabelsAreWarned() {
    Map<String, NetworkConfig> networks =
        Map.of(
            "back",
            new NetworkConfig(
                "back", null, false, true, "macvlan", new TreeMap<>(Map.of("a", "b")), false),
            "shared",
            new NetworkConfig("shared", "proxy_net", true, false, null, new TreeMap<>(), false));
    ComposeModel model = model(List.of(on("db", "back"), on("web", "shared")), networks);

    policiesFor(model);

    assertThat(warnings.toList().stream().map(Object::toString))
        .containsExactly(
            "networks.back.driver: network driver \"macvlan\" is ignored: pods use the cluster"
                + " network",
            "networks.back.labels: network labels are ignored: there are no network objects to"
                + " label",
            "networks.shared.external: there are no network objects on Kubernetes: the external"
                + " network is treated as a network of this project");
  }
}
