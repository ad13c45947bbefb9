package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Service ports of a Compose service: the declared container ports ({@code ports} and {@code
 * expose} targets) for the headless Service, and the published ports for the published Service.
 * Every port is named, so a second port can be added later without renaming the first.
 */
final class ServicePorts {
  /** The node port range of a default cluster ({@code --service-node-port-range}). */
  static final int NODE_PORT_MIN = 30000;

  static final int NODE_PORT_MAX = 32767;

  private static final int MAX_PORT_NAME = 15;
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern DERIVED_NAME = Pattern.compile("(tcp|udp|sctp)-[0-9]+");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private ServicePorts() {}

  /**
   * The container ports the file declares, unique by port and protocol, in file order ({@code
   * ports} first, then {@code expose}). A headless Service forwards to the same port number.
   */
  static List<ServicePort> declared(ServiceConfig service, String path, Warnings warnings) {
    Map<String, ServicePort> ports = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    List<ServicePortConfig> all =
        Stream.concat(service.ports().stream(), service.expose().stream()).toList();
    for (ServicePortConfig port : all) {
      String protocol = protocol(port);
      String key = port.target() + "/" + protocol;
      if (ports.containsKey(key)) {
        continue;
      }
      String name = name(port, port.target(), names, path, warnings);
      ports.put(
          key,
          new ServicePortBuilder()
              .withName(name)
              .withPort(port.target())
              .withProtocol(protocol)
              .withAppProtocol(appProtocol(port, path, warnings))
              .build());
    }
    return List.copyOf(ports.values());
  }

  /**
   * The published ports: Service port = {@code published} (the container port for a random
   * published port), {@code targetPort} = the container port. Ports bound to a loopback address
   * stay internal, as on the Docker host.
   */
  static List<ServicePort> published(
      ServiceConfig service, String path, Exposure type, Warnings warnings) {
    String portsPath = path + ".ports";
    Map<String, ServicePort> ports = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (ServicePortConfig port : service.ports()) {
      if (!port.isPublished() || staysInternal(port, portsPath, warnings)) {
        continue;
      }
      hostBindingWarnings(port, portsPath, warnings);
      int number = port.published() != null ? port.published() : port.target();
      String key = number + "/" + protocol(port);
      ServicePort existing = ports.get(key);
      if (existing == null) {
        ports.put(key, publishedPort(port, number, type, names, path, warnings));
      } else if (existing.getTargetPort().getIntVal() != port.target()) {
        warnings.add(
            portsPath,
            "published port "
                + key
                + " is mapped to two container ports; keeping "
                + existing.getTargetPort().getIntVal());
      }
    }
    return List.copyOf(ports.values());
  }

  /** A port published on a loopback address only stays internal, as on the Docker host. */
  private static boolean staysInternal(ServicePortConfig port, String path, Warnings warnings) {
    if (!port.isLoopbackOnly()) {
      return false;
    }
    warnings.add(
        path,
        "port "
            + port.target()
            + " is published on "
            + port.hostIp()
            + " only: it is not published on the cluster (other services reach it by the"
            + " service name)");
    return true;
  }

  private static ServicePort publishedPort(
      ServicePortConfig port,
      int number,
      Exposure type,
      Set<String> names,
      String path,
      Warnings warnings) {
    ServicePortBuilder builder =
        new ServicePortBuilder()
            .withName(name(port, number, names, path, null))
            .withPort(number)
            .withProtocol(protocol(port))
            .withTargetPort(new IntOrString(port.target()))
            .withAppProtocol(appProtocol(port, path, null));
    if (type == Exposure.NodePort && port.published() != null) {
      nodePort(builder, number, path + ".ports", warnings);
    }
    return builder.build();
  }

  /**
   * {@code published} → {@code nodePort} when it lies in the node port range; otherwise the cluster
   * assigns one. A random published port means the same in Compose, so only a fixed port warns.
   */
  private static void nodePort(
      ServicePortBuilder builder, int published, String path, Warnings warnings) {
    if (published >= NODE_PORT_MIN && published <= NODE_PORT_MAX) {
      builder.withNodePort(published);
    } else {
      warnings.add(
          path,
          "published port "
              + published
              + " is outside the node port range "
              + NODE_PORT_MIN
              + "-"
              + NODE_PORT_MAX
              + ": the node port is assigned by the cluster (the Service listens on "
              + published
              + " inside the cluster)");
    }
  }

  private static void hostBindingWarnings(ServicePortConfig port, String path, Warnings warnings) {
    if ("host".equals(port.mode())) {
      warnings.add(
          path,
          "port "
              + port.target()
              + " uses mode: host; it is published through the Service, not on the node that runs"
              + " the container");
    }
    String ip = port.hostIp();
    if (ip != null && !ip.equals("0.0.0.0") && !ip.equals("::") && !ip.equals("[::]")) {
      warnings.add(
          path,
          "port "
              + port.target()
              + " is bound to host_ip "
              + ip
              + "; the Service does not bind to an address");
    }
  }

  /**
   * The port's Compose {@code name} when it is a valid, unused port name, otherwise {@code
   * <protocol>-<port>} ({@code tcp-5432}: at most 11 characters).
   *
   * @param warnings where an unusable Compose name is reported, or null not to report it again
   */
  private static String name(
      ServicePortConfig port, int number, Set<String> used, String path, Warnings warnings) {
    String derived = protocol(port).toLowerCase(Locale.ROOT) + "-" + number;
    String name = port.name();
    boolean usable =
        name != null
            && isPortName(name)
            && (!DERIVED_NAME.matcher(name).matches() || name.equals(derived))
            && !used.contains(name);
    if (name != null && !usable && warnings != null) {
      warnings.add(
          entryPath(port, path, ".name"),
          "port name \""
              + name
              + "\" is not a valid Kubernetes port name (at most 15 characters of a-z, 0-9 and"
              + " '-', with a letter) or is used twice; using \""
              + derived
              + "\" for the Service's port");
    }
    String chosen = usable ? name : derived;
    used.add(chosen);
    return chosen;
  }

  /**
   * The path of a key of the {@code ports} entry the file wrote, under the service's path, or of
   * {@code ports} when the entry is not known.
   */
  private static String entryPath(ServicePortConfig port, String path, String key) {
    return port.key() != null ? path + "." + port.key() + key : path + ".ports";
  }

  /** IANA_SVC_NAME: at most 15 characters, a letter, no {@code --}, no {@code -} at the ends. */
  static boolean isPortName(String name) {
    return name.length() <= MAX_PORT_NAME
        && PORT_NAME.matcher(name).matches()
        && name.chars().anyMatch(Character::isLetter)
        && !name.contains("--");
  }

  /** {@code app_protocol} → {@code appProtocol} (a qualified name such as {@code http}). */
  private static String appProtocol(ServicePortConfig port, String path, Warnings warnings) {
    String value = port.appProtocol();
    if (value == null) {
      return null;
    }
    if (value.length() <= 316 && QUALIFIED_NAME.matcher(value).matches()) {
      return value;
    }
    if (warnings != null) {
      warnings.add(
          entryPath(port, path, ".app_protocol"),
          "app_protocol \"" + value + "\" is not a valid Kubernetes appProtocol; ignored");
    }
    return null;
  }

  static String protocol(ServicePortConfig port) {
    return port.protocol() == null ? "TCP" : port.protocol().toUpperCase(Locale.ROOT);
  }

  /** The published ports of a service as {@code (container port, protocol)}, for policies. */
  static List<ServicePortConfig> publishedTargets(ServiceConfig service) {
    List<ServicePortConfig> targets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServicePortConfig port : service.ports()) {
      if (port.isPublished()
          && !port.isLoopbackOnly()
          && seen.add(port.target() + "/" + protocol(port))) {
        targets.add(port);
      }
    }
    return targets;
  }
}
