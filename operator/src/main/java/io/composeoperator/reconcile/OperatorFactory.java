package io.composeoperator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the operator: the one wiring that {@code compose-operator run} and the reconcile tests
 * share, so that the tests exercise the production configuration. The reconciler's own settings
 * (field manager, longest interval between reconciles) are on {@link ComposeProjectReconciler}'s
 * {@code @ControllerConfiguration}; what differs between a deployment and a test (metrics, leader
 * election, closing the client) comes in as {@code runtime}.
 */
public final class OperatorFactory {
  private OperatorFactory() {}

  /**
   * The operator's client, from the kubeconfig or the in-cluster configuration: every write it
   * makes is recorded under the operator's field manager ({@link FieldManagerInterceptor}).
   */
  public static KubernetesClient client() {
    return new KubernetesClientBuilder()
        .withHttpClientBuilderConsumer(
            builder ->
                builder.addOrReplaceInterceptor(
                    FieldManagerInterceptor.NAME, new FieldManagerInterceptor()))
        .build();
  }

  /**
   * An operator with the ComposeProject reconciler registered, not started yet. It asks the API
   * server which optional kinds it serves ({@link ServedKinds}) and watches only those.
   *
   * @param client the API server
   * @param settings the operator's settings (maximum security profile, wait image)
   * @param renderer load + translate: {@code Renderer::render}, or a failing one in a test
   * @param namespaces the namespaces to watch; empty for all
   * @param clock the clock of status conditions and Events
   * @param runtime JOSDK runtime settings beyond the client (metrics, leader election, ...)
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      RenderFunction renderer,
      Set<String> namespaces,
      Clock clock,
      Consumer<ConfigurationServiceOverrider> runtime) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client);
              runtime.accept(o);
            });
    ComposeProjectReconciler reconciler =
        new ComposeProjectReconciler(
            renderer,
            settings,
            ServedKinds.discover(client),
            new Applier(client),
            new Pruner(client),
            new EventPublisher(client, clock),
            clock);
    operator.register(
        reconciler,
        o -> {
          if (!namespaces.isEmpty()) {
            o.settingNamespaces(namespaces);
          }
        });
    return operator;
  }
}
