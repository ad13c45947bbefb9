package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.api.v1alpha1.ResourceDefaults;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios against the real control plane of {@code e2e/cluster/up.sh} ({@code
 * -De2e.kubeconfig=<admin kubeconfig>}): the shared ones, and what only a real API server, its
 * authorizer, its admission plugins, its garbage collector and its audit log can prove. The
 * operator runs as the chart's ServiceAccount in the cluster-wide mode.
 */
@EnabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
class RealClusterOperatorIT extends AbstractOperatorScenarios {
  static final String PROJECT_LABEL = "composeoperator.io/project";

  /** The kinds the operator creates, to compare what exists with what {@code render} prints. */
  static final List<String[]> OWNED_KINDS =
      List.of(
          new String[] {"apps/v1", "Deployment"},
          new String[] {"apps/v1", "DaemonSet"},
          new String[] {"batch/v1", "Job"},
          new String[] {"v1", "Service"},
          new String[] {"v1", "ConfigMap"},
          new String[] {"v1", "Secret"},
          new String[] {"v1", "PersistentVolumeClaim"},
          new String[] {"v1", "ServiceAccount"},
          new String[] {"rbac.authorization.k8s.io/v1", "Role"},
          new String[] {"rbac.authorization.k8s.io/v1", "RoleBinding"},
          new String[] {"networking.k8s.io/v1", "NetworkPolicy"},
          new String[] {"networking.k8s.io/v1", "Ingress"},
          // e2e/cluster/up.sh installs the Gateway API CRDs
          new String[] {"gateway.networking.k8s.io/v1", "HTTPRoute"});

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  RealCluster real;
  Kubectl kubectl;

  @Override
  Cluster cluster() {
    real = new RealCluster(RealCluster.adminKubeconfig(), "compose-operator", List.of());
    kubectl = new Kubectl(RealCluster.adminKubeconfig());
    return real;
  }

  // --- the CRD, as the API server takes it ---------------------------------------------------

  @Test
  void crdIsAcceptedWithPrinterColumnsAndItsRulesRefuseInvalidSpecs() throws IOException {
    ComposeProject project = example("hardened.yaml");
    String namespace = namespace("e2e-crd");
    project.getMetadata().setNamespace(namespace);
    client.resource(project).create();
    kubectl.ok(
        "wait", "--for=condition=Ready", "-n", namespace, "cproj/hardened", "--timeout=180s");
    String table = kubectl.ok("get", "cproj", "-n", namespace);
    assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "SERVICES", "READY", "AGE");
    assertThat(table).containsPattern("hardened\\s+1/1\\s+ServicesReady\\s+");

    Path both = Files.createTempFile("both", ".yaml");
    Files.writeString(
        both,
        """
        apiVersion: composeoperator.io/v1alpha1
        kind: ComposeProject
        metadata: {name: both, namespace: %s}
        spec:
          compose: "services: {web: {image: nginx}}"
          composeFrom: {configMapKeyRef: {name: app, key: compose.yaml}}
        """
            .formatted(namespace));
    Kubectl.Result refused = kubectl.run("apply", "-f", both.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("exactly one of compose and composeFrom must be set");

    Files.writeString(
        both,
        """
        apiVersion: composeoperator.io/v1alpha1
        kind: ComposeProject
        metadata: {name: bad-retention, namespace: %s}
        spec:
          compose: "services: {web: {image: nginx}}"
          volumeRetention: Sometimes
        """
            .formatted(namespace));
    refused = kubectl.run("apply", "-f", both.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("spec.volumeRetention").contains("Unsupported value");
    Files.delete(both);
  }

  // --- quantities as the API server stores them ------------------------------------------------

  @Test
  void quantitiesAreWrittenInTheFormTheApiServerStores() {
    // One ResourceQuota per value: requests.cpu takes fractions as well as large numbers.
    List<String> written =
        List.of(
            "1024Mi",
            "1Gi",
            "1.5Gi",
            "0.5Ki",
            "2000m",
            "1000m",
            "1500m",
            "0.5",
            "2.0",
            "1000",
            "1500",
            "64Mi",
            "100M",
            "0.1",
            "1e3",
            "1000e3",
            "0",
            "0Mi",
            "1E",
            "1073741824",
            "1048576000",
            "2000",
            "0.0001",
            "12345678901");
    String namespace = namespace("e2e-quantities");
    for (int i = 0; i < written.size(); i++) {
      var stored =
          client
              .resourceQuotas()
              .inNamespace(namespace)
              .resource(
                  new io.fabric8.kubernetes.api.model.ResourceQuotaBuilder()
                      .withNewMetadata()
                      .withName("q" + i)
                      .endMetadata()
                      .withNewSpec()
                      .addToHard(
                          "requests.cpu",
                          new io.fabric8.kubernetes.api.model.Quantity(written.get(i)))
                      .endSpec()
                      .build())
              .create()
              .getSpec()
              .getHard()
              .get("requests.cpu");
      assertThat(io.composeoperator.translate.Quantities.canonical(written.get(i)))
          .as("written %s", written.get(i))
          .isEqualTo(stored.toString());
    }
  }

  // --- every example: Ready, and exactly what render prints ----------------------------------

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsReadyAndEqualsItsRender(Path file) throws IOException {
    ComposeProject project = SERIALIZATION.unmarshal(Files.readString(file), ComposeProject.class);
    String name = project.getMetadata().getName();
    String namespace = namespace("render-" + name);
    project.getMetadata().setNamespace(namespace);
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/" + name, "--timeout=180s");

    String uid =
        client
            .resources(ComposeProject.class)
            .inNamespace(namespace)
            .withName(name)
            .get()
            .getMetadata()
            .getUid();
    List<HasMetadata> rendered = render(file);
    Set<String> renderedNames = new TreeSet<>();
    for (HasMetadata object : rendered) {
      renderedNames.add(object.getKind() + "/" + object.getMetadata().getName());
      GenericKubernetesResource live =
          client
              .genericKubernetesResources(object.getApiVersion(), object.getKind())
              .inNamespace(namespace)
              .withName(object.getMetadata().getName())
              .get();
      assertThat(live).as("%s/%s", object.getKind(), object.getMetadata().getName()).isNotNull();
      JsonNode want = SERIALIZATION.convertValue(object, JsonNode.class);
      JsonNode have = SERIALIZATION.convertValue(live, JsonNode.class);
      ((com.fasterxml.jackson.databind.node.ObjectNode) want.get("metadata")).remove("namespace");
      List<String> differences = new ArrayList<>();
      subset(want, have, object.getKind() + "/" + object.getMetadata().getName(), differences);
      assertThat(differences).as("rendered fields missing or different in the cluster").isEmpty();
      boolean retainedClaim =
          object.getKind().equals("PersistentVolumeClaim")
              && project.getSpec().getVolumeRetention() != VolumeRetention.Delete;
      List<OwnerReference> owners = live.getMetadata().getOwnerReferences();
      if (retainedClaim) {
        assertThat(owners).as("a retained claim outlives its project").isEmpty();
      } else {
        assertThat(owners)
            .as("%s/%s", object.getKind(), object.getMetadata().getName())
            .singleElement()
            .satisfies(
                o -> {
                  assertThat(o.getUid()).isEqualTo(uid);
                  assertThat(o.getController()).isTrue();
                });
      }
    }
    assertThat(liveObjects(namespace, name)).isEqualTo(renderedNames);
  }

  // --- 0 writes at rest, counted by the API server --------------------------------------------

  /** Quantities and values that the API server stores in another form than they are written. */
  static final String NON_CANONICAL =
      """
      services:
        app:
          image: nginx:1.27
          cpus: 2.0
          mem_limit: 1g
          environment:
            EMPTY: ""
            SET: "x"
          volumes: [data:/data]
        worker:
          image: busybox:1.36
          command: ["sleep", "infinity"]
          deploy:
            resources:
              limits: {cpus: "0.5", memory: 1024M}
              reservations: {memory: "1000000"}
        defaults:
          image: busybox:1.36
          command: ["sleep", "infinity"]
      volumes:
        data:
          x-kubernetes: {size: 1024Mi}
      """;

  @Test
  void aResyncOfReadyProjectsWritesNothing() throws Exception {
    List<String[]> projects = new ArrayList<>();
    for (Path file : examples().toList()) {
      ComposeProject project =
          SERIALIZATION.unmarshal(Files.readString(file), ComposeProject.class);
      String namespace = namespace("rest-" + project.getMetadata().getName());
      project.getMetadata().setNamespace(namespace);
      client.resource(project).create();
      projects.add(new String[] {namespace, project.getMetadata().getName()});
    }
    ComposeProject canonical = project("non-canonical", namespace("rest-non-canonical"));
    canonical.getSpec().setCompose(NON_CANONICAL);
    ResourceDefaults defaults = new ResourceDefaults();
    defaults.setRequests(Map.of("cpu", "2000m", "memory", "1024Mi"));
    defaults.setLimits(Map.of("cpu", "4000m", "memory", "2048Mi"));
    canonical.getSpec().setDefaultResources(defaults);
    client.resource(canonical).create();
    projects.add(new String[] {canonical.getMetadata().getNamespace(), "non-canonical"});
    for (String[] p : projects) {
      kubectl.ok("wait", "--for=condition=Ready", "-n", p[0], "cproj/" + p[1], "--timeout=180s");
    }

    AuditLog audit = real.auditLog();
    // A resync: a new operator process reconciles every project from scratch.
    long mark = audit.mark();
    double before = reconciled();
    restartOperator();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> reconciled() >= allProjects());
    assertThat(audit.writesSince(mark, real.operatorUser()))
        .as("writes of a resync after Ready (reconciled %s before restart)", before)
        .isEmpty();

    // The same at rest in the running process: a change to one project's spec that changes no
    // object reconciles that project and writes its status only.
    mark = audit.mark();
    ComposeProject current =
        edit(
            client,
            canonical.getMetadata().getNamespace(),
            "non-canonical",
            p -> p.getSpec().getVariables().put("UNUSED", "1"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                condition(canonical.getMetadata().getNamespace(), "non-canonical", "Reconciled")
                        .map(c -> c.getObservedGeneration())
                        .orElse(0L)
                    >= current.getMetadata().getGeneration());
    assertThat(audit.writesSince(mark, real.operatorUser()))
        .allSatisfy(e -> assertThat(e.subresource()).as(e.toString()).isEqualTo("status"));
  }

  // --- drift and other managers ----------------------------------------------------------------

  @Test
  void driftIsRestoredAndAnotherManagersFieldIsLeftAlone() throws IOException {
    String namespace = namespace("e2e-drift");
    ComposeProject project = project("drift", namespace);
    project
        .getSpec()
        .setCompose(
            "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:80\"]\n"
                + "  api:\n    image: nginx:1.27\n    expose: [\"9000\"]\n");
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/drift", "--timeout=180s");

    String uid = deployment(namespace, "web").getMetadata().getUid();
    kubectl.ok("delete", "deployment", "web", "-n", namespace);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Deployment again = deployment(namespace, "web");
              assertThat(again).isNotNull();
              assertThat(again.getMetadata().getUid()).isNotEqualTo(uid);
            });

    kubectl.ok(
        "patch",
        "service",
        "api",
        "-n",
        namespace,
        "--type=json",
        "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/ports/0/port\",\"value\":9999}]");
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .services()
                            .inNamespace(namespace)
                            .withName("api")
                            .get()
                            .getSpec()
                            .getPorts()
                            .get(0)
                            .getPort())
                    .isEqualTo(9000));

    // An autoscaler-like manager takes replicas (the file sets none, so the API server defaulted
    // them at create): a reconcile leaves them.
    Path scale = Files.createTempFile("scale", ".yaml");
    Files.writeString(
        scale,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: %s}\nspec: {replicas: 3}\n"
            .formatted(namespace));
    kubectl.ok(
        "apply",
        "--server-side",
        "--force-conflicts",
        "--field-manager=autoscaler",
        "-f",
        scale.toString());
    Files.delete(scale);
    AuditLog audit = real.auditLog();
    long mark = audit.mark();
    ComposeProject current =
        edit(client, namespace, "drift", p -> p.getSpec().getVariables().put("TOUCH", "1"));
    long generation = current.getMetadata().getGeneration();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                condition(namespace, "drift", "Reconciled")
                        .map(c -> c.getObservedGeneration())
                        .orElse(0L)
                    >= generation);
    assertThat(deployment(namespace, "web").getSpec().getReplicas()).isEqualTo(3);
    assertThat(audit.writesSince(mark, real.operatorUser()))
        .noneMatch(e -> e.resource().equals("deployments"));
  }

  // --- pruning, retention and the garbage collector --------------------------------------------

  @Test
  void prunedServicesGoAndRetainedClaimsOutliveTheirProject() throws IOException {
    String namespace = namespace("e2e-prune");
    ComposeProject project = project("keep", namespace);
    project
        .getSpec()
        .setCompose(
            """
            services:
              web: {image: nginx:1.27, expose: ["80"]}
              db: {image: postgres:16, volumes: [pgdata:/var/lib/postgresql/data]}
            volumes:
              pgdata: {}
            """);
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/keep", "--timeout=180s");
    assertThat(liveObjects(namespace, "keep"))
        .contains("Deployment/db", "Service/db", "PersistentVolumeClaim/pgdata");

    edit(
        client,
        namespace,
        "keep",
        p -> p.getSpec().setCompose("services:\n  web: {image: nginx:1.27, expose: [\"80\"]}\n"));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(liveObjects(namespace, "keep"))
                    .contains("Deployment/web", "PersistentVolumeClaim/pgdata")
                    .doesNotContain("Deployment/db", "Service/db"));

    // Deleting the project in the foreground: the garbage collector removes what it owns first.
    client
        .resources(ComposeProject.class)
        .inNamespace(namespace)
        .withName("keep")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .resources(ComposeProject.class)
                          .inNamespace(namespace)
                          .withName("keep")
                          .get())
                  .isNull();
              assertThat(liveObjects(namespace, "keep"))
                  .containsExactly("PersistentVolumeClaim/pgdata");
            });

    // With volumeRetention: Delete, claims go with the project (deleted in the background).
    ComposeProject deleting = project("drop", namespace);
    deleting.getSpec().setVolumeRetention(VolumeRetention.Delete);
    deleting
        .getSpec()
        .setCompose(
            "services:\n  db: {image: postgres:16, volumes: [\"dropdata:/data\"]}\n"
                + "volumes:\n  dropdata: {}\n");
    client.resource(deleting).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/drop", "--timeout=180s");
    assertThat(liveObjects(namespace, "drop")).contains("PersistentVolumeClaim/dropdata");
    client
        .resources(ComposeProject.class)
        .inNamespace(namespace)
        .withName("drop")
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(liveObjects(namespace, "drop")).isEmpty());
    // The retained claim of the first project is still there.
    assertThat(client.persistentVolumeClaims().inNamespace(namespace).withName("pgdata").get())
        .isNotNull();
  }

  // --- Gateway API routes (e2e/cluster/up.sh installs the CRDs) --------------------------------

  @Test
  void anHttpRouteIsStoredAsAppliedAndPrunedWhenItLeavesTheFile() {
    String namespace = namespace("e2e-httproute");
    String unrouted = "services:\n  web: {image: nginx:1.27, ports: [\"8080:80\"]}\n";
    ComposeProject project = project("routes", namespace);
    project
        .getSpec()
        .setCompose(
            """
            services:
              web:
                image: nginx:1.27
                ports: ["8080:80"]
                x-kubernetes:
                  httpRoute:
                    parentRefs: [{name: public, namespace: gateways, sectionName: https}, internal]
                    hostnames: [shop.example.com, "*.shop.example.com"]
                    path: /store
            """);
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/routes", "--timeout=180s");
    assertThat(condition(namespace, "routes", "Reconciled"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("Applied"));
    GenericKubernetesResource route =
        client
            .genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
            .inNamespace(namespace)
            .withName("web")
            .get();
    assertThat(route.getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getName)
        .containsExactly("routes");
    Map<?, ?> spec = (Map<?, ?>) route.getAdditionalProperties().get("spec");
    assertThat(spec.get("hostnames")).isEqualTo(List.of("shop.example.com", "*.shop.example.com"));

    // at rest: a spec change that changes no object writes the status only, so the HTTPRoute
    // the server stores (with its defaults) equals the one the operator applies
    AuditLog audit = real.auditLog();
    long mark = audit.mark();
    ComposeProject current =
        edit(client, namespace, "routes", p -> p.getSpec().setVariables(Map.of("UNUSED", "1")));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                condition(namespace, "routes", "Reconciled")
                        .map(c -> c.getObservedGeneration())
                        .orElse(0L)
                    >= current.getMetadata().getGeneration());
    assertThat(audit.writesSince(mark, real.operatorUser()))
        .allSatisfy(e -> assertThat(e.subresource()).as(e.toString()).isEqualTo("status"));

    edit(client, namespace, "routes", p -> p.getSpec().setCompose(unrouted));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(liveObjects(namespace, "routes"))
                    .contains("Deployment/web", "Service/web-published")
                    .doesNotContain("HTTPRoute/web"));
  }

  // --- objects that are not the operator's -----------------------------------------------------

  @Test
  void anObjectCreatedBySomeoneElseIsAConflictAndStaysAsItWas() {
    String namespace = namespace("e2e-conflict");
    client
        .services()
        .inNamespace(namespace)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(1234)
                .endPort()
                .endSpec()
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("notes")
                .endMetadata()
                .addToData("a", "b")
                .build())
        .create();
    ComposeProject project = project("taken", namespace);
    project.getSpec().setCompose("services:\n  web: {image: nginx:1.27, expose: [\"80\"]}\n");
    client.resource(project).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason(namespace, "taken", "Reconciled")).isEqualTo("Conflict"));
    assertThat(condition(namespace, "taken", "Reconciled").orElseThrow().getMessage())
        .contains("Service")
        .contains("web");
    var service = client.services().inNamespace(namespace).withName("web").get();
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(1234);
    assertThat(service.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(service.getMetadata().getLabels()).doesNotContainKey(PROJECT_LABEL);
    assertThat(service.getMetadata().getManagedFields())
        .noneMatch(f -> f.getManager().equals("compose-operator"));
  }

  @Test
  void aLabelledUserConfigMapIsAConflictNeverWrittenOwnedOrPruned() {
    // issue 8's case: the README's user keeps the Compose file in a ConfigMap labelled with the
    // project (so that edits re-render at once), and the file declares a config of the same name
    String namespace = namespace("e2e-labelled");
    String withConfig =
        "services:\n  web:\n    image: nginx:1.27\n    configs: [app-config]\n"
            + "configs:\n  app-config:\n    content: debug=true\n";
    ConfigMap users =
        client
            .configMaps()
            .inNamespace(namespace)
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("app-config")
                    .addToLabels(PROJECT_LABEL, "labelled")
                    .endMetadata()
                    .addToData("compose.yaml", withConfig)
                    .build())
            .create();
    ComposeProject project = project("labelled", namespace);
    project
        .getSpec()
        .setComposeFrom(
            new io.composeoperator.api.v1alpha1.ComposeFrom(
                new io.composeoperator.api.v1alpha1.KeyRef("app-config", "compose.yaml")));
    client.resource(project).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason(namespace, "labelled", "Reconciled")).isEqualTo("Conflict"));
    assertThat(condition(namespace, "labelled", "Reconciled").orElseThrow().getMessage())
        .contains("ConfigMap/app-config exists and is not owned by this project");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> client.apps().deployments().inNamespace(namespace).withName("web").get() != null);
    assertUserConfigMapUntouched(namespace, users.getMetadata().getResourceVersion(), withConfig);

    // the config leaves the file (the user edits their own ConfigMap): nothing is pruned
    String withoutConfig = "services:\n  web:\n    image: nginx:1.27\n";
    ConfigMap edited =
        client
            .configMaps()
            .inNamespace(namespace)
            .withName("app-config")
            .edit(
                cm -> {
                  cm.getData().put("compose.yaml", withoutConfig);
                  return cm;
                });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(reason(namespace, "labelled", "Reconciled")).isEqualTo("Applied"));
    assertUserConfigMapUntouched(
        namespace, edited.getMetadata().getResourceVersion(), withoutConfig);
    assertThat(client.apps().deployments().inNamespace(namespace).withName("web").get())
        .isNotNull();
  }

  /**
   * The user's ConfigMap is as the user last wrote it: same version, no owner, no operator field.
   */
  private void assertUserConfigMapUntouched(String namespace, String version, String compose) {
    ConfigMap now = client.configMaps().inNamespace(namespace).withName("app-config").get();
    assertThat(now).as("the user's ConfigMap still exists").isNotNull();
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(now.getData()).containsExactly(java.util.Map.entry("compose.yaml", compose));
    assertThat(now.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(now.getMetadata().getManagedFields())
        .noneMatch(f -> f.getManager().equals("compose-operator"));
  }

  // --- the wait command, with the per-project wait ServiceAccount's token -----------------------

  @Test
  void waitAnswersWithTheWaitServiceAccountsTokenAndOnlyInItsNamespace() throws Exception {
    ComposeProject shop = example("api-postgres-redis.yaml");
    String namespace = namespace("wait-shop");
    shop.getMetadata().setNamespace(namespace);
    client.resource(shop).create();
    ComposeProject migration = example("migration-job.yaml");
    String jobNamespace = namespace("wait-migration");
    migration.getMetadata().setNamespace(jobNamespace);
    client.resource(migration).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/shop", "--timeout=180s");
    kubectl.ok(
        "wait",
        "--for=condition=Ready",
        "-n",
        jobNamespace,
        "cproj/migration-job",
        "--timeout=180s");

    Path shopToken = real.tokenKubeconfig(real.token(namespace, "shop-wait"));
    assertThat(waitCommand(shopToken, namespace, "shop", "started", "redis", "db"))
        .startsWith("0 ");
    assertThat(waitCommand(shopToken, namespace, "shop", "healthy", "db")).startsWith("0 ");
    Path jobToken = real.tokenKubeconfig(real.token(jobNamespace, "migration-job-wait"));
    assertThat(waitCommand(jobToken, jobNamespace, "migration-job", "completed", "migrate"))
        .startsWith("0 ");
    // The same token in another namespace: the API server refuses every read.
    String other = waitCommand(shopToken, jobNamespace, "migration-job", "completed", "migrate");
    assertThat(other).startsWith("killed ").contains("HTTP 403");
    Files.delete(shopToken);
    Files.delete(jobToken);
  }

  /**
   * {@code wait} of the packaged jar as the init container runs it: its exit code and output, or
   * "killed" and the output when it still waits after 20 s.
   */
  static String waitCommand(Path kubeconfig, String namespace, String project, String... rest)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("operator.jar"),
                "wait",
                "--project",
                project,
                "--for"));
    command.addAll(List.of(rest));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("POD_NAMESPACE", namespace);
    Path log = Files.createTempFile("wait", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean ended = process.waitFor(20, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    Files.delete(log);
    return (ended ? process.exitValue() + " " : "killed ") + output;
  }

  // --- Pod Security admission ----------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("examples")
  void podsOfTheRestrictedProfileAreAdmittedUnderRestricted(Path file) throws IOException {
    ComposeProject project = SERIALIZATION.unmarshal(Files.readString(file), ComposeProject.class);
    String name = project.getMetadata().getName();
    String namespace = labelledNamespace("psa-restricted-" + name, "restricted");
    project.getMetadata().setNamespace(namespace);
    project.getSpec().setSecurityProfile(SecurityProfile.restricted);
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/" + name, "--timeout=180s");
    assertThat(client.pods().inNamespace(namespace).list().getItems()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void podsOfTheDefaultProfileAreAdmittedUnderBaseline(Path file) throws IOException {
    ComposeProject project = SERIALIZATION.unmarshal(Files.readString(file), ComposeProject.class);
    if (project.getSpec().getSecurityProfile() == SecurityProfile.restricted) {
      project.getSpec().setSecurityProfile(null);
    }
    String name = project.getMetadata().getName();
    String namespace = labelledNamespace("psa-baseline-" + name, "baseline");
    project.getMetadata().setNamespace(namespace);
    client.resource(project).create();
    kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/" + name, "--timeout=180s");
    assertThat(client.pods().inNamespace(namespace).list().getItems()).isNotEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  ComposeProject example(String file) throws IOException {
    return SERIALIZATION.unmarshal(
        Files.readString(ROOT.resolve("examples").resolve(file)), ComposeProject.class);
  }

  static ComposeProject project(String name, String namespace) {
    ComposeProject project = new ComposeProject();
    project.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    project.setSpec(new ComposeProjectSpec());
    return project;
  }

  String namespace(String name) {
    return createNamespace(name);
  }

  String labelledNamespace(String name, String level) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("pod-security.kubernetes.io/enforce", level)
                .endMetadata()
                .build())
        .create();
    return name;
  }

  Deployment deployment(String namespace, String name) {
    return client.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  /** Kind/name of every object in {@code namespace} that carries the project's label. */
  Set<String> liveObjects(String namespace, String project) {
    Set<String> names = new TreeSet<>();
    for (String[] kind : OWNED_KINDS) {
      for (GenericKubernetesResource object :
          client
              .genericKubernetesResources(kind[0], kind[1])
              .inNamespace(namespace)
              .withLabel(PROJECT_LABEL, project)
              .list()
              .getItems()) {
        if (object.getMetadata().getDeletionTimestamp() == null) {
          names.add(kind[1] + "/" + object.getMetadata().getName());
        }
      }
    }
    return names;
  }

  /** {@code render -f FILE} of the packaged jar, as a user runs it. */
  static List<HasMetadata> render(Path file) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            System.getProperty("operator.jar"),
            "render",
            "-f",
            file.toString());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThat(process.exitValue()).as("render -f %s", file).isZero();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (!document.isBlank()) {
        objects.add(SERIALIZATION.unmarshal(document));
      }
    }
    return objects;
  }

  /** Every field of {@code want} has the same value in {@code have}; lists match item by item. */
  static void subset(JsonNode want, JsonNode have, String path, List<String> differences) {
    if (want.isObject()) {
      if (have == null || !have.isObject()) {
        differences.add(path + ": missing");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        subset(
            field.getValue(), have.get(field.getKey()), path + "." + field.getKey(), differences);
      }
    } else if (want.isArray()) {
      if (have == null || !have.isArray() || have.size() != want.size()) {
        differences.add(path + ": " + want + " != " + have);
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        subset(want.get(i), have.get(i), path + "[" + i + "]", differences);
      }
    } else if (have == null || !want.asText().equals(have.asText())) {
      differences.add(path + ": " + want + " != " + have);
    }
  }

  /** How many projects the cluster holds (all namespaces). */
  int allProjects() {
    return client.resources(ComposeProject.class).inAnyNamespace().list().getItems().size();
  }

  /** Successful reconciliations the current operator process counted (its /metrics). */
  double reconciled() throws IOException, InterruptedException {
    return metric(get(operator.httpPort, "/metrics"), "operator_sdk_reconciliations_success_total");
  }

  static double metric(String scrape, String name) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
