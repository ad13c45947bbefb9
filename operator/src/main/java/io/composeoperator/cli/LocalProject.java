package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.SecretEnvFile;
import io.composeoperator.compose.model.SecretVariable;
import io.composeoperator.translate.KeyMaterial;
import io.composeoperator.translate.Names;
import io.composeoperator.translate.ProjectOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Compose project on the local disk, resolved as {@code docker compose} resolves it: the file
 * ({@code -f}, or the default names in the working directory), the variables (the shell's
 * environment over {@code .env} or {@code --env-file}, then {@code --env}), the project name and
 * the project files.
 *
 * <p>Two loading passes: the first loads the Compose text with every small text file the text
 * mentions ({@link FileSnapshot}), which yields the model's {@code name:} and the paths the project
 * refers to; {@link FileCollector} keeps only those. The caller then renders with exactly the
 * collected files, the same input the operator gets from {@code convert}'s output.
 *
 * @param fileName the Compose file's name for messages ({@code compose.yaml})
 * @param directory the directory relative paths are resolved against
 * @param text the Compose text, verbatim
 * @param name the project name
 * @param variables the interpolation variables: the shell's environment, the env files (the shell
 *     wins over them, as in docker compose), then {@code --env}
 * @param recordedVariables what {@code convert} writes into {@code spec.variables}: the variables
 *     of the env files and {@code --env}, and those of the shell the project uses, so that the
 *     operator (which never reads its own environment) renders the same
 * @param profiles the active profiles
 * @param overrideFiles the files merged over the Compose file, by path relative to {@code
 *     directory} (their texts are among the collected files)
 * @param collected the project files, with what was left out and the secret files
 * @param environmentSecrets Compose secrets whose value comes from a variable ({@code secrets: x:
 *     {environment: X}}); those variables are left out of {@code variables}, so their values never
 *     enter the ComposeProject
 * @param credentials the variables the project uses whose names mark them as credentials ({@link
 *     KeyMaterial#isCredentialVariable}), with their values: left out of {@code recordedVariables},
 *     kept in the Secret {@link Names#variablesSecret} that the user creates, and read from it as
 *     the operator reads {@code spec.variablesFrom}, so an environment value that is exactly such a
 *     variable becomes a secretKeyRef
 * @param secretEnvFiles env files that hold credentials (not world-readable, or setting a
 *     credential-named variable), by path: never shipped, read from the Secret {@link
 *     Names#keyFileSecret} names as the operator reads it, one Secret reference per variable
 * @param lookupWarnings what finding the files had to say
 * @param firstPass the first loading pass, when it was given exactly the collected files (so it is
 *     the load of {@link #source()} and need not be repeated), else null
 */
record LocalProject(
    String fileName,
    Path directory,
    String text,
    String name,
    SortedMap<String, String> variables,
    SortedMap<String, String> recordedVariables,
    List<String> profiles,
    List<String> overrideFiles,
    FileCollector.Collected collected,
    List<EnvironmentSecret> environmentSecrets,
    SortedMap<String, String> credentials,
    Map<String, SecretEnvFile> secretEnvFiles,
    List<Warning> lookupWarnings,
    LoadResult firstPass) {

  /** The name messages give a Compose file read from standard input ({@code -f -}). */
  static final String STDIN = "stdin";

  /** The file names docker compose looks for, in its order (compose-go's DefaultFileNames). */
  static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

  /** The override files docker compose merges over a default file, in its order. */
  static final List<String> DEFAULT_OVERRIDE_FILES =
      List.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  /** The source for {@code Renderer.render}: the text, the collected files, the variables. */
  ComposeSource source() {
    Map<String, SecretVariable> secretSources = new TreeMap<>();
    credentials.keySet().forEach(key -> secretSources.put(key, credentialSource(key)));
    return new ComposeSource(
            fileName,
            text,
            collected.files(),
            new Variables(variables, secretSources),
            profiles,
            overrideFiles)
        .withSecretEnvFiles(secretEnvFiles);
  }

  /** Where the operator reads the credential {@code key} from. */
  SecretVariable credentialSource(String key) {
    return new SecretVariable(Names.variablesSecret(name), key);
  }

  /** The translation options the flags ask for. */
  ProjectOptions options(ProjectFlags flags) {
    return new ProjectOptions(
        name,
        flags.namespace(),
        flags.images(),
        List.of(),
        null,
        Map.of(),
        Map.of(),
        null,
        flags.exposure(),
        flags.securityProfile(),
        flags.waitImage(),
        collected.keyFiles().stream().map(FileCollector.KeyFile::path).toList(),
        flags.replicas(),
        flags.gpuResource(),
        bindMounts(flags));
  }

  /**
   * What bind mounts become ({@code --volumes}): with {@code hostPath}, project paths are resolved
   * against the Compose file's directory on this machine, which is also the node's for a local
   * single-node cluster (kind, k3d, Docker Desktop, minikube with a mount).
   */
  ProjectOptions.BindMountOptions bindMounts(ProjectFlags flags) {
    if (flags.volumes() == null
        && collected.sourcePaths().isEmpty()
        && collected.unshippedFiles().isEmpty()) {
      return null;
    }
    return new ProjectOptions.BindMountOptions(
        flags.volumes(),
        flags.volumes() == BindMountType.hostPath ? directory.toAbsolutePath().toString() : null,
        collected.sourcePaths(),
        collected.unshippedFiles());
  }

  /**
   * A Compose secret read from a variable, which the user creates as a Kubernetes Secret.
   *
   * @param key the Compose secret's key (the Secret's data key)
   * @param secretName the Kubernetes Secret's name
   * @param variable the variable that holds the value
   */
  record EnvironmentSecret(String key, String secretName, String variable) {}

  /** The secrets of {@code model} read from a variable, in key order. */
  private static List<EnvironmentSecret> environmentSecrets(ComposeModel model) {
    List<EnvironmentSecret> secrets = new ArrayList<>();
    for (SecretConfig secret : new TreeMap<>(model.secrets()).values()) {
      if (secret.environment() != null && !secret.external()) {
        // the name the pod mounts: one rule, the translation's
        String name = Names.secretName(model, secret.key());
        secrets.add(new EnvironmentSecret(secret.key(), name, secret.environment()));
      }
    }
    return secrets;
  }

  /**
   * The Compose input a command reads.
   *
   * @param fileName the first file's name, for messages
   * @param directory the project directory: the first file's (every relative path in every file is
   *     resolved against it, as docker compose does)
   * @param text the first file's text
   * @param overrides the texts of the files merged over it, by path relative to {@code directory}
   * @param overrideOrder those paths in the order they are merged
   * @param warnings what the lookup has to say (two default files)
   */
  record Input(
      String fileName,
      Path directory,
      String text,
      SortedMap<String, String> overrides,
      List<String> overrideOrder,
      List<Warning> warnings) {}

  /**
   * Finds and reads the Compose files: the {@code -f} files in order, else the default file of the
   * working directory with its override file, as docker compose does.
   *
   * @throws CliException when a file does not exist or cannot be read
   */
  static Input read(ProjectFlags flags, Console console) throws CliException {
    Path cwd = console.workingDirectory();
    List<Warning> warnings = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    Path first;
    String firstText;
    String firstName;
    try {
      if (flags.files().isEmpty()) {
        paths.addAll(defaultFiles(cwd, warnings));
      } else {
        for (int i = 0; i < flags.files().size(); i++) {
          String given = flags.files().get(i);
          if (given.equals("-") && i > 0) {
            throw new CliException("-f -: only the first Compose file can be read from stdin");
          }
          paths.add(given.equals("-") ? null : existing(cwd, given));
        }
      }
      if (paths.get(0) == null) {
        firstName = STDIN;
        first = cwd.resolve("stdin");
        firstText = new String(console.in().readAllBytes(), StandardCharsets.UTF_8);
      } else {
        first = paths.get(0);
        firstName = first.getFileName().toString();
        firstText = Files.readString(first, StandardCharsets.UTF_8);
      }
      Path directory = first.getParent();
      SortedMap<String, String> overrides = new TreeMap<>();
      List<String> order = new ArrayList<>();
      for (Path path : paths.subList(1, paths.size())) {
        String key = TextFiles.relative(directory, path);
        order.add(key);
        overrides.put(key, Files.readString(path, StandardCharsets.UTF_8));
      }
      return new Input(firstName, directory, firstText, overrides, order, warnings);
    } catch (IOException e) {
      throw new CliException("cannot read the Compose file: " + e.getMessage(), e);
    }
  }

  /** A file given with {@code -f}: it must be a file. */
  private static Path existing(Path cwd, String given) throws CliException {
    Path file = cwd.resolve(given).toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new CliException(
          given
              + ": is a directory; give the Compose file in it (-f "
              + Path.of(given).resolve(DEFAULT_FILES.get(0))
              + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(given + ": no such file");
    }
    return file;
  }

  /**
   * docker compose's lookup: the first default file, a warning when there are several, and the
   * first override file beside it.
   */
  private static List<Path> defaultFiles(Path cwd, List<Warning> warnings) throws CliException {
    List<String> found = present(cwd, DEFAULT_FILES);
    if (found.isEmpty()) {
      throw new CliException(
          "no Compose file given (-f) and none of "
              + String.join(", ", DEFAULT_FILES)
              + " in "
              + cwd);
    }
    if (found.size() > 1) {
      warnings.add(
          new Warning(
              "-f",
              "found several Compose files ("
                  + String.join(", ", found)
                  + "); using "
                  + found.get(0)
                  + ", as docker compose does (give -f to choose)"));
    }
    List<Path> files = new ArrayList<>(List.of(cwd.resolve(found.get(0))));
    List<String> overrides = present(cwd, DEFAULT_OVERRIDE_FILES);
    if (overrides.size() > 1) {
      warnings.add(
          new Warning(
              "-f",
              "found several override files ("
                  + String.join(", ", overrides)
                  + "); using "
                  + overrides.get(0)
                  + ", as docker compose does"));
    }
    if (!overrides.isEmpty()) {
      files.add(cwd.resolve(overrides.get(0)));
    }
    return files;
  }

  private static List<String> present(Path directory, List<String> names) {
    return names.stream().filter(name -> Files.isRegularFile(directory.resolve(name))).toList();
  }

  /**
   * Resolves a Compose file: variables, the first loading pass, the name, the files.
   *
   * @throws io.composeoperator.compose.ComposeException when the first pass finds the file invalid
   * @throws CliException when an env file cannot be read
   */
  static LocalProject resolve(Input input, ProjectFlags flags, Console console)
      throws CliException {
    try {
      Set<String> privateKeys = new TreeSet<>();
      SortedMap<String, String> declared =
          declaredVariables(input.directory(), flags, console, privateKeys);
      SortedMap<String, String> variables = new TreeMap<>(console.environment());
      variables.putAll(declared);
      // the shell wins over env files, as in docker compose; --env wins over both
      declared.keySet().stream()
          .filter(console.environment()::containsKey)
          .filter(key -> !flags.env().containsKey(key))
          .forEach(key -> variables.put(key, console.environment().get(key)));
      StringBuilder allText = new StringBuilder(input.text());
      input.overrides().values().forEach(text -> allText.append('\n').append(text));
      Map<String, String> snapshot = FileSnapshot.of(input.directory(), allText.toString());
      snapshot.putAll(input.overrides());
      ComposeSource probe =
          new ComposeSource(
              input.fileName(),
              input.text(),
              snapshot,
              Variables.of(variables),
              flags.profiles(),
              input.overrideOrder());
      LoadResult loaded = ComposeLoader.load(probe);
      ComposeModel model = loaded.model();
      checkConfigFiles(input, model);
      FileCollector.Collected collected =
          FileCollector.collect(
              input.directory(),
              input.fileName(),
              model,
              loaded.filesRead(),
              snapshot,
              loaded.envFiles());
      checkIncludeEnvFiles(input, loaded, snapshot);
      String name = flags.name() != null ? flags.name() : model.name();
      if (name == null) {
        name = fromDirectory(input.directory());
      }
      List<EnvironmentSecret> environmentSecrets = environmentSecrets(model);
      boolean secretValuesRemoved = false;
      for (EnvironmentSecret secret : environmentSecrets) {
        secretValuesRemoved |= variables.remove(secret.variable()) != null;
      }
      SortedMap<String, String> recorded = new TreeMap<>(variables);
      recorded
          .keySet()
          .removeIf(key -> !declared.containsKey(key) && !loaded.variablesUsed().contains(key));
      SortedMap<String, String> credentials = new TreeMap<>();
      recorded.forEach(
          (key, value) -> {
            if ((KeyMaterial.isCredentialVariable(key) || privateKeys.contains(key))
                && !value.isEmpty()) {
              credentials.put(key, value);
            }
          });
      recorded.keySet().removeAll(credentials.keySet());
      Map<String, SecretEnvFile> secretEnvFiles = new TreeMap<>();
      for (FileCollector.KeyFile key : collected.keyFiles()) {
        if (key.envFile()) {
          secretEnvFiles.put(
              key.path(),
              new SecretEnvFile(
                  Names.keyFileSecret(key.path()),
                  new TreeSet<>(DotEnv.parse(key.path(), snapshot.get(key.path())).keySet())));
        }
      }
      boolean firstPassFits =
          collected.files().equals(snapshot)
              && !secretValuesRemoved
              && credentials.isEmpty()
              && secretEnvFiles.isEmpty();
      return new LocalProject(
          input.fileName(),
          input.directory(),
          input.text(),
          name,
          variables,
          recorded,
          flags.profiles(),
          input.overrideOrder(),
          collected,
          environmentSecrets,
          credentials,
          secretEnvFiles,
          input.warnings(),
          firstPassFits ? loaded : null);
    } catch (IOException e) {
      throw new CliException("cannot read project files: " + e.getMessage(), e);
    }
  }

  /**
   * An {@code include} entry's env file interpolates the included file, so the operator needs its
   * values: it travels in {@code spec.files}. One that holds credentials (by the rule for env
   * files, {@link FileCollector#envFileCredentials}) would put them there in clear text, so it is
   * refused, with what to do instead: the project's own variables win over it, so the same
   * variables in {@code .env} (where credential-named ones become a Secret) give the same result.
   */
  private static void checkIncludeEnvFiles(
      Input input, LoadResult loaded, Map<String, String> snapshot)
      throws IOException, CliException {
    for (String path : loaded.includeEnvFiles()) {
      String text = snapshot.get(path);
      String reason =
          text == null
              ? null
              : FileCollector.envFileCredentials(
                  path, input.directory().resolve(path).normalize(), text);
      if (reason != null) {
        throw new CliException(
            input.fileName()
                + ": include: "
                + path
                + ": "
                + reason
                + ", and an include's env file is shipped in spec.files to interpolate the"
                + " included file: set those variables in the project's .env instead (the"
                + " project's variables win over an include's env file, and credential-named ones"
                + " there become the Secret of the project's variables), or use secrets:");
      }
    }
  }

  /**
   * A {@code configs.*.file} that does not exist is named with the directory it was looked for in:
   * for a file read from stdin, relative paths are resolved against the working directory, which
   * may not be the project's.
   */
  private static void checkConfigFiles(Input input, ComposeModel model) throws CliException {
    for (ConfigObjConfig config : model.configs().values()) {
      String file = config.file();
      if (file == null
          || config.external()
          || file.startsWith("/")
          || file.startsWith("~")
          || Files.isRegularFile(input.directory().resolve(file))) {
        continue;
      }
      throw new CliException(
          input.fileName()
              + ": configs."
              + config.key()
              + ".file: "
              + file
              + ": no such file in "
              + input.directory()
              + (input.fileName().equals(STDIN)
                  ? " (relative paths of a Compose file read from stdin are resolved against the"
                      + " current directory: run the command in the project's directory, or give"
                      + " -f FILE)"
                  : ""));
    }
  }

  /**
   * The variables the user declared for this project: {@code --env-file} files in order (or {@code
   * .env} beside the Compose file when none is given, as docker compose does), then {@code --env},
   * later values winning.
   */
  /**
   * The variables of the env files ({@code .env}, or {@code --env-file}s) and {@code --env}; the
   * names declared in an env file that is not world-readable go into {@code privateKeys}: such a
   * file holds credentials, so all its values are kept out of the ComposeProject.
   */
  private static SortedMap<String, String> declaredVariables(
      Path directory, ProjectFlags flags, Console console, Set<String> privateKeys)
      throws IOException, CliException {
    Map<String, String> values = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    if (flags.envFiles().isEmpty()) {
      Path dotEnv = directory.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        files.add(dotEnv);
      }
    } else {
      for (String envFile : flags.envFiles()) {
        Path file = console.workingDirectory().resolve(envFile);
        if (!Files.isRegularFile(file)) {
          throw new CliException(envFile + ": no such file");
        }
        files.add(file);
      }
    }
    for (Path file : files) {
      Map<String, String> parsed =
          DotEnv.parse(
              file.getFileName().toString(),
              Files.readString(file, StandardCharsets.UTF_8),
              values);
      values.putAll(parsed);
      if (!FileCollector.worldReadable(file)) {
        privateKeys.addAll(parsed.keySet());
      }
    }
    values.putAll(flags.env());
    return new TreeMap<>(values);
  }

  /**
   * The project name docker compose derives from a directory ({@code NormalizeProjectName}: lower
   * case, only {@code a-z 0-9 _ -} kept, leading {@code _ -} trimmed), then made a DNS-1123 label
   * by {@link Names#sanitize} ({@code _} becomes {@code -}), because the name is a label value on
   * every object and the Renderer refuses anything else.
   */
  static String fromDirectory(Path directory) throws CliException {
    Path last = directory.toAbsolutePath().normalize().getFileName();
    String base = last == null ? "" : last.toString();
    String docker = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    docker = docker.replaceFirst("^[_-]+", "");
    String name = Names.sanitize(docker);
    if (name.isEmpty()) {
      throw new CliException(
          "cannot derive a project name from the directory \"" + base + "\": give --name");
    }
    return name;
  }

  /** The warnings of the lookup and of collection, for printing. */
  List<Warning> warnings() {
    List<Warning> all = new ArrayList<>(lookupWarnings);
    all.addAll(collected.warnings());
    if (!credentials.isEmpty()) {
      all.add(
          new Warning(
              "variables",
              String.join(", ", credentials.keySet())
                  + ": credentials (by name, or from an env file that is not world-readable),"
                  + " so their values are written into no object and never into the"
                  + " ComposeProject: an environment value that is exactly ${NAME} is read from"
                  + " the Secret "
                  + Names.variablesSecret(name)
                  + ", which must exist ("
                  + createCredentialsSecret(null)
                  + ")"));
    }
    return all;
  }

  /**
   * The command that creates the Secret of {@link #credentials} from the shell's variables of the
   * same names (the values are never printed), and labels it with the project, so that the operator
   * watches it.
   */
  String createCredentialsSecret(String namespace) {
    StringBuilder command =
        new StringBuilder("kubectl create secret generic ").append(Names.variablesSecret(name));
    credentials
        .keySet()
        .forEach(key -> command.append(" --from-literal=" + key + "=\"$" + key + "\""));
    return command + SecretAdvice.andLabel(Names.variablesSecret(name), name, namespace);
  }
}
