package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** One load reports every independent problem of a file, sorted by path. */
class EveryProblemTest {

  @Test
  void problemsOfOneServiceAndOfSeveralServicesComeTogetherSortedByPath() {
    String compose =
        """
        services:
          web:
            image: nginx
            imagee: nginx:1.27
            ports: 80
            stop_grace_period: soon
          api:
            image: api
            restart: sometimes
            unknown: 1
        """;

    ComposeException e = catchThrowableOfType(ComposeException.class, () -> Loading.load(compose));

    assertThat(e.problems())
        .extracting(ComposeException::path)
        .containsExactly(
            "services.api",
            "services.api.restart",
            "services.web",
            "services.web.ports",
            "services.web.stop_grace_period");
    assertThat(e.getMessage().lines())
        .hasSize(5)
        .allMatch(line -> line.startsWith("compose.yaml: "));
    assertThat(e.getMessage().lines().toList().get(2))
        .isEqualTo("compose.yaml: services.web: unknown key \"imagee\"");
  }

  @Test
  void topLevelSectionsAreReportedTogether() {
    String compose =
        """
        services:
          web: {image: nginx}
        volumes: [data]
        networks: {front: {driver: 3, drivers: x}}
        """;

    ComposeException e = catchThrowableOfType(ComposeException.class, () -> Loading.load(compose));

    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(e.problems())
        .extracting(ComposeException::path)
        .isSorted()
        .anyMatch(path -> path.startsWith("networks"))
        .anyMatch(path -> path.startsWith("volumes"));
  }

  @Test
  void oneProblemIsReportedAlone() {
    ComposeException e =
        catchThrowableOfType(
            ComposeException.class,
            () -> Loading.load("services:\n  web:\n    image: nginx\n    ports: 80\n"));

    assertThat(e.problems()).containsExactly(e);
    assertThat(e.getMessage()).doesNotContain("\n");
  }
}
