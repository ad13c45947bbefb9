package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the desired objects with the observed ones and decides what to write: a pure function
 * (no client, no clock). Only the project's own objects ({@link Ownership}) are written: an
 * observed object that carries the project label but is not owned, and has a name the project
 * wants, is a conflict and left as it is. Pruning is planning against the desired set: only
 * observed objects with an ownerReference to this ComposeProject's UID are pruned, and claims under
 * {@code Retain} never.
 */
public final class Planner {
  private Planner() {}

  /**
   * The plan of one reconcile.
   *
   * @param desired the translation's objects (without ownerReferences)
   * @param observed the objects that carry this project's label, from the caches; not all of them
   *     are the project's own
   * @param owner the ComposeProject (name and UID for ownerReferences)
   * @param retention what happens to claims
   */
  public static Plan plan(
      List<HasMetadata> desired,
      List<? extends HasMetadata> observed,
      ComposeProject owner,
      VolumeRetention retention) {
    Map<String, HasMetadata> live = new LinkedHashMap<>();
    observed.forEach(o -> live.put(key(o), o));
    List<Plan.Action> actions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    int unchanged = 0;
    for (HasMetadata object : desired) {
      HasMetadata wanted = withOwner(object, owner, retention);
      HasMetadata current = live.remove(key(wanted));
      if (current == null) {
        actions.add(new Plan.Action(Plan.Verb.CREATE, wanted, null));
        continue;
      }
      if (!Ownership.owns(owner, current)) {
        conflicts.add(Ownership.conflict(owner, current));
        continue;
      }
      if (current.getMetadata().getDeletionTimestamp() != null) {
        // being deleted (a replaced Job): its deletion event brings the reconcile that creates it
        continue;
      }
      String problem = immutableProblem(wanted, current);
      if (problem != null) {
        problems.add(problem);
        if (wanted instanceof PersistentVolumeClaim claim) {
          wanted = keepClaimSpec(claim, (PersistentVolumeClaim) current);
        } else {
          continue;
        }
      }
      if (ManagedFields.matches(wanted, current)) {
        unchanged++;
      } else if (wanted instanceof Job job && templateChanged(job, (Job) current)) {
        actions.add(new Plan.Action(Plan.Verb.REPLACE, wanted, current));
      } else {
        actions.add(new Plan.Action(Plan.Verb.APPLY, wanted, current));
      }
    }
    List<HasMetadata> prune = new ArrayList<>();
    for (HasMetadata leftover : live.values()) {
      boolean retained =
          leftover instanceof PersistentVolumeClaim && retention != VolumeRetention.Delete;
      if (!retained && Ownership.hasOwnerReference(owner, leftover)) {
        prune.add(leftover);
      }
    }
    problems.sort(null);
    conflicts.sort(null);
    return new Plan(actions, prune, problems, conflicts, unchanged);
  }

  /** The kind and name that identify an object within the namespace. */
  public static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }

  /** The ownerReference every object gets, except claims under {@code Retain}. */
  public static OwnerReference ownerReference(ComposeProject owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }

  static HasMetadata withOwner(
      HasMetadata object, ComposeProject owner, VolumeRetention retention) {
    HasMetadata copy = Serialization.clone(object);
    boolean retained = copy instanceof PersistentVolumeClaim && retention != VolumeRetention.Delete;
    copy.getMetadata().setOwnerReferences(retained ? List.of() : List.of(ownerReference(owner)));
    return copy;
  }

  /** A Job's pod template is immutable: a change needs a new Job; anything else can apply. */
  static boolean templateChanged(Job desired, Job live) {
    return !ManagedFields.isSubset(desired.getSpec().getTemplate(), live.getSpec().getTemplate());
  }

  /** Why the desired object cannot be applied in place, or null when it can. */
  static String immutableProblem(HasMetadata desired, HasMetadata live) {
    if (desired instanceof PersistentVolumeClaim want && live instanceof PersistentVolumeClaim is) {
      return claimProblem(want, is);
    }
    if (desired instanceof Deployment want && live instanceof Deployment is) {
      if (!Objects.equals(want.getSpec().getSelector(), is.getSpec().getSelector())) {
        return "Deployment "
            + want.getMetadata().getName()
            + ": the selector cannot change; delete the Deployment to recreate it";
      }
    }
    if (desired instanceof DaemonSet want && live instanceof DaemonSet is) {
      if (!Objects.equals(want.getSpec().getSelector(), is.getSpec().getSelector())) {
        return "DaemonSet "
            + want.getMetadata().getName()
            + ": the selector cannot change; delete the DaemonSet to recreate it";
      }
    }
    return null;
  }

  private static String claimProblem(PersistentVolumeClaim want, PersistentVolumeClaim is) {
    String name = "PersistentVolumeClaim " + want.getMetadata().getName();
    PersistentVolumeClaimSpec w = want.getSpec();
    PersistentVolumeClaimSpec i = is.getSpec();
    if (w.getStorageClassName() != null
        && i.getStorageClassName() != null
        && !w.getStorageClassName().equals(i.getStorageClassName())) {
      return name
          + ": storage class "
          + w.getStorageClassName()
          + " cannot replace "
          + i.getStorageClassName()
          + "; the claim is left as it is";
    }
    if (!i.getAccessModes().isEmpty() && !w.getAccessModes().equals(i.getAccessModes())) {
      return name
          + ": access modes "
          + w.getAccessModes()
          + " cannot replace "
          + i.getAccessModes()
          + "; the claim is left as it is";
    }
    Quantity want1 = storage(w);
    Quantity is1 = storage(i);
    if (want1 != null
        && is1 != null
        && want1.getNumericalAmount().compareTo(is1.getNumericalAmount()) < 0) {
      return name
          + ": size "
          + want1
          + " is smaller than the current "
          + is1
          + " and a claim cannot shrink; the claim is left as it is";
    }
    return null;
  }

  private static Quantity storage(PersistentVolumeClaimSpec spec) {
    return spec.getResources() == null || spec.getResources().getRequests() == null
        ? null
        : spec.getResources().getRequests().get("storage");
  }

  /**
   * Applies a claim's metadata but keeps the live spec where the desired one cannot apply. A
   * storage class the operator does not set stays unset in what it applies: the API server filled
   * it in from the default class, and applying it would take that field over (one needless write),
   * after which a later apply without it would ask the server to remove an immutable field.
   */
  private static PersistentVolumeClaim keepClaimSpec(
      PersistentVolumeClaim desired, PersistentVolumeClaim live) {
    PersistentVolumeClaim copy = Serialization.clone(desired);
    if (desired.getSpec().getStorageClassName() != null) {
      copy.getSpec().setStorageClassName(live.getSpec().getStorageClassName());
    }
    copy.getSpec().setAccessModes(live.getSpec().getAccessModes());
    copy.getSpec().setResources(live.getSpec().getResources());
    return copy;
  }
}
