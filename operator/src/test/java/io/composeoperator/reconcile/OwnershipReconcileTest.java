package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.OperatorHarness.NAMESPACE;
import static io.composeoperator.reconcile.OperatorHarness.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeFrom;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Renderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership is proven, never assumed from the project label (issue 8): the user's labelled objects
 * are never written, given an ownerReference or pruned, and the operator's retained claims are
 * still taken back by a re-created project.
 */
class OwnershipReconcileTest {
  /** The Compose file as the README's user keeps it: in a labelled ConfigMap named app-config. */
  static final String WITH_CONFIG =
      """
      services:
        web:
          image: "nginx:1.27"
          configs: [app-config]
      configs:
        app-config:
          content: "debug=true"
      """;

  static final String WITHOUT_CONFIG =
      """
      services:
        web:
          image: "nginx:1.27"
      """;

  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void labelledUserConfigMapIsAConflictNeverTakenOrPruned() {
    ConfigMap users =
        harness
            .client
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("app-config")
                    .withNamespace(NAMESPACE)
                    .withLabels(Map.of(Labels.PROJECT, "shop"))
                    .endMetadata()
                    .withData(Map.of("compose.yaml", WITH_CONFIG))
                    .build())
            .create();
    ComposeProject project = project("shop", null);
    project.getSpec().setComposeFrom(new ComposeFrom(new KeyRef("app-config", "compose.yaml")));
    harness.client.resource(project).create();

    awaitReconciled("shop", Reasons.CONFLICT);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .contains(
            "ConfigMap/app-config exists and is not owned by this project: it carries the label"
                + " composeoperator.io/project=shop but no ownerReference to this ComposeProject");
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("web") != null);
    assertUntouched(users, WITH_CONFIG);

    // The config leaves the file (the user edits their own ConfigMap): nothing is pruned.
    ConfigMap edited =
        harness
            .client
            .configMaps()
            .inNamespace(NAMESPACE)
            .withName("app-config")
            .edit(
                cm -> {
                  cm.getData().put("compose.yaml", WITHOUT_CONFIG);
                  return cm;
                });
    awaitReconciled("shop", Reasons.APPLIED);
    assertUntouched(edited, WITHOUT_CONFIG);
    assertThat(harness.dispatcher.writes())
        .as("no write ever reached the user's ConfigMap but the user's own edit")
        .filteredOn(w -> w.contains("/configmaps/app-config"))
        .hasSize(1);
    assertThat(deployment("web")).isNotNull();
  }

  @Test
  void retainedClaimIsTakenBackByARecreatedProject() {
    String compose =
        """
        services:
          db: {image: "postgres:16", volumes: ["pgdata:/var/lib/postgresql/data"]}
        volumes:
          pgdata: {}
        """;
    ComposeProject first = harness.client.resource(project("shop", compose)).create();
    awaitReconciled("shop", Reasons.APPLIED);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> claim("pgdata") != null && ManagedFields.applyEntry(claim("pgdata")).isPresent());
    String claimUid = claim("pgdata").getMetadata().getUid();

    harness.client.resource(first).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get("shop") == null);
    deleteWhatTheGarbageCollectorWould(first);
    harness.client.resource(project("shop", compose)).create();

    awaitReconciled("shop", Reasons.APPLIED);
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("db") != null);
    assertThat(claim("pgdata").getMetadata().getUid()).isEqualTo(claimUid);
    assertThat(claim("pgdata").getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void labelledUserClaimIsAConflictAndKeepsItsSize() {
    harness
        .client
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("pgdata")
                .withNamespace(NAMESPACE)
                .withLabels(Labels.forProjectObject("shop", "pgdata"))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .addToRequests("storage", new Quantity("5Gi"))
                .endResources()
                .endSpec()
                .build())
        .create();
    harness
        .client
        .resource(
            project(
                "shop",
                """
                services:
                  db: {image: "postgres:16", volumes: ["pgdata:/var/lib/postgresql/data"]}
                volumes:
                  pgdata: {x-kubernetes: {size: 10Gi}}
                """))
        .create();
    awaitReconciled("shop", Reasons.CONFLICT);
    assertThat(condition("shop", Conditions.RECONCILED).getMessage())
        .contains("PersistentVolumeClaim/pgdata exists and is not owned by this project");
    PersistentVolumeClaim claim = claim("pgdata");
    assertThat(claim.getSpec().getResources().getRequests().get("storage"))
        .isEqualTo(new Quantity("5Gi"));
    assertThat(claim.getMetadata().getManagedFields()).isEmpty();
  }

  /** The user's ConfigMap holds exactly what the user wrote, and nothing of the operator. */
  private void assertUntouched(ConfigMap written, String compose) {
    ConfigMap live =
        harness.client.configMaps().inNamespace(NAMESPACE).withName("app-config").get();
    assertThat(live).as("the user's ConfigMap still exists").isNotNull();
    assertThat(live.getData()).isEqualTo(Map.of("compose.yaml", compose));
    assertThat(live.getMetadata().getLabels()).isEqualTo(Map.of(Labels.PROJECT, "shop"));
    assertThat(live.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(live.getMetadata().getManagedFields()).isEmpty();
    assertThat(live.getMetadata().getResourceVersion())
        .isEqualTo(written.getMetadata().getResourceVersion());
  }

  /** The mock server collects no garbage: delete what has an ownerReference to the project. */
  private void deleteWhatTheGarbageCollectorWould(ComposeProject deleted) {
    String uid = deleted.getMetadata().getUid();
    for (Class<? extends HasMetadata> kind : CacheObserver.OWNED_KINDS) {
      List<? extends HasMetadata> items =
          harness.client.resources(kind).inNamespace(NAMESPACE).list().getItems();
      for (HasMetadata item : items) {
        if (item.getMetadata().getOwnerReferences().stream()
            .anyMatch(r -> uid.equals(r.getUid()))) {
          harness.client.resource(item).delete();
        }
      }
    }
  }

  private Condition condition(String project, String type) {
    ComposeProject p = harness.get(project);
    if (p == null || p.getStatus() == null) {
      return null;
    }
    return Conditions.find(p.getStatus().getConditions(), type).orElse(null);
  }

  private void awaitReconciled(String project, String reason) {
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

  private Deployment deployment(String name) {
    return harness.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  private PersistentVolumeClaim claim(String name) {
    return harness.client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(name).get();
  }
}
