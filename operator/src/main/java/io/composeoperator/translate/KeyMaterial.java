package io.composeoperator.translate;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  /** Words of a variable name that say its value is a credential ({@code DB_PASSWORD}). */
  private static final Set<String> CREDENTIAL_WORDS =
      Set.of(
          "PASSWORD",
          "PASSWD",
          "PASS",
          "PASSPHRASE",
          "SECRET",
          "TOKEN",
          "KEY",
          "APIKEY",
          "PRIVATE",
          "CREDENTIAL",
          "CREDENTIALS");

  /** Last words that make such a name a path or a setting about it ({@code PASSWORD_FILE}). */
  private static final Set<String> NOT_A_VALUE = Set.of("FILE", "PATH", "DIR", "LENGTH", "NAME");

  private KeyMaterial() {}

  /**
   * True when a variable's name marks its value as a credential: one of its words ({@code _},
   * {@code -} or {@code .} apart, any case) is {@code PASSWORD}, {@code SECRET}, {@code TOKEN},
   * {@code KEY}, {@code PRIVATE} or the like ({@code WIREGUARD_PRIVATE_KEY}, {@code api_token}),
   * unless its last word makes it a path or a setting ({@code POSTGRES_PASSWORD_FILE}). The CLI
   * keeps the values of such variables out of the ComposeProject: they go into a Secret.
   */
  public static boolean isCredentialVariable(String name) {
    List<String> words =
        java.util.Arrays.stream(name.toUpperCase(Locale.ROOT).split("[-_.]+"))
            .filter(word -> !word.isEmpty())
            .toList();
    return !words.isEmpty()
        && !NOT_A_VALUE.contains(words.get(words.size() - 1))
        && words.stream().anyMatch(CREDENTIAL_WORDS::contains);
  }

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
