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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code compose-operator run}: the operator. Uses the usual kubeconfig or the in-cluster
 * configuration, serves {@code /healthz}, {@code /readyz} and {@code /metrics}, elects a leader
 * when asked, and stops gracefully on SIGTERM.
 */
@Command(
    name = "run",
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Run the operator (kubeconfig or in-cluster configuration).",
      "Serves /healthz, /readyz and /metrics, and stops gracefully on SIGTERM."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "watch this namespace (repeatable; none = all namespaces)")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--max-security-profile",
      paramLabel = "PROFILE",
      description =
          "the highest profile a project may use: restricted | baseline (default) |"
              + " privileged")
  SecurityProfile maxSecurityProfile = SecurityProfile.baseline;

  @Option(
      names = "--wait-image",
      paramLabel = "REF",
      description = "image of the depends_on wait init containers")
  String waitImage;

  @Option(names = "--log-format", paramLabel = "FORMAT", description = "plain (default) | json")
  LogFormat logFormat = LogFormat.plain;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "port of /healthz, /readyz and /metrics (default 8080; 0 = any free port)")
  int httpPort = 8080;

  @Option(names = "--leader-election", description = "elect a leader among replicas")
  boolean leaderElection;

  @Option(
      names = "--leader-election-namespace",
      paramLabel = "NS",
      description = "namespace of the lease (default: $POD_NAMESPACE)")
  String leaderElectionNamespace;

  @Option(
      names = "--leader-election-id",
      paramLabel = "ID",
      description = "name of the lease (default compose-operator-leader)")
  String leaderElectionId = "compose-operator-leader";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this help")
  boolean help;

  @Spec CommandSpec spec;

  private final Console console;

  public RunCommand(Console console) {
    this.console = console;
  }

  /** The log formats of {@code --log-format}. */
  enum LogFormat {
    plain,
    json
  }

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

  /**
   * Runs {@code run} with these arguments through the one command line ({@link Main}), on the
   * process's console; returns the exit code (2 for bad flags).
   */
  public static int run(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "run";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all, Console.system());
  }

  /** Runs the operator until SIGTERM; returns the exit code. */
  @Override
  public Integer call() {
    Options options = options();
    Optional<String> unreachable = ClusterCheck.problem(console.environment());
    if (unreachable.isPresent()) {
      console.err().println("run: " + unreachable.get());
      console.err().flush();
      return Failures.INVALID;
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

  /**
   * The parsed options, checked together.
   *
   * @throws ParameterException when they do not fit together
   */
  Options options() {
    String leaseNamespace =
        leaderElectionNamespace != null
            ? leaderElectionNamespace
            : console.environment().get("POD_NAMESPACE");
    if (leaderElection && (leaseNamespace == null || leaseNamespace.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          "--leader-election needs --leader-election-namespace or POD_NAMESPACE");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--http-port must be a port number, not " + httpPort);
    }
    return new Options(
        new LinkedHashSet<>(namespaces),
        maxSecurityProfile,
        waitImage,
        logFormat.name(),
        httpPort,
        leaderElection,
        leaseNamespace,
        leaderElectionId);
  }

  private static void runOperator(Options options) throws IOException, InterruptedException {
    Logger log = LoggerFactory.getLogger(RunCommand.class);
    KubernetesClient client = OperatorFactory.client();
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
