package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.translate.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code render} and {@code convert} share (a picocli mixin): which files, which
 * project, which variables. {@link #flags} turns them into a {@link ProjectFlags}.
 */
final class ProjectArguments {
  /** An extended resource name, as the CRD's pattern of {@code spec.gpuResource} says. */
  private static final java.util.regex.Pattern GPU_RESOURCE =
      java.util.regex.Pattern.compile(
          "[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      order = 1,
      paramLabel = "FILE",
      description = {
        "the Compose file (repeatable: later files are merged over earlier ones, as docker"
            + " compose does); - reads stdin (first file only). Default: the first of"
            + " compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml in the working"
            + " directory, with compose.override.yml/.yaml (or docker-compose.override.yml/.yaml)"
            + " beside it merged over it"
      })
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-p", "--name"},
      order = 2,
      paramLabel = "NAME",
      description = "project name (default: the file's name:, else the directory's name)")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      order = 3,
      paramLabel = "NS",
      description = "namespace of every object")
  String namespace;

  @Option(
      names = "--profile",
      order = 4,
      paramLabel = "PROFILE",
      description = "activate a profile (repeatable)")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--env",
      order = 5,
      paramLabel = "KEY=VALUE",
      description = "a variable for interpolation (repeatable; wins over the shell and env files)")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--env-file",
      order = 6,
      paramLabel = "FILE",
      description = "read variables from FILE instead of .env (repeatable)")
  List<String> envFiles = new ArrayList<>();

  @Option(
      names = "--image",
      order = 7,
      paramLabel = "SVC=REF",
      description = "the image of service SVC, e.g. for one that only has build: (repeatable)")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--security-profile",
      order = 8,
      paramLabel = "PROFILE",
      description = "restricted | baseline (default) | privileged")
  SecurityProfile securityProfile;

  @Option(
      names = "--exposure",
      order = 9,
      paramLabel = "TYPE",
      description =
          "Service type of published ports: ClusterIP (default) | NodePort | LoadBalancer")
  Exposure exposure;

  @Option(
      names = "--replicas",
      order = 10,
      paramLabel = "N",
      description =
          "replicas of every long-running service whose file sets none (deploy.replicas,"
              + " scale); convert records it as spec.defaultReplicas")
  Integer replicas;

  @Option(
      names = "--gpu-resource",
      order = 11,
      paramLabel = "RESOURCE",
      description =
          "the extended resource GPU requests become (spec.gpuResource; default nvidia.com/gpu)")
  String gpuResource;

  @Option(
      names = "--volumes",
      order = 12,
      paramLabel = "TYPE",
      description =
          "what bind mounts become, as kompose's --volumes: persistentVolumeClaim (default: data"
              + " directories become claims, given files fill a claim or a read-only ConfigMap) |"
              + " emptyDir | hostPath (privileged; the node's directories) | configMap (given"
              + " files read-only)")
  BindMountType volumes;

  @Option(
      names = {"-o", "--out"},
      order = 13,
      paramLabel = "PATH",
      description =
          "write to this file instead of stdout; a PATH ending in / (or an existing directory)"
              + " gets one file per object, named <kind>-<name>.yaml")
  String out;

  @Option(
      names = {"-j", "--json"},
      order = 14,
      description = "JSON instead of YAML (a v1 List, or one object per file with -o DIR/)")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      order = 15,
      description = "stack traces for unexpected errors")
  boolean verbose;

  @Option(
      names = {"-h", "--help"},
      order = 16,
      usageHelp = true,
      description = "this help")
  boolean help;

  /**
   * The parsed flags.
   *
   * @param waitImage the command's {@code --wait-image}, or null
   * @throws ParameterException when a {@code KEY=VALUE} value has no {@code =}
   */
  ProjectFlags flags(String waitImage) {
    if (name != null && !Names.isDns1123Label(name)) {
      String suggestion = Names.sanitize(name);
      throw new ParameterException(
          spec.commandLine(),
          "--name (-p): \""
              + name
              + "\" is not a valid project name: it must be a DNS-1123 label (lower-case letters,"
              + " digits and -, at most 63 characters), because it is a label value on every"
              + " object"
              + (suggestion.isEmpty() ? "" : "; for example \"" + suggestion + "\""));
    }
    if (replicas != null && replicas < 0) {
      throw new ParameterException(
          spec.commandLine(), "--replicas: " + replicas + " is not a replica count (0 or more)");
    }
    return new ProjectFlags(
        List.copyOf(files),
        name,
        namespace,
        List.copyOf(profiles),
        pairs("--env", "KEY=VALUE", env),
        List.copyOf(envFiles),
        pairs("--image", "SVC=REF", images),
        waitImage,
        securityProfile,
        exposure,
        replicas,
        gpuResource(),
        volumes,
        verbose);
  }

  private String gpuResource() {
    if (gpuResource != null && !GPU_RESOURCE.matcher(gpuResource).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--gpu-resource expects an extended resource name <domain>/<name> (nvidia.com/gpu,"
              + " amd.com/gpu), got \""
              + gpuResource
              + "\"");
    }
    return gpuResource;
  }

  private Map<String, String> pairs(String option, String form, List<String> values) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(
            spec.commandLine(), option + " expects " + form + ", got \"" + value + "\"");
      }
      pairs.put(value.substring(0, eq), value.substring(eq + 1));
    }
    return pairs;
  }
}
