package io.composeoperator.compose.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's names and name resolution, the keys {@code translate/Workloads} (pod hostname, DNS
 * config, host aliases) and {@code translate/Networking} (aliases) read. Collections are never
 * null; scalars are null when unset.
 *
 * @param hostname {@code hostname}
 * @param domainname {@code domainname}
 * @param containerName {@code container_name}
 * @param extraHosts {@code extra_hosts} as {@code host → ip} pairs in file order
 * @param dns {@code dns}
 * @param dnsSearch {@code dns_search}
 * @param dnsOpt {@code dns_opt}
 */
public record DnsConfig(
    String hostname,
    String domainname,
    String containerName,
    List<ExtraHost> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOpt) {

  /** Nothing set. */
  public static final DnsConfig NONE = builder().build();

  public DnsConfig {
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    dns = dns == null ? List.of() : List.copyOf(dns);
    dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
    dnsOpt = dnsOpt == null ? List.of() : List.copyOf(dnsOpt);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .hostname(hostname)
        .domainname(domainname)
        .containerName(containerName)
        .extraHosts(new ArrayList<>(extraHosts))
        .dns(new ArrayList<>(dns))
        .dnsSearch(new ArrayList<>(dnsSearch))
        .dnsOpt(new ArrayList<>(dnsOpt));
  }

  /** Mutable builder, for the loader and for tests. */
  public static final class Builder {
    private String hostname;
    private String domainname;
    private String containerName;
    private List<ExtraHost> extraHosts;
    private List<String> dns;
    private List<String> dnsSearch;
    private List<String> dnsOpt;

    private Builder() {}

    public Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    public Builder domainname(String value) {
      this.domainname = value;
      return this;
    }

    public Builder containerName(String value) {
      this.containerName = value;
      return this;
    }

    public Builder extraHosts(List<ExtraHost> value) {
      this.extraHosts = value;
      return this;
    }

    public Builder dns(List<String> value) {
      this.dns = value;
      return this;
    }

    public Builder dnsSearch(List<String> value) {
      this.dnsSearch = value;
      return this;
    }

    public Builder dnsOpt(List<String> value) {
      this.dnsOpt = value;
      return this;
    }

    public DnsConfig build() {
      return new DnsConfig(hostname, domainname, containerName, extraHosts, dns, dnsSearch, dnsOpt);
    }
  }
}
