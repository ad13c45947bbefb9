package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.IngressConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Ingress of a service ({@code x-kubernetes.ingress}, or kompose's {@code
 * kompose.service.expose} labels), and the backend rule it shares with the HTTPRoute ({@link
 * HttpRoutes}): named after the service, one rule per host with a {@code Prefix} path, routed to
 * the {@code <service>-published} Service on the first published TCP port (or the one {@code port}
 * names); a service that publishes no port is reached through its headless Service on a declared
 * container port ({@code expose}), as in a Compose file where a reverse proxy reaches the service
 * by name. An Ingress controller must run in the cluster; the Ingress only describes the routes.
 */
final class Ingresses {
  private Ingresses() {}

  /**
   * Where an Ingress sends its traffic.
   *
   * @param published true for the {@code <service>-published} Service, false for the headless one
   * @param port the Service port
   * @param containerPort the container port behind it
   */
  record Target(boolean published, int port, int containerPort) {}

  /**
   * The Service and port a route in front of {@code service} (an Ingress or an HTTPRoute) sends its
   * traffic to: the one rule both kinds share (see {@link #target}).
   *
   * @param name the Service's name
   * @param port the Service port
   */
  record Backend(String name, int port) {}

  /**
   * The backend of a route in front of {@code service}, or null (warned at {@code at}) when the
   * service declares no TCP port; an error when {@code port} names none of its TCP ports.
   *
   * @param port the port the route asks for, or null for the first TCP port
   * @param at the YAML path of the route's block, for messages
   * @param kind {@code Ingress} or {@code HTTPRoute}, for messages
   */
  static Backend backend(
      ServiceConfig service,
      String serviceName,
      Integer port,
      String at,
      String kind,
      ComposeModel model,
      Warnings warnings) {
    Target target = target(service, port);
    if (target == null) {
      if (port != null) {
        throw new ComposeException(
            model.sourceFile(),
            at + ".port",
            "port "
                + port
                + " is not a TCP port of service "
                + service.name()
                + " ("
                + describePorts(service)
                + ")");
      }
      warnings.add(
          at,
          "no "
              + kind
              + " is created: service "
              + service.name()
              + " declares no TCP port to route to; publish its HTTP port under ports (or list it"
              + " under expose)");
      return null;
    }
    String path = "services." + service.name();
    String name =
        target.published()
            ? Networking.publishedName(serviceName, path, new Warnings())
            : serviceName;
    return new Backend(name, target.port());
  }

  /** The Ingress of {@code service}, or null when it asks for none or has no port to route to. */
  static Ingress forService(
      ServiceConfig service,
      String serviceName,
      ComposeModel model,
      ProjectOptions options,
      Warnings warnings) {
    IngressConfig ingress = ingressOf(service);
    if (ingress == null) {
      return null;
    }
    Backend backend =
        backend(service, serviceName, ingress.port(), ingress.path(), "Ingress", model, warnings);
    if (backend == null) {
      return null;
    }
    List<IngressRule> rules = new ArrayList<>();
    for (IngressConfig.Rule rule : ingress.rules()) {
      HTTPIngressPath httpPath =
          new HTTPIngressPathBuilder()
              .withPath(rule.pathPrefix())
              .withPathType("Prefix")
              .withNewBackend()
              .withNewService()
              .withName(backend.name())
              .withNewPort()
              .withNumber(backend.port())
              .endPort()
              .endService()
              .endBackend()
              .build();
      rules.add(
          new IngressRuleBuilder()
              .withHost(rule.host())
              .withNewHttp()
              .withPaths(httpPath)
              .endHttp()
              .build());
    }
    List<IngressTLS> tls = new ArrayList<>();
    if (ingress.tlsSecret() != null) {
      Set<String> hosts = new LinkedHashSet<>();
      ingress.rules().stream()
          .map(IngressConfig.Rule::host)
          .filter(Objects::nonNull)
          .forEach(hosts::add);
      tls.add(
          new IngressTLSBuilder()
              .withHosts(hosts.isEmpty() ? null : List.copyOf(hosts))
              .withSecretName(ingress.tlsSecret())
              .build());
    }
    return new IngressBuilder()
        .withNewMetadata()
        .withName(serviceName)
        .withNamespace(options.namespace())
        .withLabels(Labels.forService(options.name(), serviceName))
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(ingress.className())
        .withRules(rules)
        .withTls(tls)
        .endSpec()
        .build();
  }

  private static IngressConfig ingressOf(ServiceConfig service) {
    return service.kubernetes() == null ? null : service.kubernetes().ingress();
  }

  /**
   * The container ports that the service's Ingress and HTTPRoute reach and that are not published
   * (published ports are open to every source already), for the NetworkPolicy; in order, without
   * repeats.
   */
  static List<Integer> unpublishedTargetPorts(ServiceConfig service) {
    ServiceKubernetesConfig k8s = service.kubernetes();
    if (k8s == null) {
      return List.of();
    }
    Set<Integer> ports = new LinkedHashSet<>();
    if (k8s.ingress() != null) {
      addUnpublished(ports, target(service, k8s.ingress().port()));
    }
    if (k8s.httpRoute() != null) {
      addUnpublished(ports, target(service, k8s.httpRoute().port()));
    }
    return List.copyOf(ports);
  }

  private static void addUnpublished(Set<Integer> ports, Target target) {
    if (target != null && !target.published()) {
      ports.add(target.containerPort());
    }
  }

  /**
   * The published TCP port {@code wanted} names (or the first one), else the declared TCP container
   * port it names (or the first one); null when there is none.
   */
  static Target target(ServiceConfig service, Integer wanted) {
    if (!Networking.isHeadless(service)) {
      for (ServicePortConfig port : publishedTcp(service)) {
        int number = port.published() != null ? port.published() : port.target();
        if (wanted == null || wanted == number) {
          return new Target(true, number, port.target());
        }
      }
    }
    for (ServicePortConfig port : declaredTcp(service)) {
      if (wanted == null || wanted == port.target()) {
        return new Target(false, port.target(), port.target());
      }
    }
    return null;
  }

  private static List<ServicePortConfig> publishedTcp(ServiceConfig service) {
    return service.ports().stream()
        .filter(p -> p.isPublished() && !p.isLoopbackOnly())
        .filter(p -> ServicePorts.protocol(p).equals("TCP"))
        .toList();
  }

  private static List<ServicePortConfig> declaredTcp(ServiceConfig service) {
    return Stream.concat(service.ports().stream(), service.expose().stream())
        .filter(p -> ServicePorts.protocol(p).equals("TCP"))
        .toList();
  }

  private static String describePorts(ServiceConfig service) {
    String published =
        Networking.isHeadless(service)
            ? ""
            : publishedTcp(service).stream()
                .map(p -> String.valueOf(p.published() != null ? p.published() : p.target()))
                .distinct()
                .collect(Collectors.joining(", "));
    String declared =
        declaredTcp(service).stream()
            .map(p -> String.valueOf(p.target()))
            .distinct()
            .collect(Collectors.joining(", "));
    return "published: "
        + (published.isEmpty() ? "none" : published)
        + "; container: "
        + (declared.isEmpty() ? "none" : declared);
  }
}
