package io.composeoperator.translate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of the content of the ConfigMaps a pod mounts, for the pod-template annotation {@link
 * Labels#CONFIG_HASH}: files mounted with {@code subPath} never update in place, so a change of
 * content must roll the pods (ARCHITECTURE.md, "Volumes, configs and secrets"). Computed from
 * names, keys and values in sorted order, so it depends on content only.
 */
final class ContentHash {
  private ContentHash() {}

  /** The hash of the ConfigMaps, or null when there are none. */
  static String of(Collection<ConfigMap> configMaps) {
    if (configMaps.isEmpty()) {
      return null;
    }
    MessageDigest digest = sha256();
    List<ConfigMap> sorted =
        configMaps.stream()
            .sorted(Comparator.comparing((ConfigMap c) -> c.getMetadata().getName()))
            .toList();
    for (ConfigMap configMap : sorted) {
      update(digest, configMap.getMetadata().getName());
      Map<String, String> data =
          configMap.getData() == null ? Map.of() : new TreeMap<>(configMap.getData());
      for (Map.Entry<String, String> e : data.entrySet()) {
        update(digest, e.getKey());
        update(digest, e.getValue());
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The hash of a set of files (path → content), for the marker of a claim filled from given files:
   * 16 hex digits, enough to tell one version of the files from the next.
   */
  static String ofFiles(Map<String, String> files) {
    MessageDigest digest = sha256();
    for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
      update(digest, e.getKey());
      update(digest, e.getValue());
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    // length-prefixed, so ("ab","c") and ("a","bc") differ
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
