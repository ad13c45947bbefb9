package io.composeoperator.compose;

import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import java.util.Map;
import java.util.Set;

/**
 * The {@code x-kubernetes} extension blocks (ARCHITECTURE.md, "Decisions and their reasons"):
 * settings Compose has no key for, on services ({@code expose}) and volumes ({@code size}, {@code
 * storageClassName}, {@code accessModes}). Compose ignores {@code x-} keys, so the same file still
 * runs with {@code docker compose up}; unknown keys inside the block are errors, so typos are not
 * silently dropped.
 */
final class KubernetesExtensions {

  private static final Set<String> EXPOSE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");

  private KubernetesExtensions() {}

  static ServiceKubernetesConfig service(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    Map<String, Object> map = fields.map(value, path);
    for (String key : map.keySet()) {
      if (!ComposeKeys.SERVICE_KUBERNETES_KEYS.contains(key)) {
        throw fields.error(path, "unknown key " + Fields.quote(key) + " (known: expose)");
      }
    }
    String expose = fields.string(map.get("expose"), path + ".expose");
    if (expose != null && !EXPOSE_TYPES.contains(expose)) {
      throw fields.error(
          path + ".expose", Fields.quote(expose) + " is not ClusterIP, NodePort or LoadBalancer");
    }
    return new ServiceKubernetesConfig(expose);
  }

  static VolumeKubernetesConfig volume(Fields fields, Object value, String path) {
    if (value == null) {
      return null;
    }
    Map<String, Object> map = fields.map(value, path);
    for (String key : map.keySet()) {
      if (!ComposeKeys.VOLUME_KUBERNETES_KEYS.contains(key)) {
        throw fields.error(
            path,
            "unknown key " + Fields.quote(key) + " (known: accessModes, size, storageClassName)");
      }
    }
    return new VolumeKubernetesConfig(
        fields.string(map.get("size"), path + ".size"),
        fields.string(map.get("storageClassName"), path + ".storageClassName"),
        fields.stringOrList(map.get("accessModes"), path + ".accessModes"));
  }
}
