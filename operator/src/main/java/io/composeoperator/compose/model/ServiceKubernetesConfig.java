package io.composeoperator.compose.model;

/**
 * A service's {@code x-kubernetes} block: settings Compose has no key for.
 *
 * @param expose how this service's published ports are exposed ({@code ClusterIP}, {@code
 *     NodePort}, {@code LoadBalancer}), or null for the project default
 */
public record ServiceKubernetesConfig(String expose) {}
