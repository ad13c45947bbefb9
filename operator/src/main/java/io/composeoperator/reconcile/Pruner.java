package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the plan prunes: objects that carry this project's labels and an ownerReference to
 * this ComposeProject's UID (the planner never lists anything else; a label alone never makes an
 * object prunable). Deletion propagates in the background, so pods go with their workload.
 */
public class Pruner {
  private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

  private final KubernetesClient client;

  public Pruner(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes the objects and returns their keys ({@code Deployment/web}), in plan order. */
  public List<String> prune(List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      client.resource(object).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      LOG.debug("pruned {}", Planner.key(object));
    }
    return objects.stream().map(Planner::key).toList();
  }
}
