/**
 * The {@code composeoperator.io/v1alpha1} API: data only. The CRD is generated from these classes.
 * Layer rule: no logic, no clients.
 */
package io.composeoperator.api.v1alpha1;
