package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.OperatorHarness.NAMESPACE;
import static io.composeoperator.reconcile.OperatorHarness.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Renderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bind-mount rule in the operator (mock tier): WordPress with {@code ./db_data} and a writable
 * {@code ./wp-content} whose files are given gets claims that it keeps, and a change of the given
 * files rolls the pods with a new fill.
 */
class BindMountsReconcileTest {
  static final String WORDPRESS =
      """
      services:
        db:
          image: mysql:8.4
          volumes: ["./db_data:/var/lib/mysql"]
        wordpress:
          image: wordpress:6.6-apache
          volumes: ["./wp-content:/var/www/html/wp-content"]
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

  PersistentVolumeClaim claim(String name) {
    return harness.client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(name).get();
  }

  Deployment deployment(String name) {
    return harness.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  void awaitApplied(String project) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              ComposeProject p = harness.get(project);
              assertThat(p.getStatus()).isNotNull();
              Condition c =
                  Conditions.find(p.getStatus().getConditions(), Conditions.RECONCILED)
                      .orElseThrow();
              assertThat(c.getReason()).isEqualTo(Reasons.APPLIED);
              assertThat(c.getObservedGeneration()).isEqualTo(p.getMetadata().getGeneration());
            });
  }

  void editSpec(String name, Consumer<ComposeProject> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        harness
            .client
            .resources(ComposeProject.class)
            .inNamespace(NAMESPACE)
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

  String fillScript() {
    return deployment("wordpress").getSpec().getTemplate().getSpec().getInitContainers().stream()
        .filter(c -> c.getName().equals("fill-wp-content"))
        .findFirst()
        .orElseThrow()
        .getCommand()
        .get(2);
  }

  @Test
  void bindMountedDataIsKeptInRetainedClaimsAndGivenFilesRefillOnChange() {
    ComposeProject project = project("wp", WORDPRESS);
    project.getSpec().setFiles(new java.util.LinkedHashMap<>(Map.of("wp-content/index.php", "1")));
    harness.client.resource(project).create();
    awaitApplied("wp");
    await().until(() -> claim("db-data") != null && claim("wp-content") != null);

    for (String name : new String[] {"db-data", "wp-content"}) {
      assertThat(claim(name).getMetadata().getOwnerReferences())
          .as("a bind mount's claim is retained like a named volume's")
          .isEmpty();
      assertThat(claim(name).getMetadata().getLabels()).containsEntry(Labels.PROJECT, "wp");
    }
    String script = fillScript();
    String hash =
        deployment("wordpress")
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get(Labels.CONFIG_HASH);

    editSpec("wp", p -> p.getSpec().getFiles().put("wp-content/index.php", "2"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !fillScript().equals(script));
    assertThat(
            deployment("wordpress")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(Labels.CONFIG_HASH))
        .as("a change of the given files rolls the pods")
        .isNotEqualTo(hash);

    editSpec("wp", p -> p.getSpec().setCompose("services:\n  web: {image: \"nginx:1.27\"}\n"));
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("db") == null);
    assertThat(claim("db-data")).as("the data outlives the service (Retain)").isNotNull();
    assertThat(claim("wp-content")).isNotNull();
  }
}
