package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan: server-side apply with the field manager {@code compose-operator} and force for
 * objects we own; create for objects we do not own yet, so that an object of someone else answers
 * "already exists" and becomes a {@code Conflict} instead of being taken over (ownership is proven
 * by {@link Ownership}, never by a label); delete for Jobs whose template changed (the next
 * reconcile creates them again). A change the API server refuses (an immutable field) is reported
 * and does not hold back the other objects.
 */
public class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  private final KubernetesClient client;

  public Applier(KubernetesClient client) {
    this.client = client;
  }

  public ApplyResult apply(Plan plan, ComposeProject project) {
    int written = 0;
    List<String> conflicts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Plan.Action action : plan.actions()) {
      HasMetadata desired = action.desired();
      try {
        switch (action.verb()) {
          case CREATE -> written += create(desired, project, conflicts);
          case APPLY -> written += serverSideApply(desired);
          case REPLACE -> written += replace(action.live());
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 422 && e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        problems.add(Planner.key(desired) + ": refused by the API server: " + reason(e));
      }
    }
    return new ApplyResult(written, conflicts, problems);
  }

  private int create(HasMetadata desired, ComposeProject project, List<String> conflicts) {
    try {
      client.resource(desired).create();
      LOG.debug("created {}", Planner.key(desired));
      if (desired.getMetadata().getOwnerReferences().isEmpty()) {
        // A retained claim has no ownerReference: only our field manager's entry proves it ours
        // (Ownership), and a create does not record it, so apply it at once.
        return 1 + serverSideApply(desired);
      }
      return 1;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    HasMetadata existing = client.resource(desired).get();
    if (existing == null) {
      // deleted between the create and the read: JOSDK's retry creates it again
      throw new KubernetesClientException(Planner.key(desired) + " was deleted while created");
    }
    if (Ownership.owns(project, existing)) {
      // Ours (an ownerReference, or our retained claim), but the informer had not seen it yet.
      return serverSideApply(desired);
    }
    conflicts.add(Ownership.conflict(project, existing));
    return 0;
  }

  private int serverSideApply(HasMetadata desired) {
    client
        .resource(desired)
        .fieldManager(ManagedFields.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    LOG.debug("applied {}", Planner.key(desired));
    return 1;
  }

  /**
   * A Job's template is immutable: delete it in the background. No reconcile thread waits for it to
   * disappear: the Job informer's delete event triggers the next reconcile, which no longer
   * observes the Job and creates the new one (the {@link Planner} leaves an object that is being
   * deleted alone until then).
   */
  private int replace(HasMetadata live) {
    client.resource(live).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    LOG.debug("deleted {} to replace it", Planner.key(live));
    return 1;
  }

  private static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return "HTTP " + e.getCode();
  }
}
