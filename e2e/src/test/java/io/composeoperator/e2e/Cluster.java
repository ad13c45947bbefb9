package io.composeoperator.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** A Kubernetes API for the end-to-end tests: the mock server or a real cluster. */
interface Cluster extends AutoCloseable {
  /** A client for the test itself. */
  KubernetesClient client();

  /** The kubeconfig the operator process uses. */
  Path kubeconfig();

  /** True when a real controller manager runs (Deployments get pods, objects get collected). */
  boolean real();

  @Override
  void close();
}
