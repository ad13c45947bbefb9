package io.composeoperator.compose.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A loaded, interpolated, validated Compose project: only the services enabled by the active
 * profiles, every syntax normalized.
 *
 * @param sourceFile the name of the Compose file, as used in error messages ({@code compose.yaml})
 * @param name the top-level {@code name:} of the file, or null when the file sets none
 * @param services enabled services by Compose name
 * @param volumes top-level named volumes by key
 * @param networks top-level networks by key, including the implicit {@code default} network when a
 *     service uses it
 * @param secrets top-level secrets by key
 * @param configs top-level configs by key
 * @param files contents of project files (env files, config files, bind-mounted files) by
 *     normalized project-relative path ({@code proxy/nginx.conf}, no leading {@code ./})
 * @param ignoredTopLevelKeys top-level keys Compose knows that the model does not carry, as YAML
 *     paths (for example {@code include}); translate warns about each
 * @param origins the file that declares a service or a top-level element, by YAML path ({@code
 *     services.db} to {@code db/compose.yaml}), for those declared in another file than the Compose
 *     file: an included file, or a file merged over it ({@code -f}) that adds the element
 */
public record ComposeModel(
    String sourceFile,
    String name,
    SortedMap<String, ServiceConfig> services,
    SortedMap<String, VolumeConfig> volumes,
    SortedMap<String, NetworkConfig> networks,
    SortedMap<String, SecretConfig> secrets,
    SortedMap<String, ConfigObjConfig> configs,
    SortedMap<String, String> files,
    List<String> ignoredTopLevelKeys,
    SortedMap<String, String> origins) {

  /** A model whose elements are all declared in the Compose file itself. */
  public ComposeModel(
      String sourceFile,
      String name,
      SortedMap<String, ServiceConfig> services,
      SortedMap<String, VolumeConfig> volumes,
      SortedMap<String, NetworkConfig> networks,
      SortedMap<String, SecretConfig> secrets,
      SortedMap<String, ConfigObjConfig> configs,
      SortedMap<String, String> files,
      List<String> ignoredTopLevelKeys) {
    this(
        sourceFile,
        name,
        services,
        volumes,
        networks,
        secrets,
        configs,
        files,
        ignoredTopLevelKeys,
        new TreeMap<>());
  }

  public ComposeModel {
    services = frozen(services);
    volumes = frozen(volumes);
    networks = frozen(networks);
    secrets = frozen(secrets);
    configs = frozen(configs);
    files = frozen(files);
    ignoredTopLevelKeys = List.copyOf(ignoredTopLevelKeys);
    origins = frozen(origins);
  }

  /**
   * The file that declares the element at {@code path} ({@code services.web}): the Compose file
   * ({@link #sourceFile}) unless {@link #origins} names another.
   */
  public String fileOf(String path) {
    return origins.getOrDefault(path, sourceFile);
  }

  /** This model with these services instead of its own. */
  public ComposeModel withServices(java.util.Map<String, ServiceConfig> replaced) {
    return new ComposeModel(
        sourceFile,
        name,
        frozen(replaced),
        volumes,
        networks,
        secrets,
        configs,
        files,
        ignoredTopLevelKeys,
        origins);
  }

  static <V> SortedMap<String, V> frozen(java.util.Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
