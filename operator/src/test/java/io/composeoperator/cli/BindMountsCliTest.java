package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.BindMountType;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Renderer;
import io.composeoperator.translate.SpecOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bind mounts from the command line: {@code --volumes} on {@code render} and {@code convert}, and
 * what {@code convert} records so that the operator renders what {@code render} prints.
 */
class BindMountsCliTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void wordpress() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          db:
            image: mysql:8.4
            volumes:
              - ./db_data:/var/lib/mysql
          web:
            build: .
            image: example/web:1.0
            volumes:
              - ./src:/app/src
              - ./config:/app/config
        """);
    write("src/index.js", "console.log('hi')\n");
    write("config/app.yaml", "level: info\n");
  }

  private static PodSpec pod(List<HasMetadata> objects, String name) {
    return objects.stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name))
        .map(o -> ((Deployment) o).getSpec().getTemplate().getSpec())
        .findFirst()
        .orElseThrow();
  }

  private static List<String> claims(List<HasMetadata> objects) {
    return objects.stream()
        .filter(o -> o.getKind().equals("PersistentVolumeClaim"))
        .map(o -> o.getMetadata().getName())
        .toList();
  }

  private static String yaml(List<HasMetadata> objects) {
    return Serialization.asYaml(objects);
  }

  @Test
  void renderMakesClaimsOfDataAndFilledClaimsOfGivenDirectoriesByDefault() throws IOException {
    wordpress();

    CliRun run = CliRun.in(dir, "render");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    assertThat(claims(objects)).containsExactly("config", "db-data");
    assertThat(run.err())
        .contains(
            "services.db.volumes[0]: bind mount of ./db_data is the PersistentVolumeClaim db-data")
        .contains(
            "services.web.volumes[0]: bind mount of ./src is source code the image already holds")
        .contains(
            "services.web.volumes[1]: bind mount of ./config is the PersistentVolumeClaim"
                + " config, filled from its files");
  }

  @Test
  void convertRecordsSourcePathsAndTheOperatorRendersWhatRenderPrints() throws IOException {
    wordpress();

    CliRun converted = CliRun.in(dir, "convert", "--name", "shop");
    CliRun rendered = CliRun.in(dir, "render", "--name", "shop");

    assertThat(converted.exitCode()).as(converted.err()).isZero();
    ComposeProject project = Serialization.unmarshal(converted.out(), ComposeProject.class);
    assertThat(project.getSpec().getBindMounts().getSourcePaths()).containsExactly("src");
    assertThat(project.getSpec().getBindMounts().getType()).isNull();
    assertThat(project.getSpec().getFiles()).containsOnlyKeys("config/app.yaml"); // src not shipped
    List<HasMetadata> operator =
        Renderer.render(
                RenderCommand.sourceOf(project.getSpec()),
                SpecOptions.from("shop", null, project.getSpec(), null))
            .objects();
    assertThat(yaml(operator)).isEqualTo(yaml(CliRun.objects(rendered.out())));
  }

  @Test
  void volumesEmptyDirKeepsNothingPastThePod() throws IOException {
    wordpress();

    CliRun run = CliRun.in(dir, "render", "--volumes", "emptyDir");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    assertThat(claims(objects)).isEmpty();
    assertThat(pod(objects, "db").getVolumes())
        .extracting(Volume::getEmptyDir)
        .doesNotContainNull();
    assertThat(run.err()).contains("is an emptyDir (bindMounts.type emptyDir)");
  }

  @Test
  void volumesConfigMapMountsGivenDirectoriesReadOnly() throws IOException {
    wordpress();

    CliRun run = CliRun.in(dir, "render", "--volumes", "configMap");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<HasMetadata> objects = CliRun.objects(run.out());
    assertThat(claims(objects)).containsExactly("db-data"); // data still persists
    assertThat(run.err()).contains("(bindMounts.type is configMap (--volumes configMap))");
  }

  @Test
  void volumesHostPathNeedsPrivilegedAndUsesThisDirectory() throws IOException {
    wordpress();

    CliRun refused = CliRun.in(dir, "render", "--volumes", "hostPath");
    CliRun run =
        CliRun.in(dir, "render", "--volumes", "hostPath", "--security-profile", "privileged");
    CliRun converted =
        CliRun.in(dir, "convert", "--volumes", "hostPath", "--security-profile", "privileged");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains("refused by security profile baseline")
        .contains("--volumes hostPath")
        .contains("spec.securityProfile (--security-profile): privileged allows it");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String expected = dir.toAbsolutePath() + "/db_data";
    assertThat(pod(CliRun.objects(run.out()), "db").getVolumes())
        .extracting(v -> v.getHostPath() == null ? null : v.getHostPath().getPath())
        .contains(expected);
    ComposeProject project = Serialization.unmarshal(converted.out(), ComposeProject.class);
    assertThat(project.getSpec().getBindMounts().getType()).isEqualTo(BindMountType.hostPath);
    assertThat(project.getSpec().getBindMounts().getHostDirectory())
        .isEqualTo(dir.toAbsolutePath().toString());
  }

  @Test
  void renderOfAComposeProjectTakesVolumesToo() throws IOException {
    wordpress();
    CliRun converted = CliRun.in(dir, "convert", "--name", "shop");
    write("project.yaml", converted.out());

    CliRun run = CliRun.in(dir, "render", "-f", "project.yaml", "--volumes", "emptyDir");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(claims(CliRun.objects(run.out()))).isEmpty();
  }

  @Test
  void anUnknownVolumesTypeIsRefusedWithTheChoices() throws IOException {
    wordpress();

    CliRun run = CliRun.in(dir, "render", "--volumes", "nfs");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains("--volumes")
        .contains("persistentVolumeClaim, emptyDir, hostPath, configMap");
  }

  @Test
  void aBinaryFileIsRecordedAndSkippedNotMadeADirectory() throws IOException {
    write(
        "compose.yaml",
        "services:\n  geo:\n    image: geo:1\n    volumes: [\"./city.mmdb:/data/city.mmdb\"]\n");
    Files.write(dir.resolve("city.mmdb"), new byte[] {0, 1, 2, (byte) 0xff, 0});

    CliRun rendered = CliRun.in(dir, "render", "--name", "geo");
    CliRun converted = CliRun.in(dir, "convert", "--name", "geo");

    assertThat(rendered.exitCode()).as(rendered.err()).isZero();
    assertThat(claims(CliRun.objects(rendered.out()))).isEmpty();
    assertThat(pod(CliRun.objects(rendered.out()), "geo").getContainers().get(0).getVolumeMounts())
        .isEmpty();
    assertThat(rendered.err())
        .contains(
            "services.geo.volumes[0]: bind mount of the file ./city.mmdb is skipped: it is binary"
                + " or bigger than 256 KiB");
    ComposeProject project = Serialization.unmarshal(converted.out(), ComposeProject.class);
    assertThat(project.getSpec().getBindMounts().getUnshippedFiles()).containsExactly("city.mmdb");
    List<HasMetadata> operator =
        Renderer.render(
                RenderCommand.sourceOf(project.getSpec()),
                SpecOptions.from("geo", null, project.getSpec(), null))
            .objects();
    assertThat(yaml(operator)).isEqualTo(yaml(CliRun.objects(rendered.out())));
  }
}
