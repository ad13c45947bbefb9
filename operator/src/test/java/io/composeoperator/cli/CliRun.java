package io.composeoperator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command line in-process with captured stdout and stderr, in a given directory. */
record CliRun(int exitCode, String out, String err) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The objects of a multi-document YAML stream (what render prints). */
  static List<HasMetadata> objects(String yaml) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    if (parsed instanceof List<?> list) {
      return list.stream().map(HasMetadata.class::cast).toList();
    }
    return parsed == null ? List.of() : List.of((HasMetadata) parsed);
  }

  /**
   * Writes {@code directory/kubeconfig}: one cluster at {@code server}, the current context {@code
   * dev} without a namespace, a token user. Returns its path.
   */
  static Path kubeconfig(Path directory, String server) throws IOException {
    return Files.writeString(
        directory.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s"}
        contexts:
        - name: dev
          context: {cluster: c, user: u}
        current-context: dev
        users:
        - name: u
          user: {token: x}
        """
            .formatted(server));
  }

  static CliRun in(Path directory, String... args) {
    return withStdin(directory, "", args);
  }

  /** Runs with these variables as the shell's environment. */
  static CliRun withEnvironment(Path directory, Map<String, String> environment, String... args) {
    return run(directory, "", environment, args);
  }

  static CliRun withStdin(Path directory, String stdin, String... args) {
    return run(directory, stdin, Map.of(), args);
  }

  private static CliRun run(
      Path directory, String stdin, Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            directory.toAbsolutePath().normalize(),
            environment);
    int exit = Main.run(args, console);
    return new CliRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
