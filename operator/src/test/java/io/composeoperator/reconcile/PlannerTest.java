package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static ComposeProject owner() {
    ComposeProject project = new ComposeProject();
    project.setMetadata(
        new ObjectMetaBuilder().withName("shop").withNamespace("ns").withUid("uid-1").build());
    return project;
  }

  static io.fabric8.kubernetes.api.model.Service service(String name) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .withLabels(Labels.forService("shop", name))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(Labels.selector("shop", name))
        .endSpec()
        .build();
  }

  static PersistentVolumeClaim claim(String name, String size) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .withLabels(Labels.forProjectObject("shop", name))
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new Quantity(size))
        .endResources()
        .endSpec()
        .build();
  }

  static Job job(String image) {
    return new JobBuilder()
        .withNewMetadata()
        .withName("migrate")
        .withNamespace("ns")
        .withLabels(Labels.forService("shop", "migrate"))
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

  /** What the live object looks like after we applied {@code applied} (and an owner). */
  @SuppressWarnings("unchecked") // a JSON object read as a map
  static <T extends HasMetadata> T appliedLive(T applied) {
    T live = (T) Planner.withOwner(applied, owner(), VolumeRetention.Retain);
    Map<String, Object> fields =
        SERIALIZATION.convertValue(
            ServerSideApplyCrudDispatcher.fieldsOf(
                SERIALIZATION.convertValue(live, com.fasterxml.jackson.databind.JsonNode.class),
                true),
            Map.class);
    FieldsV1 fieldsV1 = new FieldsV1();
    fields.forEach(fieldsV1::setAdditionalProperty);
    live.getMetadata()
        .setManagedFields(
            List.of(
                new ManagedFieldsEntryBuilder()
                    .withManager(ManagedFields.FIELD_MANAGER)
                    .withOperation("Apply")
                    .withFieldsV1(fieldsV1)
                    .build()));
    live.getMetadata().setUid("object-uid");
    return live;
  }

  @Test
  void createsWhatIsNotObserved() {
    Plan plan = Planner.plan(List.of(service("web")), List.of(), owner(), VolumeRetention.Retain);
    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.verb()).isEqualTo(Plan.Verb.CREATE);
              assertThat(a.desired().getMetadata().getOwnerReferences())
                  .extracting(r -> r.getUid())
                  .containsExactly("uid-1");
            });
  }

  @Test
  void matchingObjectNeedsNoWrite() {
    Plan plan =
        Planner.plan(
            List.of(service("web")),
            List.of(appliedLive(service("web"))),
            owner(),
            VolumeRetention.Retain);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void objectWithoutOurApplyEntryIsApplied() {
    io.fabric8.kubernetes.api.model.Service live = service("web");
    live.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    Plan plan =
        Planner.plan(List.of(service("web")), List.of(live), owner(), VolumeRetention.Retain);
    assertThat(plan.actions()).extracting(Plan.Action::verb).containsExactly(Plan.Verb.APPLY);
  }

  @Test
  void prunesOnlyObjectsOwnedByThisProject() {
    io.fabric8.kubernetes.api.model.Service ours = appliedLive(service("old"));
    io.fabric8.kubernetes.api.model.Service foreign = service("foreign");
    Plan plan = Planner.plan(List.of(), List.of(ours, foreign), owner(), VolumeRetention.Retain);
    assertThat(plan.prune()).extracting(Planner::key).containsExactly("Service/old");
  }

  @Test
  void claimsUnderRetainHaveNoOwnerAndAreNeverPruned() {
    Plan create =
        Planner.plan(List.of(claim("data", "1Gi")), List.of(), owner(), VolumeRetention.Retain);
    assertThat(create.actions().get(0).desired().getMetadata().getOwnerReferences()).isEmpty();
    PersistentVolumeClaim owned = claim("data", "1Gi");
    owned.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    assertThat(Planner.plan(List.of(), List.of(owned), owner(), VolumeRetention.Retain).prune())
        .isEmpty();
    assertThat(Planner.plan(List.of(), List.of(owned), owner(), VolumeRetention.Delete).prune())
        .extracting(Planner::key)
        .containsExactly("PersistentVolumeClaim/data");
  }

  @Test
  void shrinkingClaimIsReportedAndKeptAsItIs() {
    PersistentVolumeClaim live = appliedLive(claim("data", "5Gi"));
    Plan plan =
        Planner.plan(List.of(claim("data", "1Gi")), List.of(live), owner(), VolumeRetention.Retain);
    assertThat(plan.problems())
        .containsExactly(
            "PersistentVolumeClaim data: size 1Gi is smaller than the current 5Gi and a claim"
                + " cannot shrink; the claim is left as it is");
    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void changedJobTemplateIsReplacedButUnchangedJobIsNot() {
    Job live = appliedLive(job("app:1"));
    assertThat(
            Planner.plan(List.of(job("app:2")), List.of(live), owner(), VolumeRetention.Retain)
                .actions())
        .extracting(Plan.Action::verb)
        .containsExactly(Plan.Verb.REPLACE);
    Job created = job("app:1");
    created.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    assertThat(
            Planner.plan(List.of(job("app:1")), List.of(created), owner(), VolumeRetention.Retain)
                .actions())
        .extracting(Plan.Action::verb)
        .as("a Job created without our Apply entry is applied, not re-run")
        .containsExactly(Plan.Verb.APPLY);
  }

  @Test
  void labelledObjectThatIsNotOwnedIsAConflictNeverWrittenOrPruned() {
    io.fabric8.kubernetes.api.model.ConfigMap users =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("app-config")
            .withNamespace("ns")
            .withLabels(Map.of(Labels.PROJECT, "shop"))
            .endMetadata()
            .withData(Map.of("compose.yaml", "services: {}"))
            .build();
    io.fabric8.kubernetes.api.model.ConfigMap desired =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("app-config")
            .withNamespace("ns")
            .withLabels(Labels.forProjectObject("shop", "app-config"))
            .endMetadata()
            .withData(Map.of("app-config", "debug=true"))
            .build();
    Plan wanted = Planner.plan(List.of(desired), List.of(users), owner(), VolumeRetention.Retain);
    assertThat(wanted.actions()).isEmpty();
    assertThat(wanted.conflicts())
        .singleElement()
        .asString()
        .startsWith(
            "ConfigMap/app-config exists and is not owned by this project: it carries the label"
                + " composeoperator.io/project=shop but no ownerReference");
    Plan left = Planner.plan(List.of(), List.of(users), owner(), VolumeRetention.Delete);
    assertThat(left.prune()).isEmpty();
    assertThat(left.conflicts()).isEmpty();
  }

  @Test
  void retainedClaimWithOurApplyEntryIsTakenBackByANewProject() {
    PersistentVolumeClaim kept = appliedLive(claim("data", "1Gi"));
    ComposeProject recreated = owner();
    recreated.getMetadata().setUid("uid-2");
    Plan plan =
        Planner.plan(
            List.of(claim("data", "1Gi")), List.of(kept), recreated, VolumeRetention.Retain);
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void labelledClaimWithoutOurApplyEntryIsAConflict() {
    PersistentVolumeClaim users = claim("data", "1Gi");
    Plan plan =
        Planner.plan(
            List.of(claim("data", "1Gi")), List.of(users), owner(), VolumeRetention.Retain);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.conflicts())
        .singleElement()
        .asString()
        .startsWith("PersistentVolumeClaim/data exists and is not owned by this project");
  }

  @Test
  void aDaemonSetWhoseSelectorWouldChangeIsAnImmutableFieldProblem() {
    java.util.function.BiFunction<String, String, io.fabric8.kubernetes.api.model.apps.DaemonSet>
        daemonSet =
            (name, service) ->
                new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withNewSpec()
                    .withNewSelector()
                    .withMatchLabels(Labels.selector("shop", service))
                    .endSelector()
                    .endSpec()
                    .build();

    assertThat(
            Planner.immutableProblem(
                daemonSet.apply("agent", "agent"), daemonSet.apply("agent", "agent")))
        .isNull();
    assertThat(
            Planner.immutableProblem(
                daemonSet.apply("agent", "agent"), daemonSet.apply("agent", "old")))
        .isEqualTo(
            "DaemonSet agent: the selector cannot change; delete the DaemonSet to recreate it");
  }
}
