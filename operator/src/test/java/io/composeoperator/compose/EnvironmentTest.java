package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.SecretVariable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  private static List<EnvVar> environment(
      String service, Map<String, String> files, Map<String, String> variables) {
    return ComposeLoader.load(
            new ComposeSource(
                "compose.yaml",
                "services:\n  web:\n    image: nginx\n" + service,
                files,
                Variables.of(variables),
                List.of()))
        .model()
        .services()
        .get("web")
        .environment();
  }

  private static List<EnvVar> environment(String service) {
    return environment(service, Map.of(), Map.of());
  }

  @Test
  void mapAndListFormsAreEquivalent() {
    assertThat(environment("    environment: {A: \"1\", B: two, C: true, D: 5}\n"))
        .containsExactly(
            EnvVar.of("A", "1"),
            EnvVar.of("B", "two"),
            EnvVar.of("C", "true"),
            EnvVar.of("D", "5"));
    assertThat(environment("    environment: [A=1, B=two=2]\n"))
        .containsExactly(EnvVar.of("A", "1"), EnvVar.of("B", "two=2"));
  }

  @Test
  void emptyValueIsKept() {
    assertThat(environment("    environment: [EMPTY=]\n")).containsExactly(EnvVar.of("EMPTY", ""));
    assertThat(environment("    environment: {EMPTY: \"\"}\n"))
        .containsExactly(EnvVar.of("EMPTY", ""));
  }

  @Test
  void bareNameTakesTheVariableOrIsRemoved() {
    assertThat(
            environment(
                "    environment: [FROM_VARS, UNSET]\n", Map.of(), Map.of("FROM_VARS", "v")))
        .containsExactly(EnvVar.of("FROM_VARS", "v"));
    assertThat(
            environment(
                "    environment: {FROM_VARS: null, UNSET: null}\n",
                Map.of(),
                Map.of("FROM_VARS", "v")))
        .containsExactly(EnvVar.of("FROM_VARS", "v"));
  }

  @Test
  void bareSecretVariableStaysAReference() {
    SecretVariable secret = new SecretVariable("creds", "pw");
    var web =
        ComposeLoader.load(
                new ComposeSource(
                    "compose.yaml",
                    "services: {web: {image: nginx, environment: [PW]}}",
                    Map.of(),
                    new Variables(Map.of("PW", "hunter2"), Map.of("PW", secret)),
                    List.of()))
            .model()
            .services()
            .get("web");
    assertThat(web.environment()).containsExactly(new EnvVar("PW", null, secret));
  }

  @Test
  void environmentWinsOverEnvFileEvenWhenUnset() {
    Map<String, String> files = Map.of("./app.env", "A=from-file\nB=from-file\nC=from-file\n");
    assertThat(
            environment("    env_file: app.env\n    environment: [A=mine, B]\n", files, Map.of()))
        .containsExactly(EnvVar.of("A", "mine"), EnvVar.of("C", "from-file"));
  }

  @Test
  void laterEnvFilesWin() {
    Map<String, String> files = Map.of("a.env", "X=a\nY=a\n", "b.env", "Y=b\n");
    assertThat(environment("    env_file: [./a.env, b.env]\n", files, Map.of()))
        .containsExactly(EnvVar.of("X", "a"), EnvVar.of("Y", "b"));
  }

  @Test
  void envFileSyntax() {
    String file =
        """
        # a comment
        export EXPORTED=yes
        PLAIN = value with spaces # comment
        SINGLE='literal ${X} # not a comment'
        DOUBLE="line1\\nline2 ${X}"
        MULTI="first
        second"
        EMPTY=
        BARE
        AFTER=${PLAIN}!
        """;
    assertThat(
            environment(
                "    env_file: .env.app\n",
                Map.of(".env.app", file),
                Map.of("X", "x", "BARE", "b")))
        .containsExactly(
            EnvVar.of("EXPORTED", "yes"),
            EnvVar.of("PLAIN", "value with spaces"),
            EnvVar.of("SINGLE", "literal ${X} # not a comment"),
            EnvVar.of("DOUBLE", "line1\nline2 x"),
            EnvVar.of("MULTI", "first\nsecond"),
            EnvVar.of("EMPTY", ""),
            EnvVar.of("BARE", "b"),
            EnvVar.of("AFTER", "value with spaces!"));
  }

  @Test
  void rawFormatIsNotInterpolated() {
    assertThat(
            environment(
                "    env_file: [{path: raw.env, format: raw}]\n",
                Map.of("raw.env", "A=${X}\n"),
                Map.of("X", "x")))
        .containsExactly(EnvVar.of("A", "${X}"));
  }

  @Test
  void optionalMissingEnvFileIsSkipped() {
    assertThat(
            environment(
                "    env_file: [{path: missing.env, required: false}]\n    environment: [A=1]\n"))
        .containsExactly(EnvVar.of("A", "1"));
  }

  @Test
  void requiredMissingEnvFileIsAnError() {
    assertThatThrownBy(() -> environment("    env_file: missing.env\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.env_file: env file \"missing.env\" was not provided: put it"
                + " into spec.files (operator) or beside the compose file (CLI), or mark it required:"
                + " false");
  }

  @Test
  void badEnvFileLineNamesFileAndLine() {
    assertThatThrownBy(
            () ->
                environment(
                    "    env_file: bad.env\n", Map.of("bad.env", "OK=1\nNOT OK=2\n"), Map.of()))
        .isInstanceOf(ComposeException.class)
        .hasMessage("compose.yaml: bad.env:2: \"NOT OK=2\" is not KEY=value");
  }

  @Test
  void listEntryWithoutNameIsAnError() {
    assertThatThrownBy(() -> environment("    environment: [\"=x\"]\n"))
        .hasMessage("compose.yaml: services.web.environment[0]: \"=x\" is not NAME=value");
  }
}
