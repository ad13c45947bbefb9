package io.composeoperator.compose;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Resolves the top-level {@code include} (spec {@code 14-include.md}) from the project files: each
 * included file is read and interpolated like the main one, its relative paths are rewritten to
 * stay relative to the project directory, and its services, volumes, networks, secrets and configs
 * are added to the document. Defining the same resource in two files is an error, as in Compose.
 * {@code project_directory} and {@code env_file} on an include are refused: variables come only
 * from the project.
 */
final class Includes {

  private static final List<String> SECTIONS =
      List.of("services", "volumes", "networks", "secrets", "configs");
  private static final Set<String> INCLUDE_KEYS = Set.of("path", "env_file", "project_directory");

  private final Fields fields;
  private final BiFunction<String, String, Map<String, Object>> reader;

  /**
   * @param reader reads and interpolates a project file, given its normalized path and the YAML
   *     path that refers to it
   */
  Includes(Fields fields, BiFunction<String, String, Map<String, Object>> reader) {
    this.fields = fields;
    this.reader = reader;
  }

  /** Returns the document with every include resolved and the {@code include} key removed. */
  Map<String, Object> resolve(Map<String, Object> doc) {
    return resolve(doc, null, new ArrayDeque<>());
  }

  private Map<String, Object> resolve(Map<String, Object> doc, String file, Deque<String> chain) {
    Object include = doc.get("include");
    if (include == null) {
      return doc;
    }
    Map<String, Object> out = new LinkedHashMap<>(doc);
    out.remove("include");
    List<Object> items = fields.list(include, "include");
    for (int i = 0; i < items.size(); i++) {
      String path = "include[" + i + "]";
      for (String included : paths(items.get(i), path)) {
        String key = ProjectPaths.normalize(relativeTo(file, included));
        if (chain.contains(key) || key.equals(ProjectPaths.normalize(fields.fileName()))) {
          throw fields.error(path, "include cycle through " + Fields.quote(key));
        }
        chain.addLast(key);
        Map<String, Object> other = resolve(reader.apply(key, path), key, chain);
        chain.removeLast();
        merge(out, rebase(other, Extends.directoryOf(key)), path, key);
      }
    }
    return out;
  }

  private List<String> paths(Object item, String path) {
    if (!(item instanceof Map)) {
      return List.of(fields.requiredString(item, path));
    }
    Map<String, Object> map = fields.map(item, path);
    for (String key : map.keySet()) {
      if (!INCLUDE_KEYS.contains(key)) {
        throw fields.error(path, "unknown key " + Fields.quote(key));
      }
    }
    for (String refused : List.of("env_file", "project_directory")) {
      if (map.containsKey(refused)) {
        throw fields.error(
            path + "." + refused,
            "is not supported: included files share the project directory and the project's"
                + " variables");
      }
    }
    return fields.stringOrList(map.get("path"), path + ".path");
  }

  private void merge(Map<String, Object> doc, Map<String, Object> other, String path, String file) {
    for (String section : SECTIONS) {
      Map<String, Object> mine = new LinkedHashMap<>(fields.map(doc.get(section), section));
      Map<String, Object> theirs = fields.map(other.get(section), file + ": " + section);
      for (Map.Entry<String, Object> e : theirs.entrySet()) {
        if (mine.containsKey(e.getKey())) {
          throw fields.error(
              path,
              section + "." + e.getKey() + " is defined both here and in the included " + file);
        }
        mine.put(e.getKey(), e.getValue());
      }
      if (!mine.isEmpty() || doc.containsKey(section)) {
        doc.put(section, mine);
      }
    }
  }

  /** Rewrites the relative paths of an included file's resources to be project-relative. */
  private Map<String, Object> rebase(Map<String, Object> doc, String dir) {
    if (dir.isEmpty()) {
      return doc;
    }
    Map<String, Object> out = new LinkedHashMap<>(doc);
    Map<String, Object> services = new LinkedHashMap<>();
    fields
        .map(doc.get("services"), "services")
        .forEach(
            (name, service) ->
                services.put(
                    name,
                    service instanceof Map<?, ?>
                        ? Extends.Rebase.service(fields.map(service, name), dir, "")
                        : service));
    out.put("services", services);
    for (String section : List.of("secrets", "configs")) {
      Map<String, Object> rebased = new LinkedHashMap<>();
      fields
          .map(doc.get(section), section)
          .forEach(
              (name, value) -> {
                if (value instanceof Map<?, ?>
                    && fields.map(value, name).get("file") instanceof String f
                    && !f.startsWith("/")) {
                  Map<String, Object> copy = new LinkedHashMap<>(fields.map(value, name));
                  copy.put("file", dir + "/" + f);
                  rebased.put(name, copy);
                } else {
                  rebased.put(name, value);
                }
              });
      if (doc.containsKey(section)) {
        out.put(section, rebased);
      }
    }
    return out;
  }

  private static String relativeTo(String file, String target) {
    String dir = Extends.directoryOf(file);
    return dir.isEmpty() || target.startsWith("/") ? target : dir + "/" + target;
  }
}
