package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.composeoperator.compose.Warning;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bind-mount rule ({@link BindMounts}), one test per form, through the whole translation. */
class BindMountsTest {

  static Translation render(String compose, Map<String, String> files, ProjectOptions options) {
    return Renderer.render(
        new ComposeSource("compose.yaml", compose, files, Variables.NONE, List.of()), options);
  }

  static Translation render(String compose) {
    return render(compose, Map.of(), ProjectOptions.defaults("p"));
  }

  static ProjectOptions withType(BindMountType type, String hostDirectory) {
    return ProjectOptions.defaults("p")
        .withBindMounts(new ProjectOptions.BindMountOptions(type, hostDirectory));
  }

  static List<String> claimNames(Translation t) {
    return t.objects().stream()
        .filter(o -> o instanceof PersistentVolumeClaim)
        .map(o -> o.getMetadata().getName())
        .toList();
  }

  static PodSpec pod(Translation t, String name) {
    for (HasMetadata o : t.objects()) {
      if (o instanceof Deployment d && d.getMetadata().getName().equals(name)) {
        return d.getSpec().getTemplate().getSpec();
      }
    }
    throw new AssertionError("no Deployment " + name);
  }

  static VolumeMount mountAt(PodSpec pod, String path) {
    return pod.getContainers().get(0).getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
  }

  static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  static List<String> warnings(Translation t) {
    return t.warnings().stream().map(Warning::toString).toList();
  }

  @Test
  void dataDirectoryWhoseContentIsNotGivenIsAClaimNamedAfterItsPath() {
    Translation t =
        render(
            "services:\n  db:\n    image: mysql:8.4\n    volumes: [\"./db_data:/var/lib/mysql\"]\n");

    assertThat(claimNames(t)).containsExactly("db-data");
    PodSpec pod = pod(t, "db");
    VolumeMount mount = mountAt(pod, "/var/lib/mysql");
    assertThat(mount.getSubPath()).isEqualTo("data");
    assertThat(volume(pod, mount.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("db-data");
    assertThat(pod.getInitContainers()).isEmpty(); // a bind mount is never seeded from the image
    assertThat(warnings(t))
        .contains(
            "services.db.volumes[0]: bind mount of ./db_data is the PersistentVolumeClaim db-data"
                + " (kept like a named volume, spec.storage and volumeRetention apply); the host's"
                + " content is not copied: it starts empty (its files are not in spec.files)");
  }

  @Test
  void claimOfABindMountTakesSpecStorage() {
    ProjectOptions options =
        new ProjectOptions(
            "p",
            null,
            Map.of(),
            List.of(),
            new ProjectOptions.StorageDefaults("5Gi", "fast", List.of("ReadWriteMany")),
            Map.of(),
            Map.of(),
            null,
            null,
            null,
            null);
    Translation t =
        render("services:\n  db:\n    image: db:1\n    volumes: [\"./d:/d\"]\n", Map.of(), options);

    PersistentVolumeClaim claim =
        (PersistentVolumeClaim)
            t.objects().stream().filter(o -> o instanceof PersistentVolumeClaim).findFirst().get();
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("5Gi");
  }

  @Test
  void absoluteAndHomeHostPathsAreClaimsUnderTheDefaultProfile() {
    Translation t =
        render(
            "services:\n  app:\n    image: app:1\n"
                + "    volumes: [\"/srv/pihole:/etc/pihole\", \"~/minecraft_data:/data\"]\n");

    assertThat(claimNames(t)).containsExactly("minecraft-data", "srv-pihole");
    assertThat(pod(t, "app").getVolumes()).noneMatch(v -> v.getHostPath() != null);
    assertThat(warnings(t))
        .contains(
            "services.app.volumes[0]: bind mount of /srv/pihole is the PersistentVolumeClaim"
                + " srv-pihole (kept like a named volume, spec.storage and volumeRetention apply);"
                + " the host's content is not copied: it starts empty");
  }

  @Test
  void servicesMountingOneDirectoryShareItsClaimOnOneNode() {
    Translation t =
        render(
            "services:\n  a:\n    image: a:1\n    volumes: [\"./shared:/s\"]\n"
                + "  b:\n    image: b:1\n    volumes: [\"./shared:/t:ro\"]\n");

    assertThat(claimNames(t)).containsExactly("shared");
    assertThat(pod(t, "b").getAffinity().getPodAffinity()).isNotNull();
    assertThat(mountAt(pod(t, "b"), "/t").getReadOnly()).isTrue();
  }

  @Test
  void aBindClaimThatWouldTakeANamedVolumesNameIsAnError() {
    assertThatThrownBy(
            () ->
                render(
                    "services:\n  a:\n    image: a:1\n"
                        + "    volumes: [\"./data:/d\", \"data:/e\"]\nvolumes:\n  data: {}\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.a.volumes[0]: the bind mount of data and the volume data would"
                + " both be the PersistentVolumeClaim data; rename the directory or the volume");
  }

  @Test
  void writableDirectoryWithGivenFilesIsAClaimFilledFromThem() {
    Translation t =
        render(
            "services:\n  qb:\n    image: lscr.io/linuxserver/qbittorrent:4.6.7\n"
                + "    volumes: [\"./config:/config\"]\n",
            Map.of("config/qBittorrent.conf", "[Preferences]\n"),
            ProjectOptions.defaults("p"));

    assertThat(claimNames(t)).containsExactly("config");
    PodSpec pod = pod(t, "qb");
    VolumeMount mount = mountAt(pod, "/config");
    assertThat(mount.getReadOnly()).isNull();
    assertThat(mount.getSubPath()).isEqualTo("data");
    Container fill = pod.getInitContainers().get(0);
    assertThat(fill.getName()).isEqualTo("fill-config");
    assertThat(fill.getImage()).isEqualTo("lscr.io/linuxserver/qbittorrent:4.6.7");
    assertThat(fill.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/compose-seed", "/compose-files");
    String filesVolume = fill.getVolumeMounts().get(1).getName();
    assertThat(volume(pod, filesVolume).getConfigMap().getItems())
        .extracting(i -> i.getKey() + "→" + i.getPath())
        .containsExactly("config_qBittorrent.conf→qBittorrent.conf");
    assertThat(warnings(t))
        .contains(
            "services.qb.volumes[0]: bind mount of ./config is the PersistentVolumeClaim config,"
                + " filled from its files in spec.files by an init container, so the service can"
                + " write there and what it writes persists; when the files change, the pods roll"
                + " and the changed files are copied over the claim's");
  }

  @Test
  void achangeOfTheGivenFilesChangesTheFillAndRollsThePods() {
    String compose = "services:\n  qb:\n    image: qb:1\n    volumes: [\"./config:/config\"]\n";
    PodSpec before =
        pod(render(compose, Map.of("config/a.conf", "1"), ProjectOptions.defaults("p")), "qb");
    Translation changed =
        render(compose, Map.of("config/a.conf", "2"), ProjectOptions.defaults("p"));
    PodSpec after = pod(changed, "qb");

    String script = before.getInitContainers().get(0).getCommand().get(2);
    assertThat(script).isNotEqualTo(after.getInitContainers().get(0).getCommand().get(2));
    Deployment d1 =
        (Deployment)
            render(compose, Map.of("config/a.conf", "1"), ProjectOptions.defaults("p"))
                .objects()
                .stream()
                .filter(o -> o instanceof Deployment)
                .findFirst()
                .get();
    Deployment d2 =
        (Deployment)
            changed.objects().stream().filter(o -> o instanceof Deployment).findFirst().get();
    assertThat(d1.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.CONFIG_HASH))
        .isNotEqualTo(
            d2.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.CONFIG_HASH));
  }

  @Test
  void fillCopiesOnlyWhenTheRecordedHashDiffers() {
    PodVolumes.Seed seed =
        new PodVolumes.Seed("config", "bind-config", "data", "/config", "files-0", "0123abcd");

    assertThat(InitContainers.fillScript(seed, "1000:1000"))
        .isEqualTo(
            String.join(
                "\n",
                "set -e",
                "mkdir -p /compose-seed/data",
                "[ \"$(cat /compose-seed/.data.filled 2>/dev/null)\" = 0123abcd ] && exit 0",
                "for f in /compose-files/* /compose-files/.[!.]*; do",
                "  if [ -e \"$f\" ]; then cp -RL \"$f\" /compose-seed/data/; fi",
                "done",
                "chown -R 1000:1000 /compose-seed/data",
                "echo 0123abcd > /compose-seed/.data.filled"));
    assertThat(InitContainers.fillScript(seed, null)).doesNotContain("chown");
  }

  @Test
  void readOnlyDirectoryAndFileWithGivenContentAreConfigMaps() {
    Translation t =
        render(
            "services:\n  web:\n    image: nginx:1\n"
                + "    volumes: [\"./html:/usr/share/nginx/html:ro\","
                + " \"./nginx.conf:/etc/nginx/nginx.conf:ro\"]\n",
            Map.of("html/index.html", "<p>hi</p>", "nginx.conf", "events {}"),
            ProjectOptions.defaults("p"));

    assertThat(claimNames(t)).isEmpty();
    PodSpec pod = pod(t, "web");
    assertThat(mountAt(pod, "/usr/share/nginx/html").getReadOnly()).isTrue();
    VolumeMount file = mountAt(pod, "/etc/nginx/nginx.conf");
    assertThat(file.getReadOnly()).isTrue();
    assertThat(file.getSubPath()).isEqualTo("nginx.conf");
    assertThat(volume(pod, file.getName()).getConfigMap().getName()).isEqualTo("web-files");
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(warnings(t)).isEmpty(); // :ro asks for exactly this
  }

  @Test
  void writableGivenFileIsAClaimNamedAfterItsPathFilledFromItAndMountedWithSubPath() {
    Translation t =
        render(
            "services:\n  web:\n    image: nginx:1\n"
                + "    volumes: [\"./conf/nginx.conf:/etc/nginx/nginx.conf\"]\n",
            Map.of("conf/nginx.conf", "events {}"),
            ProjectOptions.defaults("p"));

    assertThat(claimNames(t)).containsExactly("conf-nginx-conf");
    PodSpec pod = pod(t, "web");
    VolumeMount mount = mountAt(pod, "/etc/nginx/nginx.conf");
    assertThat(mount.getReadOnly()).isNull();
    assertThat(mount.getSubPath()).isEqualTo("data/nginx.conf");
    assertThat(volume(pod, mount.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("conf-nginx-conf");
    Container fill = pod.getInitContainers().get(0);
    assertThat(fill.getName()).isEqualTo("fill-conf-nginx-conf");
    String filesVolume = fill.getVolumeMounts().get(1).getName();
    assertThat(volume(pod, filesVolume).getConfigMap().getName()).isEqualTo("web-files");
    assertThat(volume(pod, filesVolume).getConfigMap().getItems())
        .extracting(i -> i.getKey() + "→" + i.getPath())
        .containsExactly("conf_nginx.conf→nginx.conf");
    assertThat(fill.getCommand().get(2)).contains("cp -RL \"$f\" /compose-seed/data/");
    Deployment deployment =
        (Deployment)
            t.objects().stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow();
    // a ReadWriteOnce claim: a rolling update would wait for the old pod's claim
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(warnings(t))
        .containsExactly(
            "services.web.volumes[0]: bind mount of the file ./conf/nginx.conf is the"
                + " PersistentVolumeClaim conf-nginx-conf, filled from the file in spec.files by an"
                + " init container, so the service can write there and what it writes persists;"
                + " when the file changes, the pods roll and the changed file is copied over the"
                + " claim's (mount it :ro to read it from the ConfigMap web-files instead)");
  }

  @Test
  void aChangeOfAWritableGivenFileChangesTheFillAndRollsThePods() {
    String compose =
        "services:\n  web:\n    image: nginx:1\n    volumes: [\"./nginx.conf:/etc/nginx/nginx.conf\"]\n";
    Translation before = render(compose, Map.of("nginx.conf", "1"), ProjectOptions.defaults("p"));
    Translation after = render(compose, Map.of("nginx.conf", "2"), ProjectOptions.defaults("p"));

    assertThat(pod(before, "web").getInitContainers().get(0).getCommand().get(2))
        .isNotEqualTo(pod(after, "web").getInitContainers().get(0).getCommand().get(2));
    assertThat(configHash(before)).isNotEqualTo(configHash(after));
  }

  private static String configHash(Translation t) {
    return t.objects().stream()
        .filter(o -> o instanceof Deployment)
        .map(o -> (Deployment) o)
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(Labels.CONFIG_HASH);
  }

  @Test
  void servicesMountingOneGivenFileShareItsClaimAndAReadOnlyOneReadsIt() {
    Translation t =
        render(
            "services:\n  a:\n    image: a:1\n    volumes: [\"./app.ini:/etc/app.ini\"]\n"
                + "  b:\n    image: b:1\n    volumes: [\"./app.ini:/conf/app.ini\"]\n"
                + "  c:\n    image: c:1\n    volumes: [\"./app.ini:/app.ini:ro\"]\n",
            Map.of("app.ini", "x=1"),
            ProjectOptions.defaults("p"));

    assertThat(claimNames(t)).containsExactly("app-ini");
    for (String service : List.of("a", "b", "c")) {
      PodSpec pod = pod(t, service);
      VolumeMount mount =
          pod.getContainers().get(0).getVolumeMounts().stream()
              .filter(m -> m.getSubPath() != null && m.getSubPath().equals("data/app.ini"))
              .findFirst()
              .orElseThrow();
      assertThat(volume(pod, mount.getName()).getPersistentVolumeClaim().getClaimName())
          .isEqualTo("app-ini");
      // each fills (same hash, so whichever runs first copies): a subPath that does not exist
      // yet would be created as a directory
      assertThat(pod.getInitContainers()).extracting(Container::getName).contains("fill-app-ini");
    }
    assertThat(mountAt(pod(t, "c"), "/app.ini").getReadOnly()).isTrue();
    assertThat(pod(t, "a").getInitContainers().get(0).getCommand())
        .isEqualTo(pod(t, "c").getInitContainers().get(0).getCommand());
    assertThat(warnings(t))
        .contains(
            "services.c.volumes[0]: bind mount of the file ./app.ini is the PersistentVolumeClaim"
                + " app-ini, read-only: another service writes the file there, so this one sees"
                + " what that one writes; an init container fills it from the file in spec.files"
                + " when the claim is new or the file changes")
        .anyMatch(w -> w.contains("the ReadWriteOnce claim app-ini is mounted by a, b, c"));
  }

  @Test
  void writableGivenFileWithTypeEmptyDirIsAFreshCopyAndWithTypeConfigMapReadOnly() {
    String compose =
        "services:\n  web:\n    image: nginx:1\n    volumes: [\"./nginx.conf:/etc/nginx/nginx.conf\"]\n";
    Translation emptyDir =
        render(compose, Map.of("nginx.conf", "x"), withType(BindMountType.emptyDir, null));
    assertThat(claimNames(emptyDir)).isEmpty();
    PodSpec pod = pod(emptyDir, "web");
    VolumeMount mount = mountAt(pod, "/etc/nginx/nginx.conf");
    assertThat(mount.getSubPath()).isEqualTo("data/nginx.conf");
    assertThat(volume(pod, mount.getName()).getEmptyDir()).isNotNull();
    assertThat(pod.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("fill-bind-0");
    assertThat(warnings(emptyDir))
        .containsExactly(
            "services.web.volumes[0]: bind mount of the file ./nginx.conf is an emptyDir"
                + " (bindMounts.type emptyDir) filled from the file in spec.files at every start;"
                + " what the service writes there is lost when the pod goes");

    Translation configMap =
        render(compose, Map.of("nginx.conf", "x"), withType(BindMountType.configMap, null));
    assertThat(claimNames(configMap)).isEmpty();
    assertThat(mountAt(pod(configMap, "web"), "/etc/nginx/nginx.conf").getReadOnly()).isTrue();
    assertThat(warnings(configMap))
        .containsExactly(
            "services.web.volumes[0]: ./nginx.conf is mounted read-only from the ConfigMap"
                + " web-files (bindMounts.type is configMap (--volumes configMap)); a change of the"
                + " file rolls the pods");
  }

  @Test
  void buildContextAndTheProjectDirectoryAreSourceCode() {
    Translation t =
        render(
            "services:\n  web:\n    build: .\n    image: web:1\n"
                + "    volumes: [\"./src:/app/src\"]\n"
                + "  api:\n    build: ./api\n    image: api:1\n"
                + "    volumes: [\"./api:/app\", \"./api/lib:/app/lib\", \"./other:/other\"]\n",
            Map.of(),
            ProjectOptions.defaults("p")
                .withBindMounts(new ProjectOptions.BindMountOptions(null, null, List.of("src"))));

    assertThat(claimNames(t)).containsExactly("other");
    assertThat(pod(t, "web").getContainers().get(0).getVolumeMounts()).isEmpty();
    assertThat(warnings(t))
        .contains(
            "services.web.volumes[0]: bind mount of ./src is source code the image already holds"
                + " (the project directory or the service's build context): the image's own"
                + " content at /app/src is used; live reload and edits on your disk do not carry"
                + " over to a cluster");
    assertThat(BindMounts.isSource(serviceWithBuild("./api"), "api", List.of())).isTrue();
    assertThat(BindMounts.isSource(serviceWithBuild("./api"), "other", List.of())).isFalse();
    assertThat(BindMounts.isSource(serviceWithBuild("https://github.com/x/y.git"), "y", List.of()))
        .isFalse();
    // inside the context only when the CLI found source code there (spec.bindMounts.sourcePaths)
    assertThat(BindMounts.isSource(serviceWithBuild("."), "src", List.of())).isFalse();
    assertThat(BindMounts.isSource(serviceWithBuild("."), "./src", List.of("src"))).isTrue();
  }

  private static io.composeoperator.compose.model.ServiceConfig serviceWithBuild(String context) {
    return TestModels.service("s")
        .image(
            img ->
                img.withBuild(
                    new io.composeoperator.compose.model.BuildConfig(context, null, null)))
        .build();
  }

  @Test
  void dockerSocketIsRefusedWithWhyAndWhatToDo() {
    for (SecurityProfile profile : List.of(SecurityProfile.baseline, SecurityProfile.restricted)) {
      assertThatThrownBy(
              () ->
                  render(
                      "services:\n  traefik:\n    image: traefik:v3.1\n    user: \"1000\"\n"
                          + "    volumes: [\"/var/run/docker.sock:/var/run/docker.sock:ro\"]\n",
                      Map.of(),
                      ProjectOptions.defaults("p").withSecurityProfile(profile)))
          .isInstanceOf(ComposeException.class)
          .hasMessageContaining(
              "services.traefik.volumes[0]: refused by security profile " + profile)
          .hasMessageContaining("would give the container the node's container runtime")
          .hasMessageContaining("Traefik's kubernetesCRD provider")
          .hasMessageContaining("spec.securityProfile (--security-profile): privileged allows it");
    }
  }

  @Test
  void devicePathIsRefusedAndAllowedAsHostPathUnderPrivileged() {
    String compose =
        "services:\n  vpn:\n    image: vpn:1\n    volumes: [\"/dev/net/tun:/dev/net/tun\"]\n";
    assertThatThrownBy(() -> render(compose))
        .hasMessageContaining("the device /dev/net/tun is the node's hardware");

    Translation t =
        render(
            compose,
            Map.of(),
            ProjectOptions.defaults("p").withSecurityProfile(SecurityProfile.privileged));
    PodSpec pod = pod(t, "vpn");
    assertThat(volume(pod, mountAt(pod, "/dev/net/tun").getName()).getHostPath().getPath())
        .isEqualTo("/dev/net/tun");
  }

  @Test
  void timeZoneFilesAreSkippedAndPointAtTz() {
    Translation withTz =
        render(
            "services:\n  app:\n    image: app:1\n    environment: {TZ: Europe/Amsterdam}\n"
                + "    volumes: [\"/etc/localtime:/etc/localtime:ro\"]\n");
    Translation withoutTz =
        render(
            "services:\n  app:\n    image: app:1\n"
                + "    volumes: [\"/etc/timezone:/etc/timezone:ro\", \"/etc/ssl/certs:/etc/ssl/certs:ro\"]\n");

    assertThat(pod(withTz, "app").getVolumes()).isNullOrEmpty();
    assertThat(warnings(withTz))
        .containsExactly(
            "services.app.volumes[0]: the host file /etc/localtime is skipped: a pod does not see"
                + " the host it was written for, and security profile baseline does not mount node"
                + " paths; the service's TZ=Europe/Amsterdam sets its time zone instead");
    assertThat(warnings(withoutTz))
        .containsExactly(
            "services.app.volumes[0]: the host file /etc/timezone is skipped: a pod does not see"
                + " the host it was written for, and security profile baseline does not mount node"
                + " paths; set TZ in the service's environment (TZ: Europe/Amsterdam) to choose its"
                + " time zone; it is UTC otherwise",
            "services.app.volumes[1]: the host file /etc/ssl/certs is skipped: a pod does not see"
                + " the host it was written for, and security profile baseline does not mount node"
                + " paths; the image's own /etc/ssl/certs is used");
  }

  @Test
  void devNullOverAFileIsAnEmptyFile() {
    Translation t =
        render("services:\n  app:\n    image: app:1\n    volumes: [\"/dev/null:/app/.env\"]\n");

    PodSpec pod = pod(t, "app");
    VolumeMount mount = mountAt(pod, "/app/.env");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).isEqualTo("_dev_null");
    assertThat(
            t.objects().stream()
                .filter(o -> o.getMetadata().getName().equals("app-files"))
                .map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData())
                .findFirst()
                .orElseThrow())
        .containsExactly(Map.entry("_dev_null", ""));
  }

  @Test
  void externalVolumeIsMountedAtItsRootAndNeverSeeded() {
    Translation t =
        render(
            "services:\n  db:\n    image: postgres:16\n"
                + "    volumes: [\"pg:/var/lib/postgresql/data\", \"old:/old\"]\n"
                + "volumes:\n  pg: {external: true}\n  old: {}\n");

    PodSpec pod = pod(t, "db");
    assertThat(mountAt(pod, "/var/lib/postgresql/data").getSubPath()).isNull();
    assertThat(mountAt(pod, "/old").getSubPath()).isEqualTo("data");
    assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("seed-old");
    assertThat(claimNames(t)).containsExactly("old");
  }

  @Test
  void anonymousVolumeStartsWithTheImagesContent() {
    Translation t =
        render(
            "services:\n  api:\n    build: .\n    image: api:1\n"
                + "    volumes: [\".:/app\", \"/app/node_modules\","
                + " {type: volume, target: /tmp/x, volume: {nocopy: true}}]\n");

    PodSpec pod = pod(t, "api");
    VolumeMount modules = mountAt(pod, "/app/node_modules");
    assertThat(modules.getSubPath()).isEqualTo("data");
    assertThat(volume(pod, modules.getName()).getEmptyDir()).isNotNull();
    assertThat(mountAt(pod, "/tmp/x").getSubPath()).isNull();
    Container seed = pod.getInitContainers().get(0);
    assertThat(seed.getName()).isEqualTo("seed-anon-1");
    assertThat(seed.getImage()).isEqualTo("api:1");
    assertThat(seed.getCommand().get(2)).contains("cp -a '/app/node_modules'");
    assertThat(pod.getInitContainers()).hasSize(1);
  }

  @Test
  void volumesFromMountsTheSameVolumesInThisServiceToo() {
    Translation t =
        render(
            "services:\n  app:\n    image: app:1\n"
                + "    volumes: [\"data:/var/data\", \"./uploads:/uploads\", \"/cache\"]\n"
                + "  backup:\n    image: backup:1\n    volumes_from: [\"app:ro\"]\n"
                + "volumes:\n  data: {}\n");

    PodSpec backup = pod(t, "backup");
    VolumeMount data = mountAt(backup, "/var/data");
    assertThat(data.getReadOnly()).isTrue();
    assertThat(volume(backup, data.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("data");
    VolumeMount uploads = mountAt(backup, "/uploads");
    assertThat(volume(backup, uploads.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("uploads");
    assertThat(backup.getAffinity().getPodAffinity()).isNotNull(); // one node with app's claims
    assertThat(warnings(t))
        .contains(
            "services.backup.volumes_from[0]: the anonymous volume of service app at /cache is"
                + " that pod's own and cannot be shared with another pod: this service gets its"
                + " own, filled from its image; share a named volume instead");
  }

  @Test
  void createHostPathIsDirectoryOrCreateUnderPrivileged() {
    Translation t =
        render(
            "services:\n  app:\n    image: app:1\n    volumes:\n"
                + "      - {type: bind, source: /var/log/app, target: /logs,"
                + " bind: {create_host_path: true}}\n",
            Map.of(),
            ProjectOptions.defaults("p").withSecurityProfile(SecurityProfile.privileged));

    PodSpec pod = pod(t, "app");
    assertThat(volume(pod, mountAt(pod, "/logs").getName()).getHostPath().getType())
        .isEqualTo("DirectoryOrCreate");
  }

  @Test
  void typeEmptyDirKeepsDataForThePodsLifeOnly() {
    Translation t =
        render(
            "services:\n  db:\n    image: db:1\n    volumes: [\"./db_data:/var/lib/db\", \"./conf:/conf\"]\n",
            Map.of("conf/a.conf", "x"),
            withType(BindMountType.emptyDir, null));

    assertThat(claimNames(t)).isEmpty();
    PodSpec pod = pod(t, "db");
    assertThat(volume(pod, mountAt(pod, "/var/lib/db").getName()).getEmptyDir()).isNotNull();
    assertThat(volume(pod, mountAt(pod, "/conf").getName()).getEmptyDir()).isNotNull();
    assertThat(pod.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("fill-bind-1");
  }

  @Test
  void typeHostPathResolvesProjectPathsAgainstTheHostDirectory() {
    String compose =
        "services:\n  db:\n    image: db:1\n    volumes: [\"./db_data:/var/lib/db\"]\n";
    assertThatThrownBy(
            () -> render(compose, Map.of(), withType(BindMountType.hostPath, "/home/me/app")))
        .hasMessageContaining("refused by security profile baseline")
        .hasMessageContaining("bindMounts.type hostPath (--volumes hostPath)");

    Translation t =
        render(
            compose,
            Map.of(),
            withType(BindMountType.hostPath, "/home/me/app")
                .withSecurityProfile(SecurityProfile.privileged));
    PodSpec pod = pod(t, "db");
    assertThat(volume(pod, mountAt(pod, "/var/lib/db").getName()).getHostPath().getPath())
        .isEqualTo("/home/me/app/db_data");
    assertThat(claimNames(t)).isEmpty();
  }

  @Test
  void typeConfigMapMountsGivenWritableDirectoriesReadOnly() {
    Translation t =
        render(
            "services:\n  prom:\n    image: prom:1\n    volumes: [\"./prometheus:/etc/prometheus\"]\n",
            Map.of("prometheus/prometheus.yml", "x"),
            withType(BindMountType.configMap, null));

    assertThat(claimNames(t)).isEmpty();
    assertThat(mountAt(pod(t, "prom"), "/etc/prometheus").getReadOnly()).isTrue();
    assertThat(warnings(t))
        .containsExactly(
            "services.prom.volumes[0]: ./prometheus is mounted read-only from the ConfigMap"
                + " prom-files (bindMounts.type is configMap (--volumes configMap)); a change of its"
                + " files rolls the pods");
  }

  @Test
  void claimNamesFollowTheNamingRule() {
    assertThat(Names.bindClaim("db_data")).isEqualTo("db-data");
    assertThat(Names.bindClaim("/srv/media/downloads")).isEqualTo("srv-media-downloads");
    assertThat(Names.bindClaim("~/minecraft_data")).isEqualTo("minecraft-data");
    assertThat(Names.bindClaim("../Shared Data")).isEqualTo("shared-data");
    assertThat(Names.bindClaim("/" + "a".repeat(80))).hasSize(63);
  }

  @Test
  void aReadOnlyMountOfADirectoryAnotherServiceWritesIsTheSameClaim() {
    Translation t =
        render(
            "services:\n  writer:\n    image: w:1\n    volumes: [\"./config:/config\"]\n"
                + "  reader:\n    image: r:1\n    volumes: [\"./config:/config:ro\"]\n",
            Map.of("config/a.conf", "x"),
            ProjectOptions.defaults("p"));

    PodSpec reader = pod(t, "reader");
    VolumeMount mount = mountAt(reader, "/config");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(volume(reader, mount.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("config");
    assertThat(reader.getInitContainers()).isEmpty(); // the writer fills it
    assertThat(claimNames(t)).containsExactly("config");
    assertThat(warnings(t))
        .contains(
            "services.reader.volumes[0]: bind mount of ./config is the PersistentVolumeClaim"
                + " config, read-only: another service writes there and fills it from its files in"
                + " spec.files, so this one sees what that one writes");
  }

  @Test
  void aDataDirectoryInsideAnotherIsASubDirectoryOfItsClaim() {
    Translation t =
        render(
            "services:\n  qb:\n    image: qb:1\n    volumes: [\"/srv/media/downloads:/downloads\"]\n"
                + "  jf:\n    image: jf:1\n    volumes: [\"/srv/media:/media:ro\"]\n");

    assertThat(claimNames(t)).containsExactly("srv-media");
    VolumeMount downloads = mountAt(pod(t, "qb"), "/downloads");
    assertThat(downloads.getSubPath()).isEqualTo("data/downloads");
    assertThat(volume(pod(t, "qb"), downloads.getName()).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("srv-media");
    assertThat(mountAt(pod(t, "jf"), "/media").getSubPath()).isEqualTo("data");
    assertThat(pod(t, "jf").getAffinity().getPodAffinity()).isNotNull();
    assertThat(warnings(t))
        .contains(
            "services.qb.volumes[0]: bind mount of /srv/media/downloads is the directory downloads"
                + " of the PersistentVolumeClaim srv-media (of /srv/media), so it holds the same"
                + " files as on the host; the host's content is not copied");
  }

  @Test
  void filledFilesBelongToTheServicesNumericUser() {
    Translation t =
        render(
            "services:\n  app:\n    image: app:1\n    user: \"1000:1001\"\n"
                + "    volumes: [\"./config:/config\"]\n",
            Map.of("config/a.conf", "x"),
            ProjectOptions.defaults("p"));

    Container fill = pod(t, "app").getInitContainers().get(0);
    assertThat(fill.getSecurityContext().getRunAsUser()).isZero();
    assertThat(fill.getCommand().get(2)).contains("chown -R 1000:1001 /compose-seed/data");
  }
}
