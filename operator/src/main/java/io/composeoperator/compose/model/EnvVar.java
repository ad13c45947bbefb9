package io.composeoperator.compose.model;

/**
 * One environment variable of a service, after interpolation and env_file merging.
 *
 * @param name the variable name
 * @param value the value ({@code FOO=} is the empty string, which is kept); null only when {@code
 *     secret} is set
 * @param secret set when the value in the file was exactly one variable that comes from a Secret
 *     (so it is mapped to a secretKeyRef and never written in clear), else null
 */
public record EnvVar(String name, String value, SecretVariable secret) {

  public static EnvVar of(String name, String value) {
    return new EnvVar(name, value, null);
  }
}
