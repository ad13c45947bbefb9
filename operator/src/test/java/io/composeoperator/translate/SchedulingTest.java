package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.DeployConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  private static ServiceContext context(DeployConfig deploy) {
    return TestModels.context(TestModels.service("web").deploy(deploy).build());
  }

  private static DeployConfig placement(String... constraints) {
    return new DeployConfig(null, List.of(constraints), List.of(), null, null, null);
  }

  private static DeployConfig update(String order, Integer parallelism) {
    return new DeployConfig(null, List.of(), List.of(), null, order, parallelism);
  }

  private static String expression(NodeSelectorRequirement r) {
    return r.getKey() + " " + r.getOperator() + " " + r.getValues();
  }

  @Test
  void constraintsBecomeRequiredNodeAffinity() {
    ServiceContext ctx =
        context(
            placement(
                "node.labels.disk==ssd",
                "node.labels.tier != batch",
                "node.hostname == n1",
                "node.role == manager",
                "node.role != manager",
                "node.platform.os == Linux",
                "node.platform.arch == aarch64"));

    assertThat(Scheduling.nodeRequirements(ctx))
        .extracting(SchedulingTest::expression)
        .containsExactly(
            "disk In [ssd]",
            "tier NotIn [batch]",
            "kubernetes.io/hostname In [n1]",
            "node-role.kubernetes.io/control-plane Exists []",
            "node-role.kubernetes.io/control-plane DoesNotExist []",
            "kubernetes.io/os In [linux]",
            "kubernetes.io/arch In [arm64]");
    assertThat(ctx.warnings().toList()).isEmpty();
  }

  @Test
  void constraintsWithoutANodeLabelAreWarnedAndSkipped() {
    ServiceContext ctx =
        context(
            placement(
                "node.id == abc", "engine.labels.x == y", "nonsense", "node.labels.a == b c"));

    assertThat(Scheduling.nodeRequirements(ctx)).isEmpty();
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactly(
            "services.web.deploy.placement.constraints[0]",
            "services.web.deploy.placement.constraints[1]",
            "services.web.deploy.placement.constraints[2]",
            "services.web.deploy.placement.constraints[3]");
  }

  @Test
  void spreadAndMaxReplicasPerNode() {
    ServiceContext ctx =
        context(
            new DeployConfig(
                null, List.of(), List.of("node.labels.zone", "node.id"), 3, null, null));

    List<TopologySpreadConstraint> spread = Scheduling.spread(ctx);

    assertThat(spread)
        .extracting(c -> c.getTopologyKey() + " " + c.getMaxSkew() + " " + c.getWhenUnsatisfiable())
        .containsExactly("zone 1 ScheduleAnyway", "kubernetes.io/hostname 3 DoNotSchedule");
    assertThat(spread.get(0).getLabelSelector().getMatchLabels())
        .isEqualTo(Labels.selector("test", "web"));
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactlyInAnyOrder(
            "services.web.deploy.placement.preferences[1].spread",
            "services.web.deploy.placement.max_replicas_per_node");
  }

  @Test
  void oneReplicaPerNodeIsPodAntiAffinity() {
    ServiceContext ctx = context(new DeployConfig(null, List.of(), List.of(), 1, null, null));

    var affinity = Scheduling.affinity(ctx, null);

    assertThat(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(
            term -> {
              assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(term.getLabelSelector().getMatchLabels())
                  .isEqualTo(Labels.selector("test", "web"));
            });
    assertThat(Scheduling.spread(ctx)).isEmpty();
    assertThat(Scheduling.affinity(context(DeployConfig.NONE), null)).isNull();
  }

  private static DeploymentStrategy rolling(IntOrString surge, IntOrString unavailable) {
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(surge)
        .withMaxUnavailable(unavailable)
        .endRollingUpdate()
        .build();
  }

  @Test
  void rollingUpdateWritesItsDefaultsSoSwitchingToRecreateDropsThem() {
    assertThat(Scheduling.deploymentStrategy(context(DeployConfig.NONE), false))
        .isEqualTo(rolling(new IntOrString("25%"), new IntOrString("25%")));
    assertThat(Scheduling.deploymentStrategy(context(DeployConfig.NONE), true).getType())
        .isEqualTo("Recreate");
    assertThat(Scheduling.deploymentStrategy(context(DeployConfig.NONE), true).getRollingUpdate())
        .isNull();
  }

  @Test
  void updateConfigOrderAndParallelism() {
    assertThat(Scheduling.deploymentStrategy(context(update("start-first", 2)), false))
        .isEqualTo(rolling(new IntOrString(2), new IntOrString(0)));
    // Swarm's defaults: stop-first, one at a time
    assertThat(Scheduling.deploymentStrategy(context(update(null, null)), false))
        .isEqualTo(rolling(new IntOrString("25%"), new IntOrString("25%")));
    assertThat(Scheduling.deploymentStrategy(context(update("stop-first", null)), false))
        .isEqualTo(rolling(new IntOrString(0), new IntOrString(1)));
    // parallelism 0: every pod at once
    assertThat(Scheduling.deploymentStrategy(context(update(null, 0)), false))
        .isEqualTo(rolling(new IntOrString(0), new IntOrString("100%")));
  }

  @Test
  void aReadWriteOnceClaimKeepsRecreateAndNamesTheOverriddenKey() {
    ServiceContext ctx = context(update("start-first", 2));

    assertThat(Scheduling.deploymentStrategy(ctx, true).getType()).isEqualTo("Recreate");
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path() + ": " + w.message())
        .containsExactly(
            "services.web.deploy.update_config: the pod mounts a ReadWriteOnce claim, which the old"
                + " and the new pod cannot share during a rolling update: the Deployment uses"
                + " Recreate instead");
  }

  @Test
  void globalModeIsADaemonSetThatIgnoresReplicas() {
    ServiceConfig service =
        TestModels.service("agent")
            .replicas(3)
            .deploy(new DeployConfig("global", List.of(), List.of(), null, null, 2))
            .build();
    ServiceContext ctx = TestModels.context(service);

    DaemonSet daemonSet =
        (DaemonSet) Workloads.forService(ctx, false, new TreeSet<>(), Map.of()).workload();

    assertThat(daemonSet.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector("test", "agent"));
    assertThat(daemonSet.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(2));
    assertThat(daemonSet.getSpec().getUpdateStrategy().getRollingUpdate().getMaxSurge())
        .isEqualTo(new IntOrString(0));
    assertThat(ctx.warnings().toList())
        .extracting(w -> w.path())
        .containsExactly("services.agent.deploy.replicas");
  }
}
