package io.composeoperator.translate;

import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.LifecycleHandlerBuilder;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code stop_signal} → a {@code preStop} exec hook that sends the signal to the container's PID 1
 * and waits for it to exit, so the process stops the way Compose stops it before the kubelet's
 * SIGTERM. Kubernetes' own {@code lifecycle.stopSignal} needs the {@code ContainerStopSignals}
 * feature gate, which is off by default (a 1.36 API server drops the field without a word), so it
 * is not used. The hook needs {@code /bin/sh} and {@code kill} in the image (warned). When the pod
 * shares its process namespace ({@code init: true}, {@code pid: service:x}), PID 1 is the pause
 * container: the hook then does nothing and the container gets SIGTERM (warned).
 *
 * <p>A Compose {@code pre_stop} hook, when mapped, runs before the signal is sent: whoever combines
 * them keeps {@link #script} last.
 */
final class StopSignals {
  /** A signal name or number as {@code kill} takes it, without the {@code SIG} prefix. */
  private static final Pattern SIGNAL = Pattern.compile("[A-Z][A-Z0-9+-]*|[0-9]{1,2}");

  private static final Set<String> TERM = Set.of("TERM", "15");

  private StopSignals() {}

  /** The container's lifecycle for its {@code stop_signal}, or null when none is needed. */
  static Lifecycle lifecycle(ServiceContext ctx) {
    LifecycleHandler preStop = preStop(ctx);
    return preStop == null ? null : new LifecycleBuilder().withPreStop(preStop).build();
  }

  /** The preStop hook that sends {@code stop_signal}, or null for none or SIGTERM. */
  static LifecycleHandler preStop(ServiceContext ctx) {
    String written = ctx.service().stop().signal();
    if (written == null) {
      return null;
    }
    String signal = written.strip().toUpperCase(Locale.ROOT);
    if (signal.startsWith("SIG")) {
      signal = signal.substring(3);
    }
    if (TERM.contains(signal)) {
      return null;
    }
    if (!SIGNAL.matcher(signal).matches()) {
      ctx.warn("stop_signal", "\"" + written + "\" is not a signal; the container gets SIGTERM");
      return null;
    }
    String pid = ctx.service().namespaces().pid();
    if (ctx.service().process().init() || pid != null && pid.startsWith("service:")) {
      ctx.warn(
          "stop_signal",
          "the pod shares its process namespace ("
              + (ctx.service().process().init() ? "init: true" : "pid: " + pid)
              + "), so the container's process is not PID 1 and cannot be sent "
              + written
              + "; it gets SIGTERM");
      return null;
    }
    ctx.warn(
        "stop_signal",
        "Kubernetes stops containers with SIGTERM (its lifecycle.stopSignal needs a feature gate"
            + " that is off by default): a preStop hook sends "
            + written
            + " to the container's PID 1 and waits for it to exit, which needs /bin/sh and kill"
            + " in the image");
    return new LifecycleHandlerBuilder()
        .withNewExec()
        .withCommand("/bin/sh", "-c", script(signal))
        .endExec()
        .build();
  }

  /**
   * Sends the signal to PID 1 unless PID 1 is the pod's pause process, then waits until PID 1 is
   * gone (the kubelet's grace period bounds the wait). The signal was checked against {@link
   * #SIGNAL}, so it is safe in a shell word.
   */
  static String script(String signal) {
    return "[ \"$(cat /proc/1/comm 2>/dev/null)\" = pause ] && exit 0; kill -"
        + signal
        + " 1 || exit 0; while kill -0 1 2>/dev/null; do sleep 1; done";
  }
}
