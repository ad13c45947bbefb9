package io.composeoperator.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small command-line parser: {@code --flag value}, {@code --flag=value}, repeatable flags,
 * boolean switches and one-letter aliases ({@code -f}). No positional arguments.
 */
final class Arguments {
  private final Map<String, List<String>> values;
  private final Set<String> switches;

  private Arguments(Map<String, List<String>> values, Set<String> switches) {
    this.values = values;
    this.switches = switches;
  }

  /**
   * Parses {@code args}.
   *
   * @param valueFlags flags that take a value, by long name ({@code --name})
   * @param switchFlags flags without a value ({@code --verbose})
   * @param aliases short name to long name ({@code -f → --file})
   * @throws UsageException on an unknown flag, a missing value or a positional argument
   */
  static Arguments parse(
      String[] args, Set<String> valueFlags, Set<String> switchFlags, Map<String, String> aliases)
      throws UsageException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Set<String> switches = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      flag = aliases.getOrDefault(flag, flag);
      if (switchFlags.contains(flag) && value == null) {
        switches.add(flag);
      } else if (valueFlags.contains(flag)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException("flag " + arg + " needs a value");
          }
          value = args[++i];
        }
        values.computeIfAbsent(flag, k -> new ArrayList<>()).add(value);
      } else if (arg.startsWith("-") && !arg.equals("-")) {
        throw new UsageException("unknown flag " + arg);
      } else {
        throw new UsageException("unexpected argument \"" + arg + "\"");
      }
    }
    return new Arguments(values, switches);
  }

  /** True when the switch was given. */
  boolean has(String flag) {
    return switches.contains(flag);
  }

  /** Every value of a repeatable flag, in order; empty when not given. */
  List<String> all(String flag) {
    return List.copyOf(values.getOrDefault(flag, List.of()));
  }

  /** The value of a single-valued flag, or null; giving it twice is a usage error. */
  String single(String flag) throws UsageException {
    List<String> given = values.getOrDefault(flag, List.of());
    if (given.size() > 1) {
      throw new UsageException("flag " + flag + " may be given only once");
    }
    return given.isEmpty() ? null : given.get(0);
  }

  /**
   * The {@code KEY=VALUE} values of a repeatable flag as a map (later entries win).
   *
   * @throws UsageException when a value has no {@code =} or an empty key
   */
  Map<String, String> pairs(String flag) throws UsageException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String value : all(flag)) {
      int eq = value.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(flag + " expects KEY=VALUE, got \"" + value + "\"");
      }
      pairs.put(value.substring(0, eq), value.substring(eq + 1));
    }
    return pairs;
  }
}
