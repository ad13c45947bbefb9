package io.composeoperator.compose;

import io.composeoperator.compose.model.ServicePortConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ports} and {@code expose} in every syntax: short {@code [[IP:]HOST:]CONTAINER[/PROTO]}
 * with ranges and bracketed IPv6 addresses, plain numbers, and the long syntax (spec {@code
 * 05-services.md} "ports"). Ranges are expanded into one entry per port.
 */
final class Ports {

  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  /** Most port entries the ranges of one file may expand to. */
  static final int MAX_PORTS = 100_000;

  private final Fields fields;
  private final List<Warning> warnings;
  private int expanded;

  Ports(Fields fields, List<Warning> warnings) {
    this.fields = fields;
    this.warnings = warnings;
  }

  /** The {@code ports} list. */
  List<ServicePortConfig> ports(Object value, String path) {
    List<ServicePortConfig> out = new ArrayList<>();
    List<Object> items = fields.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Object item = items.get(i);
      if (item instanceof Map) {
        out.addAll(longSyntax(fields.map(item, itemPath), itemPath));
      } else {
        out.addAll(shortSyntax(fields.requiredString(item, itemPath), itemPath));
      }
    }
    return out;
  }

  /** The {@code expose} list: container ports or ranges, optionally with a protocol. */
  List<ServicePortConfig> expose(Object value, String path) {
    List<ServicePortConfig> out = new ArrayList<>();
    List<String> items = fields.strings(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      String[] protoSplit = splitProtocol(items.get(i), itemPath);
      int[] range = range(protoSplit[0], items.get(i), itemPath);
      count(range[1] - range[0] + 1, itemPath);
      for (int port = range[0]; port <= range[1]; port++) {
        out.add(ServicePortConfig.internal(port, protoSplit[1]));
      }
    }
    return out;
  }

  private List<ServicePortConfig> shortSyntax(String spec, String path) {
    String[] protoSplit = splitProtocol(spec, path);
    String rest = protoSplit[0];
    String ip = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf("]:");
      if (close < 0) {
        throw notAPort(spec, path);
      }
      ip = rest.substring(1, close);
      rest = rest.substring(close + 2);
    }
    String[] parts = rest.split(":", -1);
    String container = parts[parts.length - 1];
    String host = null;
    if (parts.length >= 2) {
      host = parts[parts.length - 2];
    }
    if (parts.length >= 3) {
      if (ip != null) {
        throw notAPort(spec, path);
      }
      ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2));
    }
    if (ip != null && ip.isEmpty()) {
      ip = null;
    }
    return expand(spec, container, host, ip, protoSplit[1], null, null, null, path);
  }

  private List<ServicePortConfig> longSyntax(Map<String, Object> map, String path) {
    fields.checkKeys(map, ComposeKeys.PORT_KEYS, path);
    String target = fields.string(map.get("target"), path + ".target");
    if (target == null) {
      throw fields.error(path + ".target", "must be set");
    }
    String protocol = fields.string(map.get("protocol"), path + ".protocol");
    protocol = protocol(protocol == null ? "tcp" : protocol, path + ".protocol");
    String mode = fields.string(map.get("mode"), path + ".mode");
    if (mode != null && !mode.equals("ingress") && !mode.equals("host")) {
      throw fields.error(
          path + ".mode", Fields.quote(mode) + " is not a port mode (ingress or host)");
    }
    String published = fields.string(map.get("published"), path + ".published");
    return expand(
        target,
        target,
        published == null ? "" : published,
        fields.string(map.get("host_ip"), path + ".host_ip"),
        protocol,
        mode == null ? "ingress" : mode,
        fields.string(map.get("app_protocol"), path + ".app_protocol"),
        fields.string(map.get("name"), path + ".name"),
        path);
  }

  private List<ServicePortConfig> expand(
      String spec,
      String container,
      String host,
      String ip,
      String protocol,
      String mode,
      String appProtocol,
      String name,
      String path) {
    int[] targets = range(container, spec, path);
    if (targets[0] == 0) {
      throw fields.error(path, Fields.quote(spec) + " is not a port (ports are 1 to 65535)");
    }
    boolean random = host == null || host.isEmpty();
    int[] published = random ? null : range(host, spec, path);
    int count = targets[1] - targets[0] + 1;
    count(count, path);
    if (published != null && published[1] - published[0] + 1 != count) {
      if (count != 1) {
        throw fields.error(
            path,
            Fields.quote(spec) + ": the published range and the container range differ in size");
      }
      warnings.add(
          new Warning(
              path,
              "a published port range for one container port publishes its first port, "
                  + published[0]));
      published = new int[] {published[0], published[0]};
    }
    List<ServicePortConfig> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Integer hostPort = published == null ? null : published[0] + k;
      if (hostPort != null && hostPort == 0) {
        hostPort = null;
        random = true;
      }
      out.add(
          new ServicePortConfig(
              name,
              targets[0] + k,
              hostPort,
              random,
              ip,
              protocol,
              mode == null ? "ingress" : mode,
              appProtocol,
              path.substring(path.lastIndexOf('.') + 1)));
    }
    return out;
  }

  private void count(int ports, String path) {
    expanded += ports;
    if (expanded > MAX_PORTS) {
      throw new FileLimitException(
          fields.fileName(),
          path,
          "the port ranges of this file expand to more than " + MAX_PORTS + " ports");
    }
  }

  private String[] splitProtocol(String spec, String path) {
    int slash = spec.lastIndexOf('/');
    if (slash < 0) {
      return new String[] {spec.strip(), "tcp"};
    }
    return new String[] {
      spec.substring(0, slash).strip(), protocol(spec.substring(slash + 1), path)
    };
  }

  private String protocol(String protocol, String path) {
    String lower = protocol.strip().toLowerCase(Locale.ROOT);
    if (!PROTOCOLS.contains(lower)) {
      throw fields.error(path, Fields.quote(protocol) + " is not a protocol (tcp, udp or sctp)");
    }
    return lower;
  }

  private int[] range(String text, String spec, String path) {
    int dash = text.indexOf('-');
    int start = number(dash < 0 ? text : text.substring(0, dash), spec, path);
    int end = dash < 0 ? start : number(text.substring(dash + 1), spec, path);
    if (end < start) {
      throw notAPort(spec, path);
    }
    return new int[] {start, end};
  }

  private int number(String text, String spec, String path) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port < 0 || port > 65535) {
        throw fields.error(path, Fields.quote(spec) + " is not a port (ports are 1 to 65535)");
      }
      return port;
    } catch (NumberFormatException e) {
      throw notAPort(spec, path);
    }
  }

  private ComposeException notAPort(String spec, String path) {
    return fields.error(path, Fields.quote(spec) + " is not a port");
  }
}
