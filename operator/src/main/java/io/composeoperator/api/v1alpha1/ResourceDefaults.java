package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Requests and limits (Kubernetes quantities) for containers whose service sets none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ResourceDefaults {
  private Map<String, String> requests = new LinkedHashMap<>();
  private Map<String, String> limits = new LinkedHashMap<>();

  public Map<String, String> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, String> requests) {
    this.requests = requests == null ? new LinkedHashMap<>() : requests;
  }

  public Map<String, String> getLimits() {
    return limits;
  }

  public void setLimits(Map<String, String> limits) {
    this.limits = limits == null ? new LinkedHashMap<>() : limits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceDefaults r
        && Objects.equals(requests, r.requests)
        && Objects.equals(limits, r.limits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requests, limits);
  }
}
