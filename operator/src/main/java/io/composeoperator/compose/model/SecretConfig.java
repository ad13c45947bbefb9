package io.composeoperator.compose.model;

/**
 * A top-level secret. The operator never creates Secrets from content: the user does.
 *
 * @param key the key under {@code secrets:}
 * @param name {@code name:}, or null (the Secret is then named after the key)
 * @param file {@code file} as a normalized project-relative or absolute path, or null
 * @param environment {@code environment} (the variable the value comes from), or null
 * @param external {@code external: true}
 */
public record SecretConfig(
    String key, String name, String file, String environment, boolean external)
    implements NamedResource {}
