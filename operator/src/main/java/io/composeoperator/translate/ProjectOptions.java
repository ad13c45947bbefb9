package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project-wide settings of a translation: what the ComposeProject's spec (or the CLI's flags)
 * say beyond the Compose file.
 *
 * @param name the project name (a label value: at most 63 characters)
 * @param namespace the namespace to put on every object, or null to leave it unset
 * @param images image references for services by Compose service name ({@code spec.images})
 * @param imagePullSecrets names of Secrets for pulling images
 * @param storage defaults for named volumes
 * @param defaultRequests resource requests for containers that set none ({@code cpu → 50m})
 * @param defaultLimits resource limits for containers that set none
 * @param volumeRetention what happens to claims (recorded on the objects; reconcile acts on it)
 * @param exposure the Service type for published ports
 * @param securityProfile the security profile
 * @param waitImage the image of the {@code depends_on} wait init containers
 * @param secretFiles project files that hold key material and live in Secrets the user creates
 *     ({@code spec.secretFiles}, recorded by {@code convert}; see {@link KeyMaterial})
 * @param defaultReplicas the replicas of every long-running service whose file sets none ({@code
 *     spec.defaultReplicas}, {@code --replicas}), or null to leave them unset
 * @param gpuResource the extended resource GPU requests become ({@code spec.gpuResource}; {@value
 *     #DEFAULT_GPU_RESOURCE} when unset)
 * @param bindMounts what bind mounts become ({@code spec.bindMounts}, {@code --volumes}; see {@link
 *     BindMounts})
 */
public record ProjectOptions(
    String name,
    String namespace,
    Map<String, String> images,
    List<String> imagePullSecrets,
    StorageDefaults storage,
    Map<String, String> defaultRequests,
    Map<String, String> defaultLimits,
    VolumeRetention volumeRetention,
    Exposure exposure,
    SecurityProfile securityProfile,
    String waitImage,
    List<String> secretFiles,
    Integer defaultReplicas,
    String gpuResource,
    BindMountOptions bindMounts) {

  /** The image used for wait init containers when none is configured. */
  public static final String DEFAULT_WAIT_IMAGE = "ghcr.io/compose-operator/compose-operator:0.1.0";

  /** The extended resource of a GPU when the project names none (NVIDIA's device plugin). */
  public static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";

  public ProjectOptions {
    images = Collections.unmodifiableMap(new TreeMap<>(images));
    imagePullSecrets = List.copyOf(imagePullSecrets);
    storage = storage == null ? StorageDefaults.DEFAULT : storage;
    defaultRequests = Collections.unmodifiableMap(new TreeMap<>(defaultRequests));
    defaultLimits = Collections.unmodifiableMap(new TreeMap<>(defaultLimits));
    volumeRetention = volumeRetention == null ? VolumeRetention.Retain : volumeRetention;
    exposure = exposure == null ? Exposure.ClusterIP : exposure;
    securityProfile = securityProfile == null ? SecurityProfile.baseline : securityProfile;
    waitImage = waitImage == null ? DEFAULT_WAIT_IMAGE : waitImage;
    secretFiles = secretFiles == null ? List.of() : List.copyOf(new TreeSet<>(secretFiles));
    gpuResource = gpuResource == null ? DEFAULT_GPU_RESOURCE : gpuResource;
    bindMounts = bindMounts == null ? BindMountOptions.DEFAULT : bindMounts;
  }

  /**
   * The settings that most callers give; the later ones ({@code secretFiles} and after) take their
   * defaults, and the {@code with...} methods below set them.
   */
  public ProjectOptions(
      String name,
      String namespace,
      Map<String, String> images,
      List<String> imagePullSecrets,
      StorageDefaults storage,
      Map<String, String> defaultRequests,
      Map<String, String> defaultLimits,
      VolumeRetention volumeRetention,
      Exposure exposure,
      SecurityProfile securityProfile,
      String waitImage) {
    this(
        name,
        namespace,
        images,
        imagePullSecrets,
        storage,
        defaultRequests,
        defaultLimits,
        volumeRetention,
        exposure,
        securityProfile,
        waitImage,
        List.of(),
        null,
        null,
        null);
  }

  /** Options with every default, for a project of this name. */
  public static ProjectOptions defaults(String name) {
    return new ProjectOptions(
        name, null, Map.of(), List.of(), null, Map.of(), Map.of(), null, null, null, null);
  }

  /** These options for a project of another name (the CLI's name mapped by the naming rule). */
  public ProjectOptions withName(String projectName) {
    Builder b = toBuilder();
    b.name = projectName;
    return b.build();
  }

  /** These options under another security profile (the operator caps the project's own). */
  public ProjectOptions withSecurityProfile(SecurityProfile profile) {
    Builder b = toBuilder();
    b.securityProfile = profile;
    return b.build();
  }

  /** These options with these recorded secret files ({@code spec.secretFiles}). */
  public ProjectOptions withSecretFiles(List<String> files) {
    Builder b = toBuilder();
    b.secretFiles = files;
    return b.build();
  }

  /** These options with these default replicas ({@code spec.defaultReplicas}). */
  public ProjectOptions withDefaultReplicas(Integer replicas) {
    Builder b = toBuilder();
    b.defaultReplicas = replicas;
    return b.build();
  }

  /** These options with GPU requests as this extended resource ({@code spec.gpuResource}). */
  public ProjectOptions withGpuResource(String resource) {
    Builder b = toBuilder();
    b.gpuResource = resource;
    return b.build();
  }

  /** These options with this bind-mount rule ({@code spec.bindMounts}, {@code --volumes}). */
  public ProjectOptions withBindMounts(BindMountOptions rule) {
    Builder b = toBuilder();
    b.bindMounts = rule;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.namespace = namespace;
    b.images = images;
    b.imagePullSecrets = imagePullSecrets;
    b.storage = storage;
    b.defaultRequests = defaultRequests;
    b.defaultLimits = defaultLimits;
    b.volumeRetention = volumeRetention;
    b.exposure = exposure;
    b.securityProfile = securityProfile;
    b.waitImage = waitImage;
    b.secretFiles = secretFiles;
    b.defaultReplicas = defaultReplicas;
    b.gpuResource = gpuResource;
    b.bindMounts = bindMounts;
    return b;
  }

  /** A copy to change one setting of: a new setting is one field here and one in the record. */
  private static final class Builder {
    String name;
    String namespace;
    Map<String, String> images;
    List<String> imagePullSecrets;
    StorageDefaults storage;
    Map<String, String> defaultRequests;
    Map<String, String> defaultLimits;
    VolumeRetention volumeRetention;
    Exposure exposure;
    SecurityProfile securityProfile;
    String waitImage;
    List<String> secretFiles;
    Integer defaultReplicas;
    String gpuResource;
    BindMountOptions bindMounts;

    ProjectOptions build() {
      return new ProjectOptions(
          name,
          namespace,
          images,
          imagePullSecrets,
          storage,
          defaultRequests,
          defaultLimits,
          volumeRetention,
          exposure,
          securityProfile,
          waitImage,
          secretFiles,
          defaultReplicas,
          gpuResource,
          bindMounts);
    }
  }

  /**
   * What bind mounts become.
   *
   * @param type kompose's {@code --volumes} choice
   * @param hostDirectory the Compose file's absolute directory on the node, for {@code hostPath},
   *     or null
   * @param sourcePaths directories of build contexts that the CLI found to hold source code (see
   *     {@link BindMounts#isSource})
   * @param unshippedFiles bind-mounted project files that exist but are too big or not text for
   *     {@code spec.files}, which the CLI found on disk
   */
  public record BindMountOptions(
      BindMountType type,
      String hostDirectory,
      List<String> sourcePaths,
      List<String> unshippedFiles) {
    public static final BindMountOptions DEFAULT =
        new BindMountOptions(BindMountType.persistentVolumeClaim, null, List.of(), List.of());

    public BindMountOptions {
      type = type == null ? BindMountType.persistentVolumeClaim : type;
      sourcePaths = sourcePaths == null ? List.of() : List.copyOf(new TreeSet<>(sourcePaths));
      unshippedFiles =
          unshippedFiles == null ? List.of() : List.copyOf(new TreeSet<>(unshippedFiles));
    }

    public BindMountOptions(BindMountType type, String hostDirectory) {
      this(type, hostDirectory, List.of(), List.of());
    }

    public BindMountOptions(BindMountType type, String hostDirectory, List<String> sourcePaths) {
      this(type, hostDirectory, sourcePaths, List.of());
    }
  }

  /**
   * Storage defaults for named volumes.
   *
   * @param size requested size ({@code 1Gi})
   * @param storageClassName storage class, or null for the cluster default
   * @param accessModes access modes
   */
  public record StorageDefaults(String size, String storageClassName, List<String> accessModes) {
    public static final StorageDefaults DEFAULT =
        new StorageDefaults("1Gi", null, List.of("ReadWriteOnce"));

    public StorageDefaults {
      accessModes = List.copyOf(accessModes);
    }
  }
}
