package io.composeoperator.compose;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Normalizes paths relative to the project directory the way bind sources and {@code spec.files}
 * keys are compared: {@code ./proxy/nginx.conf} becomes {@code proxy/nginx.conf}, {@code .} and
 * {@code ./} become {@code .}, {@code ../x} stays outside the project; absolute and {@code ~} paths
 * only lose duplicate and trailing slashes.
 */
final class ProjectPaths {

  private ProjectPaths() {}

  static String normalize(String path) {
    if (path.startsWith("~")) {
      return stripTrailingSlash(path.replaceAll("/+", "/"));
    }
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!(part.equals("..") && absolute)) {
        parts.addLast(part);
      }
    }
    String joined = String.join("/", parts);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** True for a volume source that is a path (a bind mount) rather than a volume name. */
  static boolean isPath(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
