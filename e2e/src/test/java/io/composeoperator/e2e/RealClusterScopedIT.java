package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The chart's {@code watchNamespaces} mode on the real control plane: the operator runs as the
 * ServiceAccount of a release rendered with two watched namespaces, bound by Roles there only, and
 * started with {@code --namespace} for each. Projects there are reconciled to Ready with nothing
 * refused by the authorizer; a project in a namespace outside the list is not touched.
 */
@EnabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClusterScopedIT {
  static final List<String> WATCHED = List.of("scoped-a", "scoped-b");
  static final String OUTSIDE = "scoped-outside";

  RealCluster cluster;
  KubernetesClient client;
  Kubectl kubectl;
  OperatorProcess operator;

  @BeforeAll
  void start() throws IOException {
    cluster = new RealCluster(RealCluster.adminKubeconfig(), "scoped-compose-operator", WATCHED);
    client = cluster.client();
    kubectl = new Kubectl(RealCluster.adminKubeconfig());
    client
        .resource(
            AbstractOperatorScenarios.SERIALIZATION.unmarshal(
                Files.readString(
                    AbstractOperatorScenarios.ROOT.resolve(
                        "crds/composeprojects.composeoperator.io-v1.yml")),
                CustomResourceDefinition.class))
        .createOr(existing -> existing.update());
    cluster.createNamespace(OUTSIDE);
    operator =
        new OperatorProcess(
            cluster.kubeconfig(),
            "--log-format",
            "json",
            "--namespace",
            WATCHED.get(0),
            "--namespace",
            WATCHED.get(1));
  }

  @AfterAll
  void stop() throws InterruptedException {
    operator.close();
    cluster.close();
  }

  ComposeProject example(String file, String namespace) throws IOException {
    ComposeProject project =
        AbstractOperatorScenarios.SERIALIZATION.unmarshal(
            Files.readString(AbstractOperatorScenarios.ROOT.resolve("examples").resolve(file)),
            ComposeProject.class);
    project.getMetadata().setNamespace(namespace);
    return project;
  }

  @Test
  void watchedNamespacesAreReconciledAndOthersAreNotTouched() throws IOException {
    client.resource(example("api-postgres-redis.yaml", WATCHED.get(0))).create();
    client.resource(example("migration-job.yaml", WATCHED.get(1))).create();
    client.resource(example("hardened.yaml", OUTSIDE)).create();
    kubectl.ok(
        "wait", "--for=condition=Ready", "-n", WATCHED.get(0), "cproj/shop", "--timeout=180s");
    kubectl.ok(
        "wait",
        "--for=condition=Ready",
        "-n",
        WATCHED.get(1),
        "cproj/migration-job",
        "--timeout=180s");
    // The outside project: no status, no object, and the operator never asked for it.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ComposeProject outside =
                  client
                      .resources(ComposeProject.class)
                      .inNamespace(OUTSIDE)
                      .withName("hardened")
                      .get();
              assertThat(outside.getStatus()).isNull();
              assertThat(client.apps().deployments().inNamespace(OUTSIDE).list().getItems())
                  .isEmpty();
            });
    assertThat(operator.output()).doesNotContain("Forbidden").doesNotContain("forbidden");
    Path log = cluster.auditLog().file();
    assertThat(
            cluster.auditLog().since(0).stream()
                .filter(e -> e.user().equals(cluster.operatorUser()))
                .filter(e -> e.code() == 403))
        .as("requests of the operator refused by the authorizer (%s)", log)
        .isEmpty();
  }
}
