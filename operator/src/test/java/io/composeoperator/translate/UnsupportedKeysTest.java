package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.ComposeLoader;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.LoadResult;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.model.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UnsupportedKeysTest {
  /** A Compose file that uses every key the operator knows but cannot carry. */
  private static final Path EVERY_KEY =
      GoldenFileTest.root().resolve("operator/src/test/resources/unsupported-keys/compose.yaml");

  private static LoadResult loadEveryKey() throws IOException {
    return ComposeLoader.load(
        new ComposeSource(
            "compose.yaml",
            Files.readString(EVERY_KEY),
            Map.of("src/main.py", "print('hi')\n"),
            Variables.of(Map.of("TOKEN", "t0ken")),
            List.of()));
  }

  @Test
  void everyReasonIsReachedFromARealComposeFile() throws IOException {
    LoadResult loaded = loadEveryKey();
    Set<String> reached = new TreeSet<>();
    for (ServiceConfig service : loaded.model().services().values()) {
      String prefix = "services." + service.name() + ".";
      for (String path : service.unmodelledKeys()) {
        reached.add(
            String.valueOf(UnsupportedKeys.reasonKey(path.substring(prefix.length()), true)));
      }
    }
    for (String path : loaded.model().ignoredTopLevelKeys()) {
      reached.add(String.valueOf(UnsupportedKeys.reasonKey(path, false)));
    }

    assertThat(reached)
        .as("a reason no Compose file reaches is dead: the key is modelled, or never collected")
        .containsAll(UnsupportedKeys.REASONS.keySet())
        .as("every unmodelled key of the file has a reason of its own")
        .doesNotContain("null");
  }

  @Test
  void everyUnsupportedKeyOfARealFileIsWarnedWhenRendered() throws IOException {
    Translation translation =
        Renderer.render(
            loadEveryKey(),
            ProjectOptions.defaults("every").withSecurityProfile(SecurityProfile.privileged));
    List<String> rendered = translation.warnings().stream().map(Object::toString).toList();

    assertThat(rendered)
        .contains(
            "services.app.deploy.update_config.delay: `delay` is ignored: Swarm's update pacing"
                + " and failure handling; a Deployment's rollout has no such setting (only order"
                + " and parallelism are mapped)",
            "services.app.volumes[0]:z: mount option `z` is ignored: SELinux relabelling and mount"
                + " propagation are features of the Docker host",
            "networks.front.ipam: `ipam` is ignored: pod addresses are assigned by the cluster",
            "models: `models` is ignored: AI models are run by Docker Model Runner, not by"
                + " Kubernetes");
    for (String reason : UnsupportedKeys.REASONS.values()) {
      assertThat(rendered)
          .as("a warning gives the reason \"%s\"", reason)
          .anyMatch(w -> w.endsWith(reason));
    }
  }

  /** The warnings of rendering a Compose file under {@code privileged} (nothing refused). */
  private static List<String> warnings(String yaml) {
    return Renderer.render(
            ComposeSource.of("compose.yaml", yaml),
            ProjectOptions.defaults("shop").withSecurityProfile(SecurityProfile.privileged))
        .warnings()
        .stream()
        .map(Object::toString)
        .toList();
  }

  @Test
  void everyUnmodelledServiceKeyIsWarnedWithItsReason() {
    assertThat(
            warnings(
                """
                services:
                  api:
                    image: api:1
                    develop: {watch: [{action: sync, path: ./src, target: /src}]}
                    logging: {driver: json-file}
                  db:
                    image: postgres:16
                    ulimits: {nofile: 1024}
                """))
        .containsExactly(
            "services.api.develop: `develop` is ignored: a local development feature (file sync)"
                + " with no meaning on a cluster",
            "services.api.logging: `logging` is ignored: container logs go to the cluster's"
                + " logging",
            "services.db.ulimits: `ulimits` is ignored: Kubernetes has no per-container ulimits");
  }

  @Test
  void nestedKeysFindTheReasonOfTheirParent() {
    assertThat(
            warnings(
                """
                services:
                  api:
                    image: api:1
                    ulimits: {nofile: 1024}
                    deploy:
                      update_config: {monitor: 10s}
                """))
        .containsExactly(
            "services.api.deploy.update_config.monitor: `monitor` is ignored: Swarm's update"
                + " pacing and failure handling; a Deployment's rollout has no such setting (only"
                + " order and parallelism are mapped)",
            "services.api.ulimits: `ulimits` is ignored: Kubernetes has no per-container"
                + " ulimits");
  }

  @Test
  void namedAndIndexedPathsAreMatchedByShape() {
    assertThat(
            warnings(
                """
                services:
                  web.v2:
                    image: web:1
                    networks:
                      front: {mac_address: "02:42:ac:11:00:03"}
                    volumes:
                      - {type: bind, source: /srv/www, target: /www, bind: {selinux: z}}
                networks:
                  front: {ipam: {driver: default}}
                """))
        .contains(
            "networks.front.ipam: `ipam` is ignored: pod addresses are assigned by the cluster",
            "services.web.v2.networks.front.mac_address: `mac_address` is ignored: pods have one"
                + " interface on the cluster network; per-network interface settings do not exist"
                + " there",
            "services.web.v2.volumes[0].bind.selinux: `selinux` is ignored: bind mount options are"
                + " a feature of the Docker host");
  }

  @Test
  void shortSyntaxMountOptionsAreWarned() {
    assertThat(
            warnings(
                """
                services:
                  web: {image: web:1, volumes: ["data:/data:z"]}
                volumes:
                  data: {}
                """))
        .contains(
            "services.web.volumes[0]:z: mount option `z` is ignored: SELinux relabelling and mount"
                + " propagation are features of the Docker host");
  }

  @Test
  void topLevelKeysAreWarned() {
    assertThat(
            warnings(
                """
                services:
                  web: {image: web:1}
                models:
                  llm: {model: ai/smollm2}
                """))
        .containsExactly(
            "models: `models` is ignored: AI models are run by Docker Model Runner, not by"
                + " Kubernetes");
  }

  @Test
  void keyWithoutAReasonOfItsOwnGetsTheGenericReasonNeverSilence() {
    assertThat(UnsupportedKeys.reasonKey("brand_new_key", true)).isNull();
    assertThat(
            warnings(
                """
                services:
                  web: {image: web:1, tmpfs: ["/run:noexec"]}
                """))
        .containsExactly(
            "services.web.tmpfs[0]:noexec: mount option `noexec` is ignored: Kubernetes has no"
                + " equivalent for it");
  }

  @Test
  void aTmpfsModeIsWarnedAtTheEntryTheFileWrote() {
    assertThat(
            Renderer.render(
                    io.composeoperator.compose.ComposeSource.of(
                        "compose.yaml",
                        """
                        services:
                          web:
                            image: web:1
                            volumes:
                              - data:/data
                              - {type: tmpfs, target: /cache, tmpfs: {mode: 1777}}
                            tmpfs: ["/run:size=16m,mode=1777"]
                        volumes:
                          data: {}
                        """),
                    ProjectOptions.defaults("p"))
                .warnings())
        .extracting(Object::toString)
        .containsExactly(
            "services.web.tmpfs[0]:mode=1777: mount option `mode=1777` is ignored: Kubernetes has"
                + " no equivalent for it",
            "services.web.volumes[1].tmpfs.mode: tmpfs mode is not mapped; the emptyDir's mode is"
                + " used");
  }

  @Test
  void modelledKeysWithoutKubernetesEquivalentAreWarned() {
    assertThat(
            warnings(
                """
                services:
                  web:
                    image: web:1
                    volumes_from: [data, "container:other"]
                    devices: ["/dev/fuse:/dev/fuse"]
                    depends_on:
                      db: {condition: service_started, restart: true}
                  data: {image: data:1}
                  db: {image: postgres:16}
                """))
        .contains(
            "services.web.depends_on.db.restart: `restart` is ignored: pods are not restarted when"
                + " db is updated",
            "services.web.devices: `devices` is ignored: host devices are not mapped (a privileged"
                + " container sees the node's devices)",
            "services.web.volumes_from[1]: `container:other` is ignored: a container outside the"
                + " project does not exist on a cluster; mount the same named volumes instead");
  }

  @Test
  void nothingUnmodelledMeansNoWarnings() {
    assertThat(warnings("services:\n  api: {image: api:1}\n")).isEmpty();
  }
}
