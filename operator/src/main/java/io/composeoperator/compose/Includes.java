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
 * are added to the document. Defining the same resource in two files is an error, as in Compose. An
 * included file's relative paths (its {@code extends} files, {@code env_file}, {@code build}, bind
 * sources, secret and config files) are relative to its own directory, or to the include's {@code
 * project_directory} (compose-go {@code loader/include.go}). {@code env_file} on an include is
 * refused: variables come only from the project.
 */
final class Includes {

  static final List<String> SECTIONS =
      List.of("services", "volumes", "networks", "secrets", "configs");
  private static final Set<String> INCLUDE_KEYS = Set.of("path", "env_file", "project_directory");

  private final Fields fields;
  private final BiFunction<String, String, Map<String, Object>> reader;
  private final Map<String, String> origins;

  /**
   * @param reader reads and interpolates a project file, given its normalized path and the YAML
   *     path that refers to it
   * @param origins receives the included file that declares each element it adds ({@code
   *     services.db} to {@code db/compose.yaml}); a nested include's file is recorded first
   */
  Includes(
      Fields fields,
      BiFunction<String, String, Map<String, Object>> reader,
      Map<String, String> origins) {
    this.fields = fields;
    this.reader = reader;
    this.origins = origins;
  }

  /** Returns the document with every include resolved and the {@code include} key removed. */
  Map<String, Object> resolve(Map<String, Object> doc) {
    return resolve(doc, "", new ArrayDeque<>());
  }

  /**
   * @param dir the directory the document's relative paths are relative to (its project directory),
   *     relative to the project; "" for the project directory itself
   */
  private Map<String, Object> resolve(Map<String, Object> doc, String dir, Deque<String> chain) {
    Object include = doc.get("include");
    if (include == null) {
      return doc;
    }
    Map<String, Object> out = new LinkedHashMap<>(doc);
    out.remove("include");
    List<Object> items = fields.list(include, "include");
    for (int i = 0; i < items.size(); i++) {
      String path = "include[" + i + "]";
      Include item = include(items.get(i), path);
      // compose-go loader/include.go: the first file's directory is the included project's
      // directory unless project_directory (relative to the including project's) says otherwise;
      // every relative path of the included files is relative to it
      String childDir = null;
      for (String included : item.paths()) {
        String key = ProjectPaths.normalize(join(dir, included));
        if (chain.contains(key) || key.equals(ProjectPaths.normalize(fields.fileName()))) {
          throw fields.error(path, "include cycle through " + Fields.quote(key));
        }
        if (childDir == null) {
          childDir =
              item.projectDirectory() != null
                  ? directory(join(dir, item.projectDirectory()))
                  : Extends.directoryOf(key);
        }
        chain.addLast(key);
        Map<String, Object> other = resolve(reader.apply(key, path), childDir, chain);
        chain.removeLast();
        merge(out, rebase(other, childDir), path, key);
      }
    }
    return out;
  }

  /** One {@code include} entry: its files and its {@code project_directory}, or null. */
  private record Include(List<String> paths, String projectDirectory) {}

  private Include include(Object item, String path) {
    if (!(item instanceof Map)) {
      return new Include(List.of(fields.requiredString(item, path)), null);
    }
    Map<String, Object> map = fields.map(item, path);
    for (String key : map.keySet()) {
      if (!INCLUDE_KEYS.contains(key)) {
        throw fields.error(path, "unknown key " + Fields.quote(key));
      }
    }
    if (map.containsKey("env_file")) {
      throw fields.error(
          path + ".env_file",
          "is not supported: variables come only from the project (spec.variables,"
              + " spec.variablesFrom; the CLI's .env and shell)");
    }
    String projectDirectory =
        fields.string(map.get("project_directory"), path + ".project_directory");
    if (projectDirectory != null
        && (projectDirectory.startsWith("/") || projectDirectory.startsWith("~"))) {
      throw fields.error(
          path + ".project_directory",
          Fields.quote(projectDirectory)
              + " is outside the project: give a directory relative to the including file's");
    }
    return new Include(fields.stringOrList(map.get("path"), path + ".path"), projectDirectory);
  }

  /** A project-relative directory as this class writes it: "" for the project directory. */
  private static String directory(String path) {
    String normalized = ProjectPaths.normalize(path);
    return normalized.equals(".") ? "" : normalized;
  }

  private static String join(String dir, String target) {
    return dir.isEmpty() || target.startsWith("/") ? target : dir + "/" + target;
  }

  private void merge(Map<String, Object> doc, Map<String, Object> other, String path, String file) {
    for (String section : SECTIONS) {
      Map<String, Object> mine = new LinkedHashMap<>(fields.map(doc.get(section), section));
      Map<String, Object> theirs = fields.map(other.get(section), file + ": " + section);
      for (Map.Entry<String, Object> e : theirs.entrySet()) {
        if (mine.containsKey(e.getKey())) {
          if (java.util.Objects.equals(mine.get(e.getKey()), e.getValue())) {
            continue; // the same definition twice (a shared include): accepted, as compose-go does
          }
          throw fields.error(
              path,
              section
                  + "."
                  + e.getKey()
                  + " is defined both here and in the included "
                  + file
                  + ", differently");
        }
        mine.put(e.getKey(), e.getValue());
        origins.putIfAbsent(section + "." + e.getKey(), file);
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
}
