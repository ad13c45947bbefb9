package io.composeoperator.e2e;

import io.composeoperator.reconcile.ServerSideApplyCrudDispatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fabric8 mock server in CRUD mode, taught server-side apply, listening on a local port, with a
 * kubeconfig file written for it so that the operator process can connect.
 */
final class MockCluster implements Cluster {
  final ServerSideApplyCrudDispatcher dispatcher = new ServerSideApplyCrudDispatcher();
  private final KubernetesMockServer server = ServerSideApplyCrudDispatcher.server(dispatcher);
  private final KubernetesClient client;
  private final Path kubeconfig;

  /** The mock web server logs every request through java.util.logging at INFO. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  MockCluster() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    server.init();
    client = server.createClient();
    try {
      kubeconfig = Files.createTempFile("e2e-kubeconfig", ".yaml");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: mock
            cluster: {server: "http://localhost:%d"}
          users:
          - name: mock
            user: {token: mock}
          contexts:
          - name: mock
            context: {cluster: mock, user: mock, namespace: default}
          current-context: mock
          """
              .formatted(server.getPort()));
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
    return false;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
