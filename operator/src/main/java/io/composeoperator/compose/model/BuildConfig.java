package io.composeoperator.compose.model;

/**
 * A service's {@code build} section: only kept to tell the user it cannot run on a cluster.
 *
 * @param context the build context ({@code .} for the short form)
 * @param dockerfile {@code build.dockerfile}, or null
 * @param target {@code build.target}, or null
 */
public record BuildConfig(String context, String dockerfile, String target) {}
