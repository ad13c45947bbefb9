package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.BindMountsSpec;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.api.v1alpha1.VariablesSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.SecretVariable;
import io.composeoperator.translate.KeyMaterial;
import io.composeoperator.translate.Names;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.composeoperator.translate.Translation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convert}: prints a ComposeProject that carries a local Compose project — the file
 * verbatim, its env files, config files and bind-mounted files in {@code spec.files}, its variables
 * and profiles — and, on stderr, the {@code kubectl create secret} commands for its file secrets,
 * its secrets read from a variable (whose values are left out of {@code spec.variables}) and its
 * mounted files with key material (listed in {@code spec.secretFiles}, never in {@code
 * spec.files}).
 */
@Command(
    name = "convert",
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Print a ComposeProject for a local Compose project.",
      "The file verbatim, and in spec.files the env files, config files and bind-mounted files"
          + " and small directories it refers to.",
      "Secrets are never put into it: the kubectl commands that create them are printed on"
          + " stderr."
    })
public final class ConvertCommand implements Callable<Integer> {
  @Mixin ProjectArguments arguments;

  private final Console console;

  public ConvertCommand(Console console) {
    this.console = console;
  }

  /** Runs {@code convert} with the parsed options; returns the exit code. */
  @Override
  public Integer call() {
    return ProjectFlags.run(arguments.flags(null), console, this::convert);
  }

  private int convert(ProjectFlags flags) throws CliException {
    LocalProject.Input input = LocalProject.read(flags, console);
    if (ProjectResource.parse(input.fileName(), input.text()).isPresent()) {
      throw new CliException(input.fileName() + ": is already a ComposeProject");
    }
    LocalProject local = LocalProject.resolve(input, flags, console);
    ComposeProject project = resourceOf(local, flags);
    // Render it as the operator will, so that a project that cannot deploy fails here.
    // The credentials are read as the operator reads them from the Secret in spec.variablesFrom.
    Map<String, String> values = new TreeMap<>(project.getSpec().getVariables());
    values.putAll(local.credentials());
    Map<String, SecretVariable> secretSources = new TreeMap<>();
    local
        .credentials()
        .keySet()
        .forEach(key -> secretSources.put(key, local.credentialSource(key)));
    Translation translation =
        Renderer.render(
            SpecOptions.source(
                    input.fileName(),
                    project.getSpec().getCompose(),
                    project.getSpec(),
                    new Variables(values, secretSources))
                .withSecretEnvFiles(local.secretEnvFiles()),
            SpecOptions.from(local.name(), flags.namespace(), project.getSpec(), null));
    List<Warning> warnings = new ArrayList<>(local.warnings());
    warnings.addAll(translation.warnings());
    for (Warning warning : warnings) {
      console.err().println(input.fileName() + ": " + warning);
    }
    for (FileCollector.SecretFile secret : local.collected().secretFiles()) {
      console
          .err()
          .println(
              input.fileName()
                  + ": secrets."
                  + secret.key()
                  + ": "
                  + kubectl(
                      local.directory(),
                      secret.secretName(),
                      secret.key(),
                      secret.path(),
                      flags.namespace()));
    }
    for (FileCollector.KeyFile key : local.collected().keyFiles()) {
      console
          .err()
          .println(
              input.fileName()
                  + ": "
                  + key.path()
                  + ": "
                  + key.reason()
                  + ", so it is never put into the ComposeProject; "
                  + (key.envFile()
                      ? SecretAdvice.envFileSecret(
                          console, local.directory(), local.name(), key.path(), flags.namespace())
                      : kubectl(
                          local.directory(),
                          Names.keyFileSecret(key.path()),
                          KeyMaterial.dataKey(key.path()),
                          key.path(),
                          flags.namespace())));
    }
    for (LocalProject.EnvironmentSecret secret : local.environmentSecrets()) {
      console
          .err()
          .println(
              input.fileName()
                  + ": secrets."
                  + secret.key()
                  + ": the value of "
                  + secret.variable()
                  + " is never put into the ComposeProject; create the Secret before applying,"
                  + " with "
                  + secret.variable()
                  + " set in your shell: kubectl create secret generic "
                  + secret.secretName()
                  + " --from-literal="
                  + secret.key()
                  + "=\"$"
                  + secret.variable()
                  + "\""
                  + namespaceFlag(flags.namespace()));
    }
    if (!local.credentials().isEmpty()) {
      console
          .err()
          .println(
              input.fileName()
                  + ": variables: create the Secret before applying, with "
                  + String.join(", ", local.credentials().keySet())
                  + " set in your shell (from an env file: set -a; . ./.env; set +a): "
                  + local.createCredentialsSecret(flags.namespace()));
    }
    ObjectOutput.write(List.of(project), arguments.out, arguments.json, console);
    return Failures.OK;
  }

  /** The ComposeProject of a local project. */
  static ComposeProject resourceOf(LocalProject local, ProjectFlags flags) {
    ComposeProject project = new ComposeProject();
    project.setMetadata(
        new ObjectMetaBuilder()
            .withName(Names.projectName(local.name()))
            .withNamespace(flags.namespace())
            .build());
    ComposeProjectSpec spec = new ComposeProjectSpec();
    spec.setCompose(local.text());
    if (!local.fileName().equals(LocalProject.STDIN)
        && !local.fileName().equals(SpecOptions.DEFAULT_COMPOSE_FILE)) {
      spec.setComposeFileName(local.fileName());
    }
    spec.setOverrideFiles(new ArrayList<>(local.overrideFiles()));
    spec.setProfiles(new ArrayList<>(local.profiles()));
    spec.setVariables(new LinkedHashMap<>(local.recordedVariables()));
    if (!local.credentials().isEmpty()) {
      spec.getVariablesFrom().add(VariablesSource.secret(Names.variablesSecret(local.name())));
    }
    spec.setFiles(new LinkedHashMap<>(local.collected().files()));
    spec.setSecretFiles(
        new ArrayList<>(
            local.collected().keyFiles().stream().map(FileCollector.KeyFile::path).toList()));
    spec.setImages(new LinkedHashMap<>(new TreeMap<>(flags.images())));
    spec.setExposure(flags.exposure());
    spec.setDefaultReplicas(flags.replicas());
    spec.setGpuResource(flags.gpuResource());
    ProjectOptions.BindMountOptions bindMounts = local.bindMounts(flags);
    if (bindMounts != null) {
      BindMountsSpec recorded = new BindMountsSpec();
      recorded.setType(flags.volumes());
      recorded.setHostDirectory(bindMounts.hostDirectory());
      recorded.setSourcePaths(new ArrayList<>(bindMounts.sourcePaths()));
      recorded.setUnshippedFiles(new ArrayList<>(bindMounts.unshippedFiles()));
      spec.setBindMounts(recorded);
    }
    spec.setSecurityProfile(flags.securityProfile());
    project.setSpec(spec);
    return project;
  }

  private String kubectl(
      Path directory, String secretName, String key, String path, String namespace) {
    return SecretAdvice.createSecret(console, directory, secretName, key, path, namespace);
  }

  private static String namespaceFlag(String namespace) {
    return namespace == null ? "" : " -n " + namespace;
  }
}
