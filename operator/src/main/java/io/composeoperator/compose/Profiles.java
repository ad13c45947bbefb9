package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compose profiles (spec {@code 15-profiles.md}): a service without profiles is always enabled; one
 * with profiles only when one of them is active ({@code *} activates all).
 */
final class Profiles {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  private Profiles() {}

  /** A service's {@code profiles}, each name checked against the spec's syntax. */
  static List<String> of(Fields fields, Object value, String path) {
    List<String> profiles = fields.strings(value, path);
    for (int i = 0; i < profiles.size(); i++) {
      if (!NAME.matcher(profiles.get(i)).matches()) {
        throw fields.error(
            path + "[" + i + "]",
            Fields.quote(profiles.get(i))
                + " is not a profile name (letters, digits, _ . -; at least two characters, not"
                + " starting with _ . -)");
      }
    }
    return profiles;
  }

  /**
   * The warning when no service runs: which profile enables which services, so that the user sees
   * why nothing is rendered and what to activate.
   *
   * @param disabled service name → its profiles, for every service (none is enabled)
   */
  static String nothingEnabled(Map<String, List<String>> disabled) {
    SortedMap<String, SortedSet<String>> byProfile = new TreeMap<>();
    disabled.forEach(
        (service, profiles) ->
            profiles.forEach(p -> byProfile.computeIfAbsent(p, k -> new TreeSet<>()).add(service)));
    List<String> parts = new ArrayList<>();
    byProfile.forEach(
        (profile, services) ->
            parts.add("profile " + profile + " enables " + String.join(", ", services)));
    return "no service is enabled: every service is in a profile that is not active ("
        + String.join("; ", parts)
        + "); activate one with --profile (render, convert) or spec.profiles";
  }

  /** True when a service with these profiles runs under the active ones. */
  static boolean enabled(List<String> profiles, Collection<String> active) {
    return profiles.isEmpty()
        || active.contains("*")
        || profiles.stream().anyMatch(active::contains);
  }
}
