package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static Arguments parse(String... args) throws UsageException {
    return Arguments.parse(
        args, Set.of("--file", "--env"), Set.of("--verbose"), Map.of("-f", "--file"));
  }

  @Test
  void valuesComeSeparatedOrAfterEquals() throws UsageException {
    Arguments args = parse("--env", "A=1", "--env=B=2", "-f", "x.yaml", "--verbose");

    assertThat(args.all("--env")).containsExactly("A=1", "B=2");
    assertThat(args.pairs("--env")).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    assertThat(args.single("--file")).isEqualTo("x.yaml");
    assertThat(args.has("--verbose")).isTrue();
  }

  @Test
  void laterPairsWin() throws UsageException {
    assertThat(parse("--env", "A=1", "--env", "A=2").pairs("--env")).isEqualTo(Map.of("A", "2"));
  }

  @Test
  void dashAloneIsAValue() throws UsageException {
    assertThat(parse("-f", "-").single("--file")).isEqualTo("-");
  }

  @Test
  void singleValuedFlagGivenTwiceIsRefused() {
    assertThatThrownBy(() -> parse("-f", "a", "-f", "b").single("--file"))
        .isInstanceOf(UsageException.class)
        .hasMessage("flag --file may be given only once");
  }

  @Test
  void pairWithoutEqualsIsRefused() {
    assertThatThrownBy(() -> parse("--env", "A").pairs("--env"))
        .hasMessage("--env expects KEY=VALUE, got \"A\"");
  }

  @Test
  void positionalArgumentIsRefused() {
    assertThatThrownBy(() -> parse("compose.yaml"))
        .hasMessage("unexpected argument \"compose.yaml\"");
  }

  @Test
  void absentFlagsAreEmpty() throws UsageException {
    Arguments args = parse();

    assertThat(args.all("--env")).isEqualTo(List.of());
    assertThat(args.single("--file")).isNull();
    assertThat(args.has("--verbose")).isFalse();
  }
}
