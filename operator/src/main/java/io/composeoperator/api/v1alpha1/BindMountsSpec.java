package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What bind mounts become: kompose's {@code --volumes}, recorded by {@code convert}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class BindMountsSpec {
  @JsonPropertyDescription(
      "persistentVolumeClaim (default): a data directory becomes a claim, a writable directory"
          + " whose files are given a claim filled from them, a read-only one or a single file a"
          + " ConfigMap; emptyDir: the pod's own directory instead of a claim, for the pod's life"
          + " only; hostPath: the node's directory (privileged profile only; project paths are"
          + " resolved against hostDirectory); configMap: given files are read-only ConfigMaps even"
          + " when mounted writable.")
  private BindMountType type;

  @JsonPropertyDescription(
      "The absolute directory of the Compose file on the node, for type hostPath: project paths"
          + " (./data) are resolved against it. convert records it.")
  private String hostDirectory;

  @JsonPropertyDescription(
      "Directories inside a service's build context that hold source code the image already has"
          + " (./src with build: .): mounted as the image's content, not as claims. Only the disk"
          + " tells ./src from ./data, so convert records them.")
  private List<String> sourcePaths = new ArrayList<>();

  @JsonPropertyDescription(
      "Bind-mounted project files that exist but are not in files (binary, or bigger than 256"
          + " KiB): the image's own file is used, with a warning, as a claim cannot stand in for"
          + " a single file. convert records them.")
  private List<String> unshippedFiles = new ArrayList<>();

  public List<String> getUnshippedFiles() {
    return unshippedFiles;
  }

  public void setUnshippedFiles(List<String> unshippedFiles) {
    this.unshippedFiles = unshippedFiles == null ? new ArrayList<>() : unshippedFiles;
  }

  public List<String> getSourcePaths() {
    return sourcePaths;
  }

  public void setSourcePaths(List<String> sourcePaths) {
    this.sourcePaths = sourcePaths == null ? new ArrayList<>() : sourcePaths;
  }

  public BindMountType getType() {
    return type;
  }

  public void setType(BindMountType type) {
    this.type = type;
  }

  public String getHostDirectory() {
    return hostDirectory;
  }

  public void setHostDirectory(String hostDirectory) {
    this.hostDirectory = hostDirectory;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BindMountsSpec s
        && type == s.type
        && Objects.equals(hostDirectory, s.hostDirectory)
        && Objects.equals(sourcePaths, s.sourcePaths)
        && Objects.equals(unshippedFiles, s.unshippedFiles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, hostDirectory, sourcePaths, unshippedFiles);
  }
}
