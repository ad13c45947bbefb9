package io.composeoperator.compose.model;

/**
 * One {@code extra_hosts} entry.
 *
 * @param host the host name
 * @param ip the address, or {@code host-gateway}
 */
public record ExtraHost(String host, String ip) {}
