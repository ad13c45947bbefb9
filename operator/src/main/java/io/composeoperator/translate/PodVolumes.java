package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.SecurityProfile;
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
 *       and seeded from the image on first use;
 *   <li>anonymous volume → emptyDir; {@code tmpfs} → emptyDir in memory with {@code sizeLimit};
 *       {@code shm_size} → an in-memory emptyDir at {@code /dev/shm};
 *   <li>{@code configs} → the config's ConfigMap ({@link ConfigMaps}), mounted with {@code
 *       subPath}; {@code secrets} → the user's Secret named after the secret (key = the secret's
 *       key), mounted with {@code subPath}, never created from content;
 *   <li>bind mount of a project file or directory whose content is given ({@code spec.files}) → the
 *       ConfigMap {@code <service>-files}; a project path whose files are not given → skipped with
 *       a warning; a host path → hostPath under {@code privileged} only;
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

  /** A named volume to fill from the image on first use ({@link InitContainers#seedContainers}). */
  record Seed(String volumeKey, String podVolume, String subPath, String target) {}

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

  /** The Secret name of a top-level secret. */
  static String secretName(ComposeModel model, String secretKey) {
    String name = model.secrets().get(secretKey).nameOrKey();
    return Names.objectName(model.sourceFile(), "secrets." + secretKey, name);
  }

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
      for (int i = 0; i < service.volumes().size(); i++) {
        mountVolume(service.volumes().get(i), "volumes[" + i + "]", i);
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
        // anonymous volume → emptyDir (Compose does not re-attach it either)
        String name =
            volume("anon-" + index, "anon-" + index, v -> v.withNewEmptyDir().endEmptyDir());
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withReadOnly(mount.readOnly() ? true : null)
                .build());
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
        seeds.add(new Seed(mount.source(), name, Claims.CLAIM_SUBDIR, mount.target()));
      }
    }

    private void bind(ServiceVolumeConfig mount, String key, int index) {
      String source = mount.source();
      if (mount.isHostPath()) {
        if (ctx.options().securityProfile() != SecurityProfile.privileged) {
          throw SecurityProfiles.refused(
              ctx,
              ctx.options().securityProfile(),
              key,
              "bind mount of the host path " + source + " is not allowed");
        }
        if (source.startsWith("~")) {
          throw ctx.error(
              key,
              "the host path "
                  + source
                  + " is relative to a home directory, which a node does not have; give an absolute"
                  + " path");
        }
        String name =
            volume(
                "host-" + index,
                "host:" + source + ":" + index,
                v ->
                    v.withNewHostPath()
                        // no type: a missing path is created as a directory, as Docker does, and
                        // sockets and files are mounted as they are
                        .withPath(source)
                        .endHostPath());
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withReadOnly(mount.readOnly() ? true : null)
                .build());
        return;
      }
      if (KeyMaterial.isKeyFile(source, ctx.options().secretFiles())) {
        keyFile(mount, key, source);
        return;
      }
      String content = model.files().get(source);
      if (content != null) {
        // a single project file given in spec.files → <service>-files ConfigMap, subPath
        String dataKey = fileKey(source, key);
        files.put(dataKey, content);
        String name = filesVolume();
        mount(
            key,
            new VolumeMountBuilder()
                .withName(name)
                .withMountPath(mount.target())
                .withSubPath(dataKey)
                .withReadOnly(true)
                .build());
        return;
      }
      String prefix = source.equals(".") ? "" : source + "/";
      List<KeyToPath> items = new ArrayList<>();
      if (!source.equals(".")) {
        for (Map.Entry<String, String> file : model.files().entrySet()) {
          if (file.getKey().startsWith(prefix)
              && !KeyMaterial.isKeyFile(file.getKey(), ctx.options().secretFiles())) {
            String dataKey = fileKey(file.getKey(), key);
            files.put(dataKey, file.getValue());
            items.add(
                new KeyToPathBuilder()
                    .withKey(dataKey)
                    .withPath(file.getKey().substring(prefix.length()))
                    .build());
          }
        }
      }
      SortedSet<String> keyFiles =
          source.equals(".")
              ? new TreeSet<>()
              : KeyMaterial.under(source, model.files().keySet(), ctx.options().secretFiles());
      if (!keyFiles.isEmpty()) {
        keyFilesInDirectory(mount, key, index, source, items, keyFiles);
        return;
      }
      if (items.isEmpty()) {
        ctx.warn(
            key,
            "bind mount of the project path "
                + (source.equals(".") || source.startsWith("../") ? source : "./" + source)
                + " is skipped: its files are not in spec.files, so the image's own content at "
                + mount.target()
                + " is used (a development convenience such as live reload does not"
                + " carry over to a cluster)");
        return;
      }
      // a project directory whose files are given → the ConfigMap mounted as that directory
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

    /** A bind-mounted key file → the user's Secret named after its path, never a ConfigMap. */
    private void keyFile(ServiceVolumeConfig mount, String key, String source) {
      String path = KeyMaterial.normalize(source);
      String secretName = Names.keyFileSecret(path);
      String dataKey = KeyMaterial.dataKey(path);
      ctx.requiredSecrets().add(secretName);
      String name =
          volume(
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
      int mode = ref.mode() == null ? DEFAULT_FILE_MODE : ref.mode();
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
      String secretName = secretName(model, ref.source());
      ctx.requiredSecrets().add(secretName);
      int mode = ref.mode() == null ? DEFAULT_FILE_MODE : ref.mode();
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
