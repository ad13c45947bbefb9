package io.composeoperator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** {@code version}: prints {@code compose-operator <version>}. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this help")
  boolean help;

  private final Console console;

  public VersionCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.out().println("compose-operator " + version());
    console.out().flush();
    return Failures.OK;
  }

  /** The jar manifest's Implementation-Version, or {@code dev} when run from classes. */
  static String version() {
    String version = VersionCommand.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** {@code compose-operator --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"compose-operator " + version()};
    }
  }
}
