package io.composeoperator.compose.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's privileges and isolation settings, the keys {@code translate/SecurityContexts} and
 * {@code translate/SecurityProfiles} read. Collections are never null.
 *
 * @param user {@code user} as written ({@code 1000}, {@code 1000:1000}, {@code postgres}), or null
 * @param groupAdd {@code group_add}
 * @param capAdd {@code cap_add}
 * @param capDrop {@code cap_drop}
 * @param privileged {@code privileged}
 * @param readOnly {@code read_only}
 * @param securityOpt {@code security_opt}
 * @param sysctls {@code sysctls}, sorted
 * @param devices {@code devices}
 */
public record SecurityConfig(
    String user,
    List<String> groupAdd,
    List<String> capAdd,
    List<String> capDrop,
    boolean privileged,
    boolean readOnly,
    List<String> securityOpt,
    SortedMap<String, String> sysctls,
    List<String> devices) {

  /** Nothing set. */
  public static final SecurityConfig NONE = builder().build();

  public SecurityConfig {
    groupAdd = groupAdd == null ? List.of() : List.copyOf(groupAdd);
    capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
    capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
    securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
    sysctls = ComposeModel.frozen(sysctls == null ? new TreeMap<>() : sysctls);
    devices = devices == null ? List.of() : List.copyOf(devices);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .user(user)
        .groupAdd(new ArrayList<>(groupAdd))
        .capAdd(new ArrayList<>(capAdd))
        .capDrop(new ArrayList<>(capDrop))
        .privileged(privileged)
        .readOnly(readOnly)
        .securityOpt(new ArrayList<>(securityOpt))
        .sysctls(new TreeMap<>(sysctls))
        .devices(new ArrayList<>(devices));
  }

  /** Mutable builder, for the loader and for tests. */
  public static final class Builder {
    private String user;
    private List<String> groupAdd;
    private List<String> capAdd;
    private List<String> capDrop;
    private boolean privileged;
    private boolean readOnly;
    private List<String> securityOpt;
    private SortedMap<String, String> sysctls;
    private List<String> devices;

    private Builder() {}

    public Builder user(String value) {
      this.user = value;
      return this;
    }

    public Builder groupAdd(List<String> value) {
      this.groupAdd = value;
      return this;
    }

    public Builder capAdd(List<String> value) {
      this.capAdd = value;
      return this;
    }

    public Builder capDrop(List<String> value) {
      this.capDrop = value;
      return this;
    }

    public Builder privileged(boolean value) {
      this.privileged = value;
      return this;
    }

    public Builder readOnly(boolean value) {
      this.readOnly = value;
      return this;
    }

    public Builder securityOpt(List<String> value) {
      this.securityOpt = value;
      return this;
    }

    public Builder sysctls(SortedMap<String, String> value) {
      this.sysctls = value;
      return this;
    }

    public Builder devices(List<String> value) {
      this.devices = value;
      return this;
    }

    public SecurityConfig build() {
      return new SecurityConfig(
          user, groupAdd, capAdd, capDrop, privileged, readOnly, securityOpt, sysctls, devices);
    }
  }
}
