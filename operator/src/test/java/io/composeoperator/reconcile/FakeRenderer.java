package io.composeoperator.reconcile;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Warning;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Translation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A stand-in for {@code Renderer.render} in reconcile tests: reads {@code services.<name>.image},
 * {@code restart: "no"} (a Job), {@code privileged}, and {@code volumes: [name:/path]} (a claim per
 * named volume) and builds the objects with fabric8 builders, labelled as the translation labels
 * them. It lets the reconcile tests run before the real loader and translator exist; the reconcile
 * code under test only ever sees a {@link Translation}.
 */
final class FakeRenderer {
  private FakeRenderer() {}

  @SuppressWarnings("unchecked") // YAML maps and lists are untyped
  static Translation render(ComposeSource source, ProjectOptions options) {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(source.text());
    if (!(doc instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
      throw new ComposeException(source.fileName(), "services", "services must be a mapping");
    }
    String project = options.name();
    List<HasMetadata> claims = new ArrayList<>();
    List<HasMetadata> svcs = new ArrayList<>();
    List<HasMetadata> jobs = new ArrayList<>();
    List<HasMetadata> deployments = new ArrayList<>();
    List<Translation.ServiceSummary> summaries = new ArrayList<>();
    TreeSet<String> volumes = new TreeSet<>();
    for (Map.Entry<String, Object> entry :
        new TreeMap<>((Map<String, Object>) services).entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = (Map<String, Object>) entry.getValue();
      String path = "services." + name;
      if (!(service.get("image") instanceof String image)) {
        throw new ComposeException(source.fileName(), path + ".image", "image is required");
      }
      if (Boolean.TRUE.equals(service.get("privileged"))
          && options.securityProfile()
              != io.composeoperator.api.v1alpha1.SecurityProfile.privileged) {
        throw new ComposeException(
            ComposeException.Kind.FORBIDDEN,
            source.fileName(),
            path + ".privileged",
            "privileged is refused under " + options.securityProfile());
      }
      for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
        volumes.add(volume.toString().split(":")[0]);
      }
      Map<String, String> labels = Labels.forService(project, name);
      PodTemplateSpec template =
          new PodTemplateSpecBuilder()
              .withNewMetadata()
              .withLabels(labels)
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName(name)
              .withImage(image)
              .endContainer()
              .withEnableServiceLinks(false)
              .withRestartPolicy("no".equals(service.get("restart")) ? "Never" : "Always")
              .endSpec()
              .build();
      svcs.add(
          new ServiceBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(options.namespace())
              .withLabels(labels)
              .endMetadata()
              .withNewSpec()
              .withClusterIP("None")
              .withSelector(Labels.selector(project, name))
              .withPublishNotReadyAddresses(true)
              .endSpec()
              .build());
      if ("no".equals(service.get("restart"))) {
        jobs.add(
            new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(options.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withTemplate(template)
                .endSpec()
                .build());
        summaries.add(new Translation.ServiceSummary(name, "Job", name, image, null));
      } else {
        deployments.add(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(options.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(Labels.selector(project, name))
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build());
        summaries.add(new Translation.ServiceSummary(name, "Deployment", name, image, null));
      }
    }
    for (String volume : volumes) {
      claims.add(
          new PersistentVolumeClaimBuilder()
              .withNewMetadata()
              .withName(volume)
              .withNamespace(options.namespace())
              .withLabels(Labels.forProjectObject(project, volume))
              .endMetadata()
              .withNewSpec()
              .withAccessModes(options.storage().accessModes())
              .withNewResources()
              .addToRequests("storage", new Quantity(options.storage().size()))
              .endResources()
              .endSpec()
              .build());
    }
    List<HasMetadata> objects = new ArrayList<>(claims);
    objects.addAll(svcs);
    objects.addAll(jobs);
    objects.addAll(deployments);
    List<Warning> warnings = List.of();
    TreeSet<String> secrets = new TreeSet<>();
    if (root.get("secrets") instanceof Map<?, ?> s) {
      s.keySet().forEach(k -> secrets.add(k.toString()));
    }
    return new Translation(objects, warnings, summaries, secrets);
  }
}
