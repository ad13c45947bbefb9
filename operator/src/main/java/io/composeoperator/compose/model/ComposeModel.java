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
    List<String> ignoredTopLevelKeys) {

  public ComposeModel {
    services = frozen(services);
    volumes = frozen(volumes);
    networks = frozen(networks);
    secrets = frozen(secrets);
    configs = frozen(configs);
    files = frozen(files);
    ignoredTopLevelKeys = List.copyOf(ignoredTopLevelKeys);
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
        ignoredTopLevelKeys);
  }

  static <V> SortedMap<String, V> frozen(java.util.Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
