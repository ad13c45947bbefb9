package io.composeoperator.cli;

import java.util.Arrays;
import java.util.Set;

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

  /** Commands that print only what they compute: no library logging unless {@code --verbose}. */
  private static final Set<String> OFFLINE_COMMANDS = Set.of("render", "convert", "version");

  public static void main(String[] args) {
    if (args.length > 0
        && OFFLINE_COMMANDS.contains(args[0])
        && !Arrays.asList(args).contains("--verbose")
        && System.getProperty(SLF4J_PROVIDER) == null) {
      // fabric8's serializers create loggers, which starts logback: about 500 classes and an XML
      // parser, a tenth of a second or more of render's run time, for messages render never has.
      // Set here and not in run(): tests call run() in a JVM that other tests log in.
      System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    System.exit(run(args, Console.system()));
  }

  private static final String SLF4J_PROVIDER = "slf4j.provider";

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
