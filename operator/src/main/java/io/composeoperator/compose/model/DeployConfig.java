package io.composeoperator.compose.model;

import java.util.List;

/**
 * How a service is scheduled and updated: {@code deploy.mode}, {@code deploy.placement} and {@code
 * deploy.update_config} (compose-go's {@code DeployConfig}, {@code Placement} and {@code
 * UpdateConfig}).
 *
 * @param mode {@code deploy.mode}: {@code replicated} (the default), {@code global}, {@code
 *     replicated-job} or {@code global-job}
 * @param constraints {@code deploy.placement.constraints} as written ({@code node.labels.x == y})
 * @param spreadPreferences the {@code spread} of each {@code deploy.placement.preferences} entry
 *     ({@code node.labels.zone})
 * @param maxReplicasPerNode {@code deploy.placement.max_replicas_per_node}, or null
 * @param updateOrder {@code deploy.update_config.order}: {@code stop-first} or {@code start-first},
 *     or null
 * @param updateParallelism {@code deploy.update_config.parallelism}, or null (0 means all at once)
 */
public record DeployConfig(
    String mode,
    List<String> constraints,
    List<String> spreadPreferences,
    Integer maxReplicasPerNode,
    String updateOrder,
    Integer updateParallelism) {

  public static final String REPLICATED = "replicated";
  public static final String GLOBAL = "global";
  public static final String REPLICATED_JOB = "replicated-job";
  public static final String GLOBAL_JOB = "global-job";

  /** Nothing set: replicated, placed and updated by the cluster's defaults. */
  public static final DeployConfig NONE =
      new DeployConfig(REPLICATED, List.of(), List.of(), null, null, null);

  public DeployConfig {
    mode = mode == null ? REPLICATED : mode;
    constraints = List.copyOf(constraints);
    spreadPreferences = List.copyOf(spreadPreferences);
  }

  /** True for {@code global} and {@code global-job}: one task per node. */
  public boolean global() {
    return mode.equals(GLOBAL) || mode.equals(GLOBAL_JOB);
  }

  /** True for {@code replicated-job} and {@code global-job}: tasks run to completion. */
  public boolean job() {
    return mode.equals(REPLICATED_JOB) || mode.equals(GLOBAL_JOB);
  }
}
