package io.composeoperator.cli;

import io.composeoperator.compose.Warning;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Names;
import io.composeoperator.translate.ProjectOptions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code render} adds to the translation's warnings about running its output on a cluster
 * yourself (the operator has its own settings for both): wait containers that use the default
 * image, which the cluster must be able to pull, and published ports that stay inside the cluster.
 */
final class RenderWarnings {
  private RenderWarnings() {}

  /**
   * The warnings for these rendered objects.
   *
   * @param waitImageGiven whether {@code --wait-image} was given
   */
  static List<Warning> of(List<HasMetadata> objects, boolean waitImageGiven) {
    List<Warning> warnings = new ArrayList<>();
    if (!waitImageGiven && usesImage(objects, ProjectOptions.DEFAULT_WAIT_IMAGE)) {
      warnings.add(
          new Warning(
              "depends_on",
              "the wait init containers use the default image "
                  + ProjectOptions.DEFAULT_WAIT_IMAGE
                  + ", which the cluster must be able to pull: build it from the Dockerfile, push"
                  + " it, and give --wait-image REF"));
    }
    TreeSet<String> clusterOnly = new TreeSet<>();
    for (HasMetadata object : objects) {
      if (object instanceof Service service && isPublished(service)) {
        String type = service.getSpec().getType();
        if (type == null || type.equals("ClusterIP")) {
          clusterOnly.add(service.getMetadata().getLabels().get(Labels.SERVICE));
        }
      }
    }
    // a service with an Ingress or an HTTPRoute is reachable from outside through it
    objects.stream()
        .filter(o -> o instanceof Ingress || o instanceof HTTPRoute)
        .forEach(o -> clusterOnly.remove(o.getMetadata().getLabels().get(Labels.SERVICE)));
    for (String service : clusterOnly) {
      warnings.add(
          new Warning(
              "services." + service + ".ports",
              "published ports stay ClusterIP, reachable only inside the cluster: give --exposure"
                  + " NodePort or LoadBalancer, route HTTP through an Ingress"
                  + " (x-kubernetes.ingress) or an HTTPRoute (x-kubernetes.httpRoute), or use"
                  + " kubectl port-forward"));
    }
    return warnings;
  }

  private static boolean isPublished(Service service) {
    Map<String, String> labels = service.getMetadata().getLabels();
    String name = labels == null ? null : labels.get(Labels.SERVICE);
    return name != null
        && service.getSpec() != null
        && service.getMetadata().getName().equals(Names.publishedService(name));
  }

  private static boolean usesImage(List<HasMetadata> objects, String image) {
    for (HasMetadata object : objects) {
      PodTemplateSpec template =
          object instanceof Deployment d
              ? d.getSpec().getTemplate()
              : object instanceof Job j
                  ? j.getSpec().getTemplate()
                  : object instanceof DaemonSet ds ? ds.getSpec().getTemplate() : null;
      if (template == null) {
        continue;
      }
      for (Container container : template.getSpec().getInitContainers()) {
        if (image.equals(container.getImage())) {
          return true;
        }
      }
    }
    return false;
  }
}
