package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed: conditions Ready and Reconciled, per-service state, warnings. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ComposeProjectStatus {
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();
  private String servicesReady;
  private List<ServiceStatus> services = new ArrayList<>();
  private List<String> warnings = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  /** Ready services over active services ({@code 2/3}), for the printer column. */
  public String getServicesReady() {
    return servicesReady;
  }

  public void setServicesReady(String servicesReady) {
    this.servicesReady = servicesReady;
  }

  public List<ServiceStatus> getServices() {
    return services;
  }

  public void setServices(List<ServiceStatus> services) {
    this.services = services == null ? new ArrayList<>() : services;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public void setWarnings(List<String> warnings) {
    this.warnings = warnings == null ? new ArrayList<>() : warnings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ComposeProjectStatus s
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions)
        && Objects.equals(servicesReady, s.servicesReady)
        && Objects.equals(services, s.services)
        && Objects.equals(warnings, s.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, servicesReady, services, warnings);
  }
}
