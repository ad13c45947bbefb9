package io.composeoperator.compose;

import io.composeoperator.compose.model.ExtraHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code extra_hosts}: a list of {@code host:ip} / {@code host=ip} (the {@code =} form
 * for IPv6, brackets allowed) or a mapping of host to one address or a list of addresses.
 */
final class ExtraHosts {

  private ExtraHosts() {}

  static List<ExtraHost> of(Fields fields, Object value, String path) {
    List<ExtraHost> out = new ArrayList<>();
    if (value instanceof Map) {
      fields
          .map(value, path)
          .forEach(
              (host, ip) -> {
                for (String address : fields.stringOrList(ip, path + "." + host)) {
                  out.add(new ExtraHost(host, address));
                }
              });
      return out;
    }
    List<String> items = fields.strings(value, path);
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      int eq = item.indexOf('=');
      int sep = eq >= 0 ? eq : item.indexOf(':');
      if (sep <= 0 || sep == item.length() - 1) {
        throw fields.error(path + "[" + i + "]", Fields.quote(item) + " is not host:ip or host=ip");
      }
      String ip = item.substring(sep + 1);
      if (ip.startsWith("[") && ip.endsWith("]")) {
        ip = ip.substring(1, ip.length() - 1);
      }
      out.add(new ExtraHost(item.substring(0, sep), ip));
    }
    return out;
  }
}
