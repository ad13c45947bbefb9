package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.LifecycleConfig;
import io.composeoperator.compose.model.ServiceHook;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksTest {

  @Test
  void everyHookKindIsReadInFileOrderWithItsKeys() {
    LifecycleConfig hooks =
        Loading.service(
                """
                services:
                  app:
                    image: nginx:1.27
                    pre_start:
                      - command: chown -R 1001 /data
                        user: root
                      - command: ["migrate", "--up"]
                        image: example/migrate:2
                        environment: [MODE=init]
                    post_start:
                      - command: /opt/register.sh "my service"
                        working_dir: /opt
                        privileged: true
                    pre_stop:
                      - command: ./flush.sh
                        environment:
                          FLUSH: "1"
                """,
                "app")
            .lifecycle();

    assertThat(hooks.preStart())
        .containsExactly(
            new ServiceHook(
                List.of("chown", "-R", "1001", "/data"), "root", false, null, List.of(), null),
            new ServiceHook(
                List.of("migrate", "--up"),
                null,
                false,
                null,
                List.of(EnvVar.of("MODE", "init")),
                "example/migrate:2"));
    assertThat(hooks.postStart())
        .containsExactly(
            new ServiceHook(
                List.of("/opt/register.sh", "my service"), null, true, "/opt", List.of(), null));
    assertThat(hooks.preStop())
        .containsExactly(
            new ServiceHook(
                List.of("./flush.sh"), null, false, null, List.of(EnvVar.of("FLUSH", "1")), null));
  }

  @Test
  void hooksAreModelledSoNoIgnoredKeyWarningIsGiven() {
    LoadResult result =
        Loading.load(
            "services:\n  app:\n    image: nginx:1.27\n"
                + "    post_start: [{command: echo hi}]\n    pre_stop: [{command: echo bye}]\n");

    assertThat(result.model().services().get("app").unmodelledKeys()).isEmpty();
    assertThat(result.model().services().get("app").lifecycle().isEmpty()).isFalse();
  }

  @Test
  void aHookWithoutCommandIsAnErrorAtItsPath() {
    Loading.assertError(
        "services:\n  app:\n    image: nginx:1.27\n    pre_stop: [{user: root}]\n",
        "compose.yaml: services.app.pre_stop[0].command: must be set: a hook runs a command");
  }

  @Test
  void anUnknownHookKeyIsAnError() {
    Loading.assertError(
        "services:\n  app:\n    image: nginx:1.27\n    post_start: [{command: x, image: busybox}]\n",
        "compose.yaml: services.app.post_start[0]: unknown key \"image\"");
  }
}
