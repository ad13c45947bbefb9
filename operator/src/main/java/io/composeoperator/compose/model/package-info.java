/**
 * The typed, immutable Compose model: every short and long syntax of the Compose file is normalized
 * into one record shape here. Layer rule: depends on nothing but the JDK.
 */
package io.composeoperator.compose.model;
