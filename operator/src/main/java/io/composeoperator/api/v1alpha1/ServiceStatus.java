package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** The observed state of one Compose service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceStatus {
  private String name;
  private String workload;
  private String image;
  private Integer replicas;
  private Integer readyReplicas;
  private Boolean ready;
  private String reason;
  private String message;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** {@code Deployment/db} or {@code Job/migrate}. */
  public String getWorkload() {
    return workload;
  }

  public void setWorkload(String workload) {
    this.workload = workload;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Boolean getReady() {
    return ready;
  }

  public void setReady(Boolean ready) {
    this.ready = ready;
  }

  /** Why the service is not ready, when known ({@code ImagePullBackOff}, {@code JobFailed}). */
  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  /** What the service waits for, when it is not ready (deterministic: no timestamps). */
  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceStatus s
        && Objects.equals(name, s.name)
        && Objects.equals(workload, s.workload)
        && Objects.equals(image, s.image)
        && Objects.equals(replicas, s.replicas)
        && Objects.equals(readyReplicas, s.readyReplicas)
        && Objects.equals(ready, s.ready)
        && Objects.equals(reason, s.reason)
        && Objects.equals(message, s.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, workload, image, replicas, readyReplicas, ready, reason, message);
  }
}
