package io.composeoperator.compose;

import io.composeoperator.compose.model.RestartPolicy;
import java.util.Map;

/**
 * The effective restart policy: {@code deploy.restart_policy} wins over {@code restart}. {@code
 * restart} takes {@code no}, {@code always}, {@code on-failure[:N]}, {@code unless-stopped}; the
 * deploy condition takes {@code none}, {@code on-failure}, {@code any} (its default).
 */
final class Restarts {

  private final Fields fields;

  Restarts(Fields fields) {
    this.fields = fields;
  }

  RestartPolicy of(Object restart, Object restartPolicy, String servicePath) {
    if (restartPolicy != null) {
      String path = servicePath + ".deploy.restart_policy";
      Map<String, Object> map = fields.map(restartPolicy, path);
      fields.checkKeys(map, ComposeKeys.DEPLOY_RESTART_POLICY_KEYS, path);
      String condition = fields.string(map.get("condition"), path + ".condition");
      Long attempts = fields.integer(map.get("max_attempts"), path + ".max_attempts");
      if (attempts != null && attempts < 0) {
        throw fields.error(path + ".max_attempts", attempts + " is not a number of attempts");
      }
      Durations.parse(fields, map.get("delay"), path + ".delay");
      Durations.parse(fields, map.get("window"), path + ".window");
      RestartPolicy.Kind kind;
      switch (condition == null ? "any" : condition) {
        case "any":
          kind = RestartPolicy.Kind.ALWAYS;
          break;
        case "none":
          kind = RestartPolicy.Kind.NO;
          break;
        case "on-failure":
          kind = RestartPolicy.Kind.ON_FAILURE;
          break;
        default:
          throw fields.error(
              path + ".condition",
              Fields.quote(condition) + " is not a restart condition (none, on-failure or any)");
      }
      return new RestartPolicy(
          kind,
          kind == RestartPolicy.Kind.ON_FAILURE && attempts != null ? attempts.intValue() : null,
          path + (condition == null ? "" : ".condition"));
    }
    if (restart == null) {
      return null;
    }
    String path = servicePath + ".restart";
    String value = fields.string(restart, path);
    switch (value) {
      case "no":
        return new RestartPolicy(RestartPolicy.Kind.NO, null, path);
      case "always":
        return new RestartPolicy(RestartPolicy.Kind.ALWAYS, null, path);
      case "unless-stopped":
        return new RestartPolicy(RestartPolicy.Kind.UNLESS_STOPPED, null, path);
      case "on-failure":
        return new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, null, path);
      default:
        if (value.startsWith("on-failure:")) {
          try {
            int n = Integer.parseInt(value.substring("on-failure:".length()));
            if (n >= 0) {
              return new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, n, path);
            }
          } catch (NumberFormatException e) {
            // falls through to the error below
          }
        }
        throw fields.error(
            path,
            Fields.quote(value)
                + " is not a restart policy (no, always, on-failure[:N] or unless-stopped)");
    }
  }
}
