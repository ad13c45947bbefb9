package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.ComposeSource;
import io.composeoperator.compose.Variables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every object names the Compose service and the file it came from ({@link Provenance}). */
class ProvenanceTest {

  private static Translation render(String compose, Map<String, String> files, List<String> over) {
    Translation translation =
        Renderer.render(
            new ComposeSource(
                "docker-compose.yml", compose, files, Variables.NONE, List.of(), over),
            ProjectOptions.defaults("shop"));
    KubernetesValidity.assertValid(translation.objects());
    return translation;
  }

  /** kind/name → the two annotations (absent ones left out). */
  private static Map<String, Map<String, String>> provenance(Translation t) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (HasMetadata o : t.objects()) {
      Map<String, String> mine = new TreeMap<>();
      Map<String, String> annotations = o.getMetadata().getAnnotations();
      for (String key : List.of(Labels.COMPOSE_FILE, Labels.COMPOSE_SERVICE)) {
        if (annotations.containsKey(key)) {
          mine.put(key.substring(key.indexOf('/') + 1), annotations.get(key));
        }
      }
      out.put(o.getKind() + "/" + o.getMetadata().getName(), mine);
    }
    return out;
  }

  @Test
  void servicesAndVolumesNameTheFileThatDeclaresThem() {
    Translation t =
        render(
            """
            include: [db/compose.yaml]
            services:
              my_web:
                image: nginx
                ports: ["8080:80"]
                depends_on: [db]
                volumes: [cache:/cache]
            volumes:
              cache: {}
            """,
            Map.of(
                "db/compose.yaml",
                """
                services:
                  db: {image: postgres, volumes: [pgdata:/var/lib/postgresql/data]}
                volumes:
                  pgdata: {}
                """),
            List.of());
    Map<String, Map<String, String>> p = provenance(t);
    assertThat(p.get("Deployment/my-web"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("compose-file", "docker-compose.yml", "compose-service", "my_web"));
    assertThat(p.get("Service/my-web-published")).containsEntry("compose-service", "my_web");
    assertThat(p.get("Deployment/db"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("compose-file", "db/compose.yaml", "compose-service", "db"));
    assertThat(p.get("PersistentVolumeClaim/pgdata"))
        .containsExactlyEntriesOf(Map.of("compose-file", "db/compose.yaml"));
    assertThat(p.get("PersistentVolumeClaim/cache"))
        .containsExactlyEntriesOf(Map.of("compose-file", "docker-compose.yml"));
    assertThat(p.get("ServiceAccount/shop-wait"))
        .containsExactlyEntriesOf(Map.of("compose-file", "docker-compose.yml"));
    assertThat(p.values()).allSatisfy(a -> assertThat(a).containsKey("compose-file"));
  }

  @Test
  void aServiceThatAnOverrideFileAddsNamesThatFileAndOneItChangesKeepsItsOwn() {
    Translation t =
        render(
            "services: {web: {image: nginx}}\n",
            Map.of(
                "compose.prod.yaml",
                "services: {web: {image: 'nginx:1.27'}, worker: {image: busybox}}\n"),
            List.of("compose.prod.yaml"));
    Map<String, Map<String, String>> p = provenance(t);
    assertThat(p.get("Deployment/web")).containsEntry("compose-file", "docker-compose.yml");
    assertThat(p.get("Deployment/worker")).containsEntry("compose-file", "compose.prod.yaml");
  }

  @Test
  void aPodOfServicesSharingANamespaceNamesThemAllItsOwnFirst() {
    Translation t =
        render(
            """
            services:
              vpn: {image: gluetun}
              torrent: {image: qbittorrent, network_mode: "service:vpn"}
            """,
            Map.of(),
            List.of());
    Map<String, Map<String, String>> p = provenance(t);
    assertThat(p.get("Deployment/vpn")).containsEntry("compose-service", "vpn,torrent");
    assertThat(p.get("Service/torrent")).containsEntry("compose-service", "torrent");
  }
}
