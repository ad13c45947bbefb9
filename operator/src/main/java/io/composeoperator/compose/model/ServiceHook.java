package io.composeoperator.compose.model;

import java.util.List;

/**
 * One lifecycle hook of a service ({@code post_start[i]}, {@code pre_stop[i]}, {@code
 * pre_start[i]}), as the Compose specification defines it ({@code 05-services.md}, "post_start",
 * "pre_stop"; Docker's "Use init containers in Compose" for {@code pre_start}).
 *
 * @param command the command as argv (a string is split into words as a shell would, like {@code
 *     command}); never empty
 * @param user {@code user}, or null (the service's user)
 * @param privileged {@code privileged}
 * @param workingDir {@code working_dir}, or null (the service's)
 * @param environment {@code environment}: added to the service's, replacing entries of the same
 *     name; entries that resolve to "unset" are removed
 * @param image {@code image} of a {@code pre_start} step, or null (the service's image); always
 *     null for the other hooks
 */
public record ServiceHook(
    List<String> command,
    String user,
    boolean privileged,
    String workingDir,
    List<EnvVar> environment,
    String image) {

  public ServiceHook {
    command = List.copyOf(command);
    environment = List.copyOf(environment);
  }
}
