package io.composeoperator.compose.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How the service's main process is started, the keys {@code translate/Commands} and {@code
 * translate/Containers} read.
 *
 * @param command {@code command} as argv (a string is split as a shell would); null = keep the
 *     image's CMD, empty = override to empty
 * @param entrypoint {@code entrypoint} as argv; null = keep the image's ENTRYPOINT
 * @param workingDir {@code working_dir}, or null
 * @param tty {@code tty}
 * @param stdinOpen {@code stdin_open}
 * @param init {@code init}
 */
public record ProcessConfig(
    List<String> command,
    List<String> entrypoint,
    String workingDir,
    boolean tty,
    boolean stdinOpen,
    boolean init) {

  /** Nothing set: the image's own command. */
  public static final ProcessConfig NONE = builder().build();

  public ProcessConfig {
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .command(command == null ? null : new ArrayList<>(command))
        .entrypoint(entrypoint == null ? null : new ArrayList<>(entrypoint))
        .workingDir(workingDir)
        .tty(tty)
        .stdinOpen(stdinOpen)
        .init(init);
  }

  /** Mutable builder, for the loader and for tests. */
  public static final class Builder {
    private List<String> command;
    private List<String> entrypoint;
    private String workingDir;
    private boolean tty;
    private boolean stdinOpen;
    private boolean init;

    private Builder() {}

    public Builder command(List<String> value) {
      this.command = value;
      return this;
    }

    public Builder entrypoint(List<String> value) {
      this.entrypoint = value;
      return this;
    }

    public Builder workingDir(String value) {
      this.workingDir = value;
      return this;
    }

    public Builder tty(boolean value) {
      this.tty = value;
      return this;
    }

    public Builder stdinOpen(boolean value) {
      this.stdinOpen = value;
      return this;
    }

    public Builder init(boolean value) {
      this.init = value;
      return this;
    }

    public ProcessConfig build() {
      return new ProcessConfig(command, entrypoint, workingDir, tty, stdinOpen, init);
    }
  }
}
