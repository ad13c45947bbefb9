package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed Job is replaced without a reconcile thread waiting: the Planner plans its deletion, and
 * while the deletion is under way it plans nothing for it, so the reconcile that the deletion event
 * brings creates it again.
 */
class JobReplacementTest {

  private static ComposeProject owner() {
    ComposeProject owner = new ComposeProject();
    owner.setMetadata(
        new ObjectMetaBuilder().withName("shop").withNamespace("test").withUid("uid-1").build());
    return owner;
  }

  private static Job job(String image) {
    return new JobBuilder()
        .withNewMetadata()
        .withName("migrate")
        .withNamespace("test")
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("migrate")
        .withImage(image)
        .endContainer()
        .withRestartPolicy("Never")
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Job terminating(Job job) {
    Job live = new JobBuilder(job).build();
    live.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    live.getMetadata().setDeletionTimestamp("2026-12-02T10:00:00Z");
    return live;
  }

  @Test
  void jobBeingDeletedIsLeftAloneUntilItIsGone() {
    List<HasMetadata> desired = List.of(job("app:2"));

    Plan whileDeleting =
        Planner.plan(desired, List.of(terminating(job("app:1"))), owner(), VolumeRetention.Retain);
    Plan afterDeletion = Planner.plan(desired, List.of(), owner(), VolumeRetention.Retain);

    assertThat(whileDeleting.actions()).isEmpty();
    assertThat(whileDeleting.prune()).isEmpty();
    assertThat(afterDeletion.actions())
        .extracting(Plan.Action::verb)
        .containsExactly(Plan.Verb.CREATE);
  }
}
