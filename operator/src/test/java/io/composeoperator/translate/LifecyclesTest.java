package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.LifecycleConfig;
import io.composeoperator.compose.model.ServiceHook;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecyclesTest {

  private static ServiceHook hook(String... command) {
    return new ServiceHook(List.of(command), null, false, null, List.of(), null);
  }

  private static ServiceContext context(LifecycleConfig lifecycle) {
    return TestModels.context(
        TestModels.service("app").security(sec -> sec.user("1001")).lifecycle(lifecycle).build());
  }

  private static List<String> warnings(ServiceContext ctx) {
    return ctx.warnings().toList().stream().map(Object::toString).toList();
  }

  @Test
  void noHooksNoLifecycle() {
    assertThat(Lifecycles.lifecycle(context(LifecycleConfig.NONE))).isNull();
  }

  @Test
  void singlePlainHookRunsItsCommandAsItIsWithoutEscaping() {
    ServiceContext ctx =
        context(
            new LifecycleConfig(
                List.of(), List.of(hook("/opt/register.sh", "$(hostname)")), List.of()));

    Lifecycle lifecycle = Lifecycles.lifecycle(ctx);

    assertThat(lifecycle.getPostStart().getExec().getCommand())
        .containsExactly("/opt/register.sh", "$(hostname)");
    assertThat(lifecycle.getPreStop()).isNull();
    assertThat(warnings(ctx)).isEmpty();
  }

  @Test
  void severalHooksOrWorkingDirOrEnvironmentRunAsOneShellScriptInOrder() {
    ServiceHook flush =
        new ServiceHook(
            List.of("./flush.sh", "it's"),
            null,
            false,
            "/app",
            List.of(EnvVar.of("FLUSH", "1 2")),
            null);
    ServiceContext ctx =
        context(new LifecycleConfig(List.of(), List.of(), List.of(flush, hook("echo", "bye"))));

    Lifecycle lifecycle = Lifecycles.lifecycle(ctx);

    assertThat(lifecycle.getPreStop().getExec().getCommand())
        .containsExactly(
            "/bin/sh",
            "-c",
            "set -e\n"
                + "( cd '/app' && export 'FLUSH=1 2' && exec './flush.sh' 'it'\\''s' )\n"
                + "( exec 'echo' 'bye' )");
    assertThat(warnings(ctx))
        .containsExactly(
            "services.app.pre_stop: runs as one /bin/sh -c script (Kubernetes takes one command"
                + " per hook, without its own working directory or environment): the image needs"
                + " /bin/sh");
  }

  @Test
  void aHookUserOrPrivilegeThatDiffersFromTheServiceIsWarnedAtItsPath() {
    ServiceHook asRoot =
        new ServiceHook(List.of("chown", "x"), "root", true, null, List.of(), null);
    ServiceContext ctx = context(new LifecycleConfig(List.of(), List.of(asRoot), List.of()));

    Lifecycles.lifecycle(ctx);

    assertThat(warnings(ctx))
        .containsExactly(
            "services.app.post_start[0].privileged: `privileged` cannot be kept: an exec hook runs"
                + " with the container's privileges; run the command as a pre_start step instead",
            "services.app.post_start[0].user: `user` cannot be kept: Kubernetes runs an exec hook"
                + " as the container's user (1001); run the command as a pre_start step (an init"
                + " container with its own user) instead");
  }

  @Test
  void preStartStepsAreInitContainersInOrderWithTheStepsUserImageAndEnvironment() {
    ServiceHook chown =
        new ServiceHook(List.of("chown", "-R", "1001", "/data"), "0", false, null, List.of(), null);
    ServiceHook migrate =
        new ServiceHook(
            List.of("migrate", "$(x)"),
            null,
            false,
            "/work",
            List.of(EnvVar.of("MODE", "init")),
            "example/migrate:2");
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("app")
                .security(sec -> sec.user("1001:1001"))
                .environment(List.of(EnvVar.of("MODE", "prod"), EnvVar.of("DB", "db")))
                .lifecycle(new LifecycleConfig(List.of(chown, migrate), List.of(), List.of()))
                .build());
    var mount = new VolumeMountBuilder().withName("vol-data").withMountPath("/data").build();
    Set<String> taken = new HashSet<>(Set.of("app", "pre-start-0"));

    List<Container> steps = Lifecycles.preStartContainers(ctx, "nginx:1.27", List.of(mount), taken);

    assertThat(steps)
        .extracting(Container::getName)
        .containsExactly("pre-start-0-2", "pre-start-1");
    Container first = steps.get(0);
    assertThat(first.getImage()).isEqualTo("nginx:1.27");
    assertThat(first.getCommand()).containsExactly("chown", "-R", "1001", "/data");
    assertThat(first.getSecurityContext().getRunAsUser()).isEqualTo(0L);
    assertThat(first.getVolumeMounts()).containsExactly(mount);
    Container second = steps.get(1);
    assertThat(second.getImage()).isEqualTo("example/migrate:2");
    assertThat(second.getCommand()).containsExactly("migrate", "$$(x)");
    assertThat(second.getWorkingDir()).isEqualTo("/work");
    assertThat(second.getSecurityContext().getRunAsUser()).isEqualTo(1001L);
    assertThat(second.getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("MODE=init", "DB=db");
    assertThat(warnings(ctx))
        .containsExactly(
            "services.app.pre_start: runs as init containers in every new pod (each replica, each"
                + " reschedule), not once for the service as Compose does: the steps must be safe"
                + " to run again");
  }

  @Test
  void aPrivilegedPreStartStepIsRefusedUnderBaselineNamingTheStep() {
    ServiceHook step =
        new ServiceHook(List.of("sysctl", "-w", "x=1"), null, true, null, List.of(), null);
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("app")
                .lifecycle(new LifecycleConfig(List.of(step), List.of(), List.of()))
                .build());

    assertThatThrownBy(
            () -> Lifecycles.preStartContainers(ctx, "nginx:1.27", List.of(), new HashSet<>()))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining(
            "services.app.pre_start[0].privileged: refused by security profile baseline")
        .hasMessageContaining("--security-profile");
  }

  @Test
  void aPrivilegedPreStartStepIsPrivilegedUnderThePrivilegedProfile() {
    ServiceHook step =
        new ServiceHook(List.of("sysctl", "-w", "x=1"), null, true, null, List.of(), null);
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("app")
                .lifecycle(new LifecycleConfig(List.of(step), List.of(), List.of()))
                .build(),
            TestModels.withProfile(SecurityProfile.privileged));

    List<Container> steps =
        Lifecycles.preStartContainers(ctx, "nginx:1.27", List.of(), new HashSet<>());

    assertThat(steps.get(0).getSecurityContext().getPrivileged()).isTrue();
  }

  @Test
  void aRootPreStartStepIsRefusedUnderRestricted() {
    ServiceHook step = new ServiceHook(List.of("chown", "x"), "root", false, null, List.of(), null);
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("app")
                .security(sec -> sec.user("1001"))
                .lifecycle(new LifecycleConfig(List.of(step), List.of(), List.of()))
                .build(),
            TestModels.withProfile(SecurityProfile.restricted));

    assertThatThrownBy(
            () -> Lifecycles.preStartContainers(ctx, "nginx:1.27", List.of(), new HashSet<>()))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining(
            "services.app.pre_start[0].user: refused by security profile restricted");
  }
}
