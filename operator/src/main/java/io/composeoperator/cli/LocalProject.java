package io.composeoperator.cli;

import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Compose project on the local disk, resolved as {@code docker compose} resolves it: the file
 * ({@code -f}, or the default names in the working directory), the variables ({@code .env} or
 * {@code --env-file}, then {@code --env}; never the process environment), the project name and the
 * project files.
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
 * @param variables the interpolation variables
 * @param profiles the active profiles
 * @param collected the project files, with what was left out and the secret files
 * @param firstPass the first loading pass, when it was given exactly the collected files (so it is
 *     the load of {@link #source()} and need not be repeated), else null
 */
record LocalProject(
    String fileName,
    Path directory,
    String text,
    String name,
    SortedMap<String, String> variables,
    List<String> profiles,
    FileCollector.Collected collected,
    LoadResult firstPass) {

  /** The file names docker compose looks for, in its order. */
  static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  /** The source for {@code Renderer.render}: the text, the collected files, the variables. */
  ComposeSource source() {
    return new ComposeSource(fileName, text, collected.files(), Variables.of(variables), profiles);
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
        flags.waitImage());
  }

  /** The Compose input a command reads: its name for messages, directory and text. */
  record Input(String fileName, Path directory, String text) {}

  /**
   * Finds and reads the Compose file.
   *
   * @throws CliException when there is no such file
   */
  static Input read(ProjectFlags flags, Console console) throws CliException {
    Path cwd = console.workingDirectory();
    if (flags.files().size() > 1) {
      throw new CliException("-f: several Compose files are not merged yet; give one");
    }
    String given = flags.files().isEmpty() ? null : flags.files().get(0);
    try {
      if ("-".equals(given)) {
        return new Input(
            "stdin", cwd, new String(console.in().readAllBytes(), StandardCharsets.UTF_8));
      }
      Path file = given != null ? cwd.resolve(given).normalize() : defaultFile(cwd);
      if (!Files.isRegularFile(file)) {
        throw new CliException(given + ": no such file");
      }
      Path directory = file.toAbsolutePath().getParent();
      return new Input(
          file.getFileName().toString(), directory, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException("cannot read the Compose file: " + e.getMessage(), e);
    }
  }

  private static Path defaultFile(Path cwd) throws CliException {
    for (String name : DEFAULT_FILES) {
      Path candidate = cwd.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new CliException(
        "no Compose file given (-f) and none of "
            + String.join(", ", DEFAULT_FILES)
            + " in "
            + cwd);
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
      SortedMap<String, String> variables = variables(input.directory(), flags, console);
      Map<String, String> snapshot = FileSnapshot.of(input.directory(), input.text());
      ComposeSource probe =
          new ComposeSource(
              input.fileName(), input.text(), snapshot, Variables.of(variables), flags.profiles());
      LoadResult loaded = ComposeLoader.load(probe);
      ComposeModel model = loaded.model();
      FileCollector.Collected collected =
          FileCollector.collect(
              input.directory(), input.fileName(), model, loaded.filesRead(), snapshot);
      String name = flags.name() != null ? flags.name() : model.name();
      if (name == null) {
        name = fromDirectory(input.directory());
      }
      return new LocalProject(
          input.fileName(),
          input.directory(),
          input.text(),
          name,
          variables,
          flags.profiles(),
          collected,
          collected.files().equals(snapshot) ? loaded : null);
    } catch (IOException e) {
      throw new CliException("cannot read project files: " + e.getMessage(), e);
    }
  }

  /**
   * The variables: {@code --env-file} files in order (or {@code .env} beside the Compose file when
   * none is given, as docker compose does), then {@code --env}, later values winning.
   */
  private static SortedMap<String, String> variables(
      Path directory, ProjectFlags flags, Console console) throws IOException, CliException {
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
      values.putAll(
          DotEnv.parse(
              file.getFileName().toString(),
              Files.readString(file, StandardCharsets.UTF_8),
              values));
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

  /** The warnings of collection, for printing. */
  List<Warning> warnings() {
    return collected.warnings();
  }
}
