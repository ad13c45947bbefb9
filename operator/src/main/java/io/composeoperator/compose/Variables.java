package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretVariable;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The variables available to interpolation: only what the caller gives (the CLI's shell
 * environment, {@code .env} and {@code --env}, or the ComposeProject's {@code variables} / {@code
 * variablesFrom}); the loader itself never reads the process environment.
 *
 * @param values variable values by name (secret-sourced ones included)
 * @param secretSources for the variables that come from a Secret, where they come from
 */
public record Variables(Map<String, String> values, Map<String, SecretVariable> secretSources) {

  public static final Variables NONE = new Variables(Map.of(), Map.of());

  public Variables {
    values =
        values instanceof Recording ? values : Collections.unmodifiableMap(new TreeMap<>(values));
    secretSources = Collections.unmodifiableMap(new TreeMap<>(secretSources));
  }

  public static Variables of(Map<String, String> values) {
    return new Variables(values, Map.of());
  }

  /**
   * The same variables, recording into {@code used} the name of every variable looked up (set or
   * not), so that the loader can tell which variables a project uses.
   */
  Variables recordingInto(Set<String> used) {
    return new Variables(new Recording(values, used), secretSources);
  }

  /** A read-only view of a map that records the keys asked for. */
  private static final class Recording extends AbstractMap<String, String> {
    private final Map<String, String> values;
    private final Set<String> used;

    Recording(Map<String, String> values, Set<String> used) {
      this.values = values;
      this.used = used;
    }

    @Override
    public String get(Object key) {
      if (key instanceof String name) {
        used.add(name);
      }
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      if (key instanceof String name) {
        used.add(name);
      }
      return values.containsKey(key);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return values.entrySet();
    }
  }
}
