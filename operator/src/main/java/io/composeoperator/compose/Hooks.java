package io.composeoperator.compose;

import io.composeoperator.compose.model.LifecycleConfig;
import io.composeoperator.compose.model.ServiceHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's lifecycle hooks: {@code pre_start}, {@code post_start} and {@code pre_stop}, each a
 * list of hooks with a required {@code command} (string or list, split like {@code command}) and
 * optional {@code user}, {@code privileged}, {@code working_dir}, {@code environment}; a {@code
 * pre_start} step may also name the {@code image} it runs (spec {@code 05-services.md},
 * "post_start"; Docker's "Use init containers in Compose").
 */
final class Hooks {
  /** The service keys {@link #of} reads. */
  static final List<String> KEYS = List.of("pre_start", "post_start", "pre_stop");

  private final Fields fields;
  private final Environment environment;

  Hooks(Fields fields, Environment environment) {
    this.fields = fields;
    this.environment = environment;
  }

  /** The hooks of the service at {@code path}. */
  LifecycleConfig of(Map<String, Object> service, String path) {
    return new LifecycleConfig(
        list(service.get("pre_start"), path + ".pre_start", ComposeKeys.PRE_START_KEYS),
        list(service.get("post_start"), path + ".post_start", ComposeKeys.HOOK_KEYS),
        list(service.get("pre_stop"), path + ".pre_stop", ComposeKeys.HOOK_KEYS));
  }

  private List<ServiceHook> list(Object value, String path, Set<String> keys) {
    List<ServiceHook> hooks = new ArrayList<>();
    List<Object> items = fields.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      hooks.add(hook(items.get(i), path + "[" + i + "]", keys));
    }
    return hooks;
  }

  private ServiceHook hook(Object value, String path, Set<String> keys) {
    Map<String, Object> map = fields.map(value, path);
    fields.checkKeys(map, keys, path);
    Object command = map.get("command");
    String commandPath = path + ".command";
    if (command == null) {
      throw fields.error(commandPath, "must be set: a hook runs a command");
    }
    List<String> argv =
        command instanceof List
            ? fields.strings(command, commandPath)
            : CommandSplitter.split(fields, fields.string(command, commandPath), commandPath);
    if (argv.isEmpty()) {
      throw fields.error(commandPath, "must not be empty");
    }
    String image = fields.string(map.get("image"), path + ".image");
    if (image != null) {
      ImageReferences.check(fields, image, path + ".image");
    }
    return new ServiceHook(
        argv,
        fields.string(map.get("user"), path + ".user"),
        fields.bool(map.get("privileged"), path + ".privileged"),
        fields.string(map.get("working_dir"), path + ".working_dir"),
        environment.of(null, map.get("environment"), path),
        image);
  }
}
