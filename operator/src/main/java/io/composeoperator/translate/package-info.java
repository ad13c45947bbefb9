/**
 * Translates the Compose model into the desired Kubernetes objects. Layer rule: pure and
 * deterministic; no KubernetesClient, no I/O, no clock, no environment, no logging.
 */
package io.composeoperator.translate;
