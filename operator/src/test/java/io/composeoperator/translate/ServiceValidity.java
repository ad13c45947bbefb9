package io.composeoperator.translate;

import static io.composeoperator.translate.PodValidity.nullToEmpty;
import static io.composeoperator.translate.ValidityRules.dns1035Label;
import static io.composeoperator.translate.ValidityRules.dns1123Label;
import static io.composeoperator.translate.ValidityRules.dns1123Subdomain;
import static io.composeoperator.translate.ValidityRules.intOrPortName;
import static io.composeoperator.translate.ValidityRules.labels;
import static io.composeoperator.translate.ValidityRules.portNumber;
import static io.composeoperator.translate.ValidityRules.protocol;
import static io.composeoperator.translate.ValidityRules.protocolOrTcp;
import static io.composeoperator.translate.ValidityRules.q;

import io.composeoperator.translate.ValidityRules.Violations;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The API server's rules for Services (core/v1) and NetworkPolicies (networking/v1). */
final class ServiceValidity {
  private static final Set<String> TYPES =
      Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");

  private ServiceValidity() {}

  static void service(Violations v, Service service) {
    ServiceSpec spec = service.getSpec();
    if (spec == null) {
      v.add("spec", "required value");
      return;
    }
    String type = spec.getType() == null ? "ClusterIP" : spec.getType();
    if (!TYPES.contains(type)) {
      v.add("spec.type", q(type) + " is not a Service type " + TYPES);
    }
    boolean headless = "None".equals(spec.getClusterIP());
    if (headless && !type.equals("ClusterIP")) {
      v.add("spec.clusterIP", "may be None only when type is ClusterIP (headless Service)");
    }
    List<ServicePort> ports = nullToEmpty(spec.getPorts());
    if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
      v.add("spec.ports", "required value (only a headless Service may have no ports)");
    }
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      port(v, "spec.ports[" + i + "]", ports.get(i), ports.size(), type, headless, names, numbers);
    }
    labels(v, "spec.selector", spec.getSelector());
    if (spec.getExternalTrafficPolicy() != null
        && !type.equals("NodePort")
        && !type.equals("LoadBalancer")) {
      v.add("spec.externalTrafficPolicy", "may only be set for NodePort and LoadBalancer");
    }
  }

  private static void port(
      Violations v,
      String p,
      ServicePort port,
      int count,
      String type,
      boolean headless,
      Set<String> names,
      Set<String> numbers) {
    if (port.getName() == null || port.getName().isEmpty()) {
      if (count > 1) {
        v.add(p + ".name", "required value when a Service has more than one port");
      }
    } else {
      dns1123Label(v, p + ".name", port.getName());
      if (!names.add(port.getName())) {
        v.add(p + ".name", q(port.getName()) + " duplicate Service port name");
      }
    }
    portNumber(v, p + ".port", port.getPort());
    protocol(v, p + ".protocol", port.getProtocol());
    String key = port.getPort() + "/" + protocolOrTcp(port.getProtocol());
    if (!numbers.add(key)) {
      v.add(p, key + " duplicate Service port and protocol");
    }
    if (port.getTargetPort() != null) {
      intOrPortName(v, p + ".targetPort", port.getTargetPort());
      if (headless
          && port.getTargetPort().getIntVal() != null
          && !port.getTargetPort().getIntVal().equals(port.getPort())) {
        v.add(p + ".targetPort", "must equal port when clusterIP is None (headless Service)");
      }
    }
    if (port.getNodePort() != null && port.getNodePort() != 0) {
      if (!type.equals("NodePort") && !type.equals("LoadBalancer")) {
        v.add(p + ".nodePort", "may only be set for NodePort and LoadBalancer Services");
      } else if (port.getNodePort() < 30000 || port.getNodePort() > 32767) {
        v.add(p + ".nodePort", port.getNodePort() + " is outside the node port range 30000-32767");
      }
    }
    if (port.getAppProtocol() != null) {
      ValidityRules.qualifiedName(v, p + ".appProtocol", port.getAppProtocol());
    }
  }

  static void networkPolicy(Violations v, NetworkPolicy policy) {
    if (policy.getSpec() == null || policy.getSpec().getPodSelector() == null) {
      v.add("spec.podSelector", "required value");
      return;
    }
    selector(v, "spec.podSelector", policy.getSpec().getPodSelector());
    for (String type : nullToEmpty(policy.getSpec().getPolicyTypes())) {
      if (!type.equals("Ingress") && !type.equals("Egress")) {
        v.add("spec.policyTypes", q(type) + " is not Ingress or Egress");
      }
    }
    var ingress = nullToEmpty(policy.getSpec().getIngress());
    for (int i = 0; i < ingress.size(); i++) {
      rule(v, "spec.ingress[" + i + "]", ingress.get(i).getFrom(), ingress.get(i).getPorts());
    }
    var egress = nullToEmpty(policy.getSpec().getEgress());
    for (int i = 0; i < egress.size(); i++) {
      rule(v, "spec.egress[" + i + "]", egress.get(i).getTo(), egress.get(i).getPorts());
    }
  }

  /**
   * An Ingress as the API server validates it (networking validation, {@code validateIngressSpec}):
   * hosts are DNS-1123 subdomains, optionally with one leading {@code *.}, never IP addresses;
   * {@code Prefix} paths are absolute without {@code //}, {@code /./}, {@code /../} or {@code %2f};
   * a service backend names a Service (DNS-1035) and a port number in 1-65535; TLS hosts likewise.
   */
  static void ingress(Violations v, Ingress ingress) {
    if (ingress.getSpec() == null) {
      v.add("spec", "required value");
      return;
    }
    var rules = nullToEmpty(ingress.getSpec().getRules());
    if (rules.isEmpty() && ingress.getSpec().getDefaultBackend() == null) {
      v.add("spec", "either defaultBackend or rules must be specified");
    }
    for (int i = 0; i < rules.size(); i++) {
      String p = "spec.rules[" + i + "]";
      var rule = rules.get(i);
      if (rule.getHost() != null) {
        ingressHost(v, p + ".host", rule.getHost());
      }
      if (rule.getHttp() == null || nullToEmpty(rule.getHttp().getPaths()).isEmpty()) {
        v.add(p + ".http.paths", "required value");
        continue;
      }
      var paths = rule.getHttp().getPaths();
      for (int j = 0; j < paths.size(); j++) {
        String pp = p + ".http.paths[" + j + "]";
        var path = paths.get(j);
        String type = path.getPathType();
        if (!"Prefix".equals(type)
            && !"Exact".equals(type)
            && !"ImplementationSpecific".equals(type)) {
          v.add(pp + ".pathType", "must be Exact, Prefix or ImplementationSpecific");
        }
        String value = path.getPath();
        if (value == null || !value.startsWith("/")) {
          v.add(pp + ".path", "must be an absolute path");
        } else {
          for (String bad : List.of("//", "/./", "/../", "%2f", "%2F")) {
            if (value.contains(bad)) {
              v.add(pp + ".path", "must not contain '" + bad + "'");
            }
          }
          if (value.endsWith("/..") || value.endsWith("/.")) {
            v.add(pp + ".path", "must not end with '/..' or '/.'");
          }
        }
        var backend = path.getBackend() == null ? null : path.getBackend().getService();
        if (backend == null) {
          v.add(pp + ".backend.service", "required value");
          continue;
        }
        dns1035Label(v, pp + ".backend.service.name", backend.getName());
        var port = backend.getPort();
        if (port == null || (port.getNumber() == null) == (port.getName() == null)) {
          v.add(pp + ".backend.service.port", "exactly one of number or name");
        } else if (port.getNumber() != null && (port.getNumber() < 1 || port.getNumber() > 65535)) {
          v.add(pp + ".backend.service.port.number", "must be between 1 and 65535");
        }
      }
    }
    var tls = nullToEmpty(ingress.getSpec().getTls());
    for (int i = 0; i < tls.size(); i++) {
      var hosts = nullToEmpty(tls.get(i).getHosts());
      for (int j = 0; j < hosts.size(); j++) {
        ingressHost(v, "spec.tls[" + i + "].hosts[" + j + "]", hosts.get(j));
      }
      if (tls.get(i).getSecretName() != null) {
        dns1123Subdomain(v, "spec.tls[" + i + "].secretName", tls.get(i).getSecretName());
      }
    }
  }

  private static void ingressHost(Violations v, String path, String host) {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      v.add(path, "must be a DNS name, not an IP address");
    } else {
      dns1123Subdomain(v, path, host.startsWith("*.") ? host.substring(2) : host);
    }
  }

  private static void rule(
      Violations v, String p, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    List<NetworkPolicyPort> portList = nullToEmpty(ports);
    for (int i = 0; i < portList.size(); i++) {
      NetworkPolicyPort port = portList.get(i);
      protocol(v, p + ".ports[" + i + "].protocol", port.getProtocol());
      if (port.getPort() != null) {
        intOrPortName(v, p + ".ports[" + i + "].port", port.getPort());
      }
    }
    List<NetworkPolicyPeer> peerList = nullToEmpty(peers);
    for (int i = 0; i < peerList.size(); i++) {
      NetworkPolicyPeer peer = peerList.get(i);
      String pp = p + ".peers[" + i + "]";
      boolean selectors = peer.getPodSelector() != null || peer.getNamespaceSelector() != null;
      if (!selectors && peer.getIpBlock() == null) {
        v.add(pp, "must specify a peer (podSelector, namespaceSelector or ipBlock)");
      }
      if (selectors && peer.getIpBlock() != null) {
        v.add(pp, "may not specify both ipBlock and another peer");
      }
      if (peer.getPodSelector() != null) {
        selector(v, pp + ".podSelector", peer.getPodSelector());
      }
      if (peer.getNamespaceSelector() != null) {
        selector(v, pp + ".namespaceSelector", peer.getNamespaceSelector());
      }
      if (peer.getIpBlock() != null
          && (peer.getIpBlock().getCidr() == null || !peer.getIpBlock().getCidr().contains("/"))) {
        v.add(pp + ".ipBlock.cidr", q(peer.getIpBlock().getCidr()) + " is not a CIDR");
      }
    }
  }

  private static void selector(Violations v, String p, LabelSelector selector) {
    labels(v, p + ".matchLabels", selector.getMatchLabels());
    var expressions = nullToEmpty(selector.getMatchExpressions());
    for (int i = 0; i < expressions.size(); i++) {
      var e = expressions.get(i);
      String op = e.getOperator();
      if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(String.valueOf(op))) {
        v.add(p + ".matchExpressions[" + i + "].operator", q(op) + " is not a valid operator");
      } else if ((op.equals("In") || op.equals("NotIn")) && nullToEmpty(e.getValues()).isEmpty()) {
        v.add(p + ".matchExpressions[" + i + "].values", "required for In and NotIn");
      }
    }
  }
}
