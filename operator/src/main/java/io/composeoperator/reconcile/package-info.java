/**
 * Reconciles ComposeProjects: observe → load + translate (via {@code Renderer}) → plan → apply →
 * status. Layer rule: every Kubernetes API call lives here; no Compose-to-Kubernetes mapping rules.
 */
package io.composeoperator.reconcile;
