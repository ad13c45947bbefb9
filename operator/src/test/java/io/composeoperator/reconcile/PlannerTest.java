package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
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

  /**
   * An object as a real API server stored it after the operator applied it (with its {@code
   * managedFields}), from the captures of {@link RealApiManagedFieldsTest}: never made by the code
   * under test.
   */
  static <T extends HasMetadata> T captured(String capture, Class<T> kind, String name)
      throws IOException {
    return RealApiManagedFieldsTest.live(RealApiManagedFieldsTest.FIXTURES.resolve(capture))
        .stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
  }

  /** What the renderer makes of that capture's ComposeProject today. */
  static <T extends HasMetadata> T rendered(String capture, Class<T> kind, String name)
      throws IOException {
    return RealApiManagedFieldsTest.desired(RealApiManagedFieldsTest.FIXTURES.resolve(capture))
        .stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
  }

  static ComposeProject capturedProject(String capture) throws IOException {
    return RealApiManagedFieldsTest.project(RealApiManagedFieldsTest.FIXTURES.resolve(capture));
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
  void objectWithoutOurApplyEntryIsApplied() {
    io.fabric8.kubernetes.api.model.Service live = service("web");
    live.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
    Plan plan =
        Planner.plan(List.of(service("web")), List.of(live), owner(), VolumeRetention.Retain);
    assertThat(plan.actions()).extracting(Plan.Action::verb).containsExactly(Plan.Verb.APPLY);
  }

  @Test
  void prunesOnlyObjectsOwnedByThisProject() {
    io.fabric8.kubernetes.api.model.Service ours = service("old");
    ours.getMetadata().setOwnerReferences(List.of(Planner.ownerReference(owner())));
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
  void shrinkingClaimIsReportedAndKeptAsItIs() throws IOException {
    PersistentVolumeClaim live = captured("shop", PersistentVolumeClaim.class, "pgdata");
    String current = live.getSpec().getResources().getRequests().get("storage").toString();
    PersistentVolumeClaim smaller = rendered("shop", PersistentVolumeClaim.class, "pgdata");
    smaller.getSpec().getResources().getRequests().put("storage", new Quantity("1Mi"));
    ComposeProject project = capturedProject("shop");
    Plan plan =
        Planner.plan(
            List.of(smaller), List.of(live), project, project.getSpec().getVolumeRetention());
    assertThat(plan.problems())
        .containsExactly(
            "PersistentVolumeClaim pgdata: size 1Mi is smaller than the current "
                + current
                + " and a claim cannot shrink; the claim is left as it is");
    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void changedJobTemplateIsReplacedButUnchangedJobIsNot() throws IOException {
    Job live = captured("migration-job", Job.class, "migrate");
    ComposeProject project = capturedProject("migration-job");
    VolumeRetention retention = project.getSpec().getVolumeRetention();
    Job same = rendered("migration-job", Job.class, "migrate");
    assertThat(Planner.plan(List.of(same), List.of(live), project, retention).actions())
        .as("the Job the API server holds is what the operator renders")
        .isEmpty();
    Job changed = rendered("migration-job", Job.class, "migrate");
    changed.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("migrate:2");
    assertThat(Planner.plan(List.of(changed), List.of(live), project, retention).actions())
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
  void retainedClaimWithOurApplyEntryIsTakenBackByANewProject() throws IOException {
    PersistentVolumeClaim kept = captured("shop", PersistentVolumeClaim.class, "pgdata");
    assertThat(kept.getMetadata().getOwnerReferences())
        .as("a retained claim has no owner")
        .isEmpty();
    ComposeProject recreated = capturedProject("shop");
    recreated.getMetadata().setUid("uid-of-the-new-project");
    Plan plan =
        Planner.plan(
            List.of(rendered("shop", PersistentVolumeClaim.class, "pgdata")),
            List.of(kept),
            recreated,
            VolumeRetention.Retain);
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
