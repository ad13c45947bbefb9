package io.composeoperator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged operator ({@code java -jar compose-operator.jar run}) as a separate process. */
final class OperatorProcess implements AutoCloseable {
  final int httpPort;
  final Path log;
  private final Process process;

  OperatorProcess(Path kubeconfig, String... extraArgs) {
    this(kubeconfig, List.of("-Xmx256m"), extraArgs);
  }

  /** With these JVM options instead of the default heap. */
  OperatorProcess(Path kubeconfig, List<String> jvmOptions, String... extraArgs) {
    try {
      httpPort = freePort();
      log = Files.createTempFile("operator", ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(System.getProperty("operator.jar", "../operator/target/compose-operator.jar"));
      command.add("run");
      command.add("--http-port");
      command.add(Integer.toString(httpPort));
      command.addAll(List.of(extraArgs));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Sends SIGKILL, as a node failure or an OOM kill would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Sends SIGTERM and waits for the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
