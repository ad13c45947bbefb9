package io.composeoperator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kubectl that the local control plane was built with, as admin, as a user would type it. */
final class Kubectl {
  /** What a command printed and how it ended. */
  record Result(int exitCode, String output) {}

  private final Path kubeconfig;

  Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** up.sh links the binaries it started beside the kubeconfig. */
  Path binary() {
    return kubeconfig.resolveSibling("bin/kubectl");
  }

  Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--kubeconfig"));
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not end");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs it and fails the test when it fails, with what it printed. */
  String ok(String... args) {
    Result result = run(args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }
}
