package io.composeoperator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.reconcile.OperatorFactory;
import io.composeoperator.reconcile.OperatorSettings;
import io.composeoperator.translate.Renderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code compose-operator run}: the operator. Uses the usual kubeconfig or the in-cluster
 * configuration, serves {@code /healthz}, {@code /readyz} and {@code /metrics}, elects a leader
 * when asked, and stops gracefully on SIGTERM.
 */
public final class RunCommand {
  static final String USAGE =
      """
      Usage: compose-operator run [options]

        --namespace NS                 watch this namespace (repeatable; none = all namespaces)
        --max-security-profile P       restricted | baseline (default) | privileged
        --wait-image REF               image of depends_on wait containers
        --log-format F                 plain (default) | json
        --http-port N                  port of /healthz, /readyz, /metrics (default 8080)
        --leader-election              elect a leader among replicas
        --leader-election-namespace NS namespace of the lease (default: $POD_NAMESPACE)
        --leader-election-id ID        name of the lease (default compose-operator-leader)
      """;

  private RunCommand() {}

  /** Parsed flags of {@code run}. */
  record Options(
      Set<String> namespaces,
      SecurityProfile maxSecurityProfile,
      String waitImage,
      String logFormat,
      int httpPort,
      boolean leaderElection,
      String leaderElectionNamespace,
      String leaderElectionId) {}

  /** Runs the operator until SIGTERM; returns the exit code (2 for bad flags). */
  public static int run(String[] args) {
    Options options;
    try {
      options = parse(args, System.getenv("POD_NAMESPACE"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    if (options == null) {
      System.out.print(USAGE);
      return 0;
    }
    configureLogging(options.logFormat());
    try {
      runOperator(options);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(RunCommand.class).error("the operator stopped: {}", e.toString());
      return 1;
    }
  }

  /** Parses the flags; null for {@code --help}. */
  static Options parse(String[] args, String podNamespace) {
    Set<String> namespaces = new LinkedHashSet<>();
    SecurityProfile max = SecurityProfile.baseline;
    String waitImage = null;
    String logFormat = "plain";
    int port = 8080;
    boolean leader = false;
    String leaseNamespace = podNamespace;
    String leaseId = "compose-operator-leader";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      Supplier<String> value =
          () -> {
            throw new IllegalArgumentException(flag + " needs a value");
          };
      String next = i + 1 < args.length ? args[i + 1] : null;
      switch (flag) {
        case "--help", "-h" -> {
          return null;
        }
        case "--leader-election" -> leader = true;
        case "--namespace",
            "--max-security-profile",
            "--wait-image",
            "--log-format",
            "--http-port",
            "--leader-election-namespace",
            "--leader-election-id" -> {
          String v = next == null ? value.get() : next;
          i++;
          switch (flag) {
            case "--namespace" -> namespaces.add(v);
            case "--max-security-profile" -> max = profile(v);
            case "--wait-image" -> waitImage = v;
            case "--log-format" -> logFormat = format(v);
            case "--http-port" -> port = port(v);
            case "--leader-election-namespace" -> leaseNamespace = v;
            default -> leaseId = v;
          }
        }
        default -> throw new IllegalArgumentException("unknown flag \"" + flag + "\"");
      }
    }
    if (leader && (leaseNamespace == null || leaseNamespace.isEmpty())) {
      throw new IllegalArgumentException(
          "--leader-election needs --leader-election-namespace or POD_NAMESPACE");
    }
    return new Options(
        namespaces, max, waitImage, logFormat, port, leader, leaseNamespace, leaseId);
  }

  private static SecurityProfile profile(String value) {
    try {
      return SecurityProfile.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--max-security-profile must be restricted, baseline or privileged, not \""
              + value
              + "\"");
    }
  }

  private static String format(String value) {
    if (!value.equals("plain") && !value.equals("json")) {
      throw new IllegalArgumentException(
          "--log-format must be plain or json, not \"" + value + "\"");
    }
    return value;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--http-port must be a port number, not \"" + value + "\"");
    }
  }

  private static void runOperator(Options options) throws IOException, InterruptedException {
    Logger log = LoggerFactory.getLogger(RunCommand.class);
    KubernetesClient client = new KubernetesClientBuilder().build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Operator operator =
        OperatorFactory.create(
            client,
            new OperatorSettings(options.maxSecurityProfile(), options.waitImage()),
            Renderer::render,
            options.namespaces(),
            Clock.systemUTC(),
            o -> {
              o.withMetrics(MicrometerMetrics.newMicrometerMetricsBuilder(registry).build());
              if (options.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        options.leaderElectionId(), options.leaderElectionNamespace()));
              }
            });
    HttpServer http = HttpServer.create(new InetSocketAddress(options.httpPort()), 0);
    http.createContext("/healthz", exchange -> respond(exchange, 200, "ok\n"));
    http.createContext(
        "/readyz",
        exchange -> {
          boolean ready =
              operator.getRuntimeInfo().isStarted()
                  && operator.getRuntimeInfo().allEventSourcesAreHealthy();
          respond(exchange, ready ? 200 : 503, ready ? "ok\n" : "not ready\n");
        });
    http.createContext("/metrics", exchange -> respond(exchange, 200, registry.scrape()));
    http.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping");
                  operator.stop();
                  http.stop(0);
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    log.info(
        "starting: namespaces {}, max security profile {}, leader election {}, http port {}",
        options.namespaces().isEmpty() ? "all" : options.namespaces(),
        options.maxSecurityProfile(),
        options.leaderElection(),
        http.getAddress().getPort());
    operator.start();
    stopped.await();
  }

  private static void respond(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Plain or JSON lines on stdout, INFO for the operator, WARN for the libraries' chatter. */
  static void configureLogging(String format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (format.equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setWithMDC(false);
      json.setWithContext(false);
      json.setWithMessage(false);
      json.setWithFormattedMessage(true);
      json.setWithArguments(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      encoder = json;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(
          "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{30} - %msg%n");
      encoder = pattern;
    }
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    context.getLogger("io.fabric8").setLevel(Level.WARN);
    context.getLogger("io.javaoperatorsdk").setLevel(Level.INFO);
  }
}
