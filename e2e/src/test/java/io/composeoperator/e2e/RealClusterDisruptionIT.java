package io.composeoperator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What happens to the operator's work when its process or the API server dies: on the real control
 * plane, the operator is SIGKILLed in the middle of reconciling and started again, and the API
 * server is restarted under a running operator.
 */
@EnabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClusterDisruptionIT {
  RealCluster cluster;
  KubernetesClient client;
  Kubectl kubectl;

  @BeforeAll
  void connect() throws IOException {
    cluster = new RealCluster(RealCluster.adminKubeconfig(), "compose-operator", List.of());
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
  }

  @AfterAll
  void disconnect() {
    cluster.close();
  }

  /** Ten services, three of them with a named volume, two waiting for others. */
  static String tenServices(String tag) {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < 10; i++) {
      text.append("  s").append(i).append(":\n    image: nginx:").append(tag).append('\n');
      text.append("    expose: [\"80\"]\n");
      if (i < 3) {
        text.append("    volumes: [\"data").append(i).append(":/data\"]\n");
      }
      if (i >= 8) {
        text.append("    depends_on: [s0, s1]\n");
      }
    }
    return text + "volumes:\n  data0: {}\n  data1: {}\n  data2: {}\n";
  }

  @Test
  void killedInTheMiddleOfReconcilingAndRestartedLeavesExactlyTheRenderedSet() throws Exception {
    String namespace = "e2e-sigkill";
    cluster.createNamespace(namespace);
    ComposeProject project = RealClusterOperatorIT.project("ten", namespace);
    project.getSpec().setCompose(tenServices("1.27"));
    client.resource(project).create();
    AuditLog audit = cluster.auditLog();
    Map<String, String> claimUids = new TreeMap<>();
    String[] tags = {"1.27", "1.27.1", "1.27.2", "1.27.3", "1.27.4"};
    for (int round = 0; round < tags.length; round++) {
      if (round > 0) {
        String tag = tags[round];
        AbstractOperatorScenarios.edit(
            client, namespace, "ten", p -> p.getSpec().setCompose(tenServices(tag)));
      }
      long mark = audit.mark();
      try (OperatorProcess operator = new OperatorProcess(cluster.kubeconfig())) {
        // Killed after its first few writes: in the middle of applying the ten services.
        int writes = 2 + 3 * round;
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> audit.writesSince(mark, cluster.operatorUser()).size() >= writes);
        operator.kill();
      }
      if (round == 0) {
        continue;
      }
      for (PersistentVolumeClaim claim :
          client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
        String before =
            claimUids.putIfAbsent(claim.getMetadata().getName(), claim.getMetadata().getUid());
        assertThat(before)
            .as("claim %s was replaced", claim.getMetadata().getName())
            .isIn(null, claim.getMetadata().getUid());
      }
    }
    try (OperatorProcess operator = new OperatorProcess(cluster.kubeconfig())) {
      kubectl.ok("wait", "--for=condition=Ready", "-n", namespace, "cproj/ten", "--timeout=180s");
      ComposeProject last =
          client.resources(ComposeProject.class).inNamespace(namespace).withName("ten").get();
      assertThat(last.getStatus().getObservedGeneration())
          .isEqualTo(last.getMetadata().getGeneration());
      Path file = Files.createTempFile("ten", ".yaml");
      last.getMetadata().setManagedFields(null);
      Files.writeString(file, AbstractOperatorScenarios.SERIALIZATION.asYaml(last));
      List<HasMetadata> rendered = RealClusterOperatorIT.render(file);
      Files.delete(file);
      Set<String> expected =
          rendered.stream()
              .map(o -> o.getKind() + "/" + o.getMetadata().getName())
              .collect(Collectors.toCollection(TreeSet::new));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(liveObjects(namespace, "ten")).isEqualTo(expected));
      // Every Deployment runs the last tag, and its old ReplicaSets are the controller's own.
      for (var deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .isEqualTo("nginx:" + tags[tags.length - 1]);
        assertThat(deployment.getMetadata().getOwnerReferences())
            .singleElement()
            .satisfies(o -> assertThat(o.getUid()).isEqualTo(last.getMetadata().getUid()));
      }
      for (PersistentVolumeClaim claim :
          client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
        assertThat(claim.getMetadata().getUid())
            .as("claim %s", claim.getMetadata().getName())
            .isEqualTo(claimUids.get(claim.getMetadata().getName()));
      }
      assertThat(claimUids).containsOnlyKeys("data0", "data1", "data2");
    }
  }

  @Test
  void theOperatorRecoversFromAnApiServerRestart() throws Exception {
    String namespace = "e2e-apiserver-restart";
    cluster.createNamespace(namespace);
    ComposeProject project = RealClusterOperatorIT.project("survivor", namespace);
    project.getSpec().setCompose("services:\n  web: {image: nginx:1.27, expose: [\"80\"]}\n");
    client.resource(project).create();
    try (OperatorProcess operator = new OperatorProcess(cluster.kubeconfig())) {
      kubectl.ok(
          "wait", "--for=condition=Ready", "-n", namespace, "cproj/survivor", "--timeout=180s");
      Process restart =
          new ProcessBuilder(
                  RealCluster.scripts().resolve("restart.sh").toString(), "kube-apiserver")
              .inheritIO()
              .start();
      assertThat(restart.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(restart.exitValue()).isZero();
      AbstractOperatorScenarios.edit(
          client,
          namespace,
          "survivor",
          p ->
              p.getSpec()
                  .setCompose(
                      "services:\n  web: {image: nginx:1.27, expose: [\"80\"]}\n"
                          + "  added: {image: nginx:1.27, expose: [\"81\"]}\n"));
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> {
                assertThat(operator.alive()).as(operator.output()).isTrue();
                assertThat(
                        client.apps().deployments().inNamespace(namespace).withName("added").get())
                    .isNotNull();
              });
      kubectl.ok(
          "wait", "--for=condition=Ready", "-n", namespace, "cproj/survivor", "--timeout=180s");
    }
  }

  Set<String> liveObjects(String namespace, String project) {
    Set<String> names = new TreeSet<>();
    for (String[] kind : RealClusterOperatorIT.OWNED_KINDS) {
      for (var object :
          client
              .genericKubernetesResources(kind[0], kind[1])
              .inNamespace(namespace)
              .withLabel(RealClusterOperatorIT.PROJECT_LABEL, project)
              .list()
              .getItems()) {
        if (object.getMetadata().getDeletionTimestamp() == null) {
          names.add(kind[1] + "/" + object.getMetadata().getName());
        }
      }
    }
    return names;
  }
}
