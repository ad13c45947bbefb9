package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.compose.ComposeSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** {@code spec.defaultReplicas} / {@code --replicas} ({@link ProjectTranslator}). */
class DefaultReplicasTest {
  private static final String FILE =
      """
      services:
        web: {image: nginx}
        db: {image: postgres, deploy: {replicas: 1}}
        idle: {image: nginx, scale: 0}
        once: {image: busybox, restart: "no"}
      """;

  private static Translation render(ProjectOptions options) {
    return Renderer.render(ComposeSource.of("compose.yaml", FILE), options);
  }

  private static HasMetadata object(Translation t, String kind, String name) {
    return t.objects().stream()
        .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Integer replicas(Translation t, String name) {
    return ((Deployment) object(t, "Deployment", name)).getSpec().getReplicas();
  }

  @Test
  void servicesWithoutACountGetTheDefaultOthersKeepTheirs() {
    Translation t = render(ProjectOptions.defaults("shop").withDefaultReplicas(4));
    assertThat(replicas(t, "web")).isEqualTo(4);
    assertThat(replicas(t, "db")).isEqualTo(1);
    assertThat(replicas(t, "idle")).isZero();
    Job once = (Job) object(t, "Job", "once");
    assertThat(once.getSpec().getCompletions()).isNull();
    assertThat(once.getSpec().getParallelism()).isNull();
    assertThat(t.services())
        .filteredOn(s -> s.service().equals("web"))
        .singleElement()
        .satisfies(s -> assertThat(s.replicas()).isEqualTo(4));
  }

  @Test
  void withoutTheDefaultReplicasStayUnsetForAnAutoscaler() {
    Translation t = render(ProjectOptions.defaults("shop"));
    assertThat(replicas(t, "web")).isNull();
    assertThat(replicas(t, "db")).isEqualTo(1);
  }

  @Test
  void specDefaultReplicasReachesTheOptions() {
    ComposeProjectSpec spec = new ComposeProjectSpec();
    spec.setDefaultReplicas(2);
    ProjectOptions options = SpecOptions.from("shop", "ns", spec, null);
    assertThat(options.defaultReplicas()).isEqualTo(2);
    assertThat(options.withSecurityProfile(options.securityProfile()).defaultReplicas())
        .isEqualTo(2);
    assertThat(options.withSecretFiles(java.util.List.of("a.key")).defaultReplicas()).isEqualTo(2);
    assertThat(replicas(render(options), "web")).isEqualTo(2);
  }
}
