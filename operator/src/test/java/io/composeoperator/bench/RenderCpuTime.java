package io.composeoperator.bench;

import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.ProjectTranslator;
import io.composeoperator.translate.Renderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The same measurement as {@link RenderBenchmark} in this thread's CPU time rather than wall time,
 * with load and translate apart: on a shared machine wall-clock throughput mostly measures the
 * other processes, while a thread's CPU time stays close to what one free core would do.
 *
 * <p>Run: {@code java -cp <test classpath> io.composeoperator.bench.RenderCpuTime [rounds]}
 */
public final class RenderCpuTime {
  private static final long ROUND_NANOS = 2_000_000_000L;

  private RenderCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int services = RenderBenchmark.SERVICES;
    ComposeSource source = ComposeSource.of("compose.yaml", ComposeGenerator.generate(services));
    ProjectOptions options = ProjectOptions.defaults("bench");
    LoadResult loaded = ComposeLoader.load(source);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      double load = perCall(threads, () -> ComposeLoader.load(source));
      double translate = perCall(threads, () -> ProjectTranslator.translate(loaded, options));
      double render = perCall(threads, () -> Renderer.render(source, options));
      System.out.printf(
          "round %2d: load %.0f services/s, translate %.0f services/s,"
              + " render (load + translate) %.0f services/s (CPU time)%n",
          round, services / load, services / translate, services / render);
    }
  }

  /** Seconds of this thread's CPU time per call. */
  private static double perCall(ThreadMXBean threads, Runnable call) {
    long start = threads.getCurrentThreadCpuTime();
    int calls = 0;
    while (threads.getCurrentThreadCpuTime() - start < ROUND_NANOS) {
      call.run();
      calls++;
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e9 / calls;
  }
}
