package io.composeoperator.cli;

import java.util.Arrays;

/**
 * Entry point of compose-operator.jar: dispatches to one class per subcommand. Commands return an
 * exit code; only {@link #main} exits.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: compose-operator <command> [options]

      Commands:
        render    print the Kubernetes objects of a Compose project (what the operator applies)
        convert   print a ComposeProject for a local Compose project
        run       run the operator (kubeconfig or in-cluster configuration)
        wait      wait for services of a project (inside a depends_on init container)
        version   print the version
        help      print this help

      Run 'compose-operator <command> --help' for a command's options.
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, Console.system()));
  }

  private static int help(Console console) {
    console.out().print(USAGE);
    return Failures.OK;
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, Console console) {
    if (args.length == 0) {
      console.err().print(USAGE);
      return Failures.USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "render":
        return new RenderCommand(console).run(rest);
      case "convert":
        return new ConvertCommand(console).run(rest);
      case "run":
        return RunCommand.run(rest);
      case "wait":
        return WaitCommand.run(rest);
      case "version":
      case "--version":
        return new VersionCommand(console).run(rest);
      case "help":
        return rest.length == 0 ? help(console) : run(new String[] {rest[0], "--help"}, console);
      case "--help":
      case "-h":
        return help(console);
      default:
        console.err().println("unknown command \"" + args[0] + "\"");
        console.err().print(USAGE);
        return Failures.USAGE;
    }
  }
}
