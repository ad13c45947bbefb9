package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart renders a hardened operator Deployment whose flags and image come from values. */
class HelmChartTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void lintPasses() {
    LintResult result = new Helm(Chart.directory()).lint().strict().call();
    assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
  }

  @Test
  void defaultsRenderTheOperatorWithClusterWideRbac() {
    List<HasMetadata> objects = Chart.render(Map.of());

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment");
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "compose-operator")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/version", "0.1.0")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("helm.sh/chart", "compose-operator-0.1.0"));
  }

  @Test
  void operatorRunsNonRootReadOnlyWithoutCapabilities() {
    PodSpec pod =
        Chart.only(Chart.render(Map.of()), Deployment.class).getSpec().getTemplate().getSpec();
    Container operator = pod.getContainers().get(0);
    SecurityContext security = operator.getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isEqualTo(10001L);
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(operator.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    ServiceAccount account = Chart.only(Chart.render(Map.of()), ServiceAccount.class);
    assertThat(account.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
  }

  @Test
  void probesAndMetricsUsePort8080() {
    Container operator = operatorContainer(Map.of());

    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getContainerPort()).isEqualTo(8080);
            });
    assertHttpProbe(operator.getLivenessProbe(), "/healthz");
    assertHttpProbe(operator.getStartupProbe(), "/healthz");
    assertHttpProbe(operator.getReadinessProbe(), "/readyz");
    assertThat(operator.getArgs()).containsSequence("--http-port", "8080");
  }

  @Test
  void resourcesAndJvmHeapFollowTheMemoryLimit() {
    Container operator = operatorContainer(Map.of());

    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(operator.getEnv())
        .filteredOn(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
        .singleElement()
        .extracting(EnvVar::getValue)
        .asString()
        .contains("-XX:MaxRAMPercentage=75");
    assertThat(operator.getEnv())
        .filteredOn(e -> e.getName().equals("POD_NAMESPACE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
  }

  @Test
  void argumentsComeFromValues() {
    Container operator =
        operatorContainer(
            Map.of(
                "maxSecurityProfile", "restricted",
                "logFormat", "json",
                "waitImage", "registry.example.com/wait:1"));

    assertThat(operator.getArgs())
        .startsWith("run")
        .containsSequence("--max-security-profile", "restricted")
        .containsSequence("--log-format", "json")
        .containsSequence("--wait-image", "registry.example.com/wait:1")
        .containsSequence("--leader-election", "--leader-election-namespace", Chart.NAMESPACE)
        .doesNotContain("--namespace");
  }

  @Test
  void waitImageDefaultsToTheOperatorImage() {
    Container operator = operatorContainer(Map.of("image", Map.of("tag", "0.2.0")));

    assertThat(operator.getImage()).isEqualTo("ghcr.io/compose-operator/compose-operator:0.2.0");
    assertThat(operator.getArgs())
        .containsSequence("--wait-image", "ghcr.io/compose-operator/compose-operator:0.2.0");
  }

  @Test
  void imageTagDefaultsToAppVersion() {
    assertThat(operatorContainer(Map.of()).getImage())
        .isEqualTo("ghcr.io/compose-operator/compose-operator:0.1.0");
  }

  @Test
  void digestWinsOverTag() {
    Container operator =
        operatorContainer(
            Map.of(
                "image",
                Map.of("repository", "registry.example.com/op", "tag", "9.9.9", "digest", DIGEST)));

    assertThat(operator.getImage()).isEqualTo("registry.example.com/op@" + DIGEST);
    assertThat(operator.getArgs())
        .containsSequence("--wait-image", "registry.example.com/op@" + DIGEST);
  }

  @Test
  void watchNamespacesBecomeNamespaceFlags() {
    Container operator = operatorContainer(Map.of("watchNamespaces", List.of("team-a", "team-b")));

    assertThat(operator.getArgs())
        .containsSequence("--namespace", "team-a", "--namespace", "team-b");
  }

  @Test
  void noDisruptionBudgetForASingleReplica() {
    assertThat(Chart.all(Chart.render(Map.of()), PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void twoReplicasGetADisruptionBudgetAndLeaderElection() {
    List<HasMetadata> objects = Chart.render(Map.of("replicas", 2));
    Deployment deployment = Chart.only(objects, Deployment.class);
    PodDisruptionBudget budget = Chart.only(objects, PodDisruptionBudget.class);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--leader-election");
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void metricsServiceAndServiceMonitorAreOptIn() {
    List<HasMetadata> objects =
        Chart.render(
            Map.of(
                "metrics",
                Map.of(
                    "service",
                    Map.of("enabled", true),
                    "serviceMonitor",
                    Map.of("enabled", true))));
    Service service = Chart.only(objects, Service.class);
    GenericKubernetesResource monitor = Chart.only(objects, GenericKubernetesResource.class);

    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort()).isEqualTo(8080);
              assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "port"))
        .isEqualTo(service.getSpec().getPorts().get(0).getName());
  }

  @Test
  void schedulingValuesReachThePod() {
    PodSpec pod =
        Chart.only(
                Chart.render(
                    Map.of(
                        "nodeSelector", Map.of("kubernetes.io/os", "linux"),
                        "tolerations", List.of(Map.of("key", "dedicated", "operator", "Exists")),
                        "priorityClassName", "system-cluster-critical",
                        "podAnnotations", Map.of("example.com/team", "platform"),
                        "imagePullSecrets", List.of(Map.of("name", "regcred")))),
                Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
    assertThat(pod.getImagePullSecrets())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("regcred"));
  }

  private static Container operatorContainer(Map<String, Object> values) {
    return Chart.only(Chart.render(values), Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    // The probe names the container port "http", which is 8080.
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }
}
