package io.composeoperator.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Merges a whole Compose file over another, as {@code docker compose -f a.yaml -f b.yaml} does (the
 * Compose specification's merge rules, {@code 13-merge.md}): {@code services}, {@code volumes},
 * {@code networks}, {@code secrets} and {@code configs} merge entry by entry, each entry with
 * {@link ServiceMerger}'s rules (mappings by key, ports and mounts by their unique key, commands
 * replaced, other sequences appended); other mappings merge by key; scalars are replaced. {@code
 * !reset} removes a key or an entry, {@code !override} replaces it whole.
 */
final class ProjectMerger {
  private static final Set<String> NAMED = Set.of("volumes", "networks", "secrets", "configs");

  private ProjectMerger() {}

  /** {@code override} merged over {@code base}; neither is changed. */
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach(
        (key, value) -> {
          Object current = out.get(key);
          if (value instanceof Tagged.Reset) {
            out.remove(key);
          } else if (value instanceof Tagged.Override o) {
            out.put(key, o.value());
          } else if (current == null) {
            out.put(key, value);
          } else if (value == null) {
            // "volumes:" with nothing under it adds nothing
          } else if (key.equals("services") || NAMED.contains(key)) {
            out.put(key, byName(current, value));
          } else {
            out.put(key, ServiceMerger.merge(Map.of(key, current), Map.of(key, value)).get(key));
          }
        });
    return out;
  }

  /** Entries by name: each entry merged with {@link ServiceMerger}, or added, reset, replaced. */
  @SuppressWarnings("unchecked") // loaded YAML: maps have String keys
  private static Object byName(Object base, Object override) {
    if (!(base instanceof Map<?, ?> baseMap) || !(override instanceof Map<?, ?> overrideMap)) {
      return override;
    }
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) baseMap);
    ((Map<String, Object>) overrideMap)
        .forEach(
            (name, entry) -> {
              Object current = out.get(name);
              if (entry instanceof Tagged.Reset) {
                out.remove(name);
              } else if (entry instanceof Tagged.Override o) {
                out.put(name, o.value());
              } else if (current == null) {
                out.put(name, entry);
              } else if (entry instanceof Map<?, ?> e && current instanceof Map<?, ?> c) {
                out.put(
                    name, ServiceMerger.merge((Map<String, Object>) c, (Map<String, Object>) e));
              } else if (entry != null) {
                out.put(name, entry);
              }
            });
    return out;
  }
}
