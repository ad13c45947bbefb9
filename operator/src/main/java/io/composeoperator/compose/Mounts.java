package io.composeoperator.compose;

import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code volumes} (short {@code SRC:DST[:OPTIONS]} and long syntax) and {@code tmpfs}
 * into {@link ServiceVolumeConfig}s. A short source starting with {@code .}, {@code /} or {@code ~}
 * is a bind mount, anything else a named volume that must be declared at the top level.
 */
final class Mounts {

  private static final Set<String> TYPES =
      Set.of("bind", "volume", "tmpfs", "npipe", "cluster", "image");
  private static final Set<String> IGNORED_OPTIONS =
      Set.of("z", "Z", "shared", "rshared", "slave", "rslave", "private", "rprivate", "consistent");

  private final Fields fields;
  private final Set<String> declaredVolumes;
  private final List<String> unmodelled;

  Mounts(Fields fields, Set<String> declaredVolumes, List<String> unmodelled) {
    this.fields = fields;
    this.declaredVolumes = declaredVolumes;
    this.unmodelled = unmodelled;
  }

  /** The {@code volumes} list. */
  List<ServiceVolumeConfig> volumes(Object value, String path) {
    List<ServiceVolumeConfig> out = new ArrayList<>();
    List<Object> items = fields.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Object item = items.get(i);
      out.add(
          item instanceof Map
              ? longSyntax(fields.map(item, itemPath), itemPath)
              : shortSyntax(fields.requiredString(item, itemPath), itemPath));
    }
    return out;
  }

  /** The {@code tmpfs} string or list: {@code /path[:size=64m,mode=1777,...]}. */
  List<ServiceVolumeConfig> tmpfs(Object value, String path) {
    List<ServiceVolumeConfig> out = new ArrayList<>();
    List<String> items = fields.stringOrList(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = value instanceof List ? path + "[" + i + "]" : path;
      String item = items.get(i);
      int colon = item.indexOf(':');
      String target = colon < 0 ? item : item.substring(0, colon);
      ByteSize size = null;
      Integer mode = null;
      if (colon >= 0) {
        for (String option : item.substring(colon + 1).split(",")) {
          if (option.startsWith("size=")) {
            size = ByteSizes.parse(fields, option.substring(5), itemPath);
          } else if (option.startsWith("mode=")) {
            // checked, then warned at the entry the file wrote (tmpfs[i]:mode=...), not mapped
            FileModes.parse(fields, option.substring(5), itemPath);
            unmodelled.add(itemPath + ":" + option);
          } else if (!option.isBlank()) {
            unmodelled.add(itemPath + ":" + option); // rw, noexec, uid=...: no emptyDir equivalent
          }
        }
      }
      out.add(
          new ServiceVolumeConfig(
              ServiceVolumeConfig.TMPFS,
              null,
              target(target, itemPath),
              false,
              false,
              null,
              size,
              mode,
              false,
              null,
              value instanceof List ? "tmpfs[" + i + "]" : "tmpfs"));
    }
    return out;
  }

  private ServiceVolumeConfig shortSyntax(String spec, String path) {
    String[] parts = spec.split(":", -1);
    if (parts.length == 1) {
      return mount(
          ServiceVolumeConfig.VOLUME,
          null,
          target(spec, path),
          false,
          false,
          null,
          null,
          null,
          false,
          null);
    }
    if (parts.length > 3) {
      throw fields.error(path, Fields.quote(spec) + " is not a volume (SOURCE:TARGET[:OPTIONS])");
    }
    String source = parts[0];
    String target = target(parts[1], path);
    boolean readOnly = false;
    boolean noCopy = false;
    String consistency = null;
    if (parts.length == 3) {
      for (String option : parts[2].split(",")) {
        switch (option) {
          case "ro":
            readOnly = true;
            break;
          case "rw":
            break;
          case "nocopy":
            noCopy = true;
            break;
          case "cached":
          case "delegated":
            consistency = option;
            break;
          default:
            if (!IGNORED_OPTIONS.contains(option)) {
              throw fields.error(
                  path, Fields.quote(option) + " is not a volume option in " + Fields.quote(spec));
            }
            unmodelled.add(path + ":" + option);
        }
      }
    }
    if (source.isEmpty()) {
      return mount(
          ServiceVolumeConfig.VOLUME,
          null,
          target,
          readOnly,
          noCopy,
          null,
          null,
          null,
          false,
          consistency);
    }
    if (ProjectPaths.isPath(source)) {
      // a missing source is created by the short syntax too, which a hostPath without a type
      // does; createHostPath records only the long syntax's explicit bind.create_host_path
      return mount(
          ServiceVolumeConfig.BIND,
          ProjectPaths.normalize(source),
          target,
          readOnly,
          false,
          null,
          null,
          null,
          false,
          consistency);
    }
    return mount(
        ServiceVolumeConfig.VOLUME,
        declared(source, path),
        target,
        readOnly,
        noCopy,
        null,
        null,
        null,
        false,
        consistency);
  }

  private ServiceVolumeConfig longSyntax(Map<String, Object> map, String path) {
    fields.checkKeys(map, ComposeKeys.SERVICE_VOLUME_KEYS, path);
    String type = fields.string(map.get("type"), path + ".type");
    if (type == null) {
      throw fields.error(path + ".type", "must be set (bind, volume or tmpfs)");
    }
    if (!TYPES.contains(type)) {
      throw fields.error(
          path + ".type",
          Fields.quote(type)
              + " is not a mount type (bind, volume, tmpfs, image, npipe or cluster)");
    }
    String source = fields.string(map.get("source"), path + ".source");
    String target = target(fields.string(map.get("target"), path + ".target"), path + ".target");
    boolean readOnly = fields.bool(map.get("read_only"), path + ".read_only");
    String consistency = fields.string(map.get("consistency"), path + ".consistency");
    Map<String, Object> bind = block(map, "bind", ComposeKeys.SERVICE_VOLUME_BIND_KEYS, path);
    Map<String, Object> volume = block(map, "volume", ComposeKeys.SERVICE_VOLUME_VOLUME_KEYS, path);
    Map<String, Object> tmpfs = block(map, "tmpfs", ComposeKeys.SERVICE_VOLUME_TMPFS_KEYS, path);
    Map<String, Object> image = block(map, "image", ComposeKeys.SERVICE_VOLUME_IMAGE_KEYS, path);
    unmodelledKeys(bind, Set.of("propagation", "selinux", "recursive"), path + ".bind");
    unmodelledKeys(volume, Set.of("labels"), path + ".volume");
    switch (type) {
      case "bind":
        if (source == null) {
          throw fields.error(path + ".source", "must be set for a bind mount");
        }
        // implied by the short syntax only (spec "volumes": create_host_path)
        boolean create = fields.bool(bind.get("create_host_path"), path + ".bind.create_host_path");
        return mount(
            type,
            ProjectPaths.normalize(source),
            target,
            readOnly,
            false,
            null,
            null,
            null,
            create,
            consistency);
      case "volume":
        return mount(
            type,
            source == null || source.isEmpty() ? null : declared(source, path + ".source"),
            target,
            readOnly,
            fields.bool(volume.get("nocopy"), path + ".volume.nocopy"),
            fields.string(volume.get("subpath"), path + ".volume.subpath"),
            null,
            null,
            false,
            consistency);
      case "tmpfs":
        return mount(
            type,
            null,
            target,
            readOnly,
            false,
            null,
            ByteSizes.parse(fields, tmpfs.get("size"), path + ".tmpfs.size"),
            FileModes.parse(fields, tmpfs.get("mode"), path + ".tmpfs.mode"),
            false,
            consistency);
      default:
        return mount(
            type,
            source,
            target,
            readOnly,
            false,
            fields.string(image.get("subpath"), path + ".image.subpath"),
            null,
            null,
            false,
            consistency);
    }
  }

  private Map<String, Object> block(
      Map<String, Object> map, String key, Set<String> known, String path) {
    Map<String, Object> block = fields.map(map.get(key), path + "." + key);
    fields.checkKeys(block, known, path + "." + key);
    return block;
  }

  private void unmodelledKeys(Map<String, Object> block, Set<String> keys, String path) {
    block.keySet().stream().filter(keys::contains).forEach(k -> unmodelled.add(path + "." + k));
  }

  private String declared(String volume, String path) {
    if (!declaredVolumes.contains(volume)) {
      throw fields.error(
          path,
          "volume " + Fields.quote(volume) + " is not declared in the top-level volumes section");
    }
    return volume;
  }

  private String target(String target, String path) {
    if (target == null || target.isEmpty()) {
      throw fields.error(path, "the mount target must be set");
    }
    if (!target.startsWith("/")) {
      throw fields.error(path, Fields.quote(target) + " is not an absolute path in the container");
    }
    return target;
  }

  private static ServiceVolumeConfig mount(
      String type,
      String source,
      String target,
      boolean readOnly,
      boolean noCopy,
      String subpath,
      ByteSize size,
      Integer mode,
      boolean createHostPath,
      String consistency) {
    return new ServiceVolumeConfig(
        type, source, target, readOnly, noCopy, subpath, size, mode, createHostPath, consistency);
  }
}
