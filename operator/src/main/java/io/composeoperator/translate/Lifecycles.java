package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceHook;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.LifecycleHandlerBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service's lifecycle hooks (spec {@code 05-services.md}, "post_start" and "pre_stop"; Docker's
 * "Use init containers in Compose" for {@code pre_start}).
 *
 * <ul>
 *   <li>{@code post_start} → the main container's {@code lifecycle.postStart}, {@code pre_stop} →
 *       {@code lifecycle.preStop}, both {@code exec}. Kubernetes takes one handler per event: a
 *       single hook without {@code working_dir} or {@code environment} runs its command as it is;
 *       several hooks, or one with either key, run as one {@code /bin/sh -c} script that runs them
 *       in order and stops at the first failure (warned: the image needs {@code /bin/sh}). An exec
 *       hook runs inside the container as the container's user, with its privileges: a hook's
 *       {@code user} or {@code privileged} that differs from the service's cannot be kept (warned).
 *   <li>{@code pre_start} → init containers {@code pre-start-<i>}, in file order after the
 *       dependency waits and volume seeding, each from the step's {@code image} (else the
 *       service's), with the service's mounts, resources and environment plus the step's, and the
 *       step's {@code user}, {@code privileged} (refused unless the profile allows it) and {@code
 *       working_dir}. Compose runs a step once per service and skips it when it succeeded before;
 *       an init container runs in every new pod (warned: make the step idempotent).
 * </ul>
 */
final class Lifecycles {
  /** The prefix of the init containers that run {@code pre_start} steps. */
  static final String PRE_START_PREFIX = "pre-start-";

  private Lifecycles() {}

  /**
   * The main container's lifecycle, or null when the service has no post_start, pre_stop or a
   * {@code stop_signal} that needs a hook ({@link StopSignals}).
   */
  static Lifecycle lifecycle(ServiceContext ctx) {
    LifecycleHandler postStart = handler(ctx, "post_start", ctx.service().lifecycle().postStart());
    LifecycleHandler preStop =
        beforeSignal(
            handler(ctx, "pre_stop", ctx.service().lifecycle().preStop()),
            StopSignals.preStop(ctx));
    if (postStart == null && preStop == null) {
      return null;
    }
    return new LifecycleBuilder().withPostStart(postStart).withPreStop(preStop).build();
  }

  /**
   * One preStop handler for the {@code pre_stop} hooks and the {@code stop_signal} hook: the hooks
   * run first, as Compose runs them before it stops the container, and the signal is sent whether
   * they succeeded or not.
   */
  private static LifecycleHandler beforeSignal(LifecycleHandler hooks, LifecycleHandler signal) {
    if (hooks == null || signal == null) {
      return hooks == null ? signal : hooks;
    }
    List<String> command = hooks.getExec().getCommand();
    String first =
        command.size() == 3 && command.get(0).equals("/bin/sh") && command.get(1).equals("-c")
            ? command.get(2)
            : String.join(" ", command.stream().map(InitContainers::quote).toList());
    String script = "( " + first + "\n) || true\n" + signal.getExec().getCommand().get(2);
    return new LifecycleHandlerBuilder()
        .withNewExec()
        .withCommand("/bin/sh", "-c", script)
        .endExec()
        .build();
  }

  private static LifecycleHandler handler(ServiceContext ctx, String key, List<ServiceHook> hooks) {
    if (hooks.isEmpty()) {
      return null;
    }
    ServiceConfig service = ctx.service();
    boolean shell = hooks.size() > 1;
    for (int i = 0; i < hooks.size(); i++) {
      ServiceHook hook = hooks.get(i);
      String path = key + "[" + i + "]";
      if (hook.user() != null && !hook.user().equals(service.security().user())) {
        ctx.warn(
            path + ".user",
            "`user` cannot be kept: Kubernetes runs an exec hook as the container's user ("
                + (service.security().user() == null ? "the image's" : service.security().user())
                + "); run the command as a pre_start step (an init container with its own user)"
                + " instead");
      }
      if (hook.privileged() && !service.security().privileged()) {
        ctx.warn(
            path + ".privileged",
            "`privileged` cannot be kept: an exec hook runs with the container's privileges; run"
                + " the command as a pre_start step instead");
      }
      shell |= hook.workingDir() != null || !hook.environment().isEmpty();
    }
    List<String> command;
    if (shell) {
      ctx.warn(
          key,
          "runs as one /bin/sh -c script (Kubernetes takes one command per hook, without its own"
              + " working directory or environment): the image needs /bin/sh");
      List<String> lines = new ArrayList<>(List.of("set -e"));
      for (int i = 0; i < hooks.size(); i++) {
        lines.add(line(ctx, key + "[" + i + "]", hooks.get(i)));
      }
      command = List.of("/bin/sh", "-c", String.join("\n", lines));
    } else {
      command = hooks.get(0).command();
    }
    // the kubelet runs an exec handler's command as it is: no $(VAR) expansion, so no escaping
    return new LifecycleHandlerBuilder().withNewExec().withCommand(command).endExec().build();
  }

  /** One hook as a sub-shell: {@code ( cd DIR && export K=V && exec ARGV )}. */
  private static String line(ServiceContext ctx, String path, ServiceHook hook) {
    List<String> parts = new ArrayList<>();
    if (hook.workingDir() != null) {
      parts.add("cd " + InitContainers.quote(hook.workingDir()));
    }
    for (EnvVar variable : hook.environment()) {
      if (variable.secret() != null) {
        ctx.warn(
            path + ".environment." + variable.name(),
            "comes from a Secret and is not written into the hook's command; set it in the"
                + " service's environment, which the hook inherits");
        continue;
      }
      parts.add("export " + InitContainers.quote(variable.name() + "=" + variable.value()));
    }
    parts.add(
        "exec " + String.join(" ", hook.command().stream().map(InitContainers::quote).toList()));
    return "( " + String.join(" && ", parts) + " )";
  }

  /**
   * The {@code pre_start} init containers, in file order.
   *
   * @param image the service's image
   * @param mounts the main container's volume mounts, which the steps share
   * @param taken container names already used in the pod (the main container's, the other init
   *     containers'); the new names are added
   */
  static List<Container> preStartContainers(
      ServiceContext ctx, String image, List<VolumeMount> mounts, Set<String> taken) {
    List<ServiceHook> steps = ctx.service().lifecycle().preStart();
    List<Container> containers = new ArrayList<>();
    if (steps.isEmpty()) {
      return containers;
    }
    ctx.warn(
        "pre_start",
        "runs as init containers in every new pod (each replica, each reschedule), not once for"
            + " the service as Compose does: the steps must be safe to run again");
    for (int i = 0; i < steps.size(); i++) {
      containers.add(preStart(ctx, image, mounts, taken, steps.get(i), "pre_start[" + i + "]", i));
    }
    return containers;
  }

  private static Container preStart(
      ServiceContext ctx,
      String serviceImage,
      List<VolumeMount> mounts,
      Set<String> taken,
      ServiceHook step,
      String path,
      int index) {
    ServiceConfig service = ctx.service();
    SecurityProfile profile = ctx.options().securityProfile();
    if (step.privileged() && profile != SecurityProfile.privileged) {
      throw SecurityProfiles.refused(
          ctx, profile, path + ".privileged", "privileged containers are not allowed");
    }
    if (profile == SecurityProfile.restricted && SecurityContexts.isRootUser(step.user())) {
      throw SecurityProfiles.refused(
          ctx,
          profile,
          SecurityProfile.baseline,
          path + ".user",
          "the root user is not allowed (restricted forces runAsNonRoot)");
    }
    // the step as a service of its own: the service's settings with the step's user, privileged,
    // working_dir and environment (the step's entries replace the service's of the same name)
    Map<String, EnvVar> environment = new LinkedHashMap<>();
    service.environment().forEach(v -> environment.put(v.name(), v));
    step.environment().forEach(v -> environment.put(v.name(), v));
    ServiceConfig asService =
        service.toBuilder()
            .security(
                sec ->
                    sec.user(step.user() != null ? step.user() : service.security().user())
                        .privileged(step.privileged()))
            .process(
                proc ->
                    proc.workingDir(
                        step.workingDir() != null
                            ? step.workingDir()
                            : service.process().workingDir()))
            .environment(new ArrayList<>(environment.values()))
            .build();
    Warnings own = new Warnings();
    ServiceContext stepCtx =
        new ServiceContext(
            ctx.model(),
            asService,
            ctx.objectName(),
            ctx.serviceNames(),
            ctx.options(),
            own,
            ctx.requiredSecrets(),
            ctx.podServices(),
            ctx.bindMounts());
    SecurityContexts.UserIds ids = SecurityContexts.userIds(stepCtx);
    SecurityContext security = SecurityContexts.container(stepCtx, ids);
    // what the step's own user caused is reported at the step's user
    String userPath = ctx.path("user");
    for (Warning w : own.toList()) {
      boolean stepUser = step.user() != null && w.path().equals(userPath);
      ctx.warnings().add(stepUser ? ctx.path(path + ".user") : w.path(), w.message());
    }
    String image = step.image() != null ? step.image() : serviceImage;
    String name = Names.unique(PRE_START_PREFIX + index, taken::contains);
    taken.add(name);
    return new ContainerBuilder()
        .withName(name)
        .withImage(image)
        .withImagePullPolicy(
            Objects.equals(image, serviceImage)
                ? Containers.pullPolicy(ctx, image)
                : (Containers.isLatest(image) ? "Always" : "IfNotPresent"))
        .withCommand(Commands.escapeAll(step.command()))
        .withWorkingDir(asService.process().workingDir())
        .withEnv(Environment.envVars(stepCtx))
        .withResources(ResourceLimits.resources(ctx))
        .withSecurityContext(security.equals(new SecurityContext()) ? null : security)
        .withVolumeMounts(mounts)
        .build();
  }
}
