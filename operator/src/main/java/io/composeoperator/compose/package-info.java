/**
 * Loads a Compose document into the typed model: YAML with safe limits, merge keys, {@code x-}
 * extensions, interpolation, profiles, {@code extends}, normalization and validation. Layer rule:
 * no Kubernetes types (no fabric8), no I/O beyond the text and files it is handed.
 */
package io.composeoperator.compose;
