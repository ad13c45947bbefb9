package io.composeoperator.compose;

import io.composeoperator.compose.model.HealthCheckConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code healthcheck}: a string test is {@code CMD-SHELL}; a list starts with {@code
 * CMD}, {@code CMD-SHELL} or {@code NONE}; {@code NONE} and {@code disable: true} disable it.
 * Missing durations and retries take the Dockerfile HEALTHCHECK defaults (spec "healthcheck").
 * Without {@code test}, the image's own HEALTHCHECK is meant ({@link
 * HealthCheckConfig.Kind#IMAGE}).
 */
final class Healthchecks {

  /** The result: the healthcheck (or null) and whether it is disabled. */
  record Result(HealthCheckConfig healthcheck, boolean disabled) {}

  private final Fields fields;

  Healthchecks(Fields fields) {
    this.fields = fields;
  }

  Result of(Object value, String path) {
    if (value == null) {
      return new Result(null, false);
    }
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, ComposeKeys.HEALTHCHECK_KEYS, path);
    if (fields.bool(map.get("disable"), path + ".disable")) {
      return new Result(null, true);
    }
    Object test = map.get("test");
    String testPath = path + ".test";
    HealthCheckConfig.Kind kind;
    List<String> command;
    if (test == null) {
      // only timings: the image's HEALTHCHECK runs with them (compose-go keeps Test empty)
      kind = HealthCheckConfig.Kind.IMAGE;
      command = List.of();
    } else if (test instanceof List) {
      List<String> items = fields.strings(test, testPath);
      if (items.isEmpty()) {
        throw fields.error(testPath, "must not be empty");
      }
      switch (items.get(0)) {
        case "NONE":
          return new Result(null, true);
        case "CMD":
          if (items.size() < 2) {
            throw fields.error(testPath, "CMD needs a command");
          }
          kind = HealthCheckConfig.Kind.CMD;
          command = items.subList(1, items.size());
          break;
        case "CMD-SHELL":
          if (items.size() != 2) {
            throw fields.error(testPath, "CMD-SHELL takes exactly one string, the shell command");
          }
          kind = HealthCheckConfig.Kind.SHELL;
          command = items.subList(1, 2);
          break;
        default:
          throw fields.error(
              testPath,
              "the first element must be CMD, CMD-SHELL or NONE, not "
                  + Fields.quote(items.get(0)));
      }
    } else {
      String shell = fields.string(test, testPath);
      if (shell.isBlank()) {
        throw fields.error(testPath, "must not be empty");
      }
      if (shell.equals("NONE")) {
        return new Result(null, true);
      }
      kind = HealthCheckConfig.Kind.SHELL;
      command = List.of(shell);
    }
    Long retries = fields.integer(map.get("retries"), path + ".retries");
    if (retries != null && (retries < 0 || retries > Integer.MAX_VALUE)) {
      throw fields.error(path + ".retries", retries + " is not a number of retries");
    }
    return new Result(
        new HealthCheckConfig(
            kind,
            command,
            duration(map, "interval", HealthCheckConfig.DEFAULT_INTERVAL, path),
            duration(map, "timeout", HealthCheckConfig.DEFAULT_TIMEOUT, path),
            duration(map, "start_period", HealthCheckConfig.DEFAULT_START_PERIOD, path),
            duration(map, "start_interval", HealthCheckConfig.DEFAULT_START_INTERVAL, path),
            retries == null ? HealthCheckConfig.DEFAULT_RETRIES : retries.intValue()),
        false);
  }

  private Duration duration(Map<String, Object> map, String key, Duration fallback, String path) {
    Duration d = Durations.parse(fields, map.get(key), path + "." + key);
    return d == null ? fallback : d;
  }
}
