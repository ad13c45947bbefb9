package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {

  @Test
  void entrypointBecomesCommandAndCommandBecomesArgs() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .process(
                    proc ->
                        proc.entrypoint(List.of("/docker-entrypoint.sh"))
                            .command(List.of("nginx", "-g", "daemon off;")))
                .build());

    assertThat(Commands.command(ctx)).containsExactly("/docker-entrypoint.sh");
    assertThat(Commands.args(ctx)).containsExactly("nginx", "-g", "daemon off;");
  }

  @Test
  void nullKeepsTheImageDefaults() {
    ServiceContext ctx = TestModels.context(TestModels.service("web").build());

    assertThat(Commands.command(ctx)).isNull();
    assertThat(Commands.args(ctx)).isNull();
    assertThat(ctx.warnings().toList()).isEmpty();
  }

  @Test
  void literalDollarParenIsEscaped() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .process(proc -> proc.command(List.of("sh", "-c", "echo $(date) $HOME")))
                .build());

    assertThat(Commands.args(ctx)).containsExactly("sh", "-c", "echo $$(date) $HOME");
  }

  @Test
  void emptyCommandIsWarnedBecauseItCannotBeExpressed() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web").process(proc -> proc.command(List.of())).build());

    assertThat(Commands.args(ctx)).isNull();
    assertThat(ctx.warnings().toList())
        .extracting(Warning::path)
        .containsExactly("services.web.command");
  }

  @Test
  void emptyCommandWithEntrypointIsNotWarned() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .process(proc -> proc.entrypoint(List.of("run")))
                .process(proc -> proc.command(List.of()))
                .build());

    assertThat(Commands.args(ctx)).isNull();
    assertThat(ctx.warnings().toList()).isEmpty();
  }
}
