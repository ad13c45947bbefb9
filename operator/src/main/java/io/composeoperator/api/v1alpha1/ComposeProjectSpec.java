package io.composeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the user asks for: the Compose file and the settings Compose has no key for. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
    value = "has(self.compose) != has(self.composeFrom)",
    message = "exactly one of compose and composeFrom must be set")
public class ComposeProjectSpec {

  @JsonPropertyDescription("The Compose file, verbatim. Exactly one of compose and composeFrom.")
  private String compose;

  @JsonPropertyDescription("Read the Compose file from a ConfigMap key.")
  private ComposeFrom composeFrom;

  @JsonPropertyDescription(
      "The Compose file's name in the user's project (docker-compose.yml), for messages and the"
          + " composeoperator.io/compose-file annotation of the objects (default: compose.yaml, or"
          + " the key of composeFrom). convert records it.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private String composeFileName;

  @JsonPropertyDescription(
      "Compose files merged over the Compose file, in order, as `docker compose -f compose.yaml -f"
          + " FILE` merges them (compose.override.yaml, compose.prod.yaml); each is a key of"
          + " files.")
  private List<String> overrideFiles = new ArrayList<>();

  @JsonPropertyDescription("Active profiles, like `docker compose --profile`.")
  private List<String> profiles = new ArrayList<>();

  @JsonPropertyDescription("Variables for ${VAR} interpolation, like a .env file.")
  private Map<String, String> variables = new LinkedHashMap<>();

  @JsonPropertyDescription("More variables, from ConfigMaps or Secrets (later entries win).")
  private List<VariablesSource> variablesFrom = new ArrayList<>();

  @JsonPropertyDescription(
      "Contents of files the Compose file refers to (env_file, configs, bind-mounted files), by"
          + " path relative to the Compose file.")
  private Map<String, String> files = new LinkedHashMap<>();

  @JsonPropertyDescription(
      "Project files that hold keys or credentials, by path relative to the Compose file: never"
          + " in files; each is mounted from the Secret named after its path (letsencrypt/acme.json"
          + " -> letsencrypt-acme-json, key acme.json), which the user creates; an env_file among"
          + " them is read from its Secret one variable per key (db.env -> db-env). convert records"
          + " them.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> secretFiles = new ArrayList<>();

  @JsonPropertyDescription(
      "What bind mounts become, as kompose's --volumes (default: persistentVolumeClaim, the rule"
          + " in the README's \"Bind mounts\"). convert records it.")
  private BindMountsSpec bindMounts;

  @JsonPropertyDescription("Images for services, by service name (for services with only build:).")
  private Map<String, String> images = new LinkedHashMap<>();

  @JsonPropertyDescription("Secrets for pulling images.")
  private List<NameRef> imagePullSecrets = new ArrayList<>();

  @JsonPropertyDescription("Defaults for the claims of named volumes.")
  private StorageSpec storage;

  @JsonPropertyDescription("Requests and limits for containers whose service sets none.")
  private ResourceDefaults defaultResources;

  @JsonPropertyDescription(
      "Replicas of every long-running service whose file sets none (deploy.replicas, scale),"
          + " like kompose's --replicas; run-once services (Jobs) are not affected.")
  @Min(0)
  private Integer defaultReplicas;

  @JsonPropertyDescription(
      "Retain (default) keeps claims like `docker compose down`; Delete removes them with the"
          + " project, like `down -v`.")
  @Default("Retain")
  private VolumeRetention volumeRetention;

  @JsonPropertyDescription("How published ports are exposed (default ClusterIP).")
  @Default("ClusterIP")
  private Exposure exposure;

  @JsonPropertyDescription(
      "restricted, baseline or privileged; when unset, baseline or the operator's maximum if"
          + " that is lower. A profile above the operator's maximum is refused.")
  private SecurityProfile securityProfile;

  @JsonPropertyDescription(
      "The extended resource that GPU requests (gpus:, deploy.resources.reservations.devices with"
          + " the gpu capability) become, as the cluster's device plugin names it (default"
          + " nvidia.com/gpu; amd.com/gpu, gpu.intel.com/i915, ...).")
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
  private String gpuResource;

  public String getCompose() {
    return compose;
  }

  public void setCompose(String compose) {
    this.compose = compose;
  }

  public ComposeFrom getComposeFrom() {
    return composeFrom;
  }

  public void setComposeFrom(ComposeFrom composeFrom) {
    this.composeFrom = composeFrom;
  }

  public String getComposeFileName() {
    return composeFileName;
  }

  public void setComposeFileName(String composeFileName) {
    this.composeFileName = composeFileName;
  }

  public List<String> getProfiles() {
    return profiles;
  }

  public void setProfiles(List<String> profiles) {
    this.profiles = profiles == null ? new ArrayList<>() : profiles;
  }

  public Map<String, String> getVariables() {
    return variables;
  }

  public void setVariables(Map<String, String> variables) {
    this.variables = variables == null ? new LinkedHashMap<>() : variables;
  }

  public List<VariablesSource> getVariablesFrom() {
    return variablesFrom;
  }

  public void setVariablesFrom(List<VariablesSource> variablesFrom) {
    this.variablesFrom = variablesFrom == null ? new ArrayList<>() : variablesFrom;
  }

  public List<String> getSecretFiles() {
    return secretFiles;
  }

  public void setSecretFiles(List<String> secretFiles) {
    this.secretFiles = secretFiles == null ? new ArrayList<>() : secretFiles;
  }

  public List<String> getOverrideFiles() {
    return overrideFiles;
  }

  public void setOverrideFiles(List<String> overrideFiles) {
    this.overrideFiles = overrideFiles == null ? new ArrayList<>() : overrideFiles;
  }

  public Map<String, String> getFiles() {
    return files;
  }

  public void setFiles(Map<String, String> files) {
    this.files = files == null ? new LinkedHashMap<>() : files;
  }

  public BindMountsSpec getBindMounts() {
    return bindMounts;
  }

  public void setBindMounts(BindMountsSpec bindMounts) {
    this.bindMounts = bindMounts;
  }

  public Map<String, String> getImages() {
    return images;
  }

  public void setImages(Map<String, String> images) {
    this.images = images == null ? new LinkedHashMap<>() : images;
  }

  public List<NameRef> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<NameRef> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets == null ? new ArrayList<>() : imagePullSecrets;
  }

  public StorageSpec getStorage() {
    return storage;
  }

  public void setStorage(StorageSpec storage) {
    this.storage = storage;
  }

  public ResourceDefaults getDefaultResources() {
    return defaultResources;
  }

  public void setDefaultResources(ResourceDefaults defaultResources) {
    this.defaultResources = defaultResources;
  }

  public Integer getDefaultReplicas() {
    return defaultReplicas;
  }

  public void setDefaultReplicas(Integer defaultReplicas) {
    this.defaultReplicas = defaultReplicas;
  }

  public VolumeRetention getVolumeRetention() {
    return volumeRetention;
  }

  public void setVolumeRetention(VolumeRetention volumeRetention) {
    this.volumeRetention = volumeRetention;
  }

  public String getGpuResource() {
    return gpuResource;
  }

  public void setGpuResource(String gpuResource) {
    this.gpuResource = gpuResource;
  }

  public Exposure getExposure() {
    return exposure;
  }

  public void setExposure(Exposure exposure) {
    this.exposure = exposure;
  }

  public SecurityProfile getSecurityProfile() {
    return securityProfile;
  }

  public void setSecurityProfile(SecurityProfile securityProfile) {
    this.securityProfile = securityProfile;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ComposeProjectSpec s
        && Objects.equals(compose, s.compose)
        && Objects.equals(composeFrom, s.composeFrom)
        && Objects.equals(composeFileName, s.composeFileName)
        && Objects.equals(profiles, s.profiles)
        && Objects.equals(variables, s.variables)
        && Objects.equals(variablesFrom, s.variablesFrom)
        && Objects.equals(overrideFiles, s.overrideFiles)
        && Objects.equals(files, s.files)
        && Objects.equals(secretFiles, s.secretFiles)
        && Objects.equals(bindMounts, s.bindMounts)
        && Objects.equals(images, s.images)
        && Objects.equals(imagePullSecrets, s.imagePullSecrets)
        && Objects.equals(storage, s.storage)
        && Objects.equals(defaultResources, s.defaultResources)
        && Objects.equals(defaultReplicas, s.defaultReplicas)
        && volumeRetention == s.volumeRetention
        && exposure == s.exposure
        && securityProfile == s.securityProfile
        && Objects.equals(gpuResource, s.gpuResource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(compose, composeFrom, profiles, variables, variablesFrom, files, images);
  }
}
