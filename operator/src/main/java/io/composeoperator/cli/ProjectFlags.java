package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import java.util.List;
import java.util.Map;

/**
 * The flags {@code render} and {@code convert} share, parsed: which files, which project, which
 * variables.
 *
 * @param files {@code -f}: paths, {@code -} for stdin; empty for the default lookup
 * @param name {@code --name}, or null
 * @param namespace {@code --namespace}, or null
 * @param profiles {@code --profile}, in order
 * @param env {@code --env K=V}, later entries winning
 * @param envFiles {@code --env-file}, in order (they replace {@code .env}, as in docker compose)
 * @param images {@code --image svc=ref}
 * @param waitImage {@code --wait-image}, or null
 * @param securityProfile {@code --security-profile}, or null
 * @param exposure {@code --exposure}, or null
 * @param gpuResource {@code --gpu-resource}, or null
 * @param volumes {@code --volumes}: what bind mounts become, or null for the default
 * @param verbose {@code --verbose}: stack traces for unexpected errors
 * @param replicas {@code --replicas}: the replicas of services whose file sets none, or null
 */
record ProjectFlags(
    List<String> files,
    String name,
    String namespace,
    List<String> profiles,
    Map<String, String> env,
    List<String> envFiles,
    Map<String, String> images,
    String waitImage,
    SecurityProfile securityProfile,
    Exposure exposure,
    Integer replicas,
    String gpuResource,
    BindMountType volumes,
    boolean verbose) {

  ProjectFlags {
    files = List.copyOf(files);
    profiles = List.copyOf(profiles);
    envFiles = List.copyOf(envFiles);
  }

  /** Flags without {@code --replicas}, {@code --gpu-resource} and {@code --volumes}. */
  ProjectFlags(
      List<String> files,
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
    this(
        files,
        name,
        namespace,
        profiles,
        env,
        envFiles,
        images,
        waitImage,
        securityProfile,
        exposure,
        null,
        null,
        null,
        verbose);
  }

  /** The work of a project command, given its parsed flags. */
  interface Command {
    int run(ProjectFlags flags) throws CliException;
  }

  /** Runs a project command: failures become an exit code and a message ({@link Failures}). */
  static int run(ProjectFlags flags, Console console, Command command) {
    return Failures.guard(console, flags.verbose(), () -> command.run(flags));
  }
}
