package io.composeoperator.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real cluster, reached through the kubeconfig given with {@code -De2e.kubeconfig=<path>}. */
final class RealCluster implements Cluster {
  private final Path kubeconfig;
  private final KubernetesClient client;

  RealCluster(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
    try {
      client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public boolean real() {
    return true;
  }

  @Override
  public void close() {
    client.close();
  }
}
