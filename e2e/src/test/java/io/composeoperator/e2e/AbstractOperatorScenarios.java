package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end scenarios, written once: the packaged operator runs as its own process against the
 * Kubernetes API that {@link #cluster()} provides; the tests apply ComposeProjects and read objects
 * and status through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractOperatorScenarios {
  static final String NAMESPACE = "compose-e2e";
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

  Cluster cluster;
  OperatorProcess operator;
  KubernetesClient client;

  /** The Kubernetes API to run against. */
  abstract Cluster cluster();

  @BeforeAll
  void startOperator() throws IOException {
    cluster = cluster();
    client = cluster.client();
    CustomResourceDefinition crd =
        SERIALIZATION.unmarshal(
            Files.readString(ROOT.resolve("crds/composeprojects.composeoperator.io-v1.yml")),
            CustomResourceDefinition.class);
    client.resource(crd).createOr(existing -> existing.update());
    if (client.namespaces().withName(NAMESPACE).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
    }
    operator = new OperatorProcess(cluster.kubeconfig(), operatorArguments());
  }

  /** The arguments of {@code run} besides the HTTP port. */
  String[] operatorArguments() {
    return new String[] {"--log-format", "json"};
  }

  /**
   * Changes a ComposeProject as {@code kubectl edit} does: read, change, write; when the operator's
   * status patch got in between (409), read again and retry.
   */
  static ComposeProject edit(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String namespace,
      String name,
      java.util.function.Consumer<ComposeProject> change) {
    for (int attempt = 0; ; attempt++) {
      ComposeProject current =
          client.resources(ComposeProject.class).inNamespace(namespace).withName(name).get();
      change.accept(current);
      try {
        return client.resource(current).update();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 20) {
          throw e;
        }
      }
    }
  }

  /** Stops the operator (SIGTERM) and starts a new process with the same arguments. */
  void restartOperator() throws InterruptedException {
    operator.close();
    operator = new OperatorProcess(cluster.kubeconfig(), operatorArguments());
  }

  @AfterAll
  void stopOperator() throws InterruptedException {
    if (operator != null) {
      operator.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  Optional<Condition> condition(String name, String type) {
    return condition(NAMESPACE, name, type);
  }

  Optional<Condition> condition(String namespace, String name, String type) {
    ComposeProject project =
        client.resources(ComposeProject.class).inNamespace(namespace).withName(name).get();
    if (project == null || project.getStatus() == null) {
      return Optional.empty();
    }
    return project.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  String reason(String name, String type) {
    return reason(NAMESPACE, name, type);
  }

  String reason(String namespace, String name, String type) {
    return condition(namespace, name, type).map(Condition::getReason).orElse("");
  }

  String createNamespace(String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    return namespace;
  }

  static String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Test
  void healthReadinessAndMetricsAreServed() {
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(operator.alive()).as(operator.output()).isTrue();
              assertThat(get(operator.httpPort, "/healthz")).startsWith("200");
              assertThat(get(operator.httpPort, "/readyz")).startsWith("200");
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(get(operator.httpPort, "/metrics"))
                    .startsWith("200")
                    .contains("jvm_memory_used_bytes")
                    .contains("operator_sdk_"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsReconciled(Path example) throws IOException {
    ComposeProject project =
        SERIALIZATION.unmarshal(Files.readString(example), ComposeProject.class);
    String name = project.getMetadata().getName();
    // One project per namespace, as recommended: examples reuse service names (db, web).
    String namespace = createNamespace("e2e-" + name);
    project.getMetadata().setNamespace(namespace);
    client.resource(project).createOr(existing -> existing.update());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(reason(namespace, name, "Reconciled"))
                    .as("%s\n%s", condition(namespace, name, "Reconciled"), operator.output())
                    .isEqualTo("Applied"));
    ComposeProject reconciled =
        client.resources(ComposeProject.class).inNamespace(namespace).withName(name).get();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              ComposeProject now =
                  client
                      .resources(ComposeProject.class)
                      .inNamespace(namespace)
                      .withName(name)
                      .get();
              assertThat(now.getStatus().getServices()).isNotEmpty();
              for (var service : now.getStatus().getServices()) {
                String[] workload = service.getWorkload().split("/");
                Object object =
                    workload[0].equals("Job")
                        ? client
                            .batch()
                            .v1()
                            .jobs()
                            .inNamespace(namespace)
                            .withName(workload[1])
                            .get()
                        : client
                            .apps()
                            .deployments()
                            .inNamespace(namespace)
                            .withName(workload[1])
                            .get();
                assertThat(object).as(service.getWorkload()).isNotNull();
              }
            });
    assertThat(condition(namespace, name, "Ready")).isPresent();
    if (cluster.real()) {
      await()
          .atMost(Duration.ofMinutes(5))
          .untilAsserted(
              () -> assertThat(reason(namespace, name, "Ready")).isEqualTo("ServicesReady"));
    } else {
      assertThat(reconciled.getStatus().getServicesReady())
          .endsWith("/" + reconciled.getStatus().getServices().size());
    }
  }

  @Test
  void projectAboveTheOperatorMaximumIsForbidden() throws IOException {
    ComposeProject project =
        SERIALIZATION.unmarshal(
            Files.readString(examples().findFirst().orElseThrow()), ComposeProject.class);
    project.getMetadata().setNamespace(NAMESPACE);
    project.getMetadata().setName("too-privileged");
    project.getSpec().setSecurityProfile(SecurityProfile.privileged);
    client.resource(project).createOr(existing -> existing.update());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason("too-privileged", "Reconciled")).isEqualTo("Forbidden"));
    assertThat(reason("too-privileged", "Ready")).isEqualTo("Forbidden");
  }

  @Test
  void invalidComposeIsReportedWithItsPath() {
    ComposeProject project = new ComposeProject();
    project.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("broken")
            .withNamespace(NAMESPACE)
            .build());
    var spec = new io.composeoperator.api.v1alpha1.ComposeProjectSpec();
    spec.setCompose("services:\n  web:\n    image: nginx\n    ports: [\"abc\"]\n");
    project.setSpec(spec);
    client.resource(project).createOr(existing -> existing.update());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason("broken", "Reconciled")).isEqualTo("InvalidCompose"));
    assertThat(condition("broken", "Reconciled").orElseThrow().getMessage())
        .contains("services.web.ports");
    assertThat(
            client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> "broken".equals(e.getInvolvedObject().getName()))
                .map(e -> e.getReason())
                .toList())
        .contains("InvalidCompose");
  }

  /**
   * Issue 8: the README tells users to label the ConfigMap holding their Compose file; a label
   * never makes it the operator's, even when the file declares a config of the same name.
   */
  @Test
  void labelledUserConfigMapIsAConflictNeverTakenOrPruned() {
    String namespace = createNamespace("e2e-ownership");
    String withConfig =
        "services:\n  web: {image: \"nginx:1.27\", configs: [app-config]}\n"
            + "configs:\n  app-config: {content: \"debug=true\"}\n";
    var users =
        client
            .resource(
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("app-config")
                    .withNamespace(namespace)
                    .addToLabels("composeoperator.io/project", "owned")
                    .endMetadata()
                    .addToData("compose.yaml", withConfig)
                    .build())
            .createOr(existing -> existing.update());
    ComposeProject project = new ComposeProject();
    project.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("owned")
            .withNamespace(namespace)
            .build());
    var spec = new io.composeoperator.api.v1alpha1.ComposeProjectSpec();
    spec.setComposeFrom(
        new io.composeoperator.api.v1alpha1.ComposeFrom(
            new io.composeoperator.api.v1alpha1.KeyRef("app-config", "compose.yaml")));
    project.setSpec(spec);
    client.resource(project).createOr(existing -> existing.update());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason(namespace, "owned", "Reconciled")).isEqualTo("Conflict"));
    assertThat(condition(namespace, "owned", "Reconciled").orElseThrow().getMessage())
        .contains("ConfigMap/app-config exists and is not owned by this project");
    var live = client.configMaps().inNamespace(namespace).withName("app-config").get();
    assertThat(live.getData()).containsExactlyEntriesOf(users.getData());
    assertThat(live.getMetadata().getOwnerReferences()).isEmpty();

    client
        .configMaps()
        .inNamespace(namespace)
        .withName("app-config")
        .edit(
            cm -> {
              cm.getData().put("compose.yaml", "services:\n  web: {image: \"nginx:1.27\"}\n");
              return cm;
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason(namespace, "owned", "Reconciled")).isEqualTo("Applied"));
    live = client.configMaps().inNamespace(namespace).withName("app-config").get();
    assertThat(live).as("the user's ConfigMap is never pruned").isNotNull();
    assertThat(live.getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void operatorStopsGracefullyOnSigterm() throws InterruptedException {
    try (OperatorProcess second =
        new OperatorProcess(cluster.kubeconfig(), "--namespace", "none")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(get(second.httpPort, "/healthz")).startsWith("200"));
      assertThat(second.stop()).as(second.output()).isIn(0, 143);
      assertThat(second.output()).contains("stopping");
    }
  }
}
