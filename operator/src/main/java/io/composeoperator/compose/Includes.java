package io.composeoperator.compose;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the top-level {@code include} (spec {@code 14-include.md}) from the project files: each
 * included file is read and interpolated like the main one, its relative paths are rewritten to
 * stay relative to the project directory, and its services, volumes, networks, secrets and configs
 * are added to the document. Defining the same resource in two files is an error, as in Compose. An
 * included file's relative paths (its {@code extends} files, {@code env_file}, {@code build}, bind
 * sources, secret and config files) are relative to its own directory, or to the include's {@code
 * project_directory} (compose-go {@code loader/include.go}). An included file is interpolated with
 * the project's variables and, for the names they do not set, those of the include's {@code
 * env_file} (relative to the including file's project directory), or by default of the included
 * project directory's {@code .env} when there is one; nested includes inherit them.
 */
final class Includes {

  static final List<String> SECTIONS =
      List.of("services", "volumes", "networks", "secrets", "configs");
  private static final Set<String> INCLUDE_KEYS = Set.of("path", "env_file", "project_directory");

  /** Reads and interpolates an included file. */
  interface Reader {
    /**
     * @param file its normalized project path
     * @param path the YAML path that refers to it
     * @param fallback variables for the names the project does not set (the include's env files)
     */
    Map<String, Object> read(String file, String path, Map<String, String> fallback);
  }

  /** Reads the env files of an include. */
  interface EnvReader {
    /**
     * @param envFiles their normalized project paths
     * @param explicit true when the include names them (a missing one is an error), false for the
     *     default {@code .env}
     * @param inherited the variables of the enclosing include's env files
     * @param path the YAML path of the include entry's env files
     * @return the variables for the included files: {@code inherited}, then the files' own
     */
    Map<String, String> read(
        List<String> envFiles, boolean explicit, Map<String, String> inherited, String path);
  }

  private final Fields fields;
  private final Reader reader;
  private final EnvReader envReader;
  private final Map<String, String> origins;

  /**
   * @param origins receives the included file that declares each element it adds ({@code
   *     services.db} to {@code db/compose.yaml}); a nested include's file is recorded first
   */
  Includes(Fields fields, Reader reader, EnvReader envReader, Map<String, String> origins) {
    this.fields = fields;
    this.reader = reader;
    this.envReader = envReader;
    this.origins = origins;
  }

  /** Returns the document with every include resolved and the {@code include} key removed. */
  Map<String, Object> resolve(Map<String, Object> doc) {
    return resolve(doc, "", Map.of(), new ArrayDeque<>());
  }

  /**
   * @param dir the directory the document's relative paths are relative to (its project directory),
   *     relative to the project; "" for the project directory itself
   */
  private Map<String, Object> resolve(
      Map<String, Object> doc, String dir, Map<String, String> env, Deque<String> chain) {
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
      Map<String, String> childEnv = null;
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
          // compose-go loader/include.go: env_file relative to the including project's
          // directory, else the included project's .env when it exists (not the project's own
          // .env: the project's variables come from it already, and it is never shipped)
          childEnv =
              item.envFiles().isEmpty()
                  ? childDir.isEmpty()
                      ? env
                      : envReader.read(
                          List.of(ProjectPaths.normalize(join(childDir, ".env"))), false, env, path)
                  : envReader.read(
                      item.envFiles().stream()
                          .map(f -> ProjectPaths.normalize(join(dir, f)))
                          .toList(),
                      true,
                      env,
                      path + ".env_file");
        }
        chain.addLast(key);
        Map<String, Object> other =
            resolve(reader.read(key, path, childEnv), childDir, childEnv, chain);
        chain.removeLast();
        merge(out, rebase(other, childDir), path, key);
      }
    }
    return out;
  }

  /**
   * One {@code include} entry: its files, its {@code project_directory} (or null) and its {@code
   * env_file}s.
   */
  private record Include(List<String> paths, String projectDirectory, List<String> envFiles) {}

  private Include include(Object item, String path) {
    if (!(item instanceof Map)) {
      return new Include(List.of(fields.requiredString(item, path)), null, List.of());
    }
    Map<String, Object> map = fields.map(item, path);
    for (String key : map.keySet()) {
      if (!INCLUDE_KEYS.contains(key)) {
        throw fields.error(path, "unknown key " + Fields.quote(key));
      }
    }
    List<String> envFiles = fields.stringOrList(map.get("env_file"), path + ".env_file");
    for (String envFile : envFiles) {
      if (envFile.startsWith("/") || envFile.startsWith("~")) {
        throw fields.error(
            path + ".env_file",
            Fields.quote(envFile)
                + " is outside the project: give a file relative to the including file's"
                + " directory");
      }
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
    return new Include(
        fields.stringOrList(map.get("path"), path + ".path"), projectDirectory, envFiles);
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
