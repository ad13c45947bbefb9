package io.composeoperator.compose;

import io.composeoperator.compose.model.HttpRouteConfig;
import io.composeoperator.compose.model.IngressConfig;
import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code x-kubernetes} extension blocks (ARCHITECTURE.md, "Decisions and their reasons"):
 * settings Compose has no key for, on services ({@code expose}, {@code ingress}, {@code httpRoute})
 * and volumes ({@code size}, {@code storageClassName}, {@code accessModes}). Compose ignores {@code
 * x-} keys, so the same file still runs with {@code docker compose up}; unknown keys inside the
 * block are errors, so typos are not silently dropped.
 *
 * <p>kompose's labels ({@code kompose.service.type}, {@code kompose.service.expose*}, {@code
 * kompose.volume.*}; kompose's user guide, "Labels") are read here as aliases of the block, so a
 * file written for kompose deploys the same way. Where both set one thing, the block wins and the
 * label is warned about. A label is free text to Compose, so a label value that cannot be used is a
 * warning, never an error; other {@code kompose.*} labels are warned about as not honoured.
 */
final class KubernetesExtensions {

  private static final Set<String> EXPOSE_TYPES =
      Set.of("ClusterIP", "NodePort", "LoadBalancer", "Headless");
  private static final Map<String, String> KOMPOSE_SERVICE_TYPES =
      Map.of(
          "clusterip", "ClusterIP",
          "nodeport", "NodePort",
          "loadbalancer", "LoadBalancer",
          "headless", "Headless");
  private static final String KOMPOSE_PREFIX = "kompose.";
  private static final String TYPE_LABEL = "kompose.service.type";
  private static final String EXPOSE_LABEL = "kompose.service.expose";
  private static final String CLASS_LABEL = "kompose.service.expose.ingress-class-name";
  private static final String TLS_LABEL = "kompose.service.expose.tls-secret";
  private static final String SIZE_LABEL = "kompose.volume.size";
  private static final String STORAGE_CLASS_LABEL = "kompose.volume.storage-class-name";

  /** An Ingress host: a DNS-1123 subdomain, optionally a {@code *.} wildcard (not an address). */
  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

  /** A Kubernetes object name (DNS-1123 subdomain), as a Gateway's name and a listener's are. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** A namespace name (DNS-1123 label). */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** The Gateway API's limits on an HTTPRoute (its CRD: {@code maxItems}, {@code maxLength}). */
  private static final int MAX_PARENT_REFS = 32;

  private static final int MAX_HOSTNAMES = 16;
  private static final int MAX_ROUTE_PATH = 1024;

  private static final String NAME_RULE =
      " (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit; at"
          + " most 253)";

  /** A Kubernetes quantity, as {@code kompose.volume.size} must be. */
  private static final Pattern QUANTITY =
      Pattern.compile("[0-9]+(\\.[0-9]+)?([KMGTPE]i|[kMGTPE]|m|e[0-9]+)?");

  /** kompose splits {@code kompose.service.expose} at commas (with spaces around them). */
  private static final Pattern HOST_SEPARATOR = Pattern.compile("[ ,]*,[ ,]*");

  private KubernetesExtensions() {}

  /**
   * A service's {@code x-kubernetes} block and its kompose labels.
   *
   * @param labels the service's {@code labels}, or null when they could not be read
   * @param servicePath {@code services.<name>}
   * @return the settings, or null when neither sets anything
   */
  static ServiceKubernetesConfig service(
      Fields fields,
      Object value,
      Map<String, String> labels,
      String servicePath,
      List<Warning> warnings) {
    String path = servicePath + ".x-kubernetes";
    String expose = null;
    IngressConfig ingress = null;
    HttpRouteConfig httpRoute = null;
    if (value != null) {
      Map<String, Object> map = fields.map(value, path);
      for (String key : map.keySet()) {
        if (!ComposeKeys.SERVICE_KUBERNETES_KEYS.contains(key)) {
          throw fields.error(
              path, "unknown key " + Fields.quote(key) + " (known: expose, httpRoute, ingress)");
        }
      }
      expose = fields.string(map.get("expose"), path + ".expose");
      if (expose != null && !EXPOSE_TYPES.contains(expose)) {
        throw fields.error(
            path + ".expose",
            Fields.quote(expose)
                + " is not ClusterIP, NodePort, LoadBalancer or Headless (an Ingress is set with"
                + " x-kubernetes.ingress)");
      }
      ingress = ingress(fields, map.get("ingress"), path + ".ingress");
      httpRoute = httpRoute(fields, map.get("httpRoute"), path + ".httpRoute");
    }
    Kompose kompose = new Kompose(labels, servicePath + ".labels", warnings);
    expose = kompose.alias(expose, path + ".expose", kompose.serviceType(), TYPE_LABEL);
    ingress = kompose.ingress(ingress);
    VolumeKubernetesConfig claims = kompose.claimSettings();
    kompose.warnUnhonoured(ComposeKeys.KOMPOSE_SERVICE_LABELS);
    if (expose == null && ingress == null && httpRoute == null && claims == null) {
      return null;
    }
    return new ServiceKubernetesConfig(expose, ingress, httpRoute, claims);
  }

  /**
   * A volume's {@code x-kubernetes} block, with its {@code kompose.volume.*} labels.
   *
   * @param labels the volume's {@code labels}
   */
  static VolumeKubernetesConfig volume(
      Fields fields,
      Object value,
      Map<String, String> labels,
      String volumePath,
      List<Warning> warnings) {
    String path = volumePath + ".x-kubernetes";
    String size = null;
    String storageClass = null;
    List<String> accessModes = List.of();
    if (value != null) {
      Map<String, Object> map = fields.map(value, path);
      for (String key : map.keySet()) {
        if (!ComposeKeys.VOLUME_KUBERNETES_KEYS.contains(key)) {
          throw fields.error(
              path,
              "unknown key " + Fields.quote(key) + " (known: accessModes, size, storageClassName)");
        }
      }
      size = fields.string(map.get("size"), path + ".size");
      storageClass = fields.string(map.get("storageClassName"), path + ".storageClassName");
      accessModes = fields.stringOrList(map.get("accessModes"), path + ".accessModes");
    }
    Kompose kompose = new Kompose(labels, volumePath + ".labels", warnings);
    VolumeKubernetesConfig fromLabels = kompose.claimSettings();
    if (fromLabels != null) {
      size = kompose.alias(size, path + ".size", fromLabels.size(), SIZE_LABEL);
      storageClass =
          kompose.alias(
              storageClass,
              path + ".storageClassName",
              fromLabels.storageClassName(),
              STORAGE_CLASS_LABEL);
    }
    kompose.warnUnhonoured(ComposeKeys.KOMPOSE_VOLUME_LABELS);
    if (value == null && size == null && storageClass == null) {
      return null;
    }
    return new VolumeKubernetesConfig(size, storageClass, accessModes);
  }

  /** {@code x-kubernetes.ingress}: a mapping of host, path, className, tlsSecret and port. */
  private static IngressConfig ingress(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.SERVICE_INGRESS_KEYS, path);
    String prefix = fields.string(map.get("path"), path + ".path");
    if (prefix == null) {
      prefix = "/";
    } else if (!isPathPrefix(prefix)) {
      throw fields.error(path + ".path", pathProblem(prefix));
    }
    List<String> hosts = fields.stringOrList(map.get("host"), path + ".host");
    List<IngressConfig.Rule> rules = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      if (!isHost(host)) {
        String at = map.get("host") instanceof List ? path + ".host[" + i + "]" : path + ".host";
        throw fields.error(at, hostProblem(host));
      }
      rules.add(new IngressConfig.Rule(host, prefix));
    }
    if (rules.isEmpty()) {
      rules.add(new IngressConfig.Rule(null, prefix));
    }
    Long port = fields.integer(map.get("port"), path + ".port");
    if (port != null && (port < 1 || port > 65535)) {
      throw fields.error(path + ".port", port + " is not a port (1-65535)");
    }
    return new IngressConfig(
        rules,
        fields.string(map.get("className"), path + ".className"),
        fields.string(map.get("tlsSecret"), path + ".tlsSecret"),
        port == null ? null : port.intValue(),
        path);
  }

  /**
   * {@code x-kubernetes.httpRoute}: the Gateways to attach to ({@code parentRefs}: a Gateway's
   * name, a mapping of name, namespace and sectionName, or a list of either), {@code hostnames},
   * {@code path} and {@code port}. Values are checked as the Gateway API's CRD checks them, so a
   * mistake is reported at the line the user wrote rather than by the API server.
   */
  private static HttpRouteConfig httpRoute(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.SERVICE_HTTP_ROUTE_KEYS, path);
    Object parents = map.get("parentRefs");
    String parentsPath = path + ".parentRefs";
    List<Object> entries = parents instanceof List<?> ? fields.list(parents, parentsPath) : null;
    List<HttpRouteConfig.ParentRef> parentRefs = new ArrayList<>();
    if (entries == null) {
      if (parents != null) {
        parentRefs.add(parentRef(fields, parents, parentsPath));
      }
    } else {
      for (int i = 0; i < entries.size(); i++) {
        parentRefs.add(parentRef(fields, entries.get(i), parentsPath + "[" + i + "]"));
      }
    }
    if (parentRefs.isEmpty()) {
      throw fields.error(
          parentsPath,
          "must name the Gateway the route attaches to (a name, a mapping of name, namespace and"
              + " sectionName, or a list of them)");
    }
    if (parentRefs.size() > MAX_PARENT_REFS) {
      throw fields.error(
          parentsPath, "at most " + MAX_PARENT_REFS + " Gateways, not " + parentRefs.size());
    }
    if (new HashSet<>(parentRefs).size() < parentRefs.size()) {
      throw fields.error(parentsPath, "names the same Gateway and sectionName twice");
    }
    for (HttpRouteConfig.ParentRef a : parentRefs) {
      for (HttpRouteConfig.ParentRef b : parentRefs) {
        if (a.name().equals(b.name())
            && Objects.equals(a.namespace(), b.namespace())
            && (a.sectionName() == null) != (b.sectionName() == null)) {
          throw fields.error(
              parentsPath,
              "names Gateway "
                  + Fields.quote(a.name())
                  + " more than once: each reference to it needs a sectionName");
        }
      }
    }
    List<String> hostnames = fields.stringOrList(map.get("hostnames"), path + ".hostnames");
    for (int i = 0; i < hostnames.size(); i++) {
      String host = hostnames.get(i);
      if (!isHost(host)) {
        String at =
            map.get("hostnames") instanceof List
                ? path + ".hostnames[" + i + "]"
                : path + ".hostnames";
        throw fields.error(at, hostProblem(host));
      }
    }
    if (hostnames.size() > MAX_HOSTNAMES) {
      throw fields.error(
          path + ".hostnames", "at most " + MAX_HOSTNAMES + " host names, not " + hostnames.size());
    }
    String prefix = fields.string(map.get("path"), path + ".path");
    if (prefix == null) {
      prefix = "/";
    } else if (!isPathPrefix(prefix) || prefix.contains("#") || prefix.length() > MAX_ROUTE_PATH) {
      throw fields.error(
          path + ".path",
          Fields.quote(prefix)
              + " is not a URL path prefix (it starts with '/', has no spaces, '//', '/./', '/../'"
              + " or '#', and is at most "
              + MAX_ROUTE_PATH
              + " characters long)");
    }
    Long port = fields.integer(map.get("port"), path + ".port");
    if (port != null && (port < 1 || port > 65535)) {
      throw fields.error(path + ".port", port + " is not a port (1-65535)");
    }
    return new HttpRouteConfig(
        parentRefs, hostnames, prefix, port == null ? null : port.intValue(), path);
  }

  /** One entry of {@code parentRefs}: a Gateway's name, or a mapping. */
  private static HttpRouteConfig.ParentRef parentRef(Fields fields, Object value, String path) {
    String name;
    String namespace = null;
    String sectionName = null;
    String namePath = path;
    if (value instanceof Map<?, ?>) {
      Map<String, Object> map = fields.map(value, path);
      fields.checkKeys(map, ComposeKeys.HTTP_ROUTE_PARENT_KEYS, path);
      namePath = path + ".name";
      name = fields.requiredString(map.get("name"), namePath);
      namespace = fields.string(map.get("namespace"), path + ".namespace");
      sectionName = fields.string(map.get("sectionName"), path + ".sectionName");
    } else {
      name = fields.requiredString(value, path);
    }
    if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
      throw fields.error(namePath, Fields.quote(name) + " is not a Gateway name" + NAME_RULE);
    }
    if (namespace != null && (namespace.length() > 63 || !LABEL.matcher(namespace).matches())) {
      throw fields.error(
          path + ".namespace",
          Fields.quote(namespace)
              + " is not a namespace name (lower-case letters, digits and '-', at most 63)");
    }
    if (sectionName != null
        && (sectionName.length() > 253 || !SUBDOMAIN.matcher(sectionName).matches())) {
      throw fields.error(
          path + ".sectionName", Fields.quote(sectionName) + " is not a listener name" + NAME_RULE);
    }
    return new HttpRouteConfig.ParentRef(name, namespace, sectionName);
  }

  static boolean isHost(String host) {
    return host.length() <= 253 && HOST.matcher(host).matches() && !IPV4.matcher(host).matches();
  }

  private static String hostProblem(String host) {
    return Fields.quote(host)
        + " is not a host name (lower-case letters, digits, '-' and '.', optionally starting"
        + " with '*.'; not an IP address)";
  }

  /** What the API server accepts as a {@code Prefix} path. */
  static boolean isPathPrefix(String path) {
    return path.startsWith("/")
        && path.chars().noneMatch(Character::isWhitespace)
        && !path.contains("//")
        && !path.contains("/./")
        && !path.contains("/../")
        && !path.toLowerCase(Locale.ROOT).contains("%2f")
        && !path.endsWith("/..")
        && !path.endsWith("/.");
  }

  private static String pathProblem(String path) {
    return Fields.quote(path)
        + " is not a URL path prefix (it starts with '/' and has no spaces, '//', '/./' or"
        + " '/../')";
  }

  /** The kompose labels of one service or volume, and the warnings about them. */
  private static final class Kompose {
    private final Map<String, String> labels;
    private final String path;
    private final List<Warning> warnings;

    Kompose(Map<String, String> labels, String path, List<Warning> warnings) {
      this.labels = labels == null ? Map.of() : labels;
      this.path = path;
      this.warnings = warnings;
    }

    private String label(String key) {
      String value = labels.get(key);
      return value == null || value.isBlank() ? null : value.strip();
    }

    private void warn(String key, String message) {
      warnings.add(new Warning(path + "." + key, message));
    }

    /**
     * The block's value when it sets one (warning about a label that says otherwise), else the
     * label's.
     *
     * @param labelKey the label {@code theirs} came from
     */
    <T> T alias(T ours, String oursPath, T theirs, String labelKey) {
      if (ours == null) {
        return theirs;
      }
      if (theirs != null && !Objects.equals(ours, theirs)) {
        warn(
            labelKey,
            "ignored: "
                + oursPath
                + " ("
                + ours
                + ") wins over the kompose label ("
                + theirs
                + ")");
      }
      return ours;
    }

    /** {@code kompose.service.type}: nodeport, clusterip, loadbalancer or headless. */
    String serviceType() {
      String value = label(TYPE_LABEL);
      if (value == null) {
        return null;
      }
      String type = KOMPOSE_SERVICE_TYPES.get(value.toLowerCase(Locale.ROOT));
      if (type == null) {
        warn(
            TYPE_LABEL,
            Fields.quote(value)
                + " is not nodeport, clusterip, loadbalancer or headless; ignored (the project's"
                + " spec.exposure applies)");
      }
      return type;
    }

    /**
     * {@code kompose.service.expose} ({@code true}, or host names separated by commas, each with an
     * optional path: {@code example.com/api}), with {@code ...ingress-class-name} and {@code
     * ...tls-secret}; merged into the block's {@code ingress}, which wins.
     */
    IngressConfig ingress(IngressConfig ours) {
      String at = path + "." + EXPOSE_LABEL;
      List<IngressConfig.Rule> rules = exposeRules();
      String className = label(CLASS_LABEL);
      String tlsSecret = label(TLS_LABEL);
      if (ours == null && rules == null) {
        if (className != null) {
          warn(CLASS_LABEL, "ignored: kompose.service.expose is not set, so there is no Ingress");
        }
        if (tlsSecret != null) {
          warn(TLS_LABEL, "ignored: kompose.service.expose is not set, so there is no Ingress");
        }
        return null;
      }
      if (ours == null) {
        return new IngressConfig(rules, className, tlsSecret, null, at);
      }
      String oursPath = ours.path();
      if (rules != null && !rules.equals(ours.rules())) {
        warn(
            EXPOSE_LABEL,
            "ignored: " + oursPath + " sets the Ingress's hosts and path, and wins over the label");
      }
      return new IngressConfig(
          ours.rules(),
          alias(ours.className(), oursPath + ".className", className, CLASS_LABEL),
          alias(ours.tlsSecret(), oursPath + ".tlsSecret", tlsSecret, TLS_LABEL),
          ours.port(),
          oursPath);
    }

    /** The rules of {@code kompose.service.expose}, or null when it asks for no Ingress. */
    private List<IngressConfig.Rule> exposeRules() {
      String value = label(EXPOSE_LABEL);
      if (value == null) {
        return null;
      }
      // kompose reads the value lower-cased, without spaces or commas at its ends
      String expose = value.toLowerCase(Locale.ROOT).replaceAll("^[ ,]+|[ ,]+$", "");
      if (expose.isEmpty() || expose.equals("false")) {
        return null;
      }
      List<IngressConfig.Rule> rules = new ArrayList<>();
      for (String entry : HOST_SEPARATOR.split(expose)) {
        if (entry.equals("true")) {
          rules.add(new IngressConfig.Rule(null, "/"));
          continue;
        }
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        String prefix = slash < 0 ? "/" : entry.substring(slash);
        if (!host.isEmpty() && !isHost(host)) {
          warn(EXPOSE_LABEL, hostProblem(host) + "; this host is skipped");
        } else if (!isPathPrefix(prefix)) {
          warn(EXPOSE_LABEL, pathProblem(prefix) + "; this host is skipped");
        } else {
          rules.add(new IngressConfig.Rule(host.isEmpty() ? null : host, prefix));
        }
      }
      return rules.isEmpty() ? null : rules;
    }

    /** {@code kompose.volume.size} and {@code kompose.volume.storage-class-name}, or null. */
    VolumeKubernetesConfig claimSettings() {
      String size = label(SIZE_LABEL);
      if (size != null && !QUANTITY.matcher(size).matches()) {
        warn(
            SIZE_LABEL,
            Fields.quote(size) + " is not a Kubernetes quantity (such as 10Gi); ignored");
        size = null;
      }
      String storageClass = label(STORAGE_CLASS_LABEL);
      if (size == null && storageClass == null) {
        return null;
      }
      return new VolumeKubernetesConfig(size, storageClass, List.of());
    }

    /** Every other {@code kompose.*} label: kept as an annotation, not honoured. */
    void warnUnhonoured(Set<String> honoured) {
      for (String key : labels.keySet()) {
        if (key.startsWith(KOMPOSE_PREFIX) && !honoured.contains(key)) {
          warn(
              key,
              "the kompose label is not honoured by compose-operator (it is kept as an"
                  + " annotation); see the README's mapping table for the kompose labels it reads");
        }
      }
    }
  }
}
