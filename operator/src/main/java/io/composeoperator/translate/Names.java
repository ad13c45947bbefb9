package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every Kubernetes object name the translation produces comes from here, by one documented rule:
 * lower-case the Compose name, turn every run of characters other than {@code a-z}, {@code 0-9} and
 * {@code -} into a single {@code -}, trim {@code -} at both ends, keep at most 63 characters. A
 * name that still is not a valid DNS-1035 label (a Service name must start with a letter) is an
 * error.
 */
public final class Names {
  /** The longest DNS-1123 / DNS-1035 label, and the longest label value. */
  public static final int MAX_LABEL = 63;

  /** Suffix of the Service that carries a service's published ports. */
  public static final String PUBLISHED_SUFFIX = "-published";

  /** Suffix of the ConfigMap that carries a service's bind-mounted files. */
  public static final String FILES_SUFFIX = "-files";

  /** The prefix of a service's object name when its mapped name starts with a digit. */
  public static final String SERVICE_PREFIX = "svc-";

  private static final Pattern INVALID_RUN = Pattern.compile("[^a-z0-9-]+");
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {}

  /**
   * Applies the mapping rule; the result may still be invalid (empty, or starting with a digit).
   */
  public static String sanitize(String composeName) {
    String name = INVALID_RUN.matcher(composeName.toLowerCase(Locale.ROOT)).replaceAll("-");
    name = trimDashes(name);
    if (name.length() > MAX_LABEL) {
      name = trimDashes(name.substring(0, MAX_LABEL));
    }
    return name;
  }

  private static String trimDashes(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '-') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '-') {
      end--;
    }
    return name.substring(start, end);
  }

  /**
   * The object name of a Compose service (its workload and headless Service): a DNS-1035 label.
   *
   * @param file the Compose file, for the error
   * @param path the YAML path of the name ({@code services.My_Web}), for the error
   */
  public static String serviceName(String file, String path, String composeName) {
    String name = serviceObjectName(composeName);
    if (!isDns1035Label(name)) {
      throw new ComposeException(
          file,
          path,
          "\""
              + composeName
              + "\" cannot be a Kubernetes Service name (maps to \""
              + name
              + "\"; a Service name must start with a letter and contain a letter or digit)");
    }
    return name;
  }

  /**
   * The naming rule for a service ({@link #sanitize}), and a name that then starts with a digit
   * ({@code 1st}) gets the prefix {@value #SERVICE_PREFIX}, since a Service name must start with a
   * letter; kept within 63 characters. The result is invalid only when nothing is left (a name of
   * only {@code _}). Applying it to its own result changes nothing, so the object name of a service
   * and its Compose name both find it ({@code wait}).
   */
  public static String serviceObjectName(String composeName) {
    String name = sanitize(composeName);
    if (!name.isEmpty() && !Character.isLetter(name.charAt(0))) {
      name = sanitize(SERVICE_PREFIX + name);
    }
    return name;
  }

  /**
   * The project name on Kubernetes: the name itself when it is a valid project name ({@link
   * #projectNameProblem}), otherwise the name by the naming rule ({@link #sanitize}: {@code
   * my_shop} → {@code my-shop}), which is empty when nothing is left.
   */
  public static String projectName(String name) {
    if (name == null) {
      return "";
    }
    return projectNameProblem(name).isEmpty() ? name : sanitize(name);
  }

  /** The name of the Service that publishes a service's ports. */
  public static String publishedService(String serviceName) {
    return serviceName + PUBLISHED_SUFFIX;
  }

  /** The name of the ConfigMap that holds a service's bind-mounted files. */
  public static String filesConfigMap(String serviceName) {
    return serviceName + FILES_SUFFIX;
  }

  /**
   * The ServiceAccount (and Role, RoleBinding) of a project's {@code depends_on} wait containers.
   */
  public static String waitServiceAccount(String project) {
    return project + "-wait";
  }

  /**
   * The name of an object named after a Compose key (volume, config, secret, network): a DNS-1123
   * label.
   */
  public static String objectName(String file, String path, String composeName) {
    String name = sanitize(composeName);
    if (!isDns1123Label(name)) {
      throw new ComposeException(
          file,
          path,
          "\"" + composeName + "\" cannot be a Kubernetes object name (maps to \"" + name + "\")");
    }
    return name;
  }

  /**
   * The Secret of a top-level Compose secret: its {@code name:}, else its key, by the mapping rule;
   * the pod mounts it, and the CLI names it in the {@code kubectl create secret} commands it
   * prints.
   */
  public static String secretName(ComposeModel model, String secretKey) {
    String name = model.secrets().get(secretKey).nameOrKey();
    return objectName(model.sourceFile(), "secrets." + secretKey, name);
  }

  /**
   * The Secret that holds a project file with key material ({@link KeyMaterial}): the file's
   * project path by the mapping rule ({@code letsencrypt/acme.json} → {@code
   * letsencrypt-acme-json}), shortened with a hash when longer than 63 characters.
   */
  public static String keyFileSecret(String path) {
    String name = trimDashes(INVALID_RUN.matcher(path.toLowerCase(Locale.ROOT)).replaceAll("-"));
    return name.isEmpty() ? "key-file" : shortened(name, MAX_LABEL);
  }

  /**
   * The Secret that holds a project's credential variables ({@code KeyMaterial
   * #isCredentialVariable}), which {@code convert} keeps out of the ComposeProject: {@code
   * <project>-variables}.
   */
  public static String variablesSecret(String project) {
    return shortened(trimDashes(sanitize(project) + "-variables"), MAX_LABEL);
  }

  /**
   * The claim of a bind-mounted directory ({@link BindMounts}): its path by the mapping rule
   * ({@code ./db_data} → {@code db-data}, {@code /srv/media} → {@code srv-media}, {@code ~/data} →
   * {@code data}), shortened with a hash when longer than 63 characters.
   */
  public static String bindClaim(String source) {
    String name = trimDashes(INVALID_RUN.matcher(source.toLowerCase(Locale.ROOT)).replaceAll("-"));
    return name.isEmpty() ? "bind" : shortened(name, MAX_LABEL);
  }

  /** True when the mapping rule leaves the name as it is. */
  public static boolean isUnchanged(String composeName) {
    return sanitize(composeName).equals(composeName);
  }

  public static boolean isDns1035Label(String name) {
    return name.length() <= MAX_LABEL && DNS_1035.matcher(name).matches();
  }

  /**
   * Why a name cannot be a project name, or empty when it can: the project name is a label value on
   * every object and the prefix of a few object names, so it must be a DNS-1123 label of at most 63
   * characters. The one rule for the CLI's name ({@link Renderer}) and the ComposeProject's {@code
   * metadata.name} (the reconciler's validator).
   */
  public static Optional<String> projectNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("the project has no name");
    }
    if (!isDns1123Label(name)) {
      return Optional.of(
          "project name \""
              + name
              + "\" must be a DNS-1123 label of at most 63 characters,"
              + " because it is a label value on every object");
    }
    return Optional.empty();
  }

  public static boolean isDns1123Label(String name) {
    return name.length() <= MAX_LABEL && DNS_1123.matcher(name).matches();
  }

  /**
   * {@code name} when it fits in {@code max} characters, otherwise the head of the name, {@code -},
   * and 8 hex digits of the SHA-256 of the whole name, so that two long names with the same head
   * still differ.
   */
  public static String shortened(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String hash = sha256(name).substring(0, HASH_LENGTH);
    String head = name.substring(0, max - HASH_LENGTH - 1);
    while (!head.isEmpty() && !Character.isLetterOrDigit(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash;
  }

  /**
   * The sanitized {@code wanted}, or, when that is taken (or empty), the first of {@code wanted-2},
   * {@code wanted-3}, ... that is free, each kept within 63 characters: for names that need only be
   * unique within one object (pod volumes, init containers).
   */
  public static String unique(String wanted, Predicate<String> taken) {
    String base = sanitize(wanted);
    String name = base;
    for (int n = 2; name.isEmpty() || taken.test(name); n++) {
      String suffix = "-" + n;
      // the head is sanitized first so "abc-" gives "abc-2", not "abc--2"; "" gives "2"
      name =
          sanitize(
              sanitize(base.substring(0, Math.min(base.length(), MAX_LABEL - suffix.length())))
                  + suffix);
    }
    return name;
  }

  private static final int HASH_LENGTH = 8;

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
