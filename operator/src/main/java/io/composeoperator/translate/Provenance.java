package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each object came from in the Compose project, as two annotations that {@code kubectl
 * describe} shows (as kompose's {@code kompose.cmd} tells where its objects came from):
 *
 * <ul>
 *   <li>{@value Labels#COMPOSE_SERVICE}: the Compose service an object was made for, as written in
 *       the file ({@code my_db}, although the object is named {@code my-db}); a pod that runs
 *       services sharing a namespace names them all, its own first, separated by commas. Objects of
 *       the whole project (a claim, a configs ConfigMap, the wait RBAC) have none.
 *   <li>{@value Labels#COMPOSE_FILE}: the file that declares that service, or the named volume or
 *       config a claim or ConfigMap was made for: an included file ({@code db/compose.yaml}), a
 *       file merged over the Compose file that adds it, else the Compose file itself; for any other
 *       object the Compose file.
 * </ul>
 *
 * Applied to the finished objects, so that every kind gets them from this one place.
 */
final class Provenance {
  private Provenance() {}

  /**
   * Annotates every object.
   *
   * @param serviceNames the object name of each Compose service
   * @param groups which services run in one pod
   */
  static void annotate(
      List<HasMetadata> objects,
      ComposeModel model,
      Map<String, String> serviceNames,
      PodGroups groups) {
    Map<String, String> composeNameOf = new HashMap<>();
    serviceNames.forEach((compose, object) -> composeNameOf.put(object, compose));
    Map<String, String> elementOf = new HashMap<>();
    Claims.usedVolumes(model)
        .keySet()
        .forEach(
            key ->
                elementOf.put(
                    "PersistentVolumeClaim/" + Claims.claimName(model, key), "volumes." + key));
    model
        .configs()
        .keySet()
        .forEach(
            key ->
                elementOf.put(
                    "ConfigMap/" + ConfigMaps.configMapName(model, key), "configs." + key));
    for (HasMetadata object : objects) {
      ObjectMeta meta = object.getMetadata();
      Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
      String service = composeNameOf.get(labels.get(Labels.SERVICE));
      Map<String, String> annotations =
          new TreeMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
      if (service != null) {
        List<String> services = new ArrayList<>();
        services.add(service);
        if (Workloads.templateOf(object) != null) {
          services.addAll(groups.guestsOf(service));
        }
        Set<String> files = new LinkedHashSet<>();
        services.forEach(s -> files.add(model.fileOf("services." + s)));
        annotations.put(Labels.COMPOSE_SERVICE, String.join(",", services));
        annotations.put(Labels.COMPOSE_FILE, String.join(",", files));
      } else {
        String element = elementOf.get(object.getKind() + "/" + object.getMetadata().getName());
        annotations.put(
            Labels.COMPOSE_FILE, element == null ? model.sourceFile() : model.fileOf(element));
      }
      meta.setAnnotations(annotations);
    }
  }
}
