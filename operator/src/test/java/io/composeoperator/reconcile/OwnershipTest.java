package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.PlannerTest.captured;
import static io.composeoperator.reconcile.PlannerTest.capturedProject;
import static io.composeoperator.reconcile.PlannerTest.claim;
import static io.composeoperator.reconcile.PlannerTest.owner;
import static io.composeoperator.reconcile.PlannerTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  @Test
  void ownerReferenceToThisProjectsUidProvesOwnership() {
    io.fabric8.kubernetes.api.model.Service web = service("web");
    web.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    assertThat(Ownership.owns(owner(), web)).isTrue();
  }

  @Test
  void projectLabelAloneProvesNothing() {
    assertThat(Ownership.owns(owner(), service("web"))).isFalse();
    assertThat(Ownership.owns(owner(), claim("data", "1Gi")))
        .as("a labelled claim without our field manager's entry")
        .isFalse();
  }

  @Test
  void ownerReferenceToAnotherUidIsNotOurs() {
    io.fabric8.kubernetes.api.model.Service web = service("web");
    web.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder(Planner.ownerReference(owner()))
                    .withUid("uid-of-a-deleted-project")
                    .build()));
    assertThat(Ownership.owns(owner(), web)).isFalse();
  }

  @Test
  void retainedClaimNeedsOurLabelsOurEntryAndNoOwnerReference() throws java.io.IOException {
    ComposeProject recreated = capturedProject("shop");
    recreated.getMetadata().setUid("uid-2");
    PersistentVolumeClaim kept = captured("shop", PersistentVolumeClaim.class, "pgdata");
    assertThat(Ownership.owns(recreated, kept)).isTrue();

    PersistentVolumeClaim otherProject = captured("shop", PersistentVolumeClaim.class, "pgdata");
    otherProject.getMetadata().getLabels().put(Labels.PROJECT, "blog");
    assertThat(Ownership.owns(recreated, otherProject)).isFalse();

    PersistentVolumeClaim notManaged = captured("shop", PersistentVolumeClaim.class, "pgdata");
    notManaged.getMetadata().getLabels().remove(Labels.MANAGED_BY);
    assertThat(Ownership.owns(recreated, notManaged)).isFalse();

    PersistentVolumeClaim ownedElsewhere = captured("shop", PersistentVolumeClaim.class, "pgdata");
    ownedElsewhere
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder(Planner.ownerReference(owner()))
                    .withUid("uid-of-a-deleted-project")
                    .build()));
    assertThat(Ownership.owns(recreated, ownedElsewhere)).isFalse();
  }

  @Test
  void conflictNamesTheObjectAndWhy() {
    assertThat(Ownership.conflict(owner(), service("web")))
        .startsWith("Service/web exists and is not owned by this project");
    io.fabric8.kubernetes.api.model.Service blogs = service("web");
    blogs.getMetadata().getLabels().put(Labels.PROJECT, "blog");
    assertThat(Ownership.conflict(owner(), blogs))
        .isEqualTo("Service/web exists and belongs to project blog");
    io.fabric8.kubernetes.api.model.Service users = service("web");
    users.getMetadata().setLabels(null);
    assertThat(Ownership.conflict(owner(), users))
        .isEqualTo("Service/web exists and is not managed by compose-operator");
  }
}
