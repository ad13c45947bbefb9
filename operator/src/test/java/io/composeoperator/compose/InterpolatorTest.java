package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.SecretVariable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

  private static String image(String expression, Map<String, String> variables) {
    return load("services: {web: {image: \"" + expression + "\"}}", variables)
        .model()
        .services()
        .get("web")
        .image()
        .reference();
  }

  /** A label value: free text, where an image would have to be a valid reference. */
  private static String label(String expression, Map<String, String> variables) {
    return load("services: {web: {image: nginx, labels: {x: \"" + expression + "\"}}}", variables)
        .model()
        .services()
        .get("web")
        .metadata()
        .labels()
        .get("x");
  }

  @Test
  void plainAndBracedVariablesAreSubstituted() {
    assertThat(image("$REPO/app:${TAG}", Map.of("REPO", "r", "TAG", "1.4"))).isEqualTo("r/app:1.4");
  }

  @Test
  void colonDashDefaultCoversUnsetAndEmpty() {
    assertThat(image("${TAG:-latest}", Map.of())).isEqualTo("latest");
    assertThat(image("${TAG:-latest}", Map.of("TAG", ""))).isEqualTo("latest");
    assertThat(image("${TAG:-latest}", Map.of("TAG", "1"))).isEqualTo("1");
  }

  @Test
  void dashDefaultCoversOnlyUnset() {
    assertThat(image("x${TAG-latest}", Map.of())).isEqualTo("xlatest");
    assertThat(image("x${TAG-latest}", Map.of("TAG", ""))).isEqualTo("x");
  }

  @Test
  void plusAlternativeNeedsSetValue() {
    assertThat(image("x${TAG:+alt}", Map.of("TAG", "1"))).isEqualTo("xalt");
    assertThat(image("x${TAG:+alt}", Map.of("TAG", ""))).isEqualTo("x");
    assertThat(image("x${TAG+alt}", Map.of("TAG", ""))).isEqualTo("xalt");
    assertThat(image("x${TAG+alt}", Map.of())).isEqualTo("x");
  }

  @Test
  void nestedDefaultsAreInterpolated() {
    assertThat(image("${A:-${B:-deep}}", Map.of())).isEqualTo("deep");
    assertThat(image("${A:-${B:-deep}}", Map.of("B", "b"))).isEqualTo("b");
  }

  @Test
  void doubleDollarIsALiteralDollar() {
    assertThat(label("a$$b$${X}", Map.of("X", "no"))).isEqualTo("a$b${X}");
  }

  @Test
  void unsetVariableBecomesEmptyWithWarning() {
    LoadResult result = load("services: {web: {image: \"nginx${TAG}\"}}", Map.of());
    assertThat(result.model().services().get("web").image().reference()).isEqualTo("nginx");
    assertThat(result.warnings())
        .containsExactly(
            new Warning(
                "services.web.image", "variable TAG is not set; substituting an empty string"));
  }

  @Test
  void requiredVariableMissingIsAnError() {
    assertThatThrownBy(() -> load("services: {web: {image: \"${TAG:?set the tag}\"}}", Map.of()))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.image: required variable TAG is missing a value: set the tag");
    assertThatThrownBy(() -> load("services: {web: {image: \"${TAG?}\"}}", Map.of()))
        .hasMessage("compose.yaml: services.web.image: required variable TAG is missing a value");
  }

  @Test
  void questionMarkAcceptsEmptyButColonQuestionMarkDoesNot() {
    assertThat(image("x${TAG?err}", Map.of("TAG", ""))).isEqualTo("x");
    assertThatThrownBy(() -> image("${TAG:?err}", Map.of("TAG", "")))
        .hasMessage(
            "compose.yaml: services.web.image: required variable TAG is missing a value: err");
  }

  @Test
  void invalidBracedExpressionIsAnError() {
    assertThatThrownBy(() -> image("${1BAD}", Map.of()))
        .hasMessage(
            "compose.yaml: services.web.image: invalid interpolation format in \"${1BAD}\"");
    assertThatThrownBy(() -> image("${OPEN", Map.of()))
        .hasMessage("compose.yaml: services.web.image: invalid interpolation format in \"${OPEN\"");
  }

  @Test
  void dollarNotFollowedByNameStaysAsIs() {
    assertThat(label("echo $(date) $ 5", Map.of())).isEqualTo("echo $(date) $ 5");
  }

  @Test
  void keysAreNotInterpolated() {
    LoadResult result =
        load(
            "services: {web: {image: nginx, labels: {\"${K}\": \"${V}\"}}}",
            Map.of("K", "k", "V", "v"));
    assertThat(result.model().services().get("web").metadata().labels())
        .containsExactly(Map.entry("${K}", "v"));
  }

  @Test
  void processEnvironmentIsNeverRead() {
    assertThat(System.getenv("PATH")).isNotNull();
    assertThat(image("x${PATH}", Map.of())).isEqualTo("x");
  }

  @Test
  void secretVariableAloneInEnvironmentStaysAReference() {
    SecretVariable source = new SecretVariable("db-creds", "password");
    Variables variables = new Variables(Map.of("PW", "hunter2"), Map.of("PW", source));
    LoadResult result =
        load(
            """
            services:
              web:
                image: nginx
                environment:
                  MAP_FORM: ${PW}
              api:
                image: nginx
                environment:
                  - LIST_FORM=$PW
                  - BARE_FORM_IS_NOT_SECRET=${PW}x
            """,
            variables);
    assertThat(result.model().services().get("web").environment())
        .containsExactly(new EnvVar("MAP_FORM", null, source));
    assertThat(result.model().services().get("api").environment())
        .containsExactly(
            new EnvVar("LIST_FORM", null, source),
            EnvVar.of("BARE_FORM_IS_NOT_SECRET", "hunter2x"));
    assertThat(result.warnings())
        .containsExactly(
            new Warning(
                "services.api.environment[1]",
                "variable PW comes from Secret db-creds (key password) but its value is written in"
                    + " clear here; only an environment value that is exactly ${PW} stays a Secret"
                    + " reference"));
  }

  @Test
  void secretVariableWithAFallbackIsAReferenceWhenTheFallbackIsNotUsed() {
    SecretVariable pw = new SecretVariable("s", "PW");
    SecretVariable empty = new SecretVariable("s", "EMPTY");
    Variables variables =
        new Variables(Map.of("PW", "hunter2", "EMPTY", ""), Map.of("PW", pw, "EMPTY", empty));
    LoadResult result =
        load(
            """
            services:
              web:
                image: nginx
                environment:
                  DEFAULT: ${PW:-changeme}
                  REQUIRED: ${PW:?set PW}
                  UNSET_FORM: ${PW-x}
                  EMPTY_USES_DEFAULT: ${EMPTY:-fallback}
                  EMPTY_IS_SET: ${EMPTY-fallback}
                  NESTED_IS_NOT: ${PW:-${OTHER}}
            """,
            variables);
    assertThat(result.model().services().get("web").environment())
        .containsExactly(
            new EnvVar("DEFAULT", null, pw),
            new EnvVar("REQUIRED", null, pw),
            new EnvVar("UNSET_FORM", null, pw),
            EnvVar.of("EMPTY_USES_DEFAULT", "fallback"),
            new EnvVar("EMPTY_IS_SET", null, empty),
            EnvVar.of("NESTED_IS_NOT", "hunter2"));
  }

  @Test
  void secretReferenceIsRecognisedWhateverTheNames() {
    SecretVariable source = new SecretVariable("s", "k");
    Variables variables = new Variables(Map.of("PW", "hunter2"), Map.of("PW", source));
    LoadResult result =
        load(
            "services: {web.v2: {image: nginx, environment: {spring.password: \"${PW}\"}}}",
            variables);
    assertThat(result.model().services().get("web.v2").environment())
        .containsExactly(new EnvVar("spring.password", null, source));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void secretVariableElsewhereIsWarnedAboutWithItsPath() {
    Variables variables =
        new Variables(Map.of("PW", "hunter2"), Map.of("PW", new SecretVariable("s", "k")));
    LoadResult result =
        load("services: {web: {image: nginx, command: [\"--pw=${PW}\"]}}", variables);
    assertThat(result.model().services().get("web").process().command())
        .containsExactly("--pw=hunter2");
    assertThat(result.warnings())
        .extracting(Warning::path)
        .containsExactly("services.web.command[0]");
  }

  @Test
  void numbersAndBooleansAreLeftAlone() {
    assertThat(
            load("services: {web: {image: nginx, scale: 2, tty: true}}", Map.of())
                .model()
                .services()
                .get("web")
                .replicas())
        .isEqualTo(2);
  }
}
