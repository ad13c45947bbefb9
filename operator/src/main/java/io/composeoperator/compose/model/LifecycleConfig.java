package io.composeoperator.compose.model;

import java.util.List;

/**
 * A service's lifecycle hooks, in file order.
 *
 * @param preStart {@code pre_start}: steps that run to completion, in order, each in its own
 *     container, before the service's container starts
 * @param postStart {@code post_start}: commands run inside the container after it started
 * @param preStop {@code pre_stop}: commands run inside the container before it is stopped
 */
public record LifecycleConfig(
    List<ServiceHook> preStart, List<ServiceHook> postStart, List<ServiceHook> preStop) {

  /** No hooks. */
  public static final LifecycleConfig NONE = new LifecycleConfig(List.of(), List.of(), List.of());

  public LifecycleConfig {
    preStart = List.copyOf(preStart);
    postStart = List.copyOf(postStart);
    preStop = List.copyOf(preStop);
  }

  /** True when the service has no hook at all. */
  public boolean isEmpty() {
    return preStart.isEmpty() && postStart.isEmpty() && preStop.isEmpty();
  }
}
