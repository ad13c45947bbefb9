package io.composeoperator.e2e;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local control plane that {@code e2e/cluster/up.sh} started, reached through the admin
 * kubeconfig given with {@code -De2e.kubeconfig=<path>}. The test itself is admin; the operator is
 * not: it runs with a token of the ServiceAccount that {@code helm template} of the chart creates,
 * bound to exactly the chart's roles, so that the real authorizer judges every call it makes.
 */
final class RealCluster implements Cluster {
  /** The chart's RBAC objects; the rest (Deployment, Service, ...) is for a real install. */
  private static final Set<String> RBAC_KINDS =
      Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Path adminKubeconfig;
  private final KubernetesClient client;
  private final String releaseNamespace;
  private final String serviceAccount;
  private final Path operatorKubeconfig;

  /**
   * @param release the Helm release (and namespace) whose ServiceAccount the operator runs as
   * @param watchNamespaces the chart's {@code watchNamespaces}; empty for the cluster-wide mode
   */
  RealCluster(Path adminKubeconfig, String release, List<String> watchNamespaces) {
    this.adminKubeconfig = adminKubeconfig;
    this.releaseNamespace = release;
    try {
      Config config = Config.fromKubeconfig(Files.readString(adminKubeconfig));
      client = new KubernetesClientBuilder().withConfig(config).build();
      for (String namespace : watchNamespaces) {
        createNamespace(namespace);
      }
      createNamespace(releaseNamespace);
      String serviceAccountName = null;
      for (HasMetadata object : chart(release, watchNamespaces)) {
        if (!RBAC_KINDS.contains(object.getKind())) {
          continue;
        }
        if (object instanceof ServiceAccount) {
          serviceAccountName = object.getMetadata().getName();
        }
        if (object.getMetadata().getNamespace() == null
            && !object.getKind().startsWith("Cluster")) {
          object.getMetadata().setNamespace(releaseNamespace);
        }
        client.resource(object).forceConflicts().serverSideApply();
      }
      if (serviceAccountName == null) {
        throw new IllegalStateException("the chart rendered no ServiceAccount");
      }
      serviceAccount = serviceAccountName;
      operatorKubeconfig = tokenKubeconfig(config, token(serviceAccount));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The admin kubeconfig that {@code -De2e.kubeconfig} names. */
  static Path adminKubeconfig() {
    return Path.of(System.getProperty("e2e.kubeconfig"));
  }

  /** The API server's audit log: beside the kubeconfig in the cluster's directory. */
  AuditLog auditLog() {
    return new AuditLog(adminKubeconfig.resolveSibling("logs/audit.log"));
  }

  /** The user name the API server knows the operator by. */
  String operatorUser() {
    return "system:serviceaccount:" + releaseNamespace + ":" + serviceAccount;
  }

  String releaseNamespace() {
    return releaseNamespace;
  }

  /** The scripts that start, restart and stop the control plane. */
  static Path scripts() {
    return AbstractOperatorScenarios.ROOT.resolve("e2e/cluster");
  }

  /** A token of {@code serviceAccount} in the release namespace, from the TokenRequest API. */
  String token(String serviceAccountName) {
    return token(releaseNamespace, serviceAccountName);
  }

  String token(String namespace, String serviceAccountName) {
    return client
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(serviceAccountName)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** A kubeconfig for the same API server that authenticates with {@code token}. */
  Path tokenKubeconfig(Config admin, String token) throws IOException {
    String ca =
        admin.getCaCertData() != null
            ? admin.getCaCertData()
            : Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    Path file = Files.createTempFile("e2e-token", ".kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster: {server: "%s", certificate-authority-data: "%s"}
        users:
        - name: token
          user: {token: "%s"}
        contexts:
        - name: local
          context: {cluster: local, user: token}
        current-context: local
        """
            .formatted(admin.getMasterUrl(), ca, token));
    return file;
  }

  Path tokenKubeconfig(String token) throws IOException {
    return tokenKubeconfig(Config.fromKubeconfig(Files.readString(adminKubeconfig)), token);
  }

  private List<HasMetadata> chart(String release, List<String> watchNamespaces) throws IOException {
    Path values = Files.createTempFile("e2e-values", ".yaml");
    Files.writeString(
        values,
        watchNamespaces.isEmpty()
            ? "watchNamespaces: []\n"
            : "watchNamespaces:\n"
                + String.join("", watchNamespaces.stream().map(n -> "  - " + n + "\n").toList()));
    String manifests =
        new Helm(AbstractOperatorScenarios.ROOT.resolve("helm/compose-operator"))
            .template()
            .withName(release)
            .withNamespace(release)
            .withKubeVersion(client.getKubernetesVersion().getGitVersion().substring(1))
            .skipCrds()
            .withValuesFile(values)
            .call();
    Files.delete(values);
    return DOCUMENT_SEPARATOR
        .splitAsStream(manifests)
        .filter(d -> !d.lines().allMatch(l -> l.isBlank() || l.startsWith("#")))
        .map(d -> (HasMetadata) SERIALIZATION.unmarshal(d))
        .toList();
  }

  void createNamespace(String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  /** The operator's kubeconfig: the chart's ServiceAccount token, not admin. */
  @Override
  public Path kubeconfig() {
    return operatorKubeconfig;
  }

  @Override
  public boolean real() {
    return true;
  }

  @Override
  public void close() {
    client.close();
    try {
      Files.deleteIfExists(operatorKubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
