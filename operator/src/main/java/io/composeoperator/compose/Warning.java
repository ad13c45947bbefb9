package io.composeoperator.compose;

/**
 * Something the user should know that does not stop deployment: a key that is not mapped, a name
 * that was changed, a setting that means something else on Kubernetes.
 *
 * @param path the YAML path the warning is about ({@code services.api.build})
 * @param message what happened, in a sentence
 */
public record Warning(String path, String message) implements Comparable<Warning> {

  @Override
  public String toString() {
    return path == null || path.isEmpty() ? message : path + ": " + message;
  }

  @Override
  public int compareTo(Warning other) {
    return toString().compareTo(other.toString());
  }
}
