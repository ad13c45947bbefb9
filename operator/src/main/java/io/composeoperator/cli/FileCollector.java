package io.composeoperator.cli;

import io.composeoperator.compose.Warning;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import io.composeoperator.translate.BindMounts;
import io.composeoperator.translate.KeyMaterial;
import io.composeoperator.translate.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides which local files go into {@code spec.files} (for {@code convert}) or {@link
 * io.composeoperator.compose.ComposeSource#files()} (for {@code render}), from the model of a first
 * loading pass: the files the loader read (env files, included and extended Compose files), {@code
 * configs.*.file}, and the project-relative sources of bind mounts — single files, and directories
 * whose text files add up to at most {@link TextFiles#FILE_CAP} (and {@link #TOTAL_CAP} over all
 * directories). Source code the image holds ({@link BindMounts#isSource}: the project directory,
 * the service's build context) is not shipped; nor is a bigger directory, which the translation
 * treats as a directory whose content is not given (an empty claim, with a warning). Secret files
 * are never shipped: {@code convert} prints the command that creates the Secret. Nor are files with
 * key material ({@link KeyMaterial}: named like a key, not world-readable, or the file of a Compose
 * secret): they are listed in {@code spec.secretFiles}, and the pod mounts each from a Secret the
 * user creates.
 */
final class FileCollector {
  /** The most bytes of bind-mounted directory content shipped for one project. */
  static final long TOTAL_CAP = 1024 * 1024;

  private final Path directory;
  private final String fileName;
  private final SortedMap<String, String> files = new TreeMap<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final SortedMap<String, KeyFile> keyFiles = new TreeMap<>();
  private final Set<String> secretPaths;
  private final java.util.SortedSet<String> sourcePaths = new java.util.TreeSet<>();
  private final java.util.SortedSet<String> unshippedFiles = new java.util.TreeSet<>();
  private long directoryBytes;

  private FileCollector(Path directory, String fileName, Set<String> secretPaths) {
    this.directory = directory;
    this.fileName = fileName;
    this.secretPaths = secretPaths;
  }

  /**
   * What the project ships.
   *
   * @param files project files by normalized relative path
   * @param warnings what was left out and why
   * @param secretFiles Compose secrets with a {@code file:}, for {@code kubectl create secret}
   * @param keyFiles mounted project files with key material, never shipped, by path
   * @param sourcePaths bind-mounted directories inside a build context that hold source code
   *     ({@code spec.bindMounts.sourcePaths}), never shipped
   * @param unshippedFiles bind-mounted project files too big or not text, so not shipped ({@code
   *     spec.bindMounts.unshippedFiles})
   */
  record Collected(
      SortedMap<String, String> files,
      List<Warning> warnings,
      List<SecretFile> secretFiles,
      List<KeyFile> keyFiles,
      List<String> sourcePaths,
      List<String> unshippedFiles) {}

  /**
   * A mounted project file with key material ({@code spec.secretFiles}), which the user creates as
   * the Secret {@link Names#keyFileSecret} names.
   *
   * @param path the file, relative to the Compose file's directory, normalized
   * @param reason why it counts as key material, for the message
   * @param envFile true for an {@code env_file} that holds credentials: its Secret is made with
   *     {@code --from-env-file}, one key per variable
   */
  record KeyFile(String path, String reason, boolean envFile) {}

  /**
   * A Compose secret read from a file, which the user creates as a Kubernetes Secret.
   *
   * @param key the Compose secret's key (the Secret's data key)
   * @param secretName the Kubernetes Secret's name
   * @param path the file, relative to the Compose file's directory or absolute
   */
  record SecretFile(String key, String secretName, String path) {}

  /**
   * Collects the files {@code model} refers to.
   *
   * @param directory the Compose file's directory
   * @param fileName the Compose file's name, to recognize the project directory itself
   * @param model the model of the first pass
   * @param filesRead the project files the loader read: env files, included and extended files
   * @param snapshot the candidate files the first pass was given
   * @param envFiles which of them are env files: one that is not world-readable or sets a
   *     credential-named variable holds credentials and is a key file, never shipped
   */
  static Collected collect(
      Path directory,
      String fileName,
      ComposeModel model,
      Set<String> filesRead,
      Map<String, String> snapshot,
      Set<String> envFiles)
      throws IOException {
    List<SecretFile> secrets = secretFiles(model);
    List<String> secretPaths = secrets.stream().map(SecretFile::path).toList();
    FileCollector collector =
        new FileCollector(
            directory,
            fileName,
            secretPaths.stream().map(KeyMaterial::normalize).collect(Collectors.toSet()));
    for (ConfigObjConfig config : model.configs().values()) {
      if (config.file() != null && !config.external() && !isHostPath(config.file())) {
        collector.addFile(config.file(), null);
      }
    }
    for (ServiceConfig service : model.services().values()) {
      List<ServiceVolumeConfig> volumes = service.volumes();
      for (int i = 0; i < volumes.size(); i++) {
        ServiceVolumeConfig volume = volumes.get(i);
        if (!ServiceVolumeConfig.BIND.equals(volume.type())
            || volume.source() == null
            || volume.isHostPath()) {
          continue;
        }
        String path = KeyMaterial.normalize(volume.source());
        String context = BindMounts.buildContext(service);
        if (context != null
            && !path.equals(context)
            && BindMounts.inside(context, path)
            && holdsSourceCode(directory.resolve(path).normalize())) {
          collector.sourcePaths.add(path);
        }
        if (!BindMounts.isSource(service, volume.source(), collector.sourcePaths)) {
          collector.addMount(volume.source(), "services." + service.name() + ".volumes[" + i + "]");
        }
      }
    }
    for (String path : filesRead) {
      String text = snapshot.get(path);
      Path file = directory.resolve(path).normalize();
      String credentials =
          text != null && envFiles.contains(path) ? envFileCredentials(path, file, text) : null;
      if (credentials != null) {
        collector.keyFiles.putIfAbsent(
            KeyMaterial.normalize(path),
            new KeyFile(KeyMaterial.normalize(path), credentials, true));
        continue;
      }
      if (text != null
          && !secretPaths.contains(path)
          && !collector.keyFiles.containsKey(KeyMaterial.normalize(path))) {
        collector.files.putIfAbsent(path, text);
      }
    }
    secretPaths.forEach(collector.files::remove);
    return new Collected(
        collector.files,
        List.copyOf(collector.warnings),
        secrets.stream().toList(),
        List.copyOf(collector.keyFiles.values()),
        List.copyOf(collector.sourcePaths),
        List.copyOf(collector.unshippedFiles));
  }

  /** File names that mark source code (a build manifest or a source file's extension). */
  private static final java.util.regex.Pattern SOURCE_FILE =
      java.util.regex.Pattern.compile(
          "(package\\.json|requirements\\.txt|go\\.mod|pom\\.xml|Gemfile|composer\\.json|Cargo\\.toml"
              + "|.*\\.(js|jsx|mjs|cjs|ts|tsx|vue|svelte|py|rb|php|go|rs|java|kt|scala|cs|c|cc|cpp|h"
              + "|hpp|swift|ex|exs|erl|clj|lua|pl|sh))");

  /**
   * True when a directory holds source code: a build manifest or a source file among its first
   * files. This is why the decision is the CLI's, recorded in {@code spec.bindMounts.sourcePaths}:
   * only the disk tells {@code ./src} from {@code ./data} inside a build context.
   */
  private static boolean holdsSourceCode(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(dir, 4)) {
      return walk.limit(2000)
          .filter(Files::isRegularFile)
          .anyMatch(f -> SOURCE_FILE.matcher(f.getFileName().toString()).matches());
    }
  }

  /** Absolute and home paths are the host's, not the project's: never read. */
  private static boolean isHostPath(String path) {
    return path.startsWith("/") || path.startsWith("~");
  }

  private static List<SecretFile> secretFiles(ComposeModel model) {
    List<SecretFile> secrets = new ArrayList<>();
    for (SecretConfig secret : model.secrets().values()) {
      if (secret.file() != null && !secret.external()) {
        // the name the pod mounts: one rule, the translation's
        String name = Names.secretName(model, secret.key());
        secrets.add(new SecretFile(secret.key(), name, secret.file()));
      }
    }
    return secrets;
  }

  private void addMount(String source, String path) throws IOException {
    Path target = directory.resolve(source).normalize();
    if (Files.isRegularFile(target)) {
      addFile(source, path);
    } else if (Files.isDirectory(target)) {
      addDirectory(source, target, path);
    }
  }

  private void addFile(String source, String path) throws IOException {
    Path file = directory.resolve(source).normalize();
    if (!Files.isRegularFile(file) || files.containsKey(source)) {
      return;
    }
    Optional<KeyFile> keyFile = keyFile(source, file);
    if (keyFile.isPresent()) {
      keyFiles.putIfAbsent(keyFile.get().path(), keyFile.get());
      return;
    }
    Optional<String> text = TextFiles.read(file, TextFiles.FILE_CAP);
    if (text.isPresent()) {
      files.put(source, text.get());
    } else if (path != null) {
      unshippedFiles.add(KeyMaterial.normalize(source));
      warnings.add(
          new Warning(
              path,
              source
                  + " is not shipped: only UTF-8 text files of at most 256 KiB fit into"
                  + " spec.files"));
    }
  }

  private void addDirectory(String source, Path target, String path) throws IOException {
    if (directory.startsWith(target) || Files.isRegularFile(target.resolve(fileName))) {
      return; // the project directory (`.:/app`): source code the image already contains
    }
    SortedMap<String, String> contents = new TreeMap<>();
    SortedMap<String, KeyFile> keys = new TreeMap<>();
    long bytes = 0;
    int skipped = 0;
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
        if (!Files.isRegularFile(file) || isInGitDirectory(target, file)) {
          continue;
        }
        bytes += Files.size(file);
        if (bytes > TextFiles.FILE_CAP || directoryBytes + bytes > TOTAL_CAP) {
          warnings.add(
              new Warning(
                  path,
                  source
                      + " holds more than "
                      + (bytes > TextFiles.FILE_CAP ? "256 KiB" : "the project's 1 MiB")
                      + " of files: not shipped, so its content does not reach the cluster (it is"
                      + " mounted as a directory whose content is not given)"));
          return;
        }
        Optional<KeyFile> keyFile = keyFile(source + "/" + TextFiles.relative(target, file), file);
        if (keyFile.isPresent()) {
          keys.put(keyFile.get().path(), keyFile.get());
          continue;
        }
        Optional<String> text = TextFiles.read(file, TextFiles.FILE_CAP);
        if (text.isPresent()) {
          contents.put(source + "/" + TextFiles.relative(target, file), text.get());
        } else {
          skipped++;
        }
      }
    }
    if (skipped > 0) {
      warnings.add(new Warning(path, source + ": " + skipped + " binary file(s) are not shipped"));
    }
    directoryBytes += bytes;
    files.putAll(contents);
    keys.forEach(keyFiles::putIfAbsent); // only for a shipped directory: an unshipped one has none
  }

  /**
   * The file as a key file when it holds key material ({@link KeyMaterial}), which is then recorded
   * instead of shipped. Only the disk says whether a file is world-readable, so this is where that
   * is decided.
   */
  private Optional<KeyFile> keyFile(String projectPath, Path file) throws IOException {
    String path = KeyMaterial.normalize(projectPath);
    String reason = null;
    if (secretPaths.contains(path)) {
      reason = "it is the file of a Compose secret";
    } else if (KeyMaterial.isKeyName(path)) {
      reason = "its name marks key material";
    } else if (!worldReadable(file)) {
      reason = "it is not world-readable";
    }
    return reason == null ? Optional.empty() : Optional.of(new KeyFile(path, reason, false));
  }

  /**
   * Why an env file holds credentials, or null when it does not: it is not world-readable, or it
   * sets a variable whose name marks a credential ({@link KeyMaterial#isCredentialVariable}, the
   * rule for the project's own variables) to a value. Such a file is never shipped: the pods read
   * its variables from a Secret the user creates from it. The message names the variables, never
   * their values.
   */
  static String envFileCredentials(String path, Path file, String text) throws IOException {
    if (Files.isRegularFile(file) && !worldReadable(file)) {
      return "it is an env file that is not world-readable (it holds credentials)";
    }
    Map<String, String> variables;
    try {
      variables = DotEnv.parse(path, text);
    } catch (CliException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<String> names =
        variables.entrySet().stream()
            .filter(e -> KeyMaterial.isCredentialVariable(e.getKey()) && !e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    return names.isEmpty()
        ? null
        : "it is an env file that sets credentials (" + String.join(", ", names) + ")";
  }

  static boolean worldReadable(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException e) {
      return true; // no POSIX permissions (Windows): only names and secrets: entries count
    }
  }

  private static boolean isInGitDirectory(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().equals(".git")) {
        return true;
      }
    }
    return false;
  }
}
