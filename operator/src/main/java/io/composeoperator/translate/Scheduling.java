package io.composeoperator.translate;

import io.composeoperator.compose.model.DeployConfig;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategyBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's pods run and how they are replaced, from {@code deploy.placement} and {@code
 * deploy.update_config} (Swarm's scheduling, as kompose maps it):
 *
 * <ul>
 *   <li>{@code placement.constraints} → required node affinity, one term whose expressions must all
 *       hold: {@code node.labels.K == V} → {@code K In [V]} ({@code !=} → {@code NotIn}), {@code
 *       node.hostname} → {@code kubernetes.io/hostname}, {@code node.platform.os}/{@code arch} →
 *       {@code kubernetes.io/os}/{@code arch} (Docker's {@code x86_64}/{@code aarch64} as {@code
 *       amd64}/{@code arm64}), {@code node.role == manager} → the {@code
 *       node-role.kubernetes.io/control-plane} label exists ({@code worker}: it does not). {@code
 *       node.id} and {@code engine.labels} have no node label: warned.
 *   <li>{@code placement.preferences: [{spread: node.labels.K}]} → a topology spread constraint
 *       over {@code K} with {@code ScheduleAnyway} (a preference, as in Swarm).
 *   <li>{@code placement.max_replicas_per_node: 1} → required pod anti-affinity on {@code
 *       kubernetes.io/hostname}; {@code N > 1} → a topology spread constraint over hosts with
 *       {@code maxSkew: N} and {@code DoNotSchedule}, which bounds the difference between nodes,
 *       not the count (warned).
 *   <li>{@code update_config.order: stop-first} (Swarm's default) → rolling update with {@code
 *       maxSurge: 0} and {@code maxUnavailable: parallelism}; {@code start-first} → {@code
 *       maxSurge: parallelism}, {@code maxUnavailable: 0}; parallelism defaults to 1, and 0 (all at
 *       once) is {@code 100%}. A pod on a ReadWriteOnce claim keeps {@code Recreate} (warned).
 * </ul>
 */
final class Scheduling {
  static final String HOSTNAME = "kubernetes.io/hostname";
  static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

  private static final Pattern CONSTRAINT = Pattern.compile("\\s*(\\S+?)\\s*(==|!=)\\s*(.+?)\\s*");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Map<String, String> ARCHITECTURES =
      Map.of("x86_64", "amd64", "aarch64", "arm64", "armv7l", "arm", "i386", "386");

  private Scheduling() {}

  /**
   * The pod's affinity: the node affinity of the constraints and the anti-affinity of {@code
   * max_replicas_per_node: 1}, added to {@code podAffinity} (the single-node claim rule); null when
   * there is none.
   */
  static Affinity affinity(ServiceContext ctx, Affinity podAffinity) {
    AffinityBuilder affinity =
        podAffinity == null ? new AffinityBuilder() : new AffinityBuilder(podAffinity);
    boolean any = podAffinity != null;
    List<NodeSelectorRequirement> required = nodeRequirements(ctx);
    if (!required.isEmpty()) {
      affinity
          .withNewNodeAffinity()
          .withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm()
          .withMatchExpressions(required)
          .endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution()
          .endNodeAffinity();
      any = true;
    }
    DeployConfig deploy = ctx.service().deploy();
    if (Integer.valueOf(1).equals(deploy.maxReplicasPerNode()) && !deploy.global()) {
      affinity
          .withNewPodAntiAffinity()
          .addNewRequiredDuringSchedulingIgnoredDuringExecution()
          .withNewLabelSelector()
          .withMatchLabels(Labels.selector(ctx.project(), ctx.podService(ctx.service().name())))
          .endLabelSelector()
          .withTopologyKey(HOSTNAME)
          .endRequiredDuringSchedulingIgnoredDuringExecution()
          .endPodAntiAffinity();
      any = true;
    }
    return any ? affinity.build() : null;
  }

  /** The node requirements of {@code placement.constraints}; what cannot be mapped is warned. */
  static List<NodeSelectorRequirement> nodeRequirements(ServiceContext ctx) {
    List<NodeSelectorRequirement> requirements = new ArrayList<>();
    List<String> constraints = ctx.service().deploy().constraints();
    for (int i = 0; i < constraints.size(); i++) {
      String constraint = constraints.get(i);
      String key = "deploy.placement.constraints[" + i + "]";
      Matcher m = CONSTRAINT.matcher(constraint);
      if (!m.matches()) {
        ctx.warn(
            key,
            "\""
                + constraint
                + "\" is not a constraint (<attribute> == <value> or != <value>);"
                + " ignored");
        continue;
      }
      String attribute = m.group(1);
      boolean equal = m.group(2).equals("==");
      String value = m.group(3);
      NodeSelectorRequirement requirement = requirement(attribute, equal, value);
      if (requirement == null) {
        ctx.warn(
            key,
            "\""
                + constraint
                + "\" has no Kubernetes node label to select on (node.labels.<label>,"
                + " node.hostname, node.role and node.platform.os/arch are mapped); ignored");
        continue;
      }
      boolean validKey = Workloads.isQualifiedName(requirement.getKey());
      boolean validValues =
          requirement.getValues().stream()
              .allMatch(v -> v.length() <= 63 && LABEL_VALUE.matcher(v).matches());
      if (!validKey || !validValues) {
        ctx.warn(
            key, "\"" + constraint + "\" names a label or value Kubernetes cannot hold; ignored");
        continue;
      }
      requirements.add(requirement);
    }
    return requirements;
  }

  private static NodeSelectorRequirement requirement(
      String attribute, boolean equal, String value) {
    String in = equal ? "In" : "NotIn";
    if (attribute.startsWith("node.labels.") && attribute.length() > "node.labels.".length()) {
      return expression(attribute.substring("node.labels.".length()), in, value);
    }
    switch (attribute) {
      case "node.hostname":
        return expression(HOSTNAME, in, value);
      case "node.platform.os":
        return expression("kubernetes.io/os", in, value.toLowerCase(Locale.ROOT));
      case "node.platform.arch":
        String arch = value.toLowerCase(Locale.ROOT);
        return expression("kubernetes.io/arch", in, ARCHITECTURES.getOrDefault(arch, arch));
      case "node.role":
        boolean manager = value.equals("manager");
        if (!manager && !value.equals("worker")) {
          return null;
        }
        return new NodeSelectorRequirementBuilder()
            .withKey(CONTROL_PLANE)
            .withOperator(manager == equal ? "Exists" : "DoesNotExist")
            .build();
      default:
        return null;
    }
  }

  private static NodeSelectorRequirement expression(String key, String operator, String value) {
    return new NodeSelectorRequirementBuilder()
        .withKey(key)
        .withOperator(operator)
        .withValues(value)
        .build();
  }

  /**
   * Topology spread constraints of {@code placement.preferences} and of {@code
   * max_replicas_per_node} above 1; none for a DaemonSet, whose pods are one per node anyway.
   */
  static List<TopologySpreadConstraint> spread(ServiceContext ctx) {
    DeployConfig deploy = ctx.service().deploy();
    List<TopologySpreadConstraint> constraints = new ArrayList<>();
    if (deploy.global()) {
      if (!deploy.spreadPreferences().isEmpty()) {
        ctx.warn(
            "deploy.placement.preferences",
            "a global service runs one pod per node; spread preferences do not apply");
      }
      if (deploy.maxReplicasPerNode() != null) {
        ctx.warn(
            "deploy.placement.max_replicas_per_node",
            "a global service runs one pod per node; max_replicas_per_node does not apply");
      }
      return constraints;
    }
    List<String> preferences = deploy.spreadPreferences();
    for (int i = 0; i < preferences.size(); i++) {
      String spread = preferences.get(i);
      String key =
          spread.startsWith("node.labels.")
              ? spread.substring("node.labels.".length())
              : spread.equals("node.hostname") ? HOSTNAME : null;
      if (key == null || key.isEmpty() || !Workloads.isQualifiedName(key)) {
        ctx.warn(
            "deploy.placement.preferences[" + i + "].spread",
            "\"" + spread + "\" is not a node label to spread over (node.labels.<label>); ignored");
        continue;
      }
      constraints.add(constraint(ctx, key, 1, "ScheduleAnyway"));
    }
    Integer max = deploy.maxReplicasPerNode();
    if (max != null && max > 1) {
      ctx.warn(
          "deploy.placement.max_replicas_per_node",
          "Kubernetes cannot cap the pods per node at "
              + max
              + "; the pods are spread over nodes with at most "
              + max
              + " more on one node than on another");
      constraints.add(constraint(ctx, HOSTNAME, max, "DoNotSchedule"));
    }
    return constraints;
  }

  private static TopologySpreadConstraint constraint(
      ServiceContext ctx, String topologyKey, int maxSkew, String whenUnsatisfiable) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(maxSkew)
        .withTopologyKey(topologyKey)
        .withWhenUnsatisfiable(whenUnsatisfiable)
        .withLabelSelector(
            new LabelSelectorBuilder()
                .withMatchLabels(
                    Labels.selector(ctx.project(), ctx.podService(ctx.service().name())))
                .build())
        .build();
  }

  /**
   * The Deployment's strategy: {@code Recreate} on a ReadWriteOnce claim (a rolling update would
   * wait forever for the old pod's claim; {@code update_config} is then overridden, warned);
   * otherwise a rolling update from {@code update_config}, or Kubernetes' default surge and
   * unavailability written out (so that this field manager owns them and server-side apply removes
   * them when the service later switches to {@code Recreate}, which the API server refuses while
   * rollingUpdate is set).
   */
  static DeploymentStrategy deploymentStrategy(ServiceContext ctx, boolean singleNodeClaim) {
    DeployConfig deploy = ctx.service().deploy();
    boolean configured = deploy.updateOrder() != null || deploy.updateParallelism() != null;
    if (singleNodeClaim) {
      if (configured) {
        ctx.warn(
            "deploy.update_config",
            "the pod mounts a ReadWriteOnce claim, which the old and the new pod cannot share"
                + " during a rolling update: the Deployment uses Recreate instead");
      }
      return new DeploymentStrategyBuilder().withType("Recreate").build();
    }
    if (!configured) {
      return rolling(new IntOrString("25%"), new IntOrString("25%"));
    }
    IntOrString step = step(deploy.updateParallelism());
    return "start-first".equals(deploy.updateOrder())
        ? rolling(step, new IntOrString(0))
        : rolling(new IntOrString(0), step);
  }

  /**
   * A DaemonSet's update strategy: from {@code update_config} as for a Deployment, else Kubernetes'
   * default (one node at a time) written out.
   */
  static DaemonSetUpdateStrategy daemonSetStrategy(ServiceContext ctx) {
    DeployConfig deploy = ctx.service().deploy();
    IntOrString step = step(deploy.updateParallelism());
    boolean startFirst = "start-first".equals(deploy.updateOrder());
    return new DaemonSetUpdateStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(startFirst ? step : new IntOrString(0))
        .withMaxUnavailable(startFirst ? new IntOrString(0) : step)
        .endRollingUpdate()
        .build();
  }

  /** {@code parallelism}: 1 by default (Swarm's), 0 = every pod at once. */
  private static IntOrString step(Integer parallelism) {
    if (parallelism == null) {
      return new IntOrString(1);
    }
    return parallelism == 0 ? new IntOrString("100%") : new IntOrString(parallelism);
  }

  private static DeploymentStrategy rolling(IntOrString maxSurge, IntOrString maxUnavailable) {
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(maxSurge)
        .withMaxUnavailable(maxUnavailable)
        .endRollingUpdate()
        .build();
  }
}
