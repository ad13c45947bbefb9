package io.composeoperator.bench;

import io.composeoperator.compose.ComposeSource;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.Translation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@code Renderer.render} (load + translate, the operator's and {@code render}'s
 * path) on a generated project of {@value #SERVICES} realistic services. The score is services per
 * second on one thread. The goal is at least 5,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
  static final int SERVICES = 100;

  private ComposeSource source;
  private ProjectOptions options;

  @Setup
  public void setUp() {
    source = ComposeSource.of("compose.yaml", ComposeGenerator.generate(SERVICES));
    options = ProjectOptions.defaults("bench");
  }

  /** One render of the whole project; JMH divides by the services per invocation. */
  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public Translation render() {
    return Renderer.render(source, options);
  }
}
