package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.OperatorHarness.NAMESPACE;
import static io.composeoperator.reconcile.OperatorHarness.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeFrom;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.translate.KubernetesValidity;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComposeProjectReconcilerTest {
  static final String SHOP =
      """
      services:
        web: {image: "nginx:1.27"}
        db: {image: "postgres:16", volumes: ["pgdata:/var/lib/postgresql/data"]}
      volumes:
        pgdata: {}
      """;

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  ComposeProject create(ComposeProject project) {
    return harness.client.resource(project).create();
  }

  Condition condition(String project, String type) {
    ComposeProject p = harness.get(project);
    if (p == null || p.getStatus() == null) {
      return null;
    }
    return Conditions.find(p.getStatus().getConditions(), type).orElse(null);
  }

  void awaitReconciled(String project, String reason) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Condition c = condition(project, Conditions.RECONCILED);
              assertThat(c).isNotNull();
              assertThat(c.getReason()).isEqualTo(reason);
              assertThat(c.getObservedGeneration())
                  .isEqualTo(harness.get(project).getMetadata().getGeneration());
            });
  }

  Deployment deployment(String name) {
    return harness.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  String image(String deployment) {
    Deployment d = deployment(deployment);
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  /**
   * Edits the spec as {@code kubectl edit} would: a patch of the difference, locked to the version
   * it read. When the operator patches the status between the read and the patch, the API server
   * answers 409 and the edit is made again on the new version, as a user would retry.
   */
  void editSpec(String name, java.util.function.Consumer<ComposeProject> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        harness
            .client
            .resources(ComposeProject.class)
            .inNamespace(OperatorHarness.NAMESPACE)
            .withName(name)
            .edit(
                current -> {
                  edit.accept(current);
                  return current;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  @Test
  void createsObjectsForNewProject() {
    ComposeProject created = create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    List<HasMetadata> desired =
        Renderer.render(
                ComposeSource.of("compose.yaml", SHOP),
                SpecOptions.from("shop", NAMESPACE, created.getSpec(), null))
            .objects();
    List<HasMetadata> applied = new java.util.ArrayList<>();
    for (HasMetadata want : desired) {
      HasMetadata live = harness.client.resource(want).get();
      applied.add(live);
      assertThat(live).as(Planner.key(want)).isNotNull();
      assertThat(live.getMetadata().getLabels()).isEqualTo(want.getMetadata().getLabels());
      Map<?, ?> wantBody = SERIALIZATION.convertValue(want, Map.class);
      Map<?, ?> liveBody = SERIALIZATION.convertValue(live, Map.class);
      assertThat(liveBody.get("spec")).as(Planner.key(want)).isEqualTo(wantBody.get("spec"));
      if (live instanceof PersistentVolumeClaim) {
        assertThat(live.getMetadata().getOwnerReferences()).isEmpty();
      } else {
        assertThat(live.getMetadata().getOwnerReferences())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.getUid()).isEqualTo(created.getMetadata().getUid());
                  assertThat(r.getKind()).isEqualTo("ComposeProject");
                  assertThat(r.getController()).isTrue();
                });
      }
    }
    KubernetesValidity.assertValid(applied);
    assertThat(harness.get("shop").getStatus().getServicesReady()).isEqualTo("0/2");
  }

  @Test
  void updatesObjectsOnSpecChange() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    editSpec("shop", p -> p.getSpec().setCompose(SHOP.replace("nginx:1.27", "nginx:1.28")));
    await().atMost(Duration.ofSeconds(30)).until(() -> "nginx:1.28".equals(image("web")));
  }

  @Test
  void restoresDeletedOwnedObject() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    harness.client.services().inNamespace(NAMESPACE).withName("web").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> harness.client.services().inNamespace(NAMESPACE).withName("web").get() != null);
  }

  @Test
  void correctsDriftInOwnedField() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> image("web") != null);
    Deployment drifted = deployment("web");
    drifted.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
    harness.client.resource(drifted).update();
    await().atMost(Duration.ofSeconds(30)).until(() -> "nginx:1.27".equals(image("web")));
  }

  @Test
  void prunesRemovedServiceAndKeepsItsPvc() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> deployment("db") != null);
    editSpec("shop", p -> p.getSpec().setCompose("services:\n  web: {image: \"nginx:1.27\"}\n"));
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("db") == null);
    assertThat(harness.client.services().inNamespace(NAMESPACE).withName("db").get()).isNull();
    assertThat(
            harness.client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("pgdata").get())
        .as("a claim survives when its volume leaves the file (volumeRetention Retain)")
        .isNotNull();
    assertThat(deployment("web")).isNotNull();
    assertThat(events("shop")).extracting(Event::getReason).contains(Reasons.PRUNED);
  }

  @Test
  void keepsPvcWhenProjectDeletedUnderRetain() {
    ComposeProject created = create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> claim("pgdata") != null);
    // The mock does no garbage collection: what the collector deletes is what has our ownerRef.
    assertThat(claim("pgdata").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(claim("pgdata").getMetadata().getLabels()).containsEntry(Labels.PROJECT, "shop");
    assertThat(deployment("db").getMetadata().getOwnerReferences())
        .extracting(r -> r.getUid())
        .containsExactly(created.getMetadata().getUid());
  }

  @Test
  void deletesPvcUnderDelete() {
    ComposeProject project = project("shop", SHOP);
    project.getSpec().setVolumeRetention(VolumeRetention.Delete);
    ComposeProject created = create(project);
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> claim("pgdata") != null);
    assertThat(claim("pgdata").getMetadata().getOwnerReferences())
        .extracting(r -> r.getUid())
        .containsExactly(created.getMetadata().getUid());
    editSpec("shop", p -> p.getSpec().setCompose("services:\n  web: {image: \"nginx:1.27\"}\n"));
    await().atMost(Duration.ofSeconds(30)).until(() -> claim("pgdata") == null);
  }

  @Test
  void invalidComposeKeepsRunningObjects() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> image("web") != null);
    editSpec(
        "shop",
        p -> p.getSpec().setCompose("services:\n  web: {image: \"nginx:2\", ports: [\"abc\"]}\n"));
    awaitReconciled("shop", Reasons.INVALID_COMPOSE);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .startsWith("compose.yaml: services.web.ports");
    assertThat(condition("shop", Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(image("web")).isEqualTo("nginx:1.27");
    assertThat(deployment("db")).isNotNull();
    await()
        .untilAsserted(
            () ->
                assertThat(events("shop"))
                    .extracting(Event::getReason)
                    .contains(Reasons.INVALID_COMPOSE));
  }

  @Test
  void missingVariablesSecretWaitsAppliesNothingAndIsPickedUpOnceCreated() {
    ComposeProject project =
        project(
            "shop",
            "services:\n  web: {image: \"nginx:1.27\", environment: {DB_PASSWORD: \"${DB_PASSWORD}\"}}\n");
    project
        .getSpec()
        .getVariablesFrom()
        .add(io.composeoperator.api.v1alpha1.VariablesSource.secret("shop-variables"));
    create(project);
    awaitReconciled("shop", Reasons.WAITING_FOR_SECRET);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .isEqualTo(
            "spec.variablesFrom[0]: Secret shop-variables not found: create it (convert prints the"
                + " command); nothing is applied until it exists");
    assertThat(deployment("web")).isNull();

    // not labelled, so not watched: the reconciler looks again by itself
    harness
        .client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("shop-variables")
                .endMetadata()
                .addToStringData("DB_PASSWORD", "pw")
                .build())
        .create();
    await()
        .atMost(ComposeProjectReconciler.MISSING_REFERENCE_RETRY.plusSeconds(30))
        .untilAsserted(() -> assertThat(deployment("web")).isNotNull());
    assertThat(deployment("web").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .singleElement()
        .satisfies(
            env ->
                assertThat(env.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("shop-variables"));
  }

  @Test
  void conflictBetweenTwoProjects() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> deployment("web") != null);
    create(project("blog", "services:\n  web: {image: \"ghost:5\"}\n"));
    awaitReconciled("blog", Reasons.CONFLICT);
    assertThat(condition("blog", Conditions.RECONCILED).getMessage())
        .contains("Deployment/web exists and belongs to project shop");
    assertThat(deployment("web").getMetadata().getLabels()).containsEntry(Labels.PROJECT, "shop");
    assertThat(image("web")).isEqualTo("nginx:1.27");
  }

  @Test
  void forbiddenAboveOperatorMaximum() {
    ComposeProject project = project("shop", SHOP);
    project.getSpec().setSecurityProfile(SecurityProfile.privileged);
    create(project);
    awaitReconciled("shop", Reasons.FORBIDDEN);
    assertThat(deployment("web")).isNull();
  }

  @Test
  void unsetProfileRunsAtTheOperatorsLowerMaximum() {
    harness.close();
    harness =
        new OperatorHarness(
            Renderer::render, new OperatorSettings(SecurityProfile.restricted, null));
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    assertThat(
            deployment("web")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getSecurityContext()
                .getRunAsNonRoot())
        .as("an unset securityProfile under a restricted cap runs as restricted")
        .isTrue();
  }

  @Test
  void unexpectedFailureIsRecordedAsReconcileError() {
    harness.close();
    harness =
        new OperatorHarness(
            (source, options) -> {
              throw new IllegalStateException("API server unavailable");
            },
            OperatorSettings.DEFAULT);
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.RECONCILE_ERROR);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .contains("API server unavailable");
    assertThat(condition("shop", Conditions.READY).getStatus()).isEqualTo("False");
  }

  @Test
  void refusesNameLongerThan63() {
    String name = "a".repeat(64);
    create(project(name, SHOP));
    awaitReconciled(name, Reasons.INVALID_NAME);
    assertThat(deployment("web")).isNull();
  }

  @Test
  void nameThatIsNotADns1123LabelIsAnInvalidName() {
    create(project("my.app", SHOP));
    awaitReconciled("my.app", Reasons.INVALID_NAME);
    assertThat(condition("my.app", Conditions.RECONCILED).getMessage())
        .startsWith("metadata.name: project name \"my.app\" must be a DNS-1123 label");
    assertThat(deployment("web")).isNull();
  }

  @Test
  void missingComposeConfigMapIsInvalidComposeNamingTheReference() {
    ComposeProject project = project("shop", null);
    project.getSpec().setComposeFrom(new ComposeFrom(new KeyRef("shop-compose", "compose.yaml")));
    create(project);
    awaitReconciled("shop", Reasons.INVALID_COMPOSE);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .isEqualTo("spec.composeFrom.configMapKeyRef: ConfigMap shop-compose not found");
  }

  @Test
  void steadyStateMakesNoWrites() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    harness.awaitQuiet();
    // Another controller's label on a Deployment triggers a reconcile that must write nothing.
    Deployment web = deployment("web");
    web.getMetadata().getLabels().put("example.com/team", "a");
    int before = harness.reconciles.get();
    harness.client.resource(web).update();
    harness.dispatcher.clearWrites();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.reconciles.get() > before);
    harness.awaitQuiet();
    assertThat(harness.dispatcher.writes()).isEmpty();
    assertThat(deployment("web").getMetadata().getLabels()).containsEntry("example.com/team", "a");
  }

  @Test
  void readyFlipsWhenWorkloadsReady() {
    create(project("shop", SHOP));
    awaitReconciled("shop", Reasons.APPLIED);
    await()
        .untilAsserted(
            () ->
                assertThat(condition("shop", Conditions.READY).getMessage())
                    .isEqualTo("0/2 services ready; waiting for db, web"));
    assertThat(condition("shop", Conditions.READY).getReason())
        .isEqualTo(Reasons.SERVICES_NOT_READY);
    playDeploymentController("web");
    await()
        .untilAsserted(
            () ->
                assertThat(condition("shop", Conditions.READY).getMessage())
                    .isEqualTo("1/2 services ready; waiting for db"));
    playDeploymentController("db");
    await()
        .untilAsserted(
            () -> assertThat(condition("shop", Conditions.READY).getStatus()).isEqualTo("True"));
    ComposeProject shop = harness.get("shop");
    assertThat(shop.getStatus().getServicesReady()).isEqualTo("2/2");
    assertThat(condition("shop", Conditions.READY).getObservedGeneration())
        .isEqualTo(shop.getMetadata().getGeneration());
  }

  @Test
  void rerendersWhenReferencedConfigMapChanges() {
    harness
        .client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("shop-compose")
                .withNamespace(NAMESPACE)
                .withLabels(Map.of(Labels.PROJECT, "shop"))
                .endMetadata()
                .withData(Map.of("compose.yaml", SHOP))
                .build())
        .create();
    ComposeProject project = project("shop", null);
    project.getSpec().setCompose(null);
    project.getSpec().setComposeFrom(new ComposeFrom(new KeyRef("shop-compose", "compose.yaml")));
    create(project);
    await().atMost(Duration.ofSeconds(30)).until(() -> "nginx:1.27".equals(image("web")));
    harness
        .client
        .configMaps()
        .inNamespace(NAMESPACE)
        .withName("shop-compose")
        .edit(
            cm -> {
              cm.getData().put("compose.yaml", SHOP.replace("nginx:1.27", "nginx:1.29"));
              return cm;
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> "nginx:1.29".equals(image("web")));
  }

  @Test
  void replacesChangedJob() {
    String migrate = "services:\n  migrate: {image: \"app:1\", restart: \"no\"}\n";
    create(project("shop", migrate));
    awaitReconciled("shop", Reasons.APPLIED);
    await().until(() -> job("migrate") != null);
    String firstUid = job("migrate").getMetadata().getUid();
    editSpec("shop", p -> p.getSpec().setCompose(migrate.replace("app:1", "app:2")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Optional.ofNullable(job("migrate"))
                    .filter(j -> !j.getMetadata().getUid().equals(firstUid))
                    .isPresent());
    assertThat(job("migrate").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("app:2");
  }

  Job job(String name) {
    return harness.client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get();
  }

  PersistentVolumeClaim claim(String name) {
    return harness.client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(name).get();
  }

  List<Event> events(String project) {
    return harness.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> project.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** Writes the status a Deployment controller would write when the rollout is complete. */
  void playDeploymentController(String name) {
    Deployment d = deployment(name);
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(Optional.ofNullable(d.getMetadata().getGeneration()).orElse(1L))
            .withReplicas(1)
            .withUpdatedReplicas(1)
            .withReadyReplicas(1)
            .withAvailableReplicas(1)
            .build());
    harness.client.resource(d).updateStatus();
  }

  /** Waits until the operator has made no write for a second. */
}
