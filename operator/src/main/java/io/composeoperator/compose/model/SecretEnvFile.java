package io.composeoperator.compose.model;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An env file that holds credentials and lives in a Secret the user created instead of in the
 * project's files: the environment reads each of its variables as a reference into the Secret,
 * never as a value.
 *
 * @param secretName the Secret
 * @param variables the Secret's keys, one per variable of the file; null when the Secret does not
 *     exist (yet)
 */
public record SecretEnvFile(String secretName, SortedSet<String> variables) {
  public SecretEnvFile {
    variables =
        variables == null
            ? null
            : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(variables));
  }

  /** The variables as Secret references, in name order. */
  public List<SecretVariable> references() {
    return variables.stream().map(key -> new SecretVariable(secretName, key)).toList();
  }

  /** True when the Secret exists. */
  public boolean exists() {
    return variables != null;
  }
}
