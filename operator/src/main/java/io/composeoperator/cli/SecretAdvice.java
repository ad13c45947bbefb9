package io.composeoperator.cli;

import io.composeoperator.translate.Labels;
import io.composeoperator.translate.Names;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code render} and {@code convert} tell the user about a Secret they must create: a Compose
 * secret's file, or a project file with key material, is never put into the output; the pods mount
 * it from a Secret, which this command line creates.
 */
final class SecretAdvice {
  private SecretAdvice() {}

  /**
   * The advice for one Secret made from one file: the {@code kubectl create secret} command, and
   * when the file is missing here, that the Secret must exist in the cluster all the same.
   *
   * @param directory the project directory, which {@code path} is relative to
   */
  static String createSecret(
      Console console,
      Path directory,
      String secretName,
      String key,
      String path,
      String namespace) {
    Path file = directory.resolve(path).normalize();
    String shown = shown(console, file);
    String command =
        "kubectl create secret generic "
            + secretName
            + " --from-file="
            + key
            + "="
            + shown
            + (namespace == null ? "" : " -n " + namespace);
    if (!Files.isRegularFile(file)) {
      return "its file "
          + shown
          + " does not exist here; the Secret "
          + secretName
          + " must exist in the cluster before the pods can start: create it where the file is,"
          + " with "
          + command;
    }
    return "create the Secret before applying: " + command;
  }

  /**
   * The advice for an env file with credentials: the pods read each of its variables from the
   * Secret named after its path ({@code secretKeyRef}), which this command creates, one key per
   * variable, labelled with the project so that the operator watches it.
   *
   * @param directory the project directory, which {@code path} is relative to
   */
  static String envFileSecret(
      Console console, Path directory, String project, String path, String namespace) {
    String secret = Names.keyFileSecret(path);
    return "its variables are read from the Secret "
        + secret
        + "; create it before applying: kubectl create secret generic "
        + secret
        + " --from-env-file="
        + shown(console, directory.resolve(path).normalize())
        + andLabel(secret, project, namespace);
  }

  /** A file as the user should type it: relative to the working directory when inside it. */
  static String shown(Console console, Path file) {
    Path cwd = console.workingDirectory();
    return file.startsWith(cwd) ? TextFiles.relative(cwd, file) : file.toString();
  }

  /**
   * What follows a {@code kubectl create secret} command whose Secret holds variables the project
   * reads: labelled with the project, the Secret is watched, so creating or changing it is picked
   * up at once.
   */
  static String andLabel(String secretName, String project, String namespace) {
    String namespaceFlag = namespace == null ? "" : " -n " + namespace;
    return namespaceFlag
        + " && kubectl label secret "
        + secretName
        + " "
        + Labels.PROJECT
        + "="
        + project
        + namespaceFlag;
  }
}
