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
    return new Variables(new Recording(values, used, Map.of()), secretSources);
  }

  /**
   * These variables, then {@code fallback} for the names they do not set: what an included file is
   * interpolated with when its {@code include} entry has an {@code env_file} (compose-go {@code
   * loader/include.go}: the including project's environment, merged with the env file's variables
   * that it does not define).
   */
  Variables withFallback(Map<String, String> fallback) {
    if (fallback.isEmpty()) {
      return this;
    }
    Recording layered;
    if (values instanceof Recording recording) {
      Map<String, String> merged = new TreeMap<>(fallback);
      merged.putAll(recording.fallback); // an earlier fallback wins over a later one
      layered = new Recording(recording.values, recording.used, merged);
    } else {
      layered = new Recording(values, new java.util.HashSet<>(), fallback);
    }
    return new Variables(layered, secretSources);
  }

  /**
   * A read-only view of a map that records the keys asked for, with {@code fallback} for the keys
   * the map does not hold.
   */
  private static final class Recording extends AbstractMap<String, String> {
    private final Map<String, String> values;
    private final Set<String> used;
    private final Map<String, String> fallback;

    Recording(Map<String, String> values, Set<String> used, Map<String, String> fallback) {
      this.values = values;
      this.used = used;
      this.fallback = fallback;
    }

    @Override
    public String get(Object key) {
      if (key instanceof String name) {
        used.add(name);
      }
      return values.containsKey(key) ? values.get(key) : fallback.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      if (key instanceof String name) {
        used.add(name);
      }
      return values.containsKey(key) || fallback.containsKey(key);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      if (fallback.isEmpty()) {
        return values.entrySet();
      }
      Map<String, String> all = new TreeMap<>(fallback);
      all.putAll(values);
      return all.entrySet();
    }
  }
}
