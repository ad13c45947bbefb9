package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretVariable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables available to interpolation: only what the caller gives (CLI {@code --env} and
 * {@code .env}, or the ComposeProject's {@code variables} / {@code variablesFrom}), never the
 * process environment.
 *
 * @param values variable values by name (secret-sourced ones included)
 * @param secretSources for the variables that come from a Secret, where they come from
 */
public record Variables(Map<String, String> values, Map<String, SecretVariable> secretSources) {

  public static final Variables NONE = new Variables(Map.of(), Map.of());

  public Variables {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    secretSources = Collections.unmodifiableMap(new TreeMap<>(secretSources));
  }

  public static Variables of(Map<String, String> values) {
    return new Variables(values, Map.of());
  }
}
