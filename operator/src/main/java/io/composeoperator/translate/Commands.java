package io.composeoperator.translate;

import java.util.List;

/**
 * {@code entrypoint} → container {@code command} and {@code command} → container {@code args}
 * (ARCHITECTURE.md, "Commands and environment"), with every literal {@code $(} escaped as {@code
 * $$(} because the kubelet expands {@code $(VAR)} and Compose does not
 * (https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/).
 */
final class Commands {
  private Commands() {}

  /**
   * The container's {@code command} from the service's {@code entrypoint}; null keeps the image's
   * ENTRYPOINT. An explicitly empty entrypoint cannot be expressed (Kubernetes reads an empty list
   * as unset): warned.
   */
  static List<String> command(ServiceContext ctx) {
    List<String> entrypoint = ctx.service().process().entrypoint();
    if (entrypoint == null) {
      return null;
    }
    if (entrypoint.isEmpty()) {
      ctx.warn(
          "entrypoint",
          "an empty entrypoint cannot be expressed on Kubernetes (an empty command means \"unset\");"
              + " the image's ENTRYPOINT is kept");
      return null;
    }
    return escapeAll(entrypoint);
  }

  /**
   * The container's {@code args} from the service's {@code command}; null keeps the image's CMD. An
   * explicitly empty command is warned about, unless an entrypoint is set (which already discards
   * the image's CMD, as Kubernetes does when {@code command} is set).
   */
  static List<String> args(ServiceContext ctx) {
    List<String> command = ctx.service().process().command();
    if (command == null) {
      return null;
    }
    List<String> entrypoint = ctx.service().process().entrypoint();
    if (command.isEmpty()) {
      if (entrypoint == null || entrypoint.isEmpty()) {
        ctx.warn(
            "command",
            "an empty command cannot be expressed on Kubernetes (empty args mean \"unset\");"
                + " the image's CMD is kept");
      }
      return null;
    }
    return escapeAll(command);
  }

  /** Escapes every argument. */
  static List<String> escapeAll(List<String> values) {
    return values.stream().map(Commands::escape).toList();
  }

  /** Escapes a literal {@code $(} as {@code $$(}, so the kubelet leaves it as it is. */
  static String escape(String value) {
    return value == null ? null : value.replace("$(", "$$(");
  }
}
