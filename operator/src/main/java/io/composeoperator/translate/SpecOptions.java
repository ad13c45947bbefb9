package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.api.v1alpha1.NameRef;
import io.composeoperator.api.v1alpha1.ResourceDefaults;
import io.composeoperator.api.v1alpha1.StorageSpec;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import java.util.List;
import java.util.Map;

/**
 * Maps a ComposeProject's spec to the input of a translation (the source and the options), so that
 * the operator, {@code render} of a ComposeProject and the tests that read {@code examples/} build
 * them the same way.
 */
public final class SpecOptions {
  /** The Compose file's name when the spec names none: docker compose's own default. */
  public static final String DEFAULT_COMPOSE_FILE = "compose.yaml";

  private SpecOptions() {}

  /**
   * The Compose file's name, for messages and the objects' {@link Labels#COMPOSE_FILE} annotation:
   * {@code spec.composeFileName}, else the key of {@code spec.composeFrom}, else {@value
   * #DEFAULT_COMPOSE_FILE}.
   */
  public static String composeFileName(ComposeProjectSpec spec) {
    if (spec.getComposeFileName() != null) {
      return spec.getComposeFileName();
    }
    if (spec.getComposeFrom() != null && spec.getComposeFrom().getConfigMapKeyRef() != null) {
      return spec.getComposeFrom().getConfigMapKeyRef().getKey();
    }
    return DEFAULT_COMPOSE_FILE;
  }

  /**
   * The translation options of a ComposeProject.
   *
   * @param name the project name ({@code metadata.name})
   * @param namespace the namespace, or null
   * @param spec the spec
   * @param waitImage the image for {@code depends_on} wait containers, or null for the default
   */
  public static ProjectOptions from(
      String name, String namespace, ComposeProjectSpec spec, String waitImage) {
    ResourceDefaults resources = spec.getDefaultResources();
    return new ProjectOptions(
        name,
        namespace,
        spec.getImages(),
        spec.getImagePullSecrets().stream().map(NameRef::getName).toList(),
        storage(spec.getStorage()),
        resources == null ? Map.of() : resources.getRequests(),
        resources == null ? Map.of() : resources.getLimits(),
        spec.getVolumeRetention(),
        spec.getExposure(),
        spec.getSecurityProfile(),
        waitImage,
        spec.getSecretFiles(),
        spec.getDefaultReplicas(),
        spec.getGpuResource(),
        spec.getBindMounts() == null
            ? null
            : new ProjectOptions.BindMountOptions(
                spec.getBindMounts().getType(),
                spec.getBindMounts().getHostDirectory(),
                spec.getBindMounts().getSourcePaths(),
                spec.getBindMounts().getUnshippedFiles()));
  }

  /**
   * The loader's input for a ComposeProject: the Compose text (from {@code spec.compose} or the
   * ConfigMap of {@code spec.composeFrom}, read by the caller), {@code spec.files}, the variables
   * (the caller merges {@code variablesFrom} with {@code spec.variables}) and {@code
   * spec.profiles}.
   */
  public static ComposeSource source(
      String fileName, String composeText, ComposeProjectSpec spec, Variables variables) {
    return new ComposeSource(
        fileName,
        composeText,
        spec.getFiles(),
        variables,
        spec.getProfiles(),
        spec.getOverrideFiles());
  }

  private static ProjectOptions.StorageDefaults storage(StorageSpec storage) {
    ProjectOptions.StorageDefaults defaults = ProjectOptions.StorageDefaults.DEFAULT;
    if (storage == null) {
      return defaults;
    }
    List<String> modes = storage.getAccessModes();
    return new ProjectOptions.StorageDefaults(
        storage.getSize() == null ? defaults.size() : storage.getSize(),
        storage.getStorageClassName(),
        modes.isEmpty() ? defaults.accessModes() : modes);
  }
}
