package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for bind mounts (README, "Bind mounts"; ARCHITECTURE.md, "Volumes, configs and
 * secrets"): what each bind mount of a service becomes, so that what the service writes survives a
 * pod restart whenever it survives a container restart under Compose. {@link PodVolumes} mounts
 * what this decides, {@link Claims} creates the claims, {@link SecurityProfiles} refuses host paths
 * outside {@code privileged}.
 *
 * <ol>
 *   <li>{@code /dev/null} over a file → an empty file;
 *   <li>a host system path (a container runtime's socket, {@code /dev}, {@code /proc}, {@code
 *       /sys}, {@code /}, a writable {@code /etc}, ...) → hostPath, which only {@code privileged}
 *       allows; read-only host configuration ({@code /etc/localtime}, {@code /etc/timezone}, any
 *       read-only {@code /etc} path) → skipped with a warning, or hostPath under {@code
 *       privileged};
 *   <li>a project file with key material ({@link KeyMaterial}) → the user's Secret; a writable one
 *       (Traefik's {@code acme.json}, where it keeps the certificates it obtains) → a claim filled
 *       once from that Secret, so that what the service writes there persists;
 *   <li>with {@code bindMounts.type: hostPath} every other bind → hostPath (privileged only);
 *   <li>source code: the project directory {@code .}, the service's build context, a directory of
 *       it that {@code convert} found to hold source code ({@code spec.bindMounts.sourcePaths}), or
 *       a path inside another source mount of the service → skipped: the image's own content;
 *   <li>a project file that exists but was too big or not text to ship ({@code
 *       spec.bindMounts.unshippedFiles}) → skipped: the image's own file (a claim cannot stand in
 *       for a single file);
 *   <li>given files ({@code spec.files}): a read-only ({@code :ro}) file or directory, or any with
 *       type {@code configMap} → the {@code <service>-files} ConfigMap, read-only; a writable
 *       directory or single file → a claim named after the path, filled from the given content and
 *       again whenever it changes (an emptyDir with type {@code emptyDir}), so the service can
 *       write there as into the host's; a read-only mount of a path another service writes → the
 *       same claim;
 *   <li>anything else — a data directory such as {@code ./db_data}, {@code /srv/pihole} or {@code
 *       ~/data} whose content is not given → an empty claim named after the path (an emptyDir with
 *       type {@code emptyDir}).
 * </ol>
 */
public final class BindMounts {
  /** What a bind mount becomes. */
  enum Kind {
    /** source code the image already holds: skipped, the image's own content is used */
    SOURCE,
    /** a project file with key material: mounted from the user's Secret */
    KEY_FILE,
    /** a writable project file with key material: a claim filled once from the user's Secret */
    FILLED_KEY_FILE,
    /** given files, read-only: the {@code <service>-files} ConfigMap */
    CONFIG_MAP,
    /**
     * a writable directory or file whose content is given: a claim filled from it (a file: mounted
     * with {@code subPath})
     */
    SEEDED_CLAIM,
    /** a writable directory or file whose content is given: an emptyDir filled at each start */
    SEEDED_EMPTY_DIR,
    /** a directory whose content is not given: an empty claim */
    CLAIM,
    /** a directory whose content is not given: an emptyDir ({@code bindMounts.type: emptyDir}) */
    EMPTY_DIR,
    /** the node's path: hostPath, {@code privileged} only */
    HOST_PATH,
    /** read-only host configuration (time zone): skipped */
    HOST_CONFIG,
    /** {@code /dev/null}: an empty file */
    EMPTY_FILE,
    /** a project file that exists but is not shipped (binary, too big): skipped */
    UNSHIPPED_FILE
  }

  /**
   * What one bind mount becomes.
   *
   * @param kind the kind
   * @param claim the claim's name for {@link Kind#CLAIM} and {@link Kind#SEEDED_CLAIM}, else null
   * @param hostPath the node's path for {@link Kind#HOST_PATH}, else null
   * @param reason for a host path: why only {@code privileged} allows it and what else to do
   * @param claimSource the bind source the claim is named after: the mount's own, or for a
   *     directory inside another data directory that is a claim, that directory's
   * @param subDirectory for a directory inside another one's claim: its path below it, else null
   */
  record Decision(
      Kind kind,
      String claim,
      String hostPath,
      String reason,
      String claimSource,
      String subDirectory) {
    Decision(Kind kind, String claim, String hostPath, String reason) {
      this(kind, claim, hostPath, reason, null, null);
    }

    static Decision of(Kind kind) {
      return new Decision(kind, null, null, null);
    }

    static Decision claim(Kind kind, String source) {
      return new Decision(kind, Names.bindClaim(source), null, null, source, null);
    }
  }

  /** Directories of a node that a container must not see unless the profile is privileged. */
  private static final List<String> SYSTEM_DIRECTORIES =
      List.of(
          "/boot",
          "/bin",
          "/dev",
          "/etc",
          "/lib",
          "/lib64",
          "/lib/modules",
          "/proc",
          "/root",
          "/run",
          "/sbin",
          "/sys",
          "/usr",
          "/var/lib/containerd",
          "/var/lib/docker",
          "/var/lib/kubelet",
          "/var/log",
          "/var/run");

  /** Host files that give a container the host's time zone. */
  private static final List<String> TIME_ZONE_PATHS =
      List.of("/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo");

  private BindMounts() {}

  /**
   * The decision for one bind mount of a service. A data directory inside another data directory
   * that is a claim ({@code /srv/media/downloads} beside {@code /srv/media}) is a sub-directory of
   * that claim, so that both services see the same files, as on the host.
   */
  static Decision decide(
      Index index, ServiceConfig service, ServiceVolumeConfig mount, ProjectOptions options) {
    Decision alone = decideAlone(index, service, mount, options);
    if (alone.kind() != Kind.CLAIM) {
      return alone;
    }
    // the outermost data directory above this one that is a claim itself
    String source = mount.source();
    String outer = null;
    for (int slash = source.indexOf('/', 1); slash > 0 && outer == null; ) {
      String ancestor = source.substring(0, slash);
      for (Owner owner : index.bySource().getOrDefault(ancestor, List.of())) {
        if (decideAlone(index, owner.service(), owner.volume(), options).kind() == Kind.CLAIM) {
          outer = ancestor;
          break;
        }
      }
      slash = source.indexOf('/', slash + 1);
    }
    if (outer == null) {
      return alone;
    }
    return new Decision(
        Kind.CLAIM,
        Names.bindClaim(outer),
        null,
        null,
        outer,
        mount.source().substring(outer.length() + 1));
  }

  /** A bind mount of some service. */
  private record Owner(ServiceConfig service, ServiceVolumeConfig volume) {}

  /**
   * The bind mounts of a model by source, and the sources some service mounts writable: what
   * deciding one mount needs to know of the others. Built once per translation ({@code
   * ProjectTranslator}, and once by each {@link Claims} pass), since the translation decides every
   * mount several times (the security check, the claims, the pod) and a project may have a thousand
   * of them.
   */
  record Index(ComposeModel model, Map<String, List<Owner>> bySource, Set<String> writable) {

    /** The index of the bind mounts of {@code model}. */
    static Index of(ComposeModel model) {
      Map<String, List<Owner>> bySource = new HashMap<>();
      Set<String> writable = new HashSet<>();
      for (ServiceConfig service : model.services().values()) {
        for (Claims.ServiceMount mount : Claims.mountsOf(model, service)) {
          ServiceVolumeConfig volume = mount.volume();
          if (ServiceVolumeConfig.BIND.equals(volume.type()) && volume.source() != null) {
            bySource
                .computeIfAbsent(volume.source(), k -> new ArrayList<>())
                .add(new Owner(service, volume));
            if (!volume.readOnly()) {
              writable.add(volume.source());
            }
          }
        }
      }
      return new Index(model, bySource, writable);
    }
  }

  private static Decision decideAlone(
      Index index, ServiceConfig service, ServiceVolumeConfig mount, ProjectOptions options) {
    ComposeModel model = index.model();
    String source = mount.source();
    boolean privileged = options.securityProfile() == SecurityProfile.privileged;
    BindMountType type = options.bindMounts().type();
    if (source.equals("/dev/null")) {
      return Decision.of(Kind.EMPTY_FILE);
    }
    if (mount.isHostPath()) {
      if (isTimeZone(source) || (mount.readOnly() && under(source, "/etc"))) {
        return privileged
            ? new Decision(Kind.HOST_PATH, null, source, null)
            : Decision.of(Kind.HOST_CONFIG);
      }
      String system = systemPathReason(source);
      if (system != null) {
        return new Decision(Kind.HOST_PATH, null, source, system);
      }
      if (type == BindMountType.hostPath) {
        return new Decision(Kind.HOST_PATH, null, source, hostPathTypeReason());
      }
      return type == BindMountType.emptyDir
          ? Decision.of(Kind.EMPTY_DIR)
          : Decision.claim(Kind.CLAIM, source);
    }
    if (KeyMaterial.isKeyFile(source, options.secretFiles())) {
      return !mount.readOnly() && type == BindMountType.persistentVolumeClaim
          ? Decision.claim(Kind.FILLED_KEY_FILE, source)
          : Decision.of(Kind.KEY_FILE);
    }
    if (type == BindMountType.hostPath) {
      String directory = options.bindMounts().hostDirectory();
      String path =
          directory == null
              ? null
              : source.equals(".") ? directory : stripSlash(directory) + "/" + source;
      return new Decision(Kind.HOST_PATH, null, path, hostPathTypeReason());
    }
    if (options.bindMounts().unshippedFiles().contains(KeyMaterial.normalize(source))) {
      return Decision.of(Kind.UNSHIPPED_FILE);
    }
    if (isSource(service, source, options.bindMounts().sourcePaths())) {
      return Decision.of(Kind.SOURCE);
    }
    boolean file = model.files().containsKey(source);
    boolean directory = !file && hasGivenFiles(model, source);
    if (file || directory) {
      if (mount.readOnly()
          && type == BindMountType.persistentVolumeClaim
          && index.writable().contains(source)) {
        // another service writes there: this one sees the same claim, as it sees the same host
        // directory or file under Compose; the writer's fill container fills a directory, and a
        // file is filled by this one's too (a subPath that does not exist yet would be created as
        // a directory)
        return Decision.claim(file ? Kind.SEEDED_CLAIM : Kind.CLAIM, source);
      }
      if (mount.readOnly() || type == BindMountType.configMap) {
        return Decision.of(Kind.CONFIG_MAP);
      }
      return type == BindMountType.emptyDir
          ? Decision.of(Kind.SEEDED_EMPTY_DIR)
          : Decision.claim(Kind.SEEDED_CLAIM, source);
    }
    return type == BindMountType.emptyDir
        ? Decision.of(Kind.EMPTY_DIR)
        : Decision.claim(Kind.CLAIM, source);
  }

  /**
   * True when a project path is source code the service's image already holds: the project
   * directory itself, the service's build context, a directory inside the build context that the
   * CLI found to hold source code ({@code recorded}: {@code spec.bindMounts.sourcePaths}, since
   * only the disk can tell {@code ./src} from {@code ./data}), or a path inside another such mount
   * of the service ({@code .:/app} with {@code ./src:/app/src}). Such paths are not shipped; the
   * translation uses the image's content.
   */
  public static boolean isSource(
      ServiceConfig service, String source, java.util.Collection<String> recorded) {
    String path = KeyMaterial.normalize(source);
    if (isSourceRoot(service, path)
        || recorded.stream().map(KeyMaterial::normalize).anyMatch(path::equals)) {
      return true;
    }
    for (ServiceVolumeConfig other : service.volumes()) {
      if (ServiceVolumeConfig.BIND.equals(other.type())
          && other.source() != null
          && !other.isHostPath()
          && !path.startsWith("../")) {
        String otherPath = KeyMaterial.normalize(other.source());
        if (!otherPath.equals(path)
            && isSourceRoot(service, otherPath)
            && contains(otherPath, path)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The service's build context as a normalized project path, or null when it has none or it is not
   * a local directory (a Git URL).
   */
  public static String buildContext(ServiceConfig service) {
    if (service.image().build() == null || service.image().build().context() == null) {
      return null;
    }
    String context = service.image().build().context();
    if (context.contains("://") || context.startsWith("git@") || context.startsWith("/")) {
      return null;
    }
    return KeyMaterial.normalize(context);
  }

  private static boolean isSourceRoot(ServiceConfig service, String path) {
    return path.equals(".") || path.equals(buildContext(service));
  }

  /** True when {@code path} is {@code directory} or inside it (normalized project paths). */
  public static boolean inside(String directory, String path) {
    return contains(directory, path);
  }

  /** True when {@code path} is {@code directory} or inside it (normalized project paths). */
  private static boolean contains(String directory, String path) {
    if (directory.equals(".")) {
      return !path.equals("..") && !path.startsWith("../");
    }
    return path.equals(directory) || path.startsWith(directory + "/");
  }

  static boolean hasGivenFiles(ComposeModel model, String source) {
    String prefix = source + "/";
    return model.files().keySet().stream().anyMatch(p -> p.startsWith(prefix));
  }

  static boolean isTimeZone(String source) {
    return TIME_ZONE_PATHS.stream().anyMatch(p -> under(source, p));
  }

  /**
   * Why a host path is the node's system and not data, or null for a data directory. Such a path is
   * mounted only under {@code privileged}, as hostPath.
   */
  static String systemPathReason(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".sock")) {
      return "the socket "
          + source
          + " would give the container the node's container runtime, which is root on the node"
          + " (and a node may not run Docker at all); a service that manages containers (Traefik's"
          + " Docker provider, Portainer, Watchtower) needs its Kubernetes counterpart instead,"
          + " such as Traefik's kubernetesCRD provider";
    }
    if (under(source, "/dev")) {
      return "the device "
          + source
          + " is the node's hardware; a device plugin (GPUs) or a privileged project gives"
          + " devices to pods";
    }
    if (source.equals("/")) {
      return "the node's root file system gives the container the whole node";
    }
    for (String directory : SYSTEM_DIRECTORIES) {
      if (under(source, directory)) {
        return "the system path "
            + source
            + " gives the container access to the node (monitoring agents such as node-exporter"
            + " and cAdvisor need it, and run as a privileged project)";
      }
    }
    return null;
  }

  private static String hostPathTypeReason() {
    return "bindMounts.type hostPath (--volumes hostPath) mounts the node's directories, which"
        + " gives the container access to the node; the default persistentVolumeClaim keeps the"
        + " data in claims instead";
  }

  private static boolean under(String path, String directory) {
    return path.equals(directory) || path.startsWith(directory + "/");
  }

  private static String stripSlash(String directory) {
    return directory.length() > 1 && directory.endsWith("/")
        ? directory.substring(0, directory.length() - 1)
        : directory;
  }
}
