package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceFileRef;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A service's pod volumes and mounts (ARCHITECTURE.md, "Volumes, configs and secrets").
 *
 * <ul>
 *   <li>named volume → its claim ({@link Claims}), mounted at the claim's sub-directory {@value
 *       Claims#CLAIM_SUBDIR}, so the service sees an empty directory as with a new Docker volume,
 *       and seeded from the image on first use; an {@code external} one at its root, never seeded;
 *   <li>anonymous volume → emptyDir, seeded from the image at every start as Docker fills a new
 *       one; {@code tmpfs} → emptyDir in memory with {@code sizeLimit}; {@code shm_size} → an
 *       in-memory emptyDir at {@code /dev/shm};
 *   <li>the mounts of the services in {@code volumes_from} ({@link Claims#mountsOf}) as its own;
 *   <li>{@code configs} → the config's ConfigMap ({@link ConfigMaps}), mounted with {@code
 *       subPath}; {@code secrets} → the user's Secret named after the secret (key = the secret's
 *       key), mounted with {@code subPath}, never created from content;
 *   <li>bind mount → what {@link BindMounts} decides: a claim named after the path (filled from the
 *       given files by an init container when they are given and the mount is writable), the
 *       ConfigMap {@code <service>-files} (read-only given files, {@code /dev/null}), an emptyDir
 *       or hostPath ({@code bindMounts.type}), or nothing (source code, host time zone), with a
 *       warning that says which and why;
 *   <li>a project file with key material ({@link KeyMaterial}), bind-mounted alone or inside a
 *       bind-mounted directory → the user's Secret named after its path, never a ConfigMap (a
 *       directory holding one becomes a projected volume of its ConfigMap files and those Secrets).
 * </ul>
 */
final class PodVolumes {
  /** Compose's default mode of mounted configs and secrets (0444). */
  static final int DEFAULT_FILE_MODE = 0444;

  private static final Pattern NOT_DATA_KEY_CHARS = Pattern.compile("[^-._a-zA-Z0-9]");

  private PodVolumes() {}

  /**
   * A volume for an init container to fill ({@link InitContainers#seedContainers}): from the image
   * on first use (a new named or anonymous volume), or from given files whenever they change (a
   * writable bind-mounted directory or file whose content is given).
   *
   * @param volumeKey names the init container
   * @param podVolume the pod volume to fill
   * @param subPath its sub-directory that the service mounts
   * @param target the mount path in the service's container (what the image has there)
   * @param filesVolume for a fill from given files: the pod volume that holds them, else null
   * @param filesHash for a fill from given files: the hash of their content, else null
   */
  record Seed(
      String volumeKey,
      String podVolume,
      String subPath,
      String target,
      String filesVolume,
      String filesHash) {
    static Seed image(String volumeKey, String podVolume, String subPath, String target) {
      return new Seed(volumeKey, podVolume, subPath, target, null, null);
    }
  }

  /**
   * What a service's pod needs for its mounts.
   *
   * @param volumes the pod's volumes
   * @param mounts the main container's mounts
   * @param seeds named volumes to fill from the image
   * @param filesConfigMap the {@code <service>-files} ConfigMap, or null
   * @param configMaps names of the ConfigMaps this project creates that the pod mounts (for the
   *     content hash)
   * @param readWriteOnceClaims claims the pod mounts that allow a single node (incl. external ones,
   *     whose mode is unknown)
   */
  record PodStorage(
      List<Volume> volumes,
      List<VolumeMount> mounts,
      List<Seed> seeds,
      ConfigMap filesConfigMap,
      SortedSet<String> configMaps,
      Set<String> readWriteOnceClaims) {}

  /** The volumes and mounts of one service's pod. */
  static PodStorage forService(ServiceContext ctx) {
    return new PodBuilder(ctx).build();
  }

  private static final class PodBuilder {
    private final ServiceContext ctx;
    private final ServiceConfig service;
    private final ComposeModel model;
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, String> volumeByKey = new TreeMap<>();
    private final List<VolumeMount> mounts = new ArrayList<>();
    private final Map<String, String> mountSources = new TreeMap<>();
    private final List<Seed> seeds = new ArrayList<>();
    private final SortedMap<String, String> files = new TreeMap<>();
    private final Map<String, String> fileKeys = new TreeMap<>();
    private final SortedSet<String> configMaps = new TreeSet<>();
    private final Set<String> singleNodeClaims = new TreeSet<>();

    PodBuilder(ServiceContext ctx) {
      this.ctx = ctx;
      this.service = ctx.service();
      this.model = ctx.model();
    }

    PodStorage build() {
      for (Claims.ServiceMount mount : Claims.mountsOf(model, service)) {
        if (mount.from() != null
            && ServiceVolumeConfig.VOLUME.equals(mount.volume().type())
            && mount.volume().source() == null) {
          ctx.warn(
              mount.key(),
              "the anonymous volume of service "
                  + mount.from()
                  + " at "
                  + mount.volume().target()
                  + " is that pod's own and cannot be shared with another pod: this service gets"
                  + " its own, filled from its image; share a named volume instead");
        }
        mountVolume(mount.volume(), mount.key(), mount.index());
      }
      for (int i = 0; i < service.configs().size(); i++) {
        mountConfig(service.configs().get(i), "configs[" + i + "]");
      }
      for (int i = 0; i < service.secrets().size(); i++) {
        mountSecret(service.secrets().get(i), "secrets[" + i + "]");
      }
      if (service.shmSize() != null) {
        // shm_size → an in-memory emptyDir at /dev/shm with that size
        String name =
            volume(
                "dshm",
                "shm",
                v ->
                    v.withNewEmptyDir()
                        .withMedium("Memory")
                        .withSizeLimit(ResourceLimits.memory(service.shmSize()))
                        .endEmptyDir());
        mount(
            "shm_size", new VolumeMountBuilder().withName(name).withMountPath("/dev/shm").build());
      }
      ConfigMap filesConfigMap = null;
      if (!files.isEmpty()) {
        String name = Names.filesConfigMap(ctx.objectName());
        filesConfigMap =
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Labels.forService(ctx.project(), ctx.objectName()))
                .endMetadata()
                .withData(files)
                .build();
        ConfigMaps.checkSize(ctx.file(), ctx.path("volumes"), filesConfigMap);
        configMaps.add(name);
      }
      return new PodStorage(
          new ArrayList<>(volumes.values()),
          mounts,
          seeds,
          filesConfigMap,
          configMaps,
          singleNodeClaims);
    }

    private void mountVolume(ServiceVolumeConfig mount, String key, int index) {
      String type = mount.type();
      if (ServiceVolumeConfig.VOLUME.equals(type) && mount.source() != null) {
        namedVolume(mount, key);
      } else if (ServiceVolumeConfig.VOLUME.equals(type)) {
        // anonymous volume → emptyDir, filled from the image as Docker fills a new anonymous
        // volume (the node_modules idiom relies on it), unless nocopy
        String name =
            volume("anon-" + index, "anon-" + index, v -> v.withNewEmptyDir().endEmptyDir());
        boolean seeded = !mount.noCopy() && !mount.readOnly();
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withSubPath(seeded ? Claims.CLAIM_SUBDIR : null)
                .withReadOnly(mount.readOnly() ? true : null)
                .build());
        if (seeded) {
          seeds.add(Seed.image("anon-" + index, name, Claims.CLAIM_SUBDIR, mount.target()));
        }
      } else if (ServiceVolumeConfig.TMPFS.equals(type)) {
        // tmpfs → emptyDir medium Memory, size → sizeLimit
        String name =
            volume(
                "tmpfs-" + index,
                "tmpfs-" + index,
                v ->
                    v.withNewEmptyDir()
                        .withMedium("Memory")
                        .withSizeLimit(
                            mount.tmpfsSize() == null
                                ? null
                                : ResourceLimits.memory(mount.tmpfsSize()))
                        .endEmptyDir());
        if (mount.tmpfsMode() != null) {
          ctx.warn(key + ".tmpfs.mode", "tmpfs mode is not mapped; the emptyDir's mode is used");
        }
        mount(key, new VolumeMountBuilder().withName(name).withMountPath(mount.target()).build());
      } else if (ServiceVolumeConfig.BIND.equals(type)) {
        bind(mount, key, index);
      } else {
        ctx.warn(key, "a volume of type \"" + type + "\" has no Kubernetes equivalent; skipped");
      }
    }

    private void namedVolume(ServiceVolumeConfig mount, String key) {
      String claim = Claims.claimName(model, mount.source());
      String name =
          volume(
              "vol-" + claim,
              "volume:" + mount.source(),
              v ->
                  v.withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim());
      if (Claims.isSingleNode(model, mount.source(), ctx.options())) {
        singleNodeClaims.add(claim);
      }
      if (model.volumes().get(mount.source()).external()) {
        // an existing claim holds existing data: mounted at its root (or volume.subpath), never
        // seeded or written to by an init container
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withSubPath(mount.subpath())
                .withReadOnly(mount.readOnly() ? true : null)
                .build());
        return;
      }
      String subPath =
          mount.subpath() == null
              ? Claims.CLAIM_SUBDIR
              : Claims.CLAIM_SUBDIR + "/" + mount.subpath();
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withSubPath(subPath)
              .withReadOnly(mount.readOnly() ? true : null)
              .build());
      if (!mount.noCopy() && !mount.readOnly() && mount.subpath() == null) {
        seeds.add(Seed.image(mount.source(), name, Claims.CLAIM_SUBDIR, mount.target()));
      }
    }

    private void bind(ServiceVolumeConfig mount, String key, int index) {
      String source = mount.source();
      BindMounts.Decision decision =
          BindMounts.decide(ctx.bindMounts(), service, mount, ctx.options());
      switch (decision.kind()) {
        case EMPTY_FILE -> {
          emptyFile(mount, key);
          return;
        }
        case HOST_PATH -> {
          hostPath(mount, key, index, decision);
          return;
        }
        case HOST_CONFIG -> {
          hostConfig(mount, key);
          return;
        }
        case FILLED_KEY_FILE -> {
          filledKeyFile(mount, key, decision);
          return;
        }
        case KEY_FILE -> {
          keyFile(mount, key, source);
          return;
        }
        case UNSHIPPED_FILE -> {
          ctx.warn(
              key,
              "bind mount of the file "
                  + shown(source)
                  + " is skipped: it is binary or bigger than 256 KiB, so it is not in"
                  + " spec.files, and a claim cannot stand in for a single file; the image's own "
                  + mount.target()
                  + " is used (put the file into a named volume, or its directory into a bind"
                  + " mount, to keep it)");
          return;
        }
        case SOURCE -> {
          ctx.warn(
              key,
              "bind mount of "
                  + shown(source)
                  + " is source code the image already holds (the project directory or the"
                  + " service's build context): the image's own content at "
                  + mount.target()
                  + " is used; live reload and edits on your disk do not carry over to a"
                  + " cluster");
          return;
        }
        case CLAIM, EMPTY_DIR -> {
          dataDirectory(mount, key, index, decision);
          return;
        }
        case SEEDED_CLAIM, SEEDED_EMPTY_DIR -> {
          filledDirectory(mount, key, index, decision);
          return;
        }
        case CONFIG_MAP -> {
          // below
        }
      }
      String content = model.files().get(source);
      if (content != null) {
        // a single project file given in spec.files → <service>-files ConfigMap, subPath
        warnReadOnly(mount, key, true);
        givenFile(mount, key, fileKey(source, key), content);
        return;
      }
      List<KeyToPath> items = new ArrayList<>();
      if (!source.equals(".")) {
        givenFilesUnder(source, key, items);
      }
      SortedSet<String> keyFiles =
          source.equals(".")
              ? new TreeSet<>()
              : KeyMaterial.under(source, model.files().keySet(), ctx.options().secretFiles());
      if (!keyFiles.isEmpty()) {
        keyFilesInDirectory(mount, key, index, source, items, keyFiles);
        return;
      }
      // a project directory whose files are given → the ConfigMap mounted as that directory
      warnReadOnly(mount, key, false);
      String filesMap = Names.filesConfigMap(ctx.objectName());
      String name =
          volume(
              "files-" + index,
              "files-dir:" + index,
              v -> v.withNewConfigMap().withName(filesMap).withItems(items).endConfigMap());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withReadOnly(true)
              .build());
    }

    /** How a project path reads in a message: {@code ./data}, {@code ../x}, {@code .}. */
    private static String shown(String source) {
      return source.equals(".")
              || source.startsWith("../")
              || source.startsWith("/")
              || source.startsWith("~")
          ? source
          : "./" + source;
    }

    /** Given files mounted read-only from the ConfigMap: says so, and why, unless {@code :ro}. */
    private void warnReadOnly(ServiceVolumeConfig mount, String key, boolean file) {
      if (mount.readOnly()) {
        return; // :ro asks for exactly this
      }
      // a writable given file or directory is a filled claim unless bindMounts.type says
      // configMap (BindMounts)
      ctx.warn(
          key,
          shown(mount.source())
              + " is mounted read-only from the ConfigMap "
              + Names.filesConfigMap(ctx.objectName())
              + " (bindMounts.type is configMap (--volumes configMap)); a change of "
              + (file ? "the file" : "its files")
              + " rolls the pods");
    }

    /** {@code /dev/null} over a file: an empty file, as the null device reads. */
    private void emptyFile(ServiceVolumeConfig mount, String key) {
      givenFile(mount, key, fileKey("/dev/null", key), "");
    }

    /** One file of the {@code <service>-files} ConfigMap, mounted read-only at the target. */
    private void givenFile(ServiceVolumeConfig mount, String key, String dataKey, String content) {
      files.put(dataKey, content);
      mount(
          key,
          new VolumeMountBuilder()
              .withName(filesVolume())
              .withMountPath(mount.target())
              .withSubPath(dataKey)
              .withReadOnly(true)
              .build());
    }

    /** A node path, under {@code privileged} ({@link SecurityProfiles#check} refuses it before). */
    private void hostPath(
        ServiceVolumeConfig mount, String key, int index, BindMounts.Decision decision) {
      String path = decision.hostPath();
      if (path == null) {
        throw ctx.error(
            key,
            "bindMounts.type hostPath needs bindMounts.hostDirectory, the Compose file's directory"
                + " on the node, to resolve "
                + shown(mount.source())
                + " (convert --volumes hostPath records it)");
      }
      if (path.startsWith("~")) {
        throw ctx.error(
            key,
            "the host path "
                + path
                + " is relative to a home directory, which a node does not have; give an absolute"
                + " path");
      }
      String name =
          volume(
              "host-" + index,
              "host:" + path + ":" + index,
              v ->
                  v.withNewHostPath()
                      // no type: a missing path is created as a directory, as Docker does for the
                      // short syntax, and sockets and files are mounted as they are;
                      // create_host_path in the long syntax says so explicitly
                      .withPath(path)
                      .withType(mount.createHostPath() ? "DirectoryOrCreate" : null)
                      .endHostPath());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withReadOnly(mount.readOnly() ? true : null)
              .build());
    }

    /** Read-only host configuration (time zone): skipped, with what to do instead. */
    private void hostConfig(ServiceVolumeConfig mount, String key) {
      String tz =
          service.environment().stream()
              .filter(e -> e.name().equals("TZ"))
              .map(io.composeoperator.compose.model.EnvVar::value)
              .reduce((a, b) -> b)
              .orElse(null);
      String what;
      if (BindMounts.isTimeZone(mount.source())) {
        what =
            tz != null && !tz.isEmpty()
                ? "the service's TZ=" + tz + " sets its time zone instead"
                : "set TZ in the service's environment (TZ: Europe/Amsterdam) to choose its time"
                    + " zone; it is UTC otherwise";
      } else {
        what = "the image's own " + mount.target() + " is used";
      }
      ctx.warn(
          key,
          "the host file "
              + mount.source()
              + " is skipped: a pod does not see the host it was written for, and security profile "
              + ctx.options().securityProfile()
              + " does not mount node paths; "
              + what);
    }

    /**
     * A directory whose content is not given: an empty claim named after its path (kept like a
     * named volume), or an emptyDir with {@code bindMounts.type: emptyDir}.
     */
    private void dataDirectory(
        ServiceVolumeConfig mount, String key, int index, BindMounts.Decision decision) {
      String source = mount.source();
      if (decision.claim() == null) {
        String name =
            volume("bind-" + index, "bind-empty:" + source, v -> v.withNewEmptyDir().endEmptyDir());
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withReadOnly(mount.readOnly() ? true : null)
                .build());
        ctx.warn(
            key,
            "bind mount of "
                + shown(source)
                + " is an emptyDir (bindMounts.type emptyDir): what the service writes there is"
                + " lost when the pod goes; the host's content is not copied");
        return;
      }
      String name = claimVolume(decision.claim());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withSubPath(
                  decision.subDirectory() == null
                      ? Claims.CLAIM_SUBDIR
                      : Claims.CLAIM_SUBDIR + "/" + decision.subDirectory())
              .withReadOnly(mount.readOnly() ? true : null)
              .build());
      if (decision.subDirectory() != null) {
        ctx.warn(
            key,
            "bind mount of "
                + shown(source)
                + " is the directory "
                + decision.subDirectory()
                + " of the PersistentVolumeClaim "
                + decision.claim()
                + " (of "
                + shown(decision.claimSource())
                + "), so it holds the same files as on the host; the host's content is not"
                + " copied");
        return;
      }
      if (BindMounts.hasGivenFiles(model, source)) {
        ctx.warn(
            key,
            "bind mount of "
                + shown(source)
                + " is the PersistentVolumeClaim "
                + decision.claim()
                + ", read-only: another service writes there and fills it from its files in"
                + " spec.files, so this one sees what that one writes");
        return;
      }
      ctx.warn(
          key,
          "bind mount of "
              + shown(source)
              + " is the PersistentVolumeClaim "
              + decision.claim()
              + " (kept like a named volume, spec.storage and volumeRetention apply); the host's"
              + " content is not copied: it starts empty"
              + (source.startsWith("/") || source.startsWith("~")
                  ? ""
                  : " (its files are not in spec.files)"));
    }

    /**
     * The given files under the directory {@code source} (key material left out: it stays in
     * Secrets): each goes into the {@code <service>-files} ConfigMap and gets an item in {@code
     * items}, at its path relative to {@code source}.
     *
     * @return the files' contents by that relative path
     */
    private SortedMap<String, String> givenFilesUnder(
        String source, String key, List<KeyToPath> items) {
      String prefix = source + "/";
      SortedMap<String, String> given = new TreeMap<>();
      for (Map.Entry<String, String> file : model.files().entrySet()) {
        if (file.getKey().startsWith(prefix)
            && !KeyMaterial.isKeyFile(file.getKey(), ctx.options().secretFiles())) {
          String dataKey = fileKey(file.getKey(), key);
          String relative = file.getKey().substring(prefix.length());
          files.put(dataKey, file.getValue());
          given.put(relative, file.getValue());
          items.add(new KeyToPathBuilder().withKey(dataKey).withPath(relative).build());
        }
      }
      return given;
    }

    /**
     * A writable directory or single file whose content is given: a claim (or emptyDir) that an
     * init container fills from the {@code <service>-files} ConfigMap, again whenever the content
     * changes. A file is mounted from the claim with {@code subPath}, so the rest of the image's
     * directory stays visible; a read-only mount of a file another service writes is filled too (a
     * {@code subPath} that does not exist yet would be created as a directory).
     */
    private void filledDirectory(
        ServiceVolumeConfig mount, String key, int index, BindMounts.Decision decision) {
      String source = mount.source();
      String content = model.files().get(source);
      String fileName = content == null ? null : source.substring(source.lastIndexOf('/') + 1);
      List<KeyToPath> items = new ArrayList<>();
      SortedMap<String, String> given = new TreeMap<>();
      if (content != null) {
        String dataKey = fileKey(source, key);
        files.put(dataKey, content);
        given.put(fileName, content);
        items.add(new KeyToPathBuilder().withKey(dataKey).withPath(fileName).build());
      } else {
        given.putAll(givenFilesUnder(source, key, items));
        SortedSet<String> keyFiles =
            KeyMaterial.under(source, model.files().keySet(), ctx.options().secretFiles());
        if (!keyFiles.isEmpty()) {
          // key material stays in Secrets: the directory is mounted as today, read-only
          keyFilesInDirectory(mount, key, index, source, items, keyFiles);
          return;
        }
      }
      String filesMap = Names.filesConfigMap(ctx.objectName());
      String filesVolume =
          volume(
              "files-" + index,
              "files-dir:" + index,
              v -> v.withNewConfigMap().withName(filesMap).withItems(items).endConfigMap());
      String name =
          decision.claim() == null
              ? volume(
                  "bind-" + index, "bind-empty:" + source, v -> v.withNewEmptyDir().endEmptyDir())
              : claimVolume(decision.claim());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withSubPath(
                  fileName == null ? Claims.CLAIM_SUBDIR : Claims.CLAIM_SUBDIR + "/" + fileName)
              .withReadOnly(mount.readOnly() ? true : null)
              .build());
      seeds.add(
          new Seed(
              decision.claim() == null ? "bind-" + index : decision.claim(),
              name,
              Claims.CLAIM_SUBDIR,
              mount.target(),
              filesVolume,
              ContentHash.ofFiles(given)));
      ctx.warn(key, filledWarning(mount, decision, fileName != null));
    }

    /** What a filled bind mount became, and why. */
    private String filledWarning(
        ServiceVolumeConfig mount, BindMounts.Decision decision, boolean file) {
      String what = (file ? "the file " : "") + shown(mount.source());
      String from = file ? "the file in spec.files" : "its files in spec.files";
      if (decision.claim() == null) {
        return "bind mount of "
            + what
            + " is an emptyDir (bindMounts.type emptyDir) filled from "
            + from
            + " at every start; what the service writes there is lost when the pod goes";
      }
      if (mount.readOnly()) {
        return "bind mount of "
            + what
            + " is the PersistentVolumeClaim "
            + decision.claim()
            + ", read-only: another service writes the file there, so this one sees what that one"
            + " writes; an init container fills it from "
            + from
            + " when the claim is new or the file changes";
      }
      return "bind mount of "
          + what
          + " is the PersistentVolumeClaim "
          + decision.claim()
          + ", filled from "
          + from
          + " by an init container, so the service can write there and what it writes persists;"
          + (file
              ? " when the file changes, the pods roll and the changed file is copied over the"
                  + " claim's (mount it :ro to read it from the ConfigMap "
                  + Names.filesConfigMap(ctx.objectName())
                  + " instead)"
              : " when the files change, the pods roll and the changed files are copied over the"
                  + " claim's");
    }

    /** The pod volume of a bind mount's claim. */
    private String claimVolume(String claim) {
      if (Claims.bindClaimsAreSingleNode(ctx.options())) {
        singleNodeClaims.add(claim);
      }
      return volume(
          "bind-" + claim,
          "bind-claim:" + claim,
          v -> v.withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim());
    }

    /**
     * A writable bind-mounted key file → a claim that an init container fills once from the user's
     * Secret (mode 0600); the service then writes the file in the claim, and what it writes is kept
     * (under Compose it writes the host's file). The Secret's content is not known here, so a later
     * change of the Secret does not reach a filled claim.
     */
    private void filledKeyFile(
        ServiceVolumeConfig mount, String key, BindMounts.Decision decision) {
      String path = KeyMaterial.normalize(mount.source());
      String secretName = Names.keyFileSecret(path);
      String dataKey = KeyMaterial.dataKey(path);
      ctx.requiredSecrets().add(secretName);
      String secretVolume = keyFileVolume(secretName, path, dataKey);
      String name = claimVolume(decision.claim());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withSubPath(Claims.CLAIM_SUBDIR + "/" + dataKey)
              .build());
      // a fixed marker: filled when the claim is new, never again over what the service wrote
      seeds.add(
          new Seed(
              decision.claim(),
              name,
              Claims.CLAIM_SUBDIR,
              mount.target(),
              secretVolume,
              "secret-" + secretName));
      ctx.warn(
          key,
          "bind mount of the key file "
              + shown(mount.source())
              + " is the PersistentVolumeClaim "
              + decision.claim()
              + ", filled once from the Secret "
              + secretName
              + " (which you create: convert prints the command) by an init container, so the"
              + " service can write the file and what it writes persists; a later change of the"
              + " Secret does not reach a filled claim (mount it :ro to read the Secret itself)");
    }

    private String keyFileVolume(String secretName, String path, String dataKey) {
      return volume(
          "key-" + secretName,
          "key:" + path,
          v ->
              v.withNewSecret()
                  .withSecretName(secretName)
                  .withItems(
                      new KeyToPathBuilder()
                          .withKey(dataKey)
                          .withPath(dataKey)
                          .withMode(KeyMaterial.FILE_MODE)
                          .build())
                  .endSecret());
    }

    /** A bind-mounted key file → the user's Secret named after its path, never a ConfigMap. */
    private void keyFile(ServiceVolumeConfig mount, String key, String source) {
      String path = KeyMaterial.normalize(source);
      String secretName = Names.keyFileSecret(path);
      String dataKey = KeyMaterial.dataKey(path);
      ctx.requiredSecrets().add(secretName);
      String name = keyFileVolume(secretName, path, dataKey);
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withSubPath(dataKey)
              .withReadOnly(true)
              .build());
      ctx.warn(key, keyFileWarning(List.of(path)));
    }

    /**
     * A bind-mounted directory with key files → one projected volume: the given files from the
     * {@code <service>-files} ConfigMap, each key file from its own Secret.
     */
    private void keyFilesInDirectory(
        ServiceVolumeConfig mount,
        String key,
        int index,
        String source,
        List<KeyToPath> items,
        SortedSet<String> keyFiles) {
      String prefix = KeyMaterial.normalize(source) + "/";
      String filesMap = Names.filesConfigMap(ctx.objectName());
      List<VolumeProjection> sources = new ArrayList<>();
      if (!items.isEmpty()) {
        sources.add(
            new VolumeProjectionBuilder()
                .withNewConfigMap()
                .withName(filesMap)
                .withItems(items)
                .endConfigMap()
                .build());
      }
      for (String path : keyFiles) {
        String secretName = Names.keyFileSecret(path);
        ctx.requiredSecrets().add(secretName);
        sources.add(
            new VolumeProjectionBuilder()
                .withNewSecret()
                .withName(secretName)
                .withItems(
                    new KeyToPathBuilder()
                        .withKey(KeyMaterial.dataKey(path))
                        .withPath(path.substring(prefix.length()))
                        .withMode(KeyMaterial.FILE_MODE)
                        .build())
                .endSecret()
                .build());
      }
      String name =
          volume(
              "files-" + index,
              "files-dir:" + index,
              v -> v.withNewProjected().withSources(sources).endProjected());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(mount.target())
              .withReadOnly(true)
              .build());
      ctx.warn(key, keyFileWarning(keyFiles));
    }

    private String keyFileWarning(java.util.Collection<String> paths) {
      List<String> parts = new ArrayList<>();
      List<String> inSpecFiles = new ArrayList<>();
      for (String path : paths) {
        parts.add(path + " (Secret " + Names.keyFileSecret(path) + ")");
        if (model.files().containsKey(path)) {
          inSpecFiles.add(path);
        }
      }
      return "key material is mounted from Secrets you create, never from a ConfigMap: "
          + String.join(", ", parts)
          + " (convert prints the kubectl create secret commands)"
          + (inSpecFiles.isEmpty()
              ? ""
              : "; spec.files holds "
                  + String.join(", ", inSpecFiles)
                  + ", which is not used: remove it from the ComposeProject");
    }

    private String filesVolume() {
      String filesMap = Names.filesConfigMap(ctx.objectName());
      return volume("files", "files", v -> v.withNewConfigMap().withName(filesMap).endConfigMap());
    }

    private String fileKey(String path, String key) {
      String dataKey = NOT_DATA_KEY_CHARS.matcher(path.replace("/", "_")).replaceAll("_");
      if (dataKey.startsWith(".")) {
        dataKey = "_" + dataKey.substring(1);
      }
      String previous = fileKeys.putIfAbsent(dataKey, path);
      if (previous != null && !previous.equals(path)) {
        throw ctx.error(
            key,
            "the files "
                + previous
                + " and "
                + path
                + " map to the same ConfigMap key "
                + dataKey
                + "; rename one");
      }
      return dataKey;
    }

    private void mountConfig(ServiceFileRef ref, String key) {
      ConfigObjConfig config = model.configs().get(ref.source());
      String configMap = ConfigMaps.configMapName(model, ref.source());
      if (!config.external()) {
        configMaps.add(configMap);
      }
      int mode = fileMode(ref, key);
      String dataKey = ConfigMaps.dataKey(model, "configs." + ref.source(), ref.source());
      warnOwnership(ref, key);
      String name =
          volume(
              "config-" + configMap + modeSuffix(ref),
              "config:" + ref.source() + ":" + mode,
              v ->
                  v.withNewConfigMap()
                      .withName(configMap)
                      .withItems(
                          new KeyToPathBuilder()
                              .withKey(dataKey)
                              .withPath(dataKey)
                              .withMode(mode)
                              .build())
                      .endConfigMap());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(ref.target())
              .withSubPath(dataKey)
              .withReadOnly(true)
              .build());
    }

    private void mountSecret(ServiceFileRef ref, String key) {
      String secretName = Names.secretName(model, ref.source());
      ctx.requiredSecrets().add(secretName);
      int mode = fileMode(ref, key);
      String dataKey = ConfigMaps.dataKey(model, "secrets." + ref.source(), ref.source());
      warnOwnership(ref, key);
      String name =
          volume(
              "secret-" + secretName + modeSuffix(ref),
              "secret:" + ref.source() + ":" + mode,
              v ->
                  v.withNewSecret()
                      .withSecretName(secretName)
                      .withItems(
                          new KeyToPathBuilder()
                              .withKey(dataKey)
                              .withPath(dataKey)
                              .withMode(mode)
                              .build())
                      .endSecret());
      mount(
          key,
          new VolumeMountBuilder()
              .withName(name)
              .withMountPath(ref.target())
              .withSubPath(dataKey)
              .withReadOnly(true)
              .build());
    }

    /**
     * The mode of a mounted config or secret: the API server takes 0 to 0777, so the special bits
     * of a mode such as {@code 04755} (setuid, setgid, sticky) are dropped, with a warning.
     */
    private int fileMode(ServiceFileRef ref, String key) {
      if (ref.mode() == null) {
        return DEFAULT_FILE_MODE;
      }
      int mode = ref.mode();
      if (mode > 0777) {
        ctx.warn(
            key + ".mode",
            "mode 0"
                + Integer.toOctalString(mode)
                + " has setuid, setgid or sticky bits, which a mounted file cannot have (the API"
                + " server takes 0 to 0777): 0"
                + Integer.toOctalString(mode & 0777)
                + " is used");
      }
      return mode & 0777;
    }

    private String modeSuffix(ServiceFileRef ref) {
      return ref.mode() == null ? "" : "-" + Integer.toOctalString(ref.mode());
    }

    private void warnOwnership(ServiceFileRef ref, String key) {
      if (ref.uid() != null || ref.gid() != null) {
        ctx.warn(
            key,
            "uid/gid of a mounted file cannot be set on Kubernetes; the pod's fsGroup"
                + " owns it");
      }
    }

    /** Adds a pod volume once per identity, with a unique valid name; returns its name. */
    private String volume(String wanted, String identity, UnaryOperator<VolumeBuilder> shape) {
      String existing = volumeByKey.get(identity);
      if (existing != null) {
        return existing;
      }
      String name =
          Names.unique(
              wanted, n -> volumes.containsKey(n) || n.equals(InitContainers.WAIT_TOKEN_VOLUME));
      volumes.put(name, shape.apply(new VolumeBuilder().withName(name)).build());
      volumeByKey.put(identity, name);
      return name;
    }

    private void mount(String key, VolumeMount mount) {
      String previous = mountSources.putIfAbsent(mount.getMountPath(), key);
      if (previous != null) {
        throw ctx.error(
            key,
            "two mounts at "
                + mount.getMountPath()
                + " (also "
                + ctx.path(previous)
                + "); Compose rejects duplicate mount targets too");
      }
      mounts.add(mount);
    }
  }
}
