package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.bench.ComposeGenerator;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * A big project's services are translated in parallel ({@link ProjectTranslator#PARALLEL_FROM});
 * the translation must be exactly what one service at a time gives: the same objects in the same
 * order, the same warnings, the same first error.
 */
class ParallelTranslationTest {
  private static final int ONE_AT_A_TIME = Integer.MAX_VALUE;

  @Test
  void aBigProjectTranslatesTheSameInParallelAsOneServiceAtATime() {
    // ComposeGenerator's databases (volumes, healthchecks) and APIs that wait on them, with
    // limits, environment and published ports; and services whose keys are warned about, with
    // bind mounts, configs and secrets, so that warnings and required Secrets are collected from
    // every thread
    String generated = ComposeGenerator.generate(200);
    int volumes = generated.indexOf("\nvolumes:\n") + 1;
    StringBuilder compose = new StringBuilder(generated.substring(0, volumes));
    for (int i = 0; i < 40; i++) {
      compose.append(
          String.format(
              "  extra-%02d:%n    image: nginx:1.27%n    cpu_shares: 512%n"
                  + "    volumes: [\"./data-%02d:/data\"]%n"
                  + "    configs: [{source: app, target: /etc/app.conf}]%n"
                  + "    secrets: [token-%02d]%n",
              i, i, i));
    }
    compose.append(generated.substring(volumes));
    compose.append("configs:\n  app: {content: \"x=1\"}\nsecrets:\n");
    for (int i = 0; i < 40; i++) {
      compose.append(String.format("  token-%02d: {external: true}%n", i));
    }
    LoadResult loaded = ComposeLoader.load(ComposeSource.of("compose.yaml", compose.toString()));
    ProjectOptions options = ProjectOptions.defaults("big");

    Translation sequential = ProjectTranslator.translate(loaded, options, ONE_AT_A_TIME);
    assertThat(loaded.model().services()).hasSizeGreaterThan(ProjectTranslator.PARALLEL_FROM);
    assertThat(sequential.warnings()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(sequential.requiredSecrets()).hasSize(40);
    for (int round = 0; round < 5; round++) {
      Translation parallel = ProjectTranslator.translate(loaded, options, 1);
      assertThat(parallel.objects()).isEqualTo(sequential.objects());
      assertThat(parallel.warnings()).isEqualTo(sequential.warnings());
      assertThat(parallel.services()).isEqualTo(sequential.services());
      assertThat(parallel.requiredSecrets()).isEqualTo(sequential.requiredSecrets());
    }
  }

  @Test
  void theErrorOfTheFirstFailingServiceInNameOrderIsTheOneReported() {
    StringBuilder compose = new StringBuilder("services:\n");
    for (int i = 0; i < 64; i++) {
      compose.append(String.format("  s%02d: {image: nginx}%n", i));
    }
    // two services that the default profile refuses
    compose.append(
        "  s10x: {image: nginx, privileged: true}\n  s50x: {image: nginx, privileged: true}\n");
    LoadResult loaded = ComposeLoader.load(ComposeSource.of("compose.yaml", compose.toString()));

    for (int round = 0; round < 5; round++) {
      assertThatThrownBy(
              () -> ProjectTranslator.translate(loaded, ProjectOptions.defaults("big"), 1))
          .isInstanceOf(ComposeException.class)
          .hasMessageStartingWith("compose.yaml: services.s10x.privileged:");
    }
  }
}
