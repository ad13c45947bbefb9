package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretEnvFile;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the loader reads: the Compose text and the project files it may refer to, handed in by
 * the caller (the CLI reads them from disk, the operator from {@code spec.files}).
 *
 * @param fileName the Compose file's name for messages ({@code compose.yaml})
 * @param text the Compose document
 * @param files project files by path relative to the Compose file's directory ({@code
 *     ./proxy/nginx.conf} and {@code proxy/nginx.conf} are the same file)
 * @param variables variables for interpolation
 * @param profiles the active profiles
 * @param overrideFiles paths of {@code files} holding Compose files merged over {@code text}, in
 *     order, as {@code docker compose -f compose.yaml -f other.yaml} merges them
 * @param secretEnvFiles env files that hold credentials and live in a Secret the user created
 *     instead of {@code files}, by path: the environment reads each of their variables as a Secret
 *     reference, never as a value
 */
public record ComposeSource(
    String fileName,
    String text,
    Map<String, String> files,
    Variables variables,
    List<String> profiles,
    List<String> overrideFiles,
    Map<String, SecretEnvFile> secretEnvFiles) {

  public ComposeSource {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    profiles = List.copyOf(profiles);
    overrideFiles = List.copyOf(overrideFiles);
    secretEnvFiles = Collections.unmodifiableMap(new TreeMap<>(secretEnvFiles));
  }

  /** A source without env files in Secrets. */
  public ComposeSource(
      String fileName,
      String text,
      Map<String, String> files,
      Variables variables,
      List<String> profiles,
      List<String> overrideFiles) {
    this(fileName, text, files, variables, profiles, overrideFiles, Map.of());
  }

  /** The same source with these env files in Secrets. */
  public ComposeSource withSecretEnvFiles(Map<String, SecretEnvFile> envFiles) {
    return new ComposeSource(fileName, text, files, variables, profiles, overrideFiles, envFiles);
  }

  /** A source of one Compose file. */
  public ComposeSource(
      String fileName,
      String text,
      Map<String, String> files,
      Variables variables,
      List<String> profiles) {
    this(fileName, text, files, variables, profiles, List.of());
  }

  /** A source with no files, no variables and no profiles. */
  public static ComposeSource of(String fileName, String text) {
    return new ComposeSource(fileName, text, Map.of(), Variables.NONE, List.of());
  }
}
