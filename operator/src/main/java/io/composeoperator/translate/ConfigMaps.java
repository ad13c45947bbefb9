package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Top-level {@code configs} → ConfigMaps (ARCHITECTURE.md, "Volumes, configs and secrets"): one
 * ConfigMap per non-external config that an enabled service mounts, named after the config (or its
 * {@code name:}), holding one entry keyed by the config's key, from its {@code content}, {@code
 * environment} or {@code file} (given in {@code spec.files}); a file with key material ({@link
 * KeyMaterial}) is refused, never put into a ConfigMap. Also the rules every ConfigMap the
 * translation writes keeps: valid keys, at most 1 MiB.
 */
final class ConfigMaps {
  /** The most a ConfigMap may hold (the API server's object size limit). */
  static final int MAX_CONFIGMAP_BYTES = 1024 * 1024;

  private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private ConfigMaps() {}

  /** The ConfigMap name of a top-level config. */
  static String configMapName(ComposeModel model, String configKey) {
    String name = model.configs().get(configKey).nameOrKey();
    return Names.objectName(model.sourceFile(), "configs." + configKey, name);
  }

  /** One ConfigMap per non-external config that an enabled service mounts. */
  static List<ConfigMap> forConfigs(ComposeModel model, ProjectOptions options) {
    Set<String> used = new TreeSet<>();
    model.services().values().forEach(s -> s.configs().forEach(c -> used.add(c.source())));
    List<ConfigMap> configMaps = new ArrayList<>();
    for (String key : used) {
      ConfigObjConfig config = model.configs().get(key);
      String path = "configs." + key;
      if (config.external()) {
        continue;
      }
      String content;
      if (config.content() != null) {
        content = config.content();
      } else if (config.environment() != null) {
        content = config.environmentValue() == null ? "" : config.environmentValue();
      } else {
        // the loader has checked that a config has exactly one of file, content, environment
        // and external
        if (KeyMaterial.isKeyFile(config.file(), options.secretFiles())) {
          throw new ComposeException(
              model.sourceFile(),
              path + ".file",
              config.file()
                  + " holds key material, which is never put into a ConfigMap: declare it under"
                  + " the top-level secrets: and mount it with the service's secrets: instead");
        }
        content = model.files().get(config.file());
        if (content == null) {
          throw new ComposeException(
              model.sourceFile(),
              path + ".file",
              "the content of "
                  + config.file()
                  + " is not given: add it to spec.files (\"convert\" does this)");
        }
      }
      String name = configMapName(model, key);
      ConfigMap configMap =
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(Labels.forProjectObject(options.name(), name))
              .endMetadata()
              .withData(new TreeMap<>(Map.of(dataKey(model, path, key), content)))
              .build();
      checkSize(model.sourceFile(), path, configMap);
      configMaps.add(configMap);
    }
    return configMaps;
  }

  /** A config's or secret's key as the key of its ConfigMap or Secret entry. */
  static String dataKey(ComposeModel model, String path, String key) {
    if (!DATA_KEY.matcher(key).matches() || key.length() > 253) {
      throw new ComposeException(
          model.sourceFile(),
          path,
          "\"" + key + "\" cannot be a ConfigMap or Secret key (allowed: letters, digits, - . _)");
    }
    return key;
  }

  static void checkSize(String file, String path, ConfigMap configMap) {
    long size = 0;
    for (Map.Entry<String, String> e : configMap.getData().entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > MAX_CONFIGMAP_BYTES) {
      throw new ComposeException(
          file,
          path,
          "the files of ConfigMap "
              + configMap.getMetadata().getName()
              + " add up to "
              + size
              + " bytes; a ConfigMap holds at most 1 MiB");
    }
  }
}
