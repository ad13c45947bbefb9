package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LifecycleHandler;
import org.junit.jupiter.api.Test;

class StopSignalsTest {

  private static ServiceContext context(String signal) {
    return TestModels.context(
        TestModels.service("web").stop(stop -> stop.withSignal(signal)).build());
  }

  @Test
  void aSignalOtherThanTermIsSentToPidOneByAPreStopHook() {
    ServiceContext ctx = context("SIGQUIT");

    LifecycleHandler hook = StopSignals.preStop(ctx);

    assertThat(hook.getExec().getCommand())
        .containsExactly(
            "/bin/sh",
            "-c",
            "[ \"$(cat /proc/1/comm 2>/dev/null)\" = pause ] && exit 0; kill -QUIT 1 || exit 0;"
                + " while kill -0 1 2>/dev/null; do sleep 1; done");
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path() + ": " + w.message())
        .containsExactly(
            "services.web.stop_signal: Kubernetes stops containers with SIGTERM (its"
                + " lifecycle.stopSignal needs a feature gate that is off by default): a preStop"
                + " hook sends SIGQUIT to the container's PID 1 and waits for it to exit, which"
                + " needs /bin/sh and kill in the image");
  }

  @Test
  void numbersAndNamesWithoutThePrefixAreSignals() {
    assertThat(StopSignals.preStop(context("9")).getExec().getCommand().get(2))
        .contains("kill -9 1");
    assertThat(StopSignals.preStop(context("usr1")).getExec().getCommand().get(2))
        .contains("kill -USR1 1");
  }

  @Test
  void termNeedsNoHook() {
    for (String term : new String[] {"SIGTERM", "TERM", "15"}) {
      ServiceContext ctx = context(term);
      assertThat(StopSignals.lifecycle(ctx)).isNull();
      assertThat(ctx.warnings().toList()).isEmpty();
    }
    assertThat(StopSignals.lifecycle(TestModels.context(TestModels.service("web").build())))
        .isNull();
  }

  @Test
  void aValueThatIsNoSignalNeverReachesTheShell() {
    ServiceContext ctx = context("QUIT; rm -rf /");

    assertThat(StopSignals.preStop(ctx)).isNull();
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.message())
        .containsExactly("\"QUIT; rm -rf /\" is not a signal; the container gets SIGTERM");
  }

  @Test
  void aSharedProcessNamespaceHasNoSignalablePidOne() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .stop(stop -> stop.withSignal("SIGINT"))
                .process(proc -> proc.init(true))
                .build());

    assertThat(StopSignals.preStop(ctx)).isNull();
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.message())
        .containsExactly(
            "the pod shares its process namespace (init: true), so the container's process is"
                + " not PID 1 and cannot be sent SIGINT; it gets SIGTERM");
  }
}
