package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a service over its base, as Compose merges files and {@code extends} (spec {@code
 * 13-merge.md}, compose-go {@code override/merge.go}): mappings merge by key; {@code environment},
 * {@code labels} and the other list-or-mapping keys merge by key; {@code ports} merge by {ip,
 * target, published, protocol}; {@code volumes}, {@code secrets} and {@code configs} merge by
 * target; {@code command}, {@code entrypoint}, {@code healthcheck.test} and {@code profiles} are
 * replaced; other lists are appended. {@code !reset} removes a key, {@code !override} replaces
 * instead of merging.
 */
final class ServiceMerger {

  private static final Set<String> REPLACED =
      Set.of("command", "entrypoint", "healthcheck.test", "profiles");
  private static final Set<String> BY_KEY =
      Set.of(
          "environment",
          "labels",
          "annotations",
          "sysctls",
          "deploy.labels",
          "build.args",
          "build.labels",
          "extra_hosts");
  private static final Set<String> BY_TARGET = Set.of("volumes", "secrets", "configs");
  private static final Set<String> AS_MAP = Set.of("networks", "depends_on");

  /** Keys that take one value or a list: a single value merges as a one-item list. */
  private static final Set<String> TO_SEQUENCE =
      Set.of("env_file", "label_file", "dns", "dns_search", "tmpfs");

  private ServiceMerger() {}

  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    return mergeMaps(base, override, "");
  }

  private static Map<String, Object> mergeMaps(
      Map<String, Object> base, Map<String, Object> override, String path) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach(
        (key, value) -> {
          String keyPath = path.isEmpty() ? key : path + "." + key;
          if (value instanceof Tagged.Reset) {
            out.remove(key);
          } else if (value instanceof Tagged.Override o) {
            out.put(key, o.value());
          } else if (!out.containsKey(key)) {
            out.put(key, value);
          } else {
            out.put(key, mergeValue(out.get(key), value, keyPath));
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked") // loaded YAML: maps have String keys
  private static Object mergeValue(Object base, Object override, String path) {
    if (REPLACED.contains(path) || base == null || override == null) {
      return override;
    }
    if (BY_KEY.contains(path)) {
      Map<String, Object> merged = asKeyed(base, path);
      merged.putAll(asKeyed(override, path));
      return merged;
    }
    if (AS_MAP.contains(path)) {
      Map<String, Object> merged = asNamed(base, path);
      asNamed(override, path)
          .forEach(
              (k, v) ->
                  merged.merge(
                      k,
                      v,
                      (a, b) ->
                          a instanceof Map && b instanceof Map
                              ? mergeMaps(
                                  (Map<String, Object>) a, (Map<String, Object>) b, path + "." + k)
                              : b));
      return merged;
    }
    if (base instanceof Map && override instanceof Map) {
      return mergeMaps((Map<String, Object>) base, (Map<String, Object>) override, path);
    }
    if (TO_SEQUENCE.contains(path)) {
      // compose-go override/merge.go (mergeToSequence): `env_file: a.env` over `[b.env]` appends
      base = base instanceof List ? base : List.of(base);
      override = override instanceof List ? override : List.of(override);
    }
    if (base instanceof List<?> b && override instanceof List<?> o) {
      if (BY_TARGET.contains(path) || path.equals("ports")) {
        Map<Object, Object> byKey = new LinkedHashMap<>();
        b.forEach(item -> byKey.put(uniqueKey(path, item), item));
        o.forEach(item -> byKey.put(uniqueKey(path, item), item));
        return new ArrayList<>(byKey.values());
      }
      List<Object> out = new ArrayList<>(b);
      o.stream().filter(item -> !out.contains(item)).forEach(out::add);
      return out;
    }
    return override;
  }

  /** A list-or-mapping as a mapping ({@code KEY=value}, {@code host:ip} for extra_hosts). */
  private static Map<String, Object> asKeyed(Object value, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put((String) k, v));
    } else if (value instanceof List<?> list) {
      String separator = path.equals("extra_hosts") ? "[=:]" : "=";
      for (Object item : list) {
        if (item instanceof Map<?, ?> secretEntry) {
          secretEntry.forEach((k, v) -> out.put((String) k, v));
        } else if (item != null) {
          String[] parts = item.toString().split(separator, 2);
          out.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
      }
    }
    return out;
  }

  /** {@code networks} / {@code depends_on}: a list of names as a mapping of name to entry. */
  private static Map<String, Object> asNamed(Object value, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put((String) k, v));
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        Object entry =
            path.equals("depends_on")
                ? new LinkedHashMap<>(Map.of("condition", "service_started"))
                : null;
        out.put(String.valueOf(item), entry);
      }
    }
    return out;
  }

  /**
   * The unique key of spec 13-merge.md: the target, or for ports {ip, target, published, protocol}.
   */
  private static Object uniqueKey(String path, Object item) {
    if (path.equals("ports")) {
      return portKey(item);
    }
    if (path.equals("volumes")) {
      return target(item);
    }
    // secrets and configs: the absolute target, so "db" and {source: db} are the same entry
    String prefix = path.equals("secrets") ? "/run/secrets/" : "/";
    Object source = item instanceof Map<?, ?> map ? map.get("source") : item;
    Object target = item instanceof Map<?, ?> map ? map.get("target") : null;
    if (target == null) {
      return prefix + source;
    }
    String t = String.valueOf(target);
    return t.startsWith("/") ? t : prefix + t;
  }

  private static Object portKey(Object item) {
    if (item instanceof Map<?, ?> map) {
      Object protocol = map.get("protocol");
      return java.util.Arrays.asList(
          map.get("host_ip") == null ? "" : String.valueOf(map.get("host_ip")),
          String.valueOf(map.get("target")),
          map.get("published") == null ? "" : String.valueOf(map.get("published")),
          protocol == null ? "tcp" : String.valueOf(protocol).toLowerCase(java.util.Locale.ROOT));
    }
    String spec = String.valueOf(item);
    String protocol = "tcp";
    int slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      protocol = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
      spec = spec.substring(0, slash);
    }
    String ip = "";
    if (spec.startsWith("[") && spec.contains("]:")) {
      ip = spec.substring(1, spec.indexOf("]:"));
      spec = spec.substring(spec.indexOf("]:") + 2);
    }
    String[] parts = spec.split(":", -1);
    String target = parts[parts.length - 1];
    String published = parts.length >= 2 ? parts[parts.length - 2] : "";
    if (parts.length >= 3) {
      ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2));
    }
    return java.util.Arrays.asList(ip, target, published, protocol);
  }

  private static Object target(Object item) {
    if (item instanceof Map<?, ?> map) {
      Object target = map.get("target");
      return target != null ? target : map.get("source");
    }
    if (item instanceof String s) {
      String[] parts = s.split(":");
      return parts.length >= 2 ? parts[1] : parts[0];
    }
    return item;
  }

  /** Removes the merge tags: {@code !reset} drops the key or item, {@code !override} unwraps. */
  @SuppressWarnings("unchecked") // loaded YAML: maps have String keys
  static <T> T strip(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!(v instanceof Tagged.Reset)) {
              out.put((String) k, strip(v instanceof Tagged.Override o ? o.value() : v));
            }
          });
      return (T) out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object v : list) {
        if (!(v instanceof Tagged.Reset)) {
          out.add(strip(v instanceof Tagged.Override o ? o.value() : v));
        }
      }
      return (T) out;
    }
    if (value instanceof Tagged.Override o) {
      return (T) strip(o.value());
    }
    return value;
  }
}
