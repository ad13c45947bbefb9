package io.composeoperator.api.v1alpha1;

/** How published ports are exposed: the type of the {@code <service>-published} Service. */
public enum Exposure {
  ClusterIP,
  NodePort,
  LoadBalancer
}
