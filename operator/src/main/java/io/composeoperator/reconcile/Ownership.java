package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.util.Map;

/**
 * Decides whether an object is a project's own: proven by an ownerReference to the ComposeProject's
 * UID, or, for a claim kept under {@code volumeRetention: Retain} (which has no ownerReference), by
 * the project's labels together with the operator's own field-manager entry in {@code
 * metadata.managedFields}. A label alone proves nothing: the README tells users to put the project
 * label on their own ConfigMaps and Secrets so that a change is noticed, and such an object is
 * never applied to, given an ownerReference or pruned; when its name is one the project wants, it
 * is a {@code Conflict}.
 */
public final class Ownership {
  private Ownership() {}

  /** True when {@code object} is {@code project}'s own (see the class comment). */
  public static boolean owns(ComposeProject project, HasMetadata object) {
    return hasOwnerReference(project, object) || isRetainedClaim(project, object);
  }

  /** True when the object has an ownerReference to this ComposeProject's UID. */
  public static boolean hasOwnerReference(ComposeProject project, HasMetadata object) {
    String uid = project.getMetadata().getUid();
    return uid != null
        && object.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  /**
   * A claim the operator created for a project of this name and then kept (no ownerReference): the
   * project's labels and an entry of the operator's field manager in managedFields (its create or
   * its apply), which only a write under our field manager leaves. It survives the ComposeProject's
   * deletion, so a re-created project (a new UID) takes it back.
   */
  static boolean isRetainedClaim(ComposeProject project, HasMetadata object) {
    if (!(object instanceof PersistentVolumeClaim)
        || !object.getMetadata().getOwnerReferences().isEmpty()) {
      return false;
    }
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null
        && project.getMetadata().getName().equals(labels.get(Labels.PROJECT))
        && Labels.MANAGER.equals(labels.get(Labels.MANAGED_BY))
        && ManagedFields.hasEntry(object);
  }

  /**
   * Why an existing object with a name the project wants is not taken: one sentence naming it
   * ({@code ConfigMap/app-config exists and ...}).
   */
  static String conflict(ComposeProject project, HasMetadata existing) {
    Map<String, String> labels = existing.getMetadata().getLabels();
    String labelled = labels == null ? null : labels.get(Labels.PROJECT);
    String why;
    if (labelled == null) {
      why = "is not managed by compose-operator";
    } else if (!labelled.equals(project.getMetadata().getName())) {
      why = "belongs to project " + labelled;
    } else {
      why =
          "is not owned by this project: it carries the label "
              + Labels.PROJECT
              + "="
              + labelled
              + " but no ownerReference to this ComposeProject, so it is left as it is; rename"
              + " it or the Compose resource that wants its name";
    }
    return Planner.key(existing) + " exists and " + why;
  }
}
