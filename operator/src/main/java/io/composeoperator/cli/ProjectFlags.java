package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags {@code render} and {@code convert} share: which file, which project, which variables.
 *
 * @param file {@code -f}: a path, {@code -} for stdin, or null for the default lookup
 * @param name {@code --name}, or null
 * @param namespace {@code --namespace}, or null
 * @param profiles {@code --profile}, in order
 * @param env {@code --env K=V}, later entries winning
 * @param envFiles {@code --env-file}, in order (they replace {@code .env}, as in docker compose)
 * @param images {@code --image svc=ref}
 * @param waitImage {@code --wait-image}, or null
 * @param securityProfile {@code --security-profile}, or null
 * @param exposure {@code --exposure}, or null
 * @param verbose {@code --verbose}: stack traces for unexpected errors
 */
record ProjectFlags(
    String file,
    String name,
    String namespace,
    List<String> profiles,
    Map<String, String> env,
    List<String> envFiles,
    Map<String, String> images,
    String waitImage,
    SecurityProfile securityProfile,
    Exposure exposure,
    boolean verbose) {

  static final Set<String> VALUE_FLAGS =
      Set.of(
          "--file",
          "--name",
          "--namespace",
          "--profile",
          "--env",
          "--env-file",
          "--image",
          "--wait-image",
          "--security-profile",
          "--exposure");
  static final Set<String> SWITCHES = Set.of("--verbose", "--help");
  static final Map<String, String> ALIASES =
      Map.of(
          "-f", "--file", "-n", "--namespace", "-p", "--name", "-v", "--verbose", "-h", "--help");

  /**
   * Reads the flags.
   *
   * @throws UsageException on a malformed value
   */
  static ProjectFlags from(Arguments args) throws UsageException {
    return new ProjectFlags(
        args.single("--file"),
        args.single("--name"),
        args.single("--namespace"),
        args.all("--profile"),
        args.pairs("--env"),
        args.all("--env-file"),
        args.pairs("--image"),
        args.single("--wait-image"),
        enumValue(SecurityProfile.class, "--security-profile", args.single("--security-profile")),
        enumValue(Exposure.class, "--exposure", args.single("--exposure")),
        args.has("--verbose"));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String flag, String value)
      throws UsageException {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
    }
    throw new UsageException(flag + " must be one of " + allowed + ", got \"" + value + "\"");
  }

  /** The work of a project command, given its parsed flags. */
  interface Command {
    int run(ProjectFlags flags) throws CliException;
  }

  /**
   * Parses a project command's arguments and runs it: {@code --help} prints the usage (exit 0), a
   * wrong command line prints the problem and the usage on stderr (exit 2), and failures of the
   * work become an exit code and a message ({@link Failures#guard}).
   *
   * @param takesWaitImage false for a command that writes a ComposeProject: the wait image is the
   *     operator's setting, not the project's
   */
  static int run(
      String name,
      String usage,
      String[] args,
      Console console,
      boolean takesWaitImage,
      Command command) {
    ProjectFlags flags;
    try {
      Arguments parsed = Arguments.parse(args, VALUE_FLAGS, SWITCHES, ALIASES);
      if (parsed.has("--help")) {
        console.out().print(usage);
        return Failures.OK;
      }
      flags = from(parsed);
      if (!takesWaitImage && flags.waitImage() != null) {
        throw new UsageException("--wait-image is the operator's setting, not the project's");
      }
    } catch (UsageException e) {
      console.err().println(name + ": " + e.getMessage());
      console.err().print(usage);
      return Failures.USAGE;
    }
    ProjectFlags parsedFlags = flags;
    return Failures.guard(console, flags.verbose(), () -> command.run(parsedFlags));
  }
}
