package io.composeoperator.compose.model;

/**
 * The Linux namespaces a service shares, the keys {@code translate/Workloads}, {@code
 * translate/PodGroups} and {@code translate/SecurityProfiles} read. Each is as written ({@code
 * host}, {@code service:x}, {@code container:x}, ...), or null when unset.
 *
 * @param networkMode {@code network_mode}
 * @param pid {@code pid}
 * @param ipc {@code ipc}
 * @param uts {@code uts}
 * @param cgroup {@code cgroup}
 * @param userns {@code userns_mode}
 */
public record NamespacesConfig(
    String networkMode, String pid, String ipc, String uts, String cgroup, String userns) {

  /** Nothing set. */
  public static final NamespacesConfig NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .networkMode(networkMode)
        .pid(pid)
        .ipc(ipc)
        .uts(uts)
        .cgroup(cgroup)
        .userns(userns);
  }

  /** Mutable builder, for the loader and for tests. */
  public static final class Builder {
    private String networkMode;
    private String pid;
    private String ipc;
    private String uts;
    private String cgroup;
    private String userns;

    private Builder() {}

    public Builder networkMode(String value) {
      this.networkMode = value;
      return this;
    }

    public Builder pid(String value) {
      this.pid = value;
      return this;
    }

    public Builder ipc(String value) {
      this.ipc = value;
      return this;
    }

    public Builder uts(String value) {
      this.uts = value;
      return this;
    }

    public Builder cgroup(String value) {
      this.cgroup = value;
      return this;
    }

    public Builder userns(String value) {
      this.userns = value;
      return this;
    }

    public NamespacesConfig build() {
      return new NamespacesConfig(networkMode, pid, ipc, uts, cgroup, userns);
    }
  }
}
