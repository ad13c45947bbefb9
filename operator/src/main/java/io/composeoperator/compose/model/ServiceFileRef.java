package io.composeoperator.compose.model;

/**
 * A service's use of a top-level secret or config ({@code secrets:} / {@code configs:} short or
 * long syntax).
 *
 * @param source the key of the top-level secret or config
 * @param target the absolute path in the container: secrets default to {@code
 *     /run/secrets/<source>} and relative targets are resolved under {@code /run/secrets/}; configs
 *     default to {@code /<source>}
 * @param uid {@code uid}, or null
 * @param gid {@code gid}, or null
 * @param mode {@code mode} as a number (octal in the file, e.g. {@code 0440}), or null
 */
public record ServiceFileRef(String source, String target, String uid, String gid, Integer mode) {}
