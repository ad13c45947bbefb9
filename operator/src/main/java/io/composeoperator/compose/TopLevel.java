package io.composeoperator.compose;

import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.NetworkConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.VolumeConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The top-level {@code volumes}, {@code networks}, {@code secrets} and {@code configs}. An {@code
 * external} one must not set anything but {@code name} (spec "external"). Keys Compose knows that
 * the model does not carry are collected as YAML paths.
 */
final class TopLevel {

  private static final Set<String> VOLUME_KUBERNETES_KEYS =
      Set.of("size", "storageClassName", "accessModes");

  private final Fields fields;
  private final Variables variables;
  private final List<String> ignored;
  private final List<Warning> warnings;

  TopLevel(Fields fields, Variables variables, List<String> ignored, List<Warning> warnings) {
    this.fields = fields;
    this.variables = variables;
    this.ignored = ignored;
    this.warnings = warnings;
  }

  SortedMap<String, VolumeConfig> volumes(Object value) {
    SortedMap<String, VolumeConfig> out = new TreeMap<>();
    fields
        .map(value, "volumes")
        .forEach(
            (key, v) -> {
              String path = "volumes." + key;
              Map<String, Object> map = fields.map(v, path);
              fields.checkKeys(map, ComposeKeys.VOLUME_KEYS, path);
              String name = externalName(map, path, Set.of("driver", "driver_opts", "labels"));
              SortedMap<String, String> labels =
                  fields.listOrDict(map.get("labels"), path + ".labels");
              out.put(
                  key,
                  new VolumeConfig(
                      key,
                      name,
                      external(map, path),
                      fields.string(map.get("driver"), path + ".driver"),
                      fields.listOrDict(map.get("driver_opts"), path + ".driver_opts"),
                      labels,
                      KubernetesExtensions.volume(
                          fields, map.get("x-kubernetes"), labels, path, warnings)));
            });
    return out;
  }

  SortedMap<String, NetworkConfig> networks(Object value) {
    SortedMap<String, NetworkConfig> out = new TreeMap<>();
    fields
        .map(value, "networks")
        .forEach(
            (key, v) -> {
              String path = "networks." + key;
              Map<String, Object> map = fields.map(v, path);
              fields.checkKeys(map, ComposeKeys.NETWORK_KEYS, path);
              String name =
                  externalName(
                      map,
                      path,
                      Set.of(
                          "driver",
                          "driver_opts",
                          "labels",
                          "ipam",
                          "internal",
                          "attachable",
                          "enable_ipv4",
                          "enable_ipv6"));
              ignore(map, path, "attachable", "driver_opts", "enable_ipv4", "enable_ipv6", "ipam");
              out.put(
                  key,
                  new NetworkConfig(
                      key,
                      name,
                      external(map, path),
                      fields.bool(map.get("internal"), path + ".internal"),
                      fields.string(map.get("driver"), path + ".driver"),
                      fields.listOrDict(map.get("labels"), path + ".labels"),
                      false));
            });
    return out;
  }

  SortedMap<String, SecretConfig> secrets(Object value) {
    SortedMap<String, SecretConfig> out = new TreeMap<>();
    fields
        .map(value, "secrets")
        .forEach(
            (key, v) -> {
              String path = "secrets." + key;
              Map<String, Object> map = fields.map(v, path);
              fields.checkKeys(map, ComposeKeys.SECRET_KEYS, path);
              String name =
                  externalName(
                      map,
                      path,
                      Set.of(
                          "file",
                          "environment",
                          "driver",
                          "driver_opts",
                          "labels",
                          "template_driver"));
              ignore(map, path, "driver", "driver_opts", "labels", "template_driver");
              boolean external = external(map, path);
              String file = fields.string(map.get("file"), path + ".file");
              String environment = fields.string(map.get("environment"), path + ".environment");
              oneSource(
                  external,
                  file,
                  environment,
                  null,
                  path,
                  "secret",
                  "file, environment or external");
              out.put(
                  key,
                  new SecretConfig(
                      key,
                      name,
                      file == null ? null : ProjectPaths.normalize(file),
                      environment,
                      external));
            });
    return out;
  }

  SortedMap<String, ConfigObjConfig> configs(Object value) {
    SortedMap<String, ConfigObjConfig> out = new TreeMap<>();
    fields
        .map(value, "configs")
        .forEach(
            (key, v) -> {
              String path = "configs." + key;
              Map<String, Object> map = fields.map(v, path);
              fields.checkKeys(map, ComposeKeys.CONFIG_KEYS, path);
              String name =
                  externalName(
                      map,
                      path,
                      Set.of("file", "content", "environment", "labels", "template_driver"));
              ignore(map, path, "labels", "template_driver");
              boolean external = external(map, path);
              String file = fields.string(map.get("file"), path + ".file");
              String content = fields.string(map.get("content"), path + ".content");
              String environment = fields.string(map.get("environment"), path + ".environment");
              oneSource(
                  external,
                  file,
                  environment,
                  content,
                  path,
                  "config",
                  "file, content, environment or external");
              String environmentValue = null;
              if (environment != null) {
                environmentValue = variables.values().get(environment);
                if (environmentValue == null) {
                  throw fields.error(
                      path + ".environment", "variable " + environment + " is not set");
                }
              }
              out.put(
                  key,
                  new ConfigObjConfig(
                      key,
                      name,
                      file == null ? null : ProjectPaths.normalize(file),
                      content,
                      environment,
                      environmentValue,
                      external));
            });
    return out;
  }

  private void oneSource(
      boolean external,
      String file,
      String environment,
      String content,
      String path,
      String kind,
      String choices) {
    int sources =
        (external ? 1 : 0)
            + (file != null ? 1 : 0)
            + (environment != null ? 1 : 0)
            + (content != null ? 1 : 0);
    if (sources == 0) {
      throw fields.error(path, "a " + kind + " needs one of " + choices);
    }
    if (sources > 1) {
      throw fields.error(path, "a " + kind + " takes only one of " + choices);
    }
  }

  /** {@code external} with nothing else but {@code name}; returns the effective name. */
  private String externalName(
      Map<String, Object> map, String path, Set<String> forbiddenWithExternal) {
    String name = fields.string(map.get("name"), path + ".name");
    Object external = map.get("external");
    if (external == null) {
      return name;
    }
    if (external instanceof Map) {
      Map<String, Object> ext = fields.map(external, path + ".external");
      fields.checkKeys(ext, ComposeKeys.EXTERNAL_KEYS, path + ".external");
      String legacy = fields.string(ext.get("name"), path + ".external.name");
      if (legacy != null) {
        if (name != null && !name.equals(legacy)) {
          throw fields.error(path + ".external.name", "disagrees with " + path + ".name");
        }
        warnings.add(new Warning(path + ".external.name", "external.name is deprecated; use name"));
        name = legacy;
      }
    } else if (!fields.bool(external, path + ".external")) {
      return name;
    }
    for (String key : forbiddenWithExternal) {
      if (map.containsKey(key)) {
        throw fields.error(
            path + "." + key, "cannot be set on an external resource (only name can)");
      }
    }
    return name;
  }

  private boolean external(Map<String, Object> map, String path) {
    Object external = map.get("external");
    return external instanceof Map || fields.bool(external, path + ".external");
  }

  private void ignore(Map<String, Object> map, String path, String... keys) {
    for (String key : keys) {
      if (map.containsKey(key)) {
        ignored.add(path + "." + key);
      }
    }
  }
}
