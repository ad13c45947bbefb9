package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan: server-side apply with the field manager {@code compose-operator} and force for
 * objects we own; create for objects we do not own yet, so that an object of someone else answers
 * "already exists" and becomes a {@code Conflict} instead of being taken over (ownership is proven
 * by {@link Ownership}, never by a label); delete-wait-create for Jobs whose template changed. A
 * change the API server refuses (an immutable field) is reported and does not hold back the other
 * objects.
 */
public class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  private final KubernetesClient client;
  private final Duration jobDeletionTimeout;

  public Applier(KubernetesClient client, Duration jobDeletionTimeout) {
    this.client = client;
    this.jobDeletionTimeout = jobDeletionTimeout;
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
          case REPLACE -> written += replace(desired, action.live());
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

  /** A Job's template is immutable: delete it in the background, wait until gone, create. */
  private int replace(HasMetadata desired, HasMetadata live) {
    client.resource(live).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    client
        .resource(desired)
        .waitUntilCondition(Objects::isNull, jobDeletionTimeout.toMillis(), TimeUnit.MILLISECONDS);
    client.resource(desired).create();
    LOG.debug("replaced {}", Planner.key(desired));
    return 2;
  }

  private static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return "HTTP " + e.getCode();
  }
}
