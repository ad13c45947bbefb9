package io.composeoperator.compose.model;

import java.util.List;

/**
 * How a service is reached from outside the cluster through a Gateway API HTTPRoute: from the
 * service's {@code x-kubernetes.httpRoute} block.
 *
 * @param parentRefs the Gateways (or their listeners) the route attaches to, in the order written;
 *     at least one
 * @param hostnames the host names the route matches (may start with {@code *.}); empty for the
 *     hosts of the Gateway's listeners
 * @param pathPrefix the URL path prefix, starting with {@code /}
 * @param port the port to route to, chosen as for an Ingress (a published port, or a container port
 *     of a service that publishes none), or null for the first TCP port
 * @param path the YAML path the route was asked for at, for messages ({@code
 *     services.web.x-kubernetes.httpRoute})
 */
public record HttpRouteConfig(
    List<ParentRef> parentRefs,
    List<String> hostnames,
    String pathPrefix,
    Integer port,
    String path) {

  public HttpRouteConfig {
    parentRefs = List.copyOf(parentRefs);
    hostnames = List.copyOf(hostnames);
  }

  /**
   * A Gateway the route attaches to.
   *
   * @param name the Gateway's name
   * @param namespace the Gateway's namespace, or null for the project's
   * @param sectionName the Gateway's listener, or null for every listener that allows the route
   */
  public record ParentRef(String name, String namespace, String sectionName) {}
}
