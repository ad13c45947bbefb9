package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DotEnvTest {
  @Test
  void readsTheDotEnvDialect() throws CliException {
    String text =
        """
        # comment
        TAG=1.4
        export REGION=eu
        EMPTY=
        SINGLE='a $b # c'
        DOUBLE="line\\nnext \\"q\\""
        TRAILING=value # comment
        FROM_SHELL
        """;

    assertThat(DotEnv.parse(".env", text))
        .containsExactly(
            java.util.Map.entry("TAG", "1.4"),
            java.util.Map.entry("REGION", "eu"),
            java.util.Map.entry("EMPTY", ""),
            java.util.Map.entry("SINGLE", "a $b # c"),
            java.util.Map.entry("DOUBLE", "line\nnext \"q\""),
            java.util.Map.entry("TRAILING", "value"));
  }

  @Test
  void malformedLineNamesFileAndLine() {
    assertThatThrownBy(() -> DotEnv.parse("prod.env", "A=1\n=2\n"))
        .hasMessage("prod.env: line 2: expected KEY=VALUE");
  }
}
