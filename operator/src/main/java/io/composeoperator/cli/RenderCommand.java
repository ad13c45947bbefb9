package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.BindMountsSpec;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.composeoperator.translate.Translation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code render}: prints the objects the operator would apply for a Compose file (or for a
 * ComposeProject) as multi-document YAML on stdout, and the warnings on stderr.
 */
@Command(
    name = "render",
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Print the Kubernetes objects of a Compose project (what the operator applies).",
      "YAML on stdout, warnings on stderr.",
      "A ComposeProject YAML given with -f is rendered from its spec (the options add to it)."
    })
public final class RenderCommand implements Callable<Integer> {
  @Mixin ProjectArguments arguments;

  @Option(
      names = "--wait-image",
      order = 20,
      paramLabel = "REF",
      description = "image of the depends_on wait init containers (the operator's --wait-image)")
  String waitImage;

  private final Console console;

  public RenderCommand(Console console) {
    this.console = console;
  }

  /** Runs {@code render} with the parsed options; returns the exit code. */
  @Override
  public Integer call() {
    return ProjectFlags.run(arguments.flags(waitImage), console, this::render);
  }

  private int render(ProjectFlags flags) throws CliException {
    LocalProject.Input input = LocalProject.read(flags, console);
    Optional<ComposeProject> resource = ProjectResource.parse(input.fileName(), input.text());
    List<Warning> warnings = new ArrayList<>();
    ComposeSource source;
    ProjectOptions options;
    LoadResult loaded = null;
    if (resource.isPresent()) {
      if (!input.overrideOrder().isEmpty()) {
        throw new CliException(
            input.fileName() + ": is a ComposeProject; it cannot be merged with other -f files");
      }
      ComposeProject project = resource.get();
      ComposeProjectSpec spec = withFlags(input.fileName(), project.getSpec(), flags, warnings);
      source = sourceOf(spec);
      String name = flags.name() != null ? flags.name() : project.getMetadata().getName();
      String namespace =
          flags.namespace() != null ? flags.namespace() : project.getMetadata().getNamespace();
      options = SpecOptions.from(name, namespace, spec, flags.waitImage());
    } else {
      LocalProject project = LocalProject.resolve(input, flags, console);
      warnings.addAll(project.warnings());
      for (FileCollector.SecretFile secret : project.collected().secretFiles()) {
        warnings.add(
            new Warning(
                "secrets." + secret.key(),
                SecretAdvice.createSecret(
                    console,
                    project.directory(),
                    secret.secretName(),
                    secret.key(),
                    secret.path(),
                    flags.namespace())));
      }
      for (FileCollector.KeyFile key : project.collected().keyFiles()) {
        if (key.envFile()) {
          // render never prints the values either: each variable is a secretKeyRef
          warnings.add(
              new Warning(
                  key.path(),
                  key.reason()
                      + ", so its values are written into no object; "
                      + SecretAdvice.envFileSecret(
                          console,
                          project.directory(),
                          project.name(),
                          key.path(),
                          flags.namespace())));
        }
      }
      source = project.source();
      options = project.options(flags);
      loaded = project.firstPass();
    }
    Translation translation =
        loaded != null ? Renderer.render(loaded, options) : Renderer.render(source, options);
    warnings.addAll(translation.warnings());
    warnings.addAll(RenderWarnings.of(translation.objects(), flags.waitImage() != null));
    for (Warning warning : warnings) {
      console.err().println(input.fileName() + ": " + warning);
    }
    ObjectOutput.write(translation.objects(), arguments.out, arguments.json, console);
    return Failures.OK;
  }

  /**
   * The source the operator reads from a ComposeProject's spec: {@code spec.compose}, {@code
   * spec.files}, {@code spec.variables} and {@code spec.profiles}.
   */
  static ComposeSource sourceOf(ComposeProjectSpec spec) {
    return SpecOptions.source(
        SpecOptions.composeFileName(spec),
        spec.getCompose(),
        spec,
        Variables.of(spec.getVariables()));
  }

  /** The spec with the command line's additions; what needs a cluster is refused or warned. */
  private static ComposeProjectSpec withFlags(
      String fileName, ComposeProjectSpec spec, ProjectFlags flags, List<Warning> warnings)
      throws CliException {
    if (spec.getCompose() == null) {
      throw new CliException(
          fileName
              + ": spec.composeFrom: the Compose file is in a ConfigMap on the cluster;"
              + " render the Compose file itself");
    }
    if (!spec.getVariablesFrom().isEmpty()) {
      warnings.add(
          new Warning(
              "spec.variablesFrom",
              "ConfigMaps and Secrets are read on the cluster; their variables are unset here"
                  + " (give them with --env)"));
    }
    spec.getVariables().putAll(flags.env());
    spec.getImages().putAll(flags.images());
    LinkedHashSet<String> profiles = new LinkedHashSet<>(spec.getProfiles());
    profiles.addAll(flags.profiles());
    spec.setProfiles(new ArrayList<>(profiles));
    if (flags.exposure() != null) {
      spec.setExposure(flags.exposure());
    }
    if (flags.gpuResource() != null) {
      spec.setGpuResource(flags.gpuResource());
    }
    if (flags.securityProfile() != null) {
      spec.setSecurityProfile(flags.securityProfile());
    }
    if (flags.replicas() != null) {
      spec.setDefaultReplicas(flags.replicas());
    }
    if (flags.volumes() != null) {
      BindMountsSpec bindMounts =
          spec.getBindMounts() == null ? new BindMountsSpec() : spec.getBindMounts();
      bindMounts.setType(flags.volumes());
      spec.setBindMounts(bindMounts);
    }
    return spec;
  }
}
