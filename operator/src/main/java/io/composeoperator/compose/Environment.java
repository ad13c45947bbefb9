package io.composeoperator.compose;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.SecretEnvFile;
import io.composeoperator.compose.model.SecretVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The effective environment of a service: {@code env_file} entries in file order (later files win),
 * then {@code environment}, which wins over env files even when its entry is empty or unset (spec
 * {@code 05-services.md} "env_file", "environment"). A variable without a value ({@code - FOO},
 * {@code FOO:}) takes the project variable of that name, or is removed when it is not set.
 */
final class Environment {

  private final Fields fields;
  private final Map<String, String> files;
  private final EnvFileParser envFiles;
  private final Variables variables;
  private final Map<String, Map<String, Object>> parsed = new HashMap<>();
  private final Map<String, SecretEnvFile> secretEnvFiles;
  private final java.util.SortedSet<String> envFilesSeen = new java.util.TreeSet<>();

  /**
   * @param normalizedFiles the project files by normalized path
   * @param secretEnvFiles env files that live in Secrets ({@link ComposeSource#secretEnvFiles}), by
   *     normalized path
   */
  Environment(
      Fields fields,
      Map<String, String> normalizedFiles,
      Variables variables,
      List<Warning> warnings,
      Map<String, SecretEnvFile> secretEnvFiles) {
    this.fields = fields;
    this.files = normalizedFiles;
    this.variables = variables;
    this.envFiles = new EnvFileParser(fields, variables, warnings);
    this.secretEnvFiles = secretEnvFiles;
  }

  /** Computes the environment from a service's {@code env_file} and {@code environment}. */
  List<EnvVar> of(Object envFile, Object environment, String servicePath) {
    Map<String, Object> merged = new LinkedHashMap<>();
    readEnvFiles(envFile, servicePath + ".env_file", merged);
    readEnvironment(environment, servicePath + ".environment", merged);
    List<EnvVar> out = new ArrayList<>();
    merged.forEach(
        (name, value) -> {
          if (value instanceof SecretRef ref) {
            out.add(new EnvVar(name, null, ref.secret()));
          } else if (value != null) {
            out.add(EnvVar.of(name, (String) value));
          }
        });
    return out;
  }

  /**
   * A service's labels: {@code label_file} entries read like env files (in order, later files win),
   * then {@code labels}, which win over them (spec {@code 05-services.md}, "label_file").
   */
  SortedMap<String, String> labels(
      Object labelFile, SortedMap<String, String> labels, String servicePath) {
    Map<String, Object> merged = new LinkedHashMap<>();
    String path = servicePath + ".label_file";
    if (labelFile instanceof Map) {
      throw fields.error(path, "must be a file or a list of files");
    }
    readFiles(labelFile, path, merged, "label file");
    SortedMap<String, String> out = new TreeMap<>();
    merged.forEach(
        (name, value) -> {
          if (value instanceof String text) {
            out.put(name, text);
          } else if (value != null) {
            throw fields.error(
                path, "label " + Fields.quote(name) + " cannot take its value from a Secret");
          }
        });
    out.putAll(labels);
    return out;
  }

  private void readEnvFiles(Object value, String path, Map<String, Object> merged) {
    readFiles(value, path, merged, "env file");
  }

  private void readFiles(Object value, String path, Map<String, Object> merged, String what) {
    if (value == null) {
      return;
    }
    List<Object> items = value instanceof List ? fields.list(value, path) : List.of(value);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = value instanceof List ? path + "[" + i + "]" : path;
      Object item = items.get(i);
      String file;
      boolean required = true;
      boolean raw = false;
      if (item instanceof Map) {
        Map<String, Object> map = fields.map(item, itemPath);
        fields.checkKeys(map, ComposeKeys.ENV_FILE_KEYS, itemPath);
        file = fields.requiredString(map.get("path"), itemPath + ".path");
        if (map.containsKey("required")) {
          required = fields.bool(map.get("required"), itemPath + ".required");
        }
        String format = fields.string(map.get("format"), itemPath + ".format");
        if (format != null && !format.equals("raw")) {
          throw fields.error(
              itemPath + ".format",
              Fields.quote(format) + " is not an env file format (only raw is known)");
        }
        raw = "raw".equals(format);
      } else {
        file = fields.requiredString(item, itemPath);
      }
      String key = ProjectPaths.normalize(file);
      boolean envFile = what.equals("env file");
      if (envFile) {
        envFilesSeen.add(key);
      }
      String text = files.get(key);
      if (text == null && envFile && secretEnvFiles.containsKey(key)) {
        // an env file with credentials: its entries are read from the Secret, as references
        SecretEnvFile secret = secretEnvFiles.get(key);
        if (!secret.exists()) {
          throw new ComposeException(
              ComposeException.Kind.MISSING_SECRET,
              fields.fileName(),
              itemPath,
              "env file "
                  + Fields.quote(file)
                  + " holds credentials and is read from the Secret "
                  + secret.secretName()
                  + ", which does not exist: create it (convert printed the command); nothing is"
                  + " applied until it exists");
        }
        for (SecretVariable entry : secret.references()) {
          merged.put(entry.key(), new SecretRef(entry.key(), entry));
        }
        continue;
      }
      if (text == null) {
        if (required) {
          throw fields.error(
              itemPath,
              what
                  + " "
                  + Fields.quote(file)
                  + " was not provided: put it into spec.files (operator) or beside the compose"
                  + " file (CLI)"
                  + (what.equals("env file") ? ", or mark it required: false" : ""));
        }
        continue;
      }
      // parsed once per file and format, however many services use it
      boolean rawFormat = raw;
      parsed
          .computeIfAbsent(key + (raw ? "#raw" : ""), k -> envFiles.parse(key, text, rawFormat))
          .forEach(merged::put);
    }
  }

  /** The env files the services named, by normalized path (given, in a Secret, or missing). */
  java.util.SortedSet<String> envFiles() {
    return java.util.Collections.unmodifiableSortedSet(envFilesSeen);
  }

  private void readEnvironment(Object value, String path, Map<String, Object> merged) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        String itemPath = path + "[" + i + "]";
        if (item instanceof Map<?, ?> secretEntry) {
          secretEntry.forEach((k, v) -> merged.put((String) k, v)); // KEY=${SECRET_VARIABLE}
          continue;
        }
        String entry = fields.requiredString(item, itemPath);
        int eq = entry.indexOf('=');
        if (eq == 0) {
          throw fields.error(itemPath, Fields.quote(entry) + " is not NAME=value");
        }
        if (eq < 0) {
          put(merged, entry, fromVariables(entry));
        } else {
          put(merged, entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      return;
    }
    fields
        .map(value, path)
        .forEach(
            (name, v) -> {
              if (v == null) {
                put(merged, name, fromVariables(name));
              } else if (v instanceof SecretRef) {
                put(merged, name, v);
              } else {
                put(merged, name, fields.string(v, path + "." + name));
              }
            });
  }

  /** {@code FOO} alone: the project variable FOO, kept as a Secret reference when it is one. */
  private Object fromVariables(String name) {
    if (variables.secretSources().containsKey(name) && variables.values().containsKey(name)) {
      return new SecretRef(name, variables.secretSources().get(name));
    }
    return variables.values().get(name);
  }

  private static void put(Map<String, Object> merged, String name, Object value) {
    if (value == null) {
      merged.remove(name);
    } else {
      merged.put(name, value);
    }
  }
}
