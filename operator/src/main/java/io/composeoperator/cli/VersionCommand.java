package io.composeoperator.cli;

/** {@code version}: prints {@code compose-operator <version>}. */
public final class VersionCommand {
  private final Console console;

  public VersionCommand(Console console) {
    this.console = console;
  }

  /** Prints the version; any argument is a usage error. */
  public int run(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      console.out().println("Usage: compose-operator version");
      return Failures.OK;
    }
    if (args.length > 0) {
      console.err().println("version: unexpected argument \"" + args[0] + "\"");
      console.err().println("Usage: compose-operator version");
      return Failures.USAGE;
    }
    console.out().println("compose-operator " + version());
    return Failures.OK;
  }

  /** The jar manifest's Implementation-Version, or {@code dev} when run from classes. */
  static String version() {
    String version = VersionCommand.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
