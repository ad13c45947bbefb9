package io.composeoperator.compose.model;

/**
 * A service's {@code x-kubernetes} block, with kompose's labels ({@code kompose.service.type},
 * {@code kompose.service.expose*}, {@code kompose.volume.*}) read as aliases of it: settings
 * Compose has no key for.
 *
 * @param expose how this service's published ports are exposed ({@code ClusterIP}, {@code
 *     NodePort}, {@code LoadBalancer}, or {@code Headless} for no Service of their own), or null
 *     for the project default
 * @param ingress the Ingress in front of the service, or null for none
 * @param httpRoute the Gateway API HTTPRoute in front of the service, or null for none
 * @param claimDefaults size and storage class for the claims of the named volumes this service
 *     mounts ({@code kompose.volume.size}, {@code kompose.volume.storage-class-name} on the
 *     service), or null; a volume's own settings win
 */
public record ServiceKubernetesConfig(
    String expose,
    IngressConfig ingress,
    HttpRouteConfig httpRoute,
    VolumeKubernetesConfig claimDefaults) {

  /** Only a published-port type, as before Ingress support. */
  public ServiceKubernetesConfig(String expose) {
    this(expose, null, null, null);
  }
}
