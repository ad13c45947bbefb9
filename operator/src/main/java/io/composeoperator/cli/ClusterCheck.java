package io.composeoperator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.util.Map;
import java.util.Optional;

/**
 * Before {@code run} starts the operator: can the API server be reached at all? Without this check
 * the operator's informers retry for many seconds and end in a long stack trace that names neither
 * the server nor the kubeconfig; here one request with short timeouts and no retries says both.
 */
final class ClusterCheck {
  private static final int TIMEOUT_MILLIS = 5_000;

  private ClusterCheck() {}

  /**
   * The problem, or empty when the API server answers (any HTTP status: an authorization problem is
   * the operator's to report).
   *
   * @param environment the process environment ({@code KUBECONFIG})
   */
  static Optional<String> problem(Map<String, String> environment) {
    Optional<File> kubeconfig = kubeconfig(environment);
    Config config;
    try {
      config = config(environment);
    } catch (CliException e) {
      return Optional.of(e.getMessage());
    }
    File file = kubeconfig.orElse(config.getFile());
    String source =
        file != null
            ? "from the kubeconfig " + file + context(config)
            : "(no kubeconfig found: in-cluster configuration)";
    Config quick =
        new ConfigBuilder(config)
            .withConnectionTimeout(TIMEOUT_MILLIS)
            .withRequestTimeout(TIMEOUT_MILLIS)
            .withRequestRetryBackoffLimit(0)
            .build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(quick).build()) {
      client.getKubernetesVersion();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() > 0) {
        return Optional.empty();
      }
      return Optional.of(
          "cannot reach the Kubernetes API server "
              + config.getMasterUrl()
              + " "
              + source
              + ": "
              + message(e)
              + ". Check that the cluster is running and the kubeconfig (KUBECONFIG,"
              + " ~/.kube/config) points at it.");
    }
  }

  private static String context(Config config) {
    return config.getCurrentContext() == null
        ? ""
        : ", context " + config.getCurrentContext().getName();
  }

  /**
   * A failed request in words: the HTTP status and the server's reason, or, when no answer came,
   * the API server's address and why it could not be reached.
   */
  static String describe(KubernetesClientException e, KubernetesClient client) {
    if (e.getCode() > 0) {
      String reason = e.getStatus() == null ? null : e.getStatus().getMessage();
      return "HTTP "
          + e.getCode()
          + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
    return "cannot reach the Kubernetes API server " + client.getMasterUrl() + ": " + message(e);
  }

  /** What went wrong, in words: the JDK's connection exceptions often carry no message. */
  private static String message(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.nio.channels.UnresolvedAddressException
          || cause instanceof java.net.UnknownHostException) {
        return "the host name does not resolve";
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return "connection refused (nothing listens there)";
      }
      if (cause instanceof java.net.http.HttpTimeoutException
          || cause instanceof java.net.SocketTimeoutException) {
        return "no answer within " + TIMEOUT_MILLIS / 1000 + " s";
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + cause.getMessage();
      }
      if (cause.getCause() == null || cause.getCause() == cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
      }
    }
    return e.toString();
  }

  /**
   * The client configuration of the commands that talk to a cluster: the first file of {@code
   * KUBECONFIG} in {@code environment} when that is set, otherwise the client's own lookup ({@code
   * ~/.kube/config}, in-cluster).
   *
   * @throws CliException when the kubeconfig cannot be read, naming it and why
   */
  static Config config(Map<String, String> environment) throws CliException {
    Optional<File> kubeconfig = kubeconfig(environment);
    try {
      return kubeconfig.isPresent()
          ? Config.fromKubeconfig(null, kubeconfig.get())
          : Config.autoConfigure(null);
    } catch (RuntimeException e) {
      throw new CliException(
          "cannot read the Kubernetes configuration "
              + kubeconfig.map(File::toString).orElse("")
              + ": "
              + message(e));
    }
  }

  /**
   * The first file of {@code KUBECONFIG} when that is set; otherwise the client's own lookup
   * ({@code ~/.kube/config}, in-cluster) decides.
   */
  private static Optional<File> kubeconfig(Map<String, String> environment) {
    String variable = environment.get("KUBECONFIG");
    if (variable == null || variable.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new File(variable.split(File.pathSeparator)[0]));
  }
}
