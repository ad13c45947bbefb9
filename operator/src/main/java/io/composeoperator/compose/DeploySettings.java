package io.composeoperator.compose;

import io.composeoperator.compose.model.DeployConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code deploy.mode}, {@code deploy.placement} and {@code deploy.update_config} into a
 * {@link DeployConfig}; the sub-keys the model does not carry ({@code update_config.delay}, ...)
 * are recorded as unmodelled, so translate warns about them.
 */
final class DeploySettings {
  private static final Set<String> MODES =
      Set.of(
          DeployConfig.REPLICATED,
          DeployConfig.GLOBAL,
          DeployConfig.REPLICATED_JOB,
          DeployConfig.GLOBAL_JOB);

  private final Fields fields;
  private final List<String> unmodelled;

  DeploySettings(Fields fields, List<String> unmodelled) {
    this.fields = fields;
    this.unmodelled = unmodelled;
  }

  DeployConfig of(Map<String, Object> deploy, String servicePath) {
    String path = servicePath + ".deploy";
    String mode = fields.string(deploy.get("mode"), path + ".mode");
    if (mode != null && !MODES.contains(mode)) {
      throw fields.error(
          path + ".mode",
          Fields.quote(mode)
              + " is not a deploy mode (replicated, global, replicated-job or global-job)");
    }
    Map<String, Object> placement = fields.map(deploy.get("placement"), path + ".placement");
    List<String> constraints =
        fields.strings(placement.get("constraints"), path + ".placement.constraints");
    List<String> spread = new ArrayList<>();
    List<Object> preferences =
        fields.list(placement.get("preferences"), path + ".placement.preferences");
    for (int i = 0; i < preferences.size(); i++) {
      String at = path + ".placement.preferences[" + i + "]";
      Map<String, Object> preference = fields.map(preferences.get(i), at);
      fields.checkKeys(preference, Set.of("spread"), at);
      spread.add(fields.requiredString(preference.get("spread"), at + ".spread"));
    }
    Integer maxPerNode =
        count(placement.get("max_replicas_per_node"), path + ".placement.max_replicas_per_node");
    Map<String, Object> update = fields.map(deploy.get("update_config"), path + ".update_config");
    String order = fields.string(update.get("order"), path + ".update_config.order");
    if (order != null && !order.equals("start-first") && !order.equals("stop-first")) {
      throw fields.error(
          path + ".update_config.order",
          Fields.quote(order) + " is not an update order (start-first or stop-first)");
    }
    Integer parallelism = count(update.get("parallelism"), path + ".update_config.parallelism");
    for (String key : List.of("delay", "failure_action", "max_failure_ratio", "monitor")) {
      if (update.containsKey(key)) {
        unmodelled.add(path + ".update_config." + key);
      }
    }
    return new DeployConfig(mode, constraints, spread, maxPerNode, order, parallelism);
  }

  private Integer count(Object value, String path) {
    Long n = fields.integer(value, path);
    if (n == null) {
      return null;
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw fields.error(path, n + " is not a count");
    }
    return n.intValue();
  }
}
