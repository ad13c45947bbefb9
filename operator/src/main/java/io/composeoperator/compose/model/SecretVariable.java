package io.composeoperator.compose.model;

/**
 * Where a variable's value lives when it comes from a Kubernetes Secret.
 *
 * @param secretName the Secret's name
 * @param key the key in the Secret
 */
public record SecretVariable(String secretName, String key) {}
