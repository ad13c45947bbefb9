package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvFileRefsTest {
  @Test
  void readsEveryFormOfEnvFile() {
    String text =
        """
        x-common: &common
          env_file: common.env
        services:
          a:
            env_file: ./a.env
          b:
            env_file: [b1.env, "./conf/b2.env"]
          c:
            env_file:
              - path: c.env
                required: false
          d:
            <<: *common
          e:
            env_file: ${STAGE}.env
          f:
            image: nginx
        """;

    assertThat(EnvFileRefs.of(text))
        .containsExactly("a.env", "b1.env", "c.env", "common.env", "conf/b2.env");
  }

  @Test
  void brokenYamlHasNone() {
    assertThat(EnvFileRefs.of("services: [")).isEmpty();
  }
}
