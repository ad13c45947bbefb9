package io.composeoperator.translate;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one rule for project files that hold keys or credentials: they are never put into a
 * ComposeProject, a ConfigMap or an environment value; each is a Secret the user creates ({@code
 * convert} prints the {@code kubectl create secret} command) and the pod mounts. A file is key
 * material when its name says so ({@code *.key}, {@code *.pem}, {@code id_rsa*} and the other ssh
 * private keys, {@code acme.json}), or when the CLI found it on disk not world-readable or named
 * under a Compose {@code secrets:} entry and recorded it in {@code spec.secretFiles}: the disk is
 * the CLI's to read, so the operator decides from that record and from names alone, the same way.
 */
public final class KeyMaterial {
  /** Mode of a mounted key file: what ssh and Traefik's {@code acme.json} demand of theirs. */
  static final int FILE_MODE = 0600;

  private static final Pattern KEY_NAME =
      Pattern.compile("(.*\\.(key|pem)|id_(rsa|dsa|ecdsa|ed25519)(_sk)?.*|acme\\.json)");

  private static final Pattern NOT_DATA_KEY_CHARS = Pattern.compile("[^-._a-zA-Z0-9]");

  private KeyMaterial() {}

  /** True when the file's name marks it as key material ({@code certs/server.key}). */
  public static boolean isKeyName(String path) {
    return KEY_NAME.matcher(fileName(path).toLowerCase(Locale.ROOT)).matches();
  }

  /** True when the project file is key material by its name or by the CLI's record. */
  static boolean isKeyFile(String path, Collection<String> recorded) {
    String normalized = normalize(path);
    return isKeyName(normalized)
        || recorded.stream().map(KeyMaterial::normalize).toList().contains(normalized);
  }

  /**
   * The key files inside the project directory {@code directory}: given ones ({@code spec.files})
   * whose names mark them, and recorded ones, by normalized path.
   */
  static SortedSet<String> under(
      String directory, Collection<String> given, Collection<String> recorded) {
    String prefix = normalize(directory) + "/";
    SortedSet<String> found = new TreeSet<>();
    for (String path : given) {
      if (normalize(path).startsWith(prefix) && isKeyName(path)) {
        found.add(normalize(path));
      }
    }
    for (String path : recorded) {
      if (normalize(path).startsWith(prefix)) {
        found.add(normalize(path));
      }
    }
    return found;
  }

  /**
   * The key of the file in its Secret: its file name, with other characters than a key allows as _.
   */
  public static String dataKey(String path) {
    String key = NOT_DATA_KEY_CHARS.matcher(fileName(path)).replaceAll("_");
    return key.equals(".") || key.equals("..") ? "_" + key : key;
  }

  /** {@code ./a//b} → {@code a/b}: the form the loader gives project paths. */
  public static String normalize(String path) {
    List<String> parts =
        java.util.Arrays.stream(path.split("/"))
            .filter(p -> !p.isEmpty() && !p.equals("."))
            .toList();
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
