package io.composeoperator.compose.model;

/**
 * One mount of a service ({@code volumes} short or long syntax, or {@code tmpfs}).
 *
 * @param type {@code volume}, {@code bind}, {@code tmpfs}, {@code npipe}, {@code cluster} or {@code
 *     image}
 * @param source for {@code volume}: the volume key, or null for an anonymous volume; for {@code
 *     bind}: an absolute host path (starts with {@code /} or {@code ~}) or a normalized
 *     project-relative path ({@code proxy/nginx.conf}, {@code .} for the project directory, {@code
 *     ../x} outside it); null for {@code tmpfs}
 * @param target the absolute path in the container
 * @param readOnly {@code :ro} / {@code read_only: true}
 * @param noCopy {@code volume.nocopy} ({@code :nocopy})
 * @param subpath {@code volume.subpath}, or null
 * @param tmpfsSize {@code tmpfs.size} (or the {@code size=} option of {@code tmpfs:}), or null
 * @param tmpfsMode {@code tmpfs.mode}, or null
 * @param createHostPath the long syntax's {@code bind.create_host_path: true} (hostPath {@code
 *     DirectoryOrCreate}); false for the short syntax, whose missing path a hostPath without a type
 *     creates anyway
 * @param consistency {@code consistency} or the {@code :cached}/{@code :delegated} short option, or
 *     null (no meaning on Linux)
 * @param key for an entry of {@code tmpfs:}, the service-relative path the file wrote ({@code
 *     tmpfs[1]}, or {@code tmpfs} for a single string), so that messages point at it; null for an
 *     entry of {@code volumes} (its index there)
 */
public record ServiceVolumeConfig(
    String type,
    String source,
    String target,
    boolean readOnly,
    boolean noCopy,
    String subpath,
    ByteSize tmpfsSize,
    Integer tmpfsMode,
    boolean createHostPath,
    String consistency,
    String key) {

  /** The same mount, wherever it was written: {@code key} is where, not what. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ServiceVolumeConfig v
        && readOnly == v.readOnly
        && noCopy == v.noCopy
        && createHostPath == v.createHostPath
        && java.util.Objects.equals(type, v.type)
        && java.util.Objects.equals(source, v.source)
        && java.util.Objects.equals(target, v.target)
        && java.util.Objects.equals(subpath, v.subpath)
        && java.util.Objects.equals(tmpfsSize, v.tmpfsSize)
        && java.util.Objects.equals(tmpfsMode, v.tmpfsMode)
        && java.util.Objects.equals(consistency, v.consistency);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        type,
        source,
        target,
        readOnly,
        noCopy,
        subpath,
        tmpfsSize,
        tmpfsMode,
        createHostPath,
        consistency);
  }

  /** A mount written under {@code volumes}. */
  public ServiceVolumeConfig(
      String type,
      String source,
      String target,
      boolean readOnly,
      boolean noCopy,
      String subpath,
      ByteSize tmpfsSize,
      Integer tmpfsMode,
      boolean createHostPath,
      String consistency) {
    this(
        type,
        source,
        target,
        readOnly,
        noCopy,
        subpath,
        tmpfsSize,
        tmpfsMode,
        createHostPath,
        consistency,
        null);
  }

  public static final String VOLUME = "volume";
  public static final String BIND = "bind";
  public static final String TMPFS = "tmpfs";

  /** True for a bind mount of a path on the host rather than in the project directory. */
  public boolean isHostPath() {
    return BIND.equals(type)
        && source != null
        && (source.startsWith("/") || source.startsWith("~"));
  }
}
