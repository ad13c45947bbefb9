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
  void valuesReferToEarlierVariablesNeverTheProcessEnvironment() throws CliException {
    String text =
        """
        HOST=db
        URL=postgres://${HOST}:5432/$NAME
        PORT=${DB_PORT:-5432}
        SHELL_PATH=${PATH}
        LITERAL='${HOST}'
        """;

    assertThat(DotEnv.parse(".env", text, java.util.Map.of("NAME", "app")))
        .containsEntry("URL", "postgres://db:5432/app")
        .containsEntry("PORT", "5432")
        .containsEntry("SHELL_PATH", "")
        .containsEntry("LITERAL", "${HOST}");
  }

  @Test
  void malformedLineNamesFileAndLine() {
    assertThatThrownBy(() -> DotEnv.parse("prod.env", "A=1\n=2\n"))
        .hasMessage("prod.env: line 2: expected KEY=VALUE");
  }
}
