package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.cli.RunCommand;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator's own flag parser accepts every argument list the chart can render. */
class ChartArgumentsTest {

  static Stream<Arguments> valueSets() {
    return Stream.of(
        Arguments.of("defaults", Map.of()),
        Arguments.of("namespaced", Map.of("watchNamespaces", List.of("team-a", "team-b"))),
        Arguments.of(
            "restricted, json, own wait image",
            Map.of(
                "maxSecurityProfile", "restricted",
                "logFormat", "json",
                "waitImage", "registry.example.com/wait:1")),
        Arguments.of(
            "privileged, two replicas", Map.of("maxSecurityProfile", "privileged", "replicas", 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void operatorParsesTheRenderedArguments(String name, Map<String, Object> values) {
    List<String> args = renderedArgs(values);

    assertThat(args.get(0)).isEqualTo("run");
    // --help last: the parser reads every flag before it, then prints usage instead of starting.
    assertThat(RunCommand.run(withHelp(args.subList(1, args.size())))).as(name).isEqualTo(0);
  }

  @Test
  void parserRejectsAnUnknownFlagBeforeHelp() {
    assertThat(RunCommand.run(new String[] {"--no-such-flag", "--help"})).isEqualTo(2);
  }

  private static List<String> renderedArgs(Map<String, Object> values) {
    return Chart.only(Chart.render(values), Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getArgs();
  }

  private static String[] withHelp(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--help");
    return all.toArray(String[]::new);
  }
}
