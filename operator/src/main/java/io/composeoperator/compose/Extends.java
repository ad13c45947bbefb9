package io.composeoperator.compose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Resolves {@code extends}: within the file, or from another file given in the project files. The
 * extending service is merged over its base with {@link ServiceMerger}; chains are followed and
 * cycles refused. The merge tags {@code !reset} / {@code !override} are removed afterwards.
 */
final class Extends {

  private final Fields fields;
  private final BiFunction<String, String, Map<String, Object>> otherFile;
  private final Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();

  /**
   * @param otherFile loads the {@code services} mapping of another project file, given its
   *     normalized path and the YAML path that refers to it
   */
  Extends(Fields fields, BiFunction<String, String, Map<String, Object>> otherFile) {
    this.fields = fields;
    this.otherFile = otherFile;
  }

  /** Returns the services with every {@code extends} resolved and the merge tags removed. */
  Map<String, Object> resolveAll(Map<String, Object> services) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      Map<String, Object> service =
          resolve(null, services, name, new ArrayDeque<>(), "services." + name);
      out.put(name, ServiceMerger.strip(service));
    }
    return out;
  }

  private Map<String, Object> resolve(
      String file, Map<String, Object> services, String name, Deque<String> chain, String path) {
    String id = (file == null ? "" : file + ":") + name;
    Map<String, Object> done = resolved.get(id);
    if (done != null) {
      return done;
    }
    if (chain.contains(id)) {
      chain.addLast(id);
      throw fields.error(path, "extends cycle: " + String.join(" -> ", chain));
    }
    chain.addLast(id);
    Map<String, Object> service = fields.map(services.get(name), path);
    Object extendsValue = service.get("extends");
    Map<String, Object> result = service;
    if (extendsValue != null) {
      String extPath = path + ".extends";
      String baseName;
      String baseFile = null;
      if (extendsValue instanceof Map) {
        Map<String, Object> ext = fields.map(extendsValue, extPath);
        fields.checkKeys(ext, ComposeKeys.EXTENDS_KEYS, extPath);
        baseName = fields.requiredString(ext.get("service"), extPath + ".service");
        String f = fields.string(ext.get("file"), extPath + ".file");
        baseFile = f == null ? null : ProjectPaths.normalize(relativeTo(file, f));
      } else {
        baseName = fields.requiredString(extendsValue, extPath);
      }
      String targetFile = baseFile != null ? baseFile : file;
      Map<String, Object> baseServices =
          targetFile == null ? services : otherFile.apply(targetFile, extPath);
      if (!baseServices.containsKey(baseName)) {
        throw fields.error(
            extPath,
            "service "
                + Fields.quote(baseName)
                + " is not defined"
                + (targetFile == null ? "" : " in " + targetFile));
      }
      String baseId = (targetFile == null ? "" : targetFile + ":") + baseName;
      if (chain.contains(baseId)) {
        List<String> cycle = new ArrayList<>(chain);
        cycle.subList(0, cycle.indexOf(baseId)).clear();
        cycle.add(baseId);
        throw fields.error(extPath, "extends cycle: " + String.join(" -> ", cycle));
      }
      String basePath = (targetFile == null ? "" : targetFile + ": ") + "services." + baseName;
      Map<String, Object> base = resolve(targetFile, baseServices, baseName, chain, basePath);
      if (targetFile != null && !targetFile.equals(file)) {
        base = Rebase.service(base, directoryOf(targetFile), directoryOf(file));
      }
      Map<String, Object> child = new LinkedHashMap<>(service);
      child.remove("extends");
      result = ServiceMerger.merge(base, child);
    }
    chain.removeLast();
    resolved.put(id, result);
    return result;
  }

  private static String relativeTo(String file, String target) {
    if (file == null || target.startsWith("/")) {
      return target;
    }
    String dir = directoryOf(file);
    return dir.isEmpty() ? target : dir + "/" + target;
  }

  static String directoryOf(String file) {
    if (file == null) {
      return "";
    }
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  /**
   * Rewrites relative paths of a service from another file so they stay relative to the project.
   */
  static final class Rebase {
    private Rebase() {}

    static Map<String, Object> service(Map<String, Object> service, String fromDir, String toDir) {
      if (fromDir.equals(toDir)) {
        return service;
      }
      Map<String, Object> out = new LinkedHashMap<>(service);
      Object envFile = out.get("env_file");
      if (envFile instanceof String s) {
        out.put("env_file", path(s, fromDir));
      } else if (envFile instanceof List<?> list) {
        out.put("env_file", list.stream().map(e -> envFileEntry(e, fromDir)).toList());
      }
      Object labelFile = out.get("label_file");
      if (labelFile instanceof String s) {
        out.put("label_file", path(s, fromDir));
      } else if (labelFile instanceof List<?> list) {
        out.put("label_file", list.stream().map(e -> envFileEntry(e, fromDir)).toList());
      }
      Object build = out.get("build");
      if (build instanceof String s && !s.contains("://")) {
        out.put("build", context(s, fromDir));
      } else if (build instanceof Map<?, ?> map
          && map.get("context") instanceof String c
          && !c.contains("://")) {
        out.put("build", withKey(map, "context", context(c, fromDir)));
      }
      Object volumes = out.get("volumes");
      if (volumes instanceof List<?> list) {
        out.put("volumes", list.stream().map(v -> volume(v, fromDir)).toList());
      }
      if (out.get("extends") instanceof Map<?, ?> ext
          && ext.get("file") instanceof String f
          && !f.startsWith("/")
          && !f.startsWith("~")) {
        // an included file's extends file is relative to that file's directory
        out.put("extends", withKey(ext, "file", path(f, fromDir)));
      }
      return out;
    }

    private static String context(String context, String fromDir) {
      if (context.startsWith("/") || context.startsWith("~")) {
        return context;
      }
      return "./" + ProjectPaths.normalize(fromDir + "/" + context);
    }

    private static Object envFileEntry(Object entry, String fromDir) {
      if (entry instanceof String s) {
        return path(s, fromDir);
      }
      if (entry instanceof Map<?, ?> map && map.get("path") instanceof String p) {
        return withKey(map, "path", path(p, fromDir));
      }
      return entry;
    }

    private static Map<String, Object> withKey(Map<?, ?> map, String key, Object value) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, v));
      copy.put(key, value);
      return copy;
    }

    private static Object volume(Object volume, String fromDir) {
      if (volume instanceof String s && s.startsWith(".")) {
        return path(s, fromDir);
      }
      if (volume instanceof Map<?, ?> map
          && "bind".equals(map.get("type"))
          && map.get("source") instanceof String s
          && !s.startsWith("/")
          && !s.startsWith("~")) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put((String) k, v));
        copy.put("source", path(s, fromDir));
        return copy;
      }
      return volume;
    }

    private static String path(String relative, String fromDir) {
      if (relative.startsWith("/") || relative.startsWith("~") || fromDir.isEmpty()) {
        return relative;
      }
      return "./" + fromDir + "/" + relative;
    }
  }
}
