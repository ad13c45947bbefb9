package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.NetworkConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compose network isolation as ingress NetworkPolicies: a service accepts traffic only from the
 * services that share a network with it (the implicit {@code default} network counts as one), and
 * its published ports from anywhere, because traffic through a load balancer or node port arrives
 * with other source addresses. Written when the file uses networks beyond {@code default}; with one
 * network every service reaches every other, which needs no policy, except that a service with
 * {@code network_mode: none} still gets one that accepts no traffic. A service whose networks are
 * all {@code internal: true} also gets egress rules: it reaches only the members of its networks
 * and DNS, as Docker gives it no route out.
 */
public final class NetworkPolicies {
  static final String DEFAULT_NETWORK = "default";

  private NetworkPolicies() {}

  /**
   * One ingress NetworkPolicy per service, named after the service's object name, in service order
   * (only for {@code network_mode: none} services when every service is on {@code default}).
   *
   * @param serviceNames Compose service name → object name
   */
  public static List<NetworkPolicy> policiesFor(
      ComposeModel model,
      Map<String, String> serviceNames,
      ProjectOptions options,
      Warnings warnings) {
    networkWarnings(model, warnings);
    Map<String, Set<String>> memberships = new TreeMap<>();
    model.services().values().forEach(s -> memberships.put(s.name(), networksOf(s, model)));
    boolean isolated =
        memberships.values().stream()
            .flatMap(Set::stream)
            .anyMatch(network -> !network.equals(DEFAULT_NETWORK));
    List<NetworkPolicy> policies = new ArrayList<>();
    for (ServiceConfig service : model.services().values()) {
      if ("host".equals(service.namespaces().networkMode())) {
        continue; // NetworkPolicies do not apply to pods on the host network
      }
      // on the default network alone every service reaches every other
      boolean ingress = isolated || "none".equals(service.namespaces().networkMode());
      boolean egress = internalOnly(memberships.get(service.name()), model);
      if (!ingress && !egress) {
        continue;
      }
      if (egress && InitContainers.hasBlockingDependencies(service)) {
        warnings.add(
            "services." + service.name() + ".depends_on",
            "the depends_on wait containers ask the API server, so egress to TCP ports 443 and"
                + " 6443 stays open from this service on its internal networks");
      }
      SortedSet<String> peers = new TreeSet<>();
      Set<String> own = memberships.get(service.name());
      memberships.forEach(
          (other, networks) -> {
            if (networks.stream().anyMatch(own::contains)) {
              peers.add(objectName(serviceNames, other));
            }
          });
      policies.add(
          policy(
              service, objectName(serviceNames, service.name()), peers, options, ingress, egress));
    }
    return policies;
  }

  private static String objectName(Map<String, String> serviceNames, String composeName) {
    String name = serviceNames.get(composeName);
    if (name == null) {
      throw new IllegalStateException("no object name for service " + composeName);
    }
    return name;
  }

  /**
   * The networks a service is on: {@code networks}, or {@code default} when it sets none; none for
   * {@code network_mode: none} (and other modes that leave the project's networks, such as {@code
   * bridge}); the networks of X for {@code network_mode: service:X}, whose namespace it shares.
   */
  static Set<String> networksOf(ServiceConfig service, ComposeModel model) {
    return networksOf(service, model, new HashSet<>());
  }

  private static Set<String> networksOf(
      ServiceConfig service, ComposeModel model, Set<String> visited) {
    String mode = service.namespaces().networkMode();
    if (mode != null) {
      ServiceConfig other =
          mode.startsWith("service:")
              ? model.services().get(mode.substring("service:".length()))
              : null;
      // a service:X cycle is the loader's error; here it only must not loop
      return other == null || !visited.add(service.name())
          ? Set.of()
          : networksOf(other, model, visited);
    }
    if (service.networks().isEmpty()) {
      return Set.of(DEFAULT_NETWORK);
    }
    return new TreeSet<>(service.networks().keySet());
  }

  /**
   * True when every network of the service is {@code internal: true}: Docker gives such a container
   * no route out, only to the members of its networks. A service also on another network keeps its
   * way out through that one.
   */
  static boolean internalOnly(Set<String> networks, ComposeModel model) {
    return !networks.isEmpty()
        && networks.stream()
            .allMatch(n -> model.networks().containsKey(n) && model.networks().get(n).internal());
  }

  private static LabelSelector peerSelector(String project, SortedSet<String> peers) {
    return new LabelSelectorBuilder()
        .withMatchLabels(Map.of(Labels.PROJECT, project))
        .addNewMatchExpression()
        .withKey(Labels.SERVICE)
        .withOperator("In")
        .withValues(List.copyOf(peers))
        .endMatchExpression()
        .build();
  }

  /**
   * Egress of a service whose networks are all internal: to the pods of the services sharing a
   * network with it, and DNS (port 53, to any address: the cluster's DNS may be a node-local
   * cache); with depends_on wait containers, the API server's HTTPS ports too.
   */
  private static List<NetworkPolicyEgressRule> egressRules(
      ServiceConfig service, String project, SortedSet<String> peers) {
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    rules.add(
        new NetworkPolicyEgressRuleBuilder()
            .addNewTo()
            .withPodSelector(peerSelector(project, peers))
            .endTo()
            .build());
    rules.add(
        new NetworkPolicyEgressRuleBuilder().withPorts(port("UDP", 53), port("TCP", 53)).build());
    if (InitContainers.hasBlockingDependencies(service)) {
      rules.add(
          new NetworkPolicyEgressRuleBuilder()
              .withPorts(port("TCP", 443), port("TCP", 6443))
              .build());
    }
    return rules;
  }

  private static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .build();
  }

  private static NetworkPolicy policy(
      ServiceConfig service,
      String name,
      SortedSet<String> peers,
      ProjectOptions options,
      boolean ingress,
      boolean egress) {
    String project = options.name();
    List<NetworkPolicyIngressRule> rules = new ArrayList<>();
    if (!peers.isEmpty()) {
      // from: the pods of every service that shares a network with this one
      rules.add(
          new NetworkPolicyIngressRuleBuilder()
              .addNewFrom()
              .withPodSelector(peerSelector(project, peers))
              .endFrom()
              .build());
    }
    List<NetworkPolicyPort> published = new ArrayList<>();
    for (ServicePortConfig port : ServicePorts.publishedTargets(service)) {
      published.add(
          new NetworkPolicyPortBuilder()
              .withProtocol(ServicePorts.protocol(port))
              .withPort(new IntOrString(port.target()))
              .build());
    }
    for (int ingressPort : Ingresses.unpublishedTargetPorts(service)) {
      if (published.stream()
          .noneMatch(
              p -> "TCP".equals(p.getProtocol()) && p.getPort().getIntVal() == ingressPort)) {
        // the Ingress controller or the Gateway reaches this container port from its own namespace
        published.add(
            new NetworkPolicyPortBuilder()
                .withProtocol("TCP")
                .withPort(new IntOrString(ingressPort))
                .build());
      }
    }
    if (!published.isEmpty() && !"none".equals(service.namespaces().networkMode())) {
      // no from: published ports accept traffic from any source
      rules.add(new NetworkPolicyIngressRuleBuilder().withPorts(published).build());
    }
    List<String> types = new ArrayList<>();
    NetworkPolicyBuilder policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(options.namespace())
            .withLabels(Labels.forService(project, name))
            .endMetadata();
    if (ingress) {
      types.add("Ingress");
      policy.editOrNewSpec().withIngress(rules).endSpec();
    }
    if (egress) {
      types.add("Egress");
      policy.editOrNewSpec().withEgress(egressRules(service, project, peers)).endSpec();
    }
    return policy
        .editOrNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Labels.selector(project, name))
        .endPodSelector()
        .withPolicyTypes(types)
        .endSpec()
        .build();
  }

  /** What the top-level network keys mean on a cluster, where there are no network objects. */
  private static void networkWarnings(ComposeModel model, Warnings warnings) {
    for (NetworkConfig network : model.networks().values()) {
      String path = "networks." + network.key();
      if (network.external()) {
        warnings.add(
            path + ".external",
            "there are no network objects on Kubernetes: the external network is treated as a"
                + " network of this project");
      }
      if (network.driver() != null
          && !network.driver().equals("bridge")
          && !network.driver().equals("overlay")) {
        warnings.add(
            path + ".driver",
            "network driver \"" + network.driver() + "\" is ignored: pods use the cluster network");
      }
      if (!network.labels().isEmpty()) {
        warnings.add(
            path + ".labels", "network labels are ignored: there are no network objects to label");
      }
    }
  }
}
