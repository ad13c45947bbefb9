package io.composeoperator.compose.model;

/**
 * One container port of a service ({@code ports} or {@code expose}), ranges already expanded.
 *
 * @param name the long syntax {@code name}, or null
 * @param target the container port
 * @param published the published (host) port, or null when not published or random ({@code "3000"}
 *     alone publishes on a random host port: see {@code publishedRandom})
 * @param publishedRandom true for a port that is published on a random host port (the short syntax
 *     with only the container port)
 * @param hostIp the host IP the port is bound to ({@code 127.0.0.1:8080:80}), or null
 * @param protocol {@code tcp} (default), {@code udp} or {@code sctp}, lower case
 * @param mode {@code ingress} (default) or {@code host}, or null for {@code expose}
 * @param appProtocol {@code app_protocol}, or null
 * @param key the service-relative path of the {@code ports} entry the file wrote ({@code
 *     ports[2]}), so that messages point at it; null when not known
 */
public record ServicePortConfig(
    String name,
    int target,
    Integer published,
    boolean publishedRandom,
    String hostIp,
    String protocol,
    String mode,
    String appProtocol,
    String key) {

  /** The same port, wherever it was written: {@code key} is where, not what. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ServicePortConfig p
        && target == p.target
        && publishedRandom == p.publishedRandom
        && java.util.Objects.equals(name, p.name)
        && java.util.Objects.equals(published, p.published)
        && java.util.Objects.equals(hostIp, p.hostIp)
        && java.util.Objects.equals(protocol, p.protocol)
        && java.util.Objects.equals(mode, p.mode)
        && java.util.Objects.equals(appProtocol, p.appProtocol);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        name, target, published, publishedRandom, hostIp, protocol, mode, appProtocol);
  }

  /** A port whose entry is not known. */
  public ServicePortConfig(
      String name,
      int target,
      Integer published,
      boolean publishedRandom,
      String hostIp,
      String protocol,
      String mode,
      String appProtocol) {
    this(name, target, published, publishedRandom, hostIp, protocol, mode, appProtocol, null);
  }

  /** An {@code expose} entry, or an internal port: only target and protocol. */
  public static ServicePortConfig internal(int target, String protocol) {
    return new ServicePortConfig(null, target, null, false, null, protocol, null, null);
  }

  /** True when the port is published on the host ({@code HOST:CONTAINER} or a random port). */
  public boolean isPublished() {
    return published != null || publishedRandom;
  }

  /** True when the port is published only on the loopback address, so it stays internal. */
  public boolean isLoopbackOnly() {
    return hostIp != null && (hostIp.startsWith("127.") || hostIp.equals("::1"));
  }
}
