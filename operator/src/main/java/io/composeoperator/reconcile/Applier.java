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
          case APPLY -> written += applyOrReplace(desired, action.live());
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

  /**
   * Applies; when the API server refuses the merged object although ours alone is valid, the
   * refusal comes from fields another manager added (a user's {@code kubectl edit} of a Service
   * port leaves its own port entry beside ours, under the same name). Server-side apply cannot
   * remove another manager's entries, so the object is replaced: deleted now and created from the
   * desired state by the next reconcile, as drift is restored. Claims are never replaced (their
   * data would go): their refusal is reported.
   */
  private int applyOrReplace(HasMetadata desired, HasMetadata live) {
    try {
      return serverSideApply(desired);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 422 || live == null || live.getKind().equals("PersistentVolumeClaim")) {
        throw e;
      }
      if (!validAlone(desired)) {
        throw e;
      }
      LOG.info(
          "{}: the API server refused our fields merged with another manager's ({}); replacing it",
          Planner.key(desired),
          reason(e));
      return replace(live);
    }
  }

  /** A dry-run create of the desired object: valid alone when only its name is taken. */
  private boolean validAlone(HasMetadata desired) {
    try {
      client.resource(desired).dryRun().create();
      return true;
    } catch (KubernetesClientException e) {
      return e.getCode() == HttpURLConnection.HTTP_CONFLICT;
    }
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
   * A Job's template is immutable (and an object whose merge with another manager's fields is
   * invalid cannot be applied): delete it in the background. No reconcile thread waits for it to
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
