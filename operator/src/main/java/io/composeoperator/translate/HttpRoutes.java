package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.HttpRouteConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.List;

/**
 * The Gateway API HTTPRoute of a service ({@code x-kubernetes.httpRoute}): named after the service,
 * attached to the Gateways it names, matching its host names (none: the Gateway listeners' hosts)
 * under one {@code PathPrefix}, and sending to the same Service and port an Ingress would ({@link
 * Ingresses#backend}). The Gateway, its controller and its certificates are the cluster's; the
 * route only describes where requests go.
 *
 * <p>The fields the API server would default inside atomic lists ({@code parentRefs}, {@code
 * rules}: group, kind, weight, the path match type) are written out, so that the applied object
 * equals the stored one (ARCHITECTURE.md, "How it is tested").
 */
final class HttpRoutes {
  static final String GROUP = "gateway.networking.k8s.io";

  private HttpRoutes() {}

  /** The HTTPRoute of {@code service}, or null when it asks for none or has no port to route to. */
  static HTTPRoute forService(
      ServiceConfig service,
      String serviceName,
      ComposeModel model,
      ProjectOptions options,
      Warnings warnings) {
    HttpRouteConfig route = service.kubernetes() == null ? null : service.kubernetes().httpRoute();
    if (route == null) {
      return null;
    }
    Ingresses.Backend backend =
        Ingresses.backend(
            service, serviceName, route.port(), route.path(), "HTTPRoute", model, warnings);
    if (backend == null) {
      return null;
    }
    List<ParentReference> parents =
        route.parentRefs().stream()
            .map(
                p ->
                    new ParentReferenceBuilder()
                        .withGroup(GROUP)
                        .withKind("Gateway")
                        .withName(p.name())
                        .withNamespace(p.namespace())
                        .withSectionName(p.sectionName())
                        .build())
            .toList();
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withName(serviceName)
        .withNamespace(options.namespace())
        .withLabels(Labels.forService(options.name(), serviceName))
        .endMetadata()
        .withNewSpec()
        .withParentRefs(parents)
        .withHostnames(route.hostnames().isEmpty() ? null : route.hostnames())
        .addNewRule()
        .addNewMatch()
        .withNewPath()
        .withType("PathPrefix")
        .withValue(route.pathPrefix())
        .endPath()
        .endMatch()
        .addNewBackendRef()
        .withGroup("")
        .withKind("Service")
        .withName(backend.name())
        .withPort(backend.port())
        .withWeight(1)
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }
}
