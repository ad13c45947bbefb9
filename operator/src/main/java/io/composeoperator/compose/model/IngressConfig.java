package io.composeoperator.compose.model;

import java.util.List;

/**
 * How a service is reached from outside the cluster through an Ingress: from the service's {@code
 * x-kubernetes.ingress} block or kompose's {@code kompose.service.expose*} labels.
 *
 * @param rules one rule per host, in the order written; a rule without host matches every host
 * @param className the IngressClass, or null for the cluster's default class
 * @param tlsSecret the Secret holding the TLS certificate and key (created by the user), or null
 * @param port the port to route to (a published port, or a container port of a service that
 *     publishes none), or null for the first TCP port
 * @param path the YAML path the Ingress was asked for at, for messages ({@code
 *     services.web.x-kubernetes.ingress} or {@code services.web.labels.kompose.service.expose})
 */
public record IngressConfig(
    List<Rule> rules, String className, String tlsSecret, Integer port, String path) {

  public IngressConfig {
    rules = List.copyOf(rules);
  }

  /**
   * One host and the path under it.
   *
   * @param host a host name (may start with {@code *.}), or null for every host
   * @param pathPrefix the URL path prefix, starting with {@code /}
   */
  public record Rule(String host, String pathPrefix) {}
}
