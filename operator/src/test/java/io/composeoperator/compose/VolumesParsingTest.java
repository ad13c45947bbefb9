package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ByteSize;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumesParsingTest {

  private static List<ServiceVolumeConfig> mounts(String service) {
    return service(
            "services:\n  web:\n    image: nginx\n" + service + "volumes: {data: {}}\n", "web")
        .volumes();
  }

  private static ServiceVolumeConfig bind(String source, String target, boolean readOnly) {
    return new ServiceVolumeConfig(
        "bind", source, target, readOnly, false, null, null, null, false, null);
  }

  private static ServiceVolumeConfig volume(String source, String target, boolean readOnly) {
    return new ServiceVolumeConfig(
        "volume", source, target, readOnly, false, null, null, null, false, null);
  }

  @Test
  void relativeBindSourcesAreNormalized() {
    assertThat(
            mounts(
                """
                    volumes:
                      - ./proxy/nginx.conf:/etc/nginx/nginx.conf:ro
                      - .:/app
                      - ./:/src
                      - ../shared:/shared
                      - ./a/../b/./c/:/c
                """))
        .containsExactly(
            bind("proxy/nginx.conf", "/etc/nginx/nginx.conf", true),
            bind(".", "/app", false),
            bind(".", "/src", false),
            bind("../shared", "/shared", false),
            bind("b/c", "/c", false));
  }

  @Test
  void absoluteAndHomeSourcesAreHostPaths() {
    List<ServiceVolumeConfig> mounts =
        mounts("    volumes: [\"/var/run/docker.sock:/var/run/docker.sock\", \"~/data:/data\"]\n");
    assertThat(mounts)
        .containsExactly(
            bind("/var/run/docker.sock", "/var/run/docker.sock", false),
            bind("~/data", "/data", false));
    assertThat(mounts).allMatch(ServiceVolumeConfig::isHostPath);
  }

  @Test
  void namedAndAnonymousVolumes() {
    assertThat(mounts("    volumes: [\"data:/var/lib/data:ro,nocopy\", /cache]\n"))
        .containsExactly(
            new ServiceVolumeConfig(
                "volume", "data", "/var/lib/data", true, true, null, null, null, false, null),
            volume(null, "/cache", false));
  }

  @Test
  void undeclaredNamedVolumeIsAnError() {
    assertError(
        "services: {web: {image: nginx, volumes: [\"missing:/data\"]}}",
        "compose.yaml: services.web.volumes[0]: volume \"missing\" is not declared in the top-level"
            + " volumes section");
  }

  @Test
  void unknownShortOptionIsAnError() {
    assertError(
        "services: {web: {image: nginx, volumes: [\"./a:/a:bogus\"]}}",
        "compose.yaml: services.web.volumes[0]: \"bogus\" is not a volume option in \"./a:/a:bogus\"");
  }

  @Test
  void selinuxOptionIsKeptAsUnmodelled() {
    var web = service("services: {web: {image: nginx, volumes: [\"./a:/a:z\"]}}", "web");
    assertThat(web.volumes()).containsExactly(bind("a", "/a", false));
    assertThat(web.unmodelledKeys()).containsExactly("services.web.volumes[0]:z");
  }

  @Test
  void relativeTargetIsAnError() {
    assertError(
        "services: {web: {image: nginx, volumes: [\"./a:a\"]}}",
        "compose.yaml: services.web.volumes[0]: \"a\" is not an absolute path in the container");
  }

  @Test
  void longSyntaxBindVolumeAndTmpfs() {
    assertThat(
            mounts(
                """
                    volumes:
                      - type: bind
                        source: ./conf
                        target: /conf
                        read_only: true
                        bind: {create_host_path: false, propagation: rshared}
                      - type: volume
                        source: data
                        target: /data
                        volume: {nocopy: true, subpath: sub}
                      - type: tmpfs
                        target: /tmp
                        tmpfs: {size: 64m, mode: 01777}
                """))
        .containsExactly(
            new ServiceVolumeConfig(
                "bind", "conf", "/conf", true, false, null, null, null, false, null),
            new ServiceVolumeConfig(
                "volume", "data", "/data", false, true, "sub", null, null, false, null),
            new ServiceVolumeConfig(
                "tmpfs",
                null,
                "/tmp",
                false,
                false,
                null,
                new ByteSize(64L << 20),
                01777,
                false,
                null));
  }

  @Test
  void longSyntaxBindCreatesHostPathOnlyWhenAsked() {
    assertThat(
            mounts("    volumes: [{type: bind, source: ./a, target: /a}]\n")
                .get(0)
                .createHostPath())
        .isFalse();
    assertThat(
            mounts(
                    "    volumes: [{type: bind, source: ./a, target: /a, bind: {create_host_path: true}}]\n")
                .get(0)
                .createHostPath())
        .isTrue();
    // the short syntax creates a missing path too, but that is what a hostPath without a type
    // does, so only the explicit key is recorded (it becomes hostPath type DirectoryOrCreate)
    assertThat(mounts("    volumes: [\"./a:/a\"]\n").get(0).createHostPath()).isFalse();
  }

  @Test
  void bindPropagationIsUnmodelled() {
    var web =
        service(
            "services: {web: {image: nginx, volumes: [{type: bind, source: ., target: /a, bind: {propagation: shared}}]}}",
            "web");
    assertThat(web.unmodelledKeys()).containsExactly("services.web.volumes[0].bind.propagation");
  }

  @Test
  void longSyntaxNeedsAKnownType() {
    assertError(
        "services: {web: {image: nginx, volumes: [{type: disk, target: /a}]}}",
        "compose.yaml: services.web.volumes[0].type: \"disk\" is not a mount type (bind, volume, tmpfs,"
            + " image, npipe or cluster)");
  }

  @Test
  void tmpfsStringAndListBecomeTmpfsMounts() {
    assertThat(service("services: {web: {image: nginx, tmpfs: /run}}", "web").volumes())
        .containsExactly(
            new ServiceVolumeConfig(
                "tmpfs", null, "/run", false, false, null, null, null, false, null));
    assertThat(
            service(
                    "services: {web: {image: nginx, tmpfs: [\"/tmp:size=1g,mode=700\", /run]}}",
                    "web")
                .volumes())
        .containsExactly(
            new ServiceVolumeConfig(
                "tmpfs",
                null,
                "/tmp",
                false,
                false,
                null,
                new ByteSize(1L << 30),
                null, // mode=700 is not mapped: warned at tmpfs[0]:mode=700
                false,
                null),
            new ServiceVolumeConfig(
                "tmpfs", null, "/run", false, false, null, null, null, false, null));
  }

  @Test
  void otherTmpfsOptionsAreUnmodelled() {
    assertThat(
            service("services: {web: {image: nginx, tmpfs: [\"/run:noexec,size=1m\"]}}", "web")
                .unmodelledKeys())
        .containsExactly("services.web.tmpfs[0]:noexec");
  }

  @Test
  void volumesComeBeforeTmpfsInFileOrder() {
    assertThat(mounts("    tmpfs: /run\n    volumes: [\"data:/data\"]\n"))
        .extracting(ServiceVolumeConfig::target)
        .containsExactly("/data", "/run");
  }

  @Test
  void filesAreKeyedByNormalizedPath() {
    var model =
        Loading.loadWithFiles(
                "services: {web: {image: nginx}}",
                java.util.Map.of("./proxy/nginx.conf", "x", "a//b", "y"))
            .model();
    assertThat(model.files()).containsOnlyKeys("proxy/nginx.conf", "a/b");
    assertThat(load("services: {web: {image: nginx}}").model().files()).isEmpty();
  }
}
