package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.translate.Renderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorFactoryTest {

  private static RegisteredController<?> controller(Operator operator) {
    assertThat(operator.getRegisteredControllers()).hasSize(1);
    return operator.getRegisteredControllers().iterator().next();
  }

  @Test
  void reconcilerAppliesWithOneFieldManagerAndReconcilesAtLeastEveryFewMinutes() {
    try (OperatorHarness harness =
        new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT)) {
      RegisteredController<?> controller = controller(harness.operator);

      assertThat(controller.getConfiguration().fieldManager())
          .isEqualTo(ManagedFields.FIELD_MANAGER);
      assertThat(controller.getConfiguration().maxReconciliationInterval())
          .contains(Duration.ofMinutes(ComposeProjectReconciler.MAX_INTERVAL_MINUTES));
      assertThat(Duration.ofMinutes(ComposeProjectReconciler.MAX_INTERVAL_MINUTES))
          .as("an unwatched reference is picked up within minutes, not JOSDK's 10 hours")
          .isLessThanOrEqualTo(Duration.ofMinutes(10));
    }
  }

  @Test
  void watchesTheGivenNamespacesOnly() {
    KubernetesMockServer server = new KubernetesMockServer();
    server.init();
    try (KubernetesClient client = server.createClient()) {
      Operator operator =
          OperatorFactory.create(
              client,
              OperatorSettings.DEFAULT,
              Renderer::render,
              Set.of("team-a", "team-b"),
              Clock.systemUTC(),
              o -> o.withCloseClientOnStop(false));

      assertThat(controller(operator).getConfiguration().getInformerConfig().getNamespaces())
          .containsExactlyInAnyOrder("team-a", "team-b");
    } finally {
      server.destroy();
    }
  }
}
