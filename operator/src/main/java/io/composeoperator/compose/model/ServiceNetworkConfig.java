package io.composeoperator.compose.model;

import java.util.List;

/**
 * A service's membership in one network ({@code networks:} list or map form).
 *
 * @param aliases {@code aliases}: more names the service is reachable by on that network
 * @param ipv4Address {@code ipv4_address}, or null
 * @param ipv6Address {@code ipv6_address}, or null
 */
public record ServiceNetworkConfig(List<String> aliases, String ipv4Address, String ipv6Address) {

  public ServiceNetworkConfig {
    aliases = List.copyOf(aliases);
  }

  /** Membership with no aliases and no fixed address. */
  public static final ServiceNetworkConfig PLAIN = new ServiceNetworkConfig(List.of(), null, null);
}
