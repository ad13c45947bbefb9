package io.composeoperator.compose.model;

/**
 * A top-level config.
 *
 * @param key the key under {@code configs:}
 * @param name {@code name:}, or null
 * @param file {@code file} as a normalized project-relative or absolute path, or null
 * @param content {@code content} (inline, interpolated), or null
 * @param environment {@code environment}: the variable whose value is the content, or null
 * @param environmentValue the resolved value of that variable, or null
 * @param external {@code external: true}: an existing ConfigMap
 */
public record ConfigObjConfig(
    String key,
    String name,
    String file,
    String content,
    String environment,
    String environmentValue,
    boolean external)
    implements NamedResource {}
