package io.composeoperator.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of compose-operator.jar: one picocli command line for every subcommand, so every
 * command accepts {@code --flag value} and {@code --flag=value} alike and its help is generated
 * from the options it declares. Commands return an exit code; only {@link #main} exits.
 */
@Command(
    name = "compose-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Runs Compose projects on Kubernetes and keeps them running.",
    footer = {"", "Run 'compose-operator COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  private Main() {}

  /** Commands that print only what they compute: no library logging unless {@code --verbose}. */
  private static final Set<String> OFFLINE_COMMANDS = Set.of("render", "convert", "version");

  private static final String SLF4J_PROVIDER = "slf4j.provider";

  public static void main(String[] args) {
    if (args.length > 0
        && OFFLINE_COMMANDS.contains(args[0])
        && !Arrays.asList(args).contains("--verbose")
        && !Arrays.asList(args).contains("-v")
        && System.getProperty(SLF4J_PROVIDER) == null) {
      // fabric8's serializers create loggers, which starts logback: about 500 classes and an XML
      // parser, a tenth of a second or more of render's run time, for messages render never has.
      // Set here and not in run(): tests call run() in a JVM that other tests log in.
      System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    System.exit(run(args, Console.system()));
  }

  /** No command: the usage on stderr, a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Failures.USAGE;
  }

  private static final String[] COMMANDS = {"render", "convert", "run", "wait", "version", "help"};

  /** The subcommand called {@code name}; null for an unknown name and for {@code help}. */
  private static Object command(String name, Console console) {
    return switch (name) {
      case "render" -> new RenderCommand(console);
      case "convert" -> new ConvertCommand(console);
      case "run" -> new RunCommand(console);
      case "wait" -> new WaitCommand(console);
      case "version" -> new VersionCommand(console);
      default -> null;
    };
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, Console console) {
    return commandLine(console, args.length > 0 ? args[0] : null).execute(args);
  }

  /**
   * The command line writing to the console's streams. When {@code first} (the first argument)
   * names a subcommand, only that one is registered: picocli reads every registered command's
   * annotations and methods by reflection, which loads the classes their signatures name (the
   * operator's, the Kubernetes client's), a quarter of a second that {@code render} does not need.
   * Otherwise (help, an unknown command) all of them are, for the list of commands.
   */
  static CommandLine commandLine(Console console, String first) {
    CommandLine line = new CommandLine(new Main());
    Object only = first == null ? null : command(first, console);
    if (only != null) {
      line.addSubcommand(only);
    } else {
      for (String name : COMMANDS) {
        line.addSubcommand(
            name.equals("help") ? new CommandLine.HelpCommand() : command(name, console));
      }
    }
    line.setExpandAtFiles(false);
    line.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
    line.setOut(writer(console.out()));
    line.setErr(writer(console.err()));
    line.setParameterExceptionHandler(new UsageErrors());
    line.setExecutionStrategy(new Execution());
    return line;
  }

  /**
   * Runs the chosen command, but first refuses arguments picocli left unmatched: it does not report
   * them when {@code --help} is also given, and an unknown flag must fail even then (a chart that
   * renders one must not seem to work).
   */
  private static final class Execution implements CommandLine.IExecutionStrategy {
    @Override
    public int execute(ParseResult parsed) {
      for (ParseResult level = parsed; level != null; level = level.subcommand()) {
        if (!level.unmatched().isEmpty()) {
          throw new UnmatchedArgumentException(
              level.commandSpec().commandLine(), level.unmatched());
        }
      }
      return new CommandLine.RunLast().execute(parsed);
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /**
   * A command line that cannot be understood: {@code command: problem} and the command's usage on
   * stderr, exit 2.
   */
  private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
      CommandLine command = e.getCommandLine();
      PrintWriter err = command.getErr();
      boolean root = command.getParent() == null;
      String message = e.getMessage();
      if (root
          && e instanceof UnmatchedArgumentException unmatched
          && !unmatched.getUnmatched().isEmpty()
          && !unmatched.getUnmatched().get(0).startsWith("-")) {
        message = "unknown command \"" + unmatched.getUnmatched().get(0) + "\"";
      }
      err.println((root ? "" : command.getCommandName() + ": ") + message);
      UnmatchedArgumentException.printSuggestions(e, err);
      command.usage(err);
      err.flush();
      return Failures.USAGE;
    }
  }
}
