package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ConfigObjConfig;
import io.composeoperator.compose.model.SecretConfig;
import io.composeoperator.compose.model.VolumeConfig;
import io.composeoperator.compose.model.VolumeKubernetesConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopLevelTest {

  @Test
  void volumesWithAttributesAndKubernetesBlock() {
    ComposeModel model =
        load("""
                services: {}
                volumes:
                  plain:
                  data:
                    name: shop-data
                    driver: local
                    driver_opts: {type: nfs}
                    labels: [team=a]
                    x-kubernetes: {size: 10Gi, storageClassName: fast, accessModes: [ReadWriteOnce]}
                  old: {external: true}
                """)
            .model();
    assertThat(model.volumes().get("plain"))
        .isEqualTo(
            new VolumeConfig("plain", null, false, null, new TreeMap<>(), new TreeMap<>(), null));
    assertThat(model.volumes().get("data"))
        .isEqualTo(
            new VolumeConfig(
                "data",
                "shop-data",
                false,
                "local",
                new TreeMap<>(Map.of("type", "nfs")),
                new TreeMap<>(Map.of("team", "a")),
                new VolumeKubernetesConfig("10Gi", "fast", List.of("ReadWriteOnce"))));
    assertThat(model.volumes().get("old").external()).isTrue();
  }

  @Test
  void unknownKubernetesVolumeKeyIsAnError() {
    assertError(
        "services: {}\nvolumes: {data: {x-kubernetes: {sizee: 1Gi}}}",
        "compose.yaml: volumes.data.x-kubernetes: unknown key \"sizee\" (known: accessModes, size,"
            + " storageClassName)");
  }

  @Test
  void externalWithOtherAttributesIsAnError() {
    assertError(
        "services: {}\nvolumes: {data: {external: true, driver: local}}",
        "compose.yaml: volumes.data.driver: cannot be set on an external resource (only name can)");
    assertError(
        "services: {}\nnetworks: {front: {external: true, internal: true}}",
        "compose.yaml: networks.front.internal: cannot be set on an external resource (only name can)");
    assertError(
        "services: {}\nsecrets: {s: {external: true, file: ./s}}",
        "compose.yaml: secrets.s.file: cannot be set on an external resource (only name can)");
  }

  @Test
  void externalWithNameIsFine() {
    var volume =
        load("services: {}\nvolumes: {data: {external: true, name: existing-claim}}")
            .model()
            .volumes()
            .get("data");
    assertThat(volume.external()).isTrue();
    assertThat(volume.name()).isEqualTo("existing-claim");
  }

  @Test
  void legacyExternalNameIsReadWithWarning() {
    LoadResult result = load("services: {}\nnetworks: {front: {external: {name: edge}}}");
    assertThat(result.model().networks().get("front").name()).isEqualTo("edge");
    assertThat(result.model().networks().get("front").external()).isTrue();
    assertThat(result.warnings())
        .containsExactly(
            new Warning("networks.front.external.name", "external.name is deprecated; use name"));
  }

  @Test
  void secretsAndConfigs() {
    ComposeModel model =
        ComposeLoader.load(
                new ComposeSource(
                    "compose.yaml",
                    """
                    services: {}
                    secrets:
                      file: {file: ./secrets/db.txt}
                      env: {environment: TOKEN}
                      ext: {external: true, name: prod-secret}
                    configs:
                      inline: {content: "a=${A}"}
                      fromfile: {file: conf/app.ini}
                      fromenv: {environment: CONF}
                    """,
                    Map.of(),
                    Variables.of(Map.of("A", "1", "CONF", "c=2")),
                    List.of()))
            .model();
    assertThat(model.secrets().values())
        .containsExactly(
            new SecretConfig("env", null, null, "TOKEN", false),
            new SecretConfig("ext", "prod-secret", null, null, true),
            new SecretConfig("file", null, "secrets/db.txt", null, false));
    assertThat(model.configs().values())
        .containsExactly(
            new ConfigObjConfig("fromenv", null, null, null, "CONF", "c=2", false),
            new ConfigObjConfig("fromfile", null, "conf/app.ini", null, null, null, false),
            new ConfigObjConfig("inline", null, null, "a=1", null, null, false));
  }

  @Test
  void secretNeedsExactlyOneSource() {
    assertError(
        "services: {}\nsecrets: {s: {name: x}}",
        "compose.yaml: secrets.s: a secret needs one of file, environment or external");
    assertError(
        "services: {}\nsecrets: {s: {file: a, environment: B}}",
        "compose.yaml: secrets.s: a secret takes only one of file, environment or external");
  }

  @Test
  void unmodelledTopLevelAttributesAreListed() {
    assertThat(
            load("services: {}\nnetworks: {front: {ipam: {driver: default}, driver_opts: {a: b}}}\nsecrets: {s: {file: f, labels: [a]}}")
                .model()
                .ignoredTopLevelKeys())
        .containsExactly("networks.front.driver_opts", "networks.front.ipam", "secrets.s.labels");
  }

  @Test
  void unknownVolumeKeyIsAnError() {
    assertError(
        "services: {}\nvolumes: {data: {size: 1Gi}}",
        "compose.yaml: volumes.data: unknown key \"size\"");
  }
}
