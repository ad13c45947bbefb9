package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.ComposeKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's mapping table (section {@code mapping}) has a row for every key the loader knows
 * ({@link ComposeKeys}) and no row for a key Compose does not know (other than the operator's own
 * {@code x-kubernetes} keys), so the table stays true.
 */
class MappingTableTest {
  private static final String SERVICES = "Services";
  private static final String TOP_LEVEL = "Top-level keys";
  private static final String VOLUMES = "Named volumes";
  private static final String NETWORKS = "Networks";
  private static final String SECRETS = "Secrets";
  private static final String CONFIGS = "Configs";

  /** compose-operator's own extension block: documented in the table, not a Compose key. */
  private static final String EXTENSION = "x-kubernetes.";

  private static final Pattern KEY_CELL = Pattern.compile("^\\| `([^`]+)` \\|");

  /** Where the keys of one ComposeKeys set appear: a table (by heading) and a key prefix. */
  record Place(String table, String prefix) {}

  /** Every set of ComposeKeys, by field name, and where its keys are written in the README. */
  private static final Map<String, List<Place>> PLACES =
      Map.ofEntries(
          Map.entry("TOP_LEVEL_KEYS", List.of(new Place(TOP_LEVEL, ""))),
          Map.entry("SERVICE_KEYS", List.of(new Place(SERVICES, ""))),
          Map.entry("DEPLOY_KEYS", List.of(new Place(SERVICES, "deploy."))),
          Map.entry("DEPLOY_RESOURCES_KEYS", List.of(new Place(SERVICES, "deploy.resources."))),
          Map.entry(
              "DEPLOY_RESOURCES_LIMITS_KEYS",
              List.of(new Place(SERVICES, "deploy.resources.limits."))),
          Map.entry(
              "DEPLOY_RESOURCES_RESERVATIONS_KEYS",
              List.of(new Place(SERVICES, "deploy.resources.reservations."))),
          Map.entry(
              "DEPLOY_RESTART_POLICY_KEYS", List.of(new Place(SERVICES, "deploy.restart_policy."))),
          Map.entry("DEPLOY_PLACEMENT_KEYS", List.of(new Place(SERVICES, "deploy.placement."))),
          Map.entry(
              "DEPLOY_UPDATE_CONFIG_KEYS",
              List.of(
                  new Place(SERVICES, "deploy.update_config."),
                  new Place(SERVICES, "deploy.rollback_config."))),
          Map.entry("HEALTHCHECK_KEYS", List.of(new Place(SERVICES, "healthcheck."))),
          Map.entry("BUILD_KEYS", List.of(new Place(SERVICES, "build."))),
          Map.entry("PORT_KEYS", List.of(new Place(SERVICES, "ports."))),
          Map.entry("SERVICE_VOLUME_KEYS", List.of(new Place(SERVICES, "volumes."))),
          Map.entry("SERVICE_VOLUME_BIND_KEYS", List.of(new Place(SERVICES, "volumes.bind."))),
          Map.entry("SERVICE_VOLUME_VOLUME_KEYS", List.of(new Place(SERVICES, "volumes.volume."))),
          Map.entry("SERVICE_VOLUME_TMPFS_KEYS", List.of(new Place(SERVICES, "volumes.tmpfs."))),
          Map.entry("SERVICE_VOLUME_IMAGE_KEYS", List.of(new Place(SERVICES, "volumes.image."))),
          Map.entry(
              "SERVICE_FILE_REF_KEYS",
              List.of(new Place(SERVICES, "secrets."), new Place(SERVICES, "configs."))),
          Map.entry("DEPENDS_ON_KEYS", List.of(new Place(SERVICES, "depends_on."))),
          Map.entry("SERVICE_NETWORK_KEYS", List.of(new Place(SERVICES, "networks."))),
          Map.entry("ENV_FILE_KEYS", List.of(new Place(SERVICES, "env_file."))),
          Map.entry("EXTENDS_KEYS", List.of(new Place(SERVICES, "extends."))),
          Map.entry("LOGGING_KEYS", List.of(new Place(SERVICES, "logging."))),
          Map.entry(
              "HOOK_KEYS",
              List.of(new Place(SERVICES, "post_start."), new Place(SERVICES, "pre_stop."))),
          Map.entry("PRE_START_KEYS", List.of(new Place(SERVICES, "pre_start."))),
          // compose-operator's own x-kubernetes blocks: not Compose keys, but in the table too.
          Map.entry("SERVICE_KUBERNETES_KEYS", List.of(new Place(SERVICES, "x-kubernetes."))),
          Map.entry("SERVICE_INGRESS_KEYS", List.of(new Place(SERVICES, "x-kubernetes.ingress."))),
          Map.entry(
              "SERVICE_HTTP_ROUTE_KEYS", List.of(new Place(SERVICES, "x-kubernetes.httpRoute."))),
          Map.entry(
              "HTTP_ROUTE_PARENT_KEYS",
              List.of(new Place(SERVICES, "x-kubernetes.httpRoute.parentRefs."))),
          // kompose's labels, read as aliases of x-kubernetes
          Map.entry("KOMPOSE_SERVICE_LABELS", List.of(new Place(SERVICES, "labels."))),
          Map.entry("KOMPOSE_VOLUME_LABELS", List.of(new Place(VOLUMES, "labels."))),
          Map.entry("VOLUME_KUBERNETES_KEYS", List.of(new Place(VOLUMES, "x-kubernetes."))),
          Map.entry("VOLUME_KEYS", List.of(new Place(VOLUMES, ""))),
          Map.entry("NETWORK_KEYS", List.of(new Place(NETWORKS, ""))),
          Map.entry("SECRET_KEYS", List.of(new Place(SECRETS, ""))),
          Map.entry("CONFIG_KEYS", List.of(new Place(CONFIGS, ""))),
          Map.entry(
              "EXTERNAL_KEYS",
              List.of(
                  new Place(VOLUMES, "external."),
                  new Place(NETWORKS, "external."),
                  new Place(SECRETS, "external."),
                  new Place(CONFIGS, "external."))));

  /** The key cells of the mapping section, by the heading of their table. */
  static Map<String, Set<String>> readmeKeys() throws IOException {
    Path readme = Path.of(System.getProperty("project.root", ".."), "README.md");
    String text = Files.readString(readme);
    int start = text.indexOf("<!-- section: mapping");
    int end = text.indexOf("<!-- /section: mapping -->");
    assertThat(start).as("README.md has a mapping section").isNotNegative();
    Map<String, Set<String>> keys = new TreeMap<>();
    String heading = "";
    for (String line : text.substring(start, end).split("\n")) {
      if (line.startsWith("### ")) {
        heading = line.substring(4).trim();
        continue;
      }
      Matcher m = KEY_CELL.matcher(line);
      if (m.find()) {
        keys.computeIfAbsent(table(heading), k -> new TreeSet<>()).add(m.group(1));
      }
    }
    return keys;
  }

  /** {@code Services (`services.<name>`)} → {@code Services}. */
  private static String table(String heading) {
    int paren = heading.indexOf(" (");
    return paren < 0 ? heading : heading.substring(0, paren);
  }

  /** Every key ComposeKeys knows, by table, as written in the README. */
  static Map<String, Set<String>> composeKeys() throws IllegalAccessException {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (Field field : ComposeKeys.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Set.class) {
        continue;
      }
      List<Place> places = PLACES.get(field.getName());
      assertThat(places)
          .as("ComposeKeys.%s has a place in the README table (add it to PLACES)", field.getName())
          .isNotNull();
      @SuppressWarnings("unchecked") // every Set field of ComposeKeys is a Set<String>
      Set<String> set = (Set<String>) field.get(null);
      for (Place place : places) {
        for (String key : set) {
          expected.computeIfAbsent(place.table(), k -> new TreeSet<>()).add(place.prefix() + key);
        }
      }
    }
    return expected;
  }

  @Test
  void everyComposeKeyHasARow() throws Exception {
    Map<String, Set<String>> readme = readmeKeys();
    List<String> missing = new ArrayList<>();
    composeKeys()
        .forEach(
            (table, keys) ->
                keys.stream()
                    .filter(key -> !readme.getOrDefault(table, Set.of()).contains(key))
                    .forEach(key -> missing.add(table + ": `" + key + "`")));
    assertThat(missing).as("keys without a row in the README mapping table").isEmpty();
  }

  @Test
  void everyRowIsAComposeKey() throws Exception {
    Map<String, Set<String>> expected = composeKeys();
    List<String> unknown = new ArrayList<>();
    readmeKeys()
        .forEach(
            (table, keys) ->
                keys.stream()
                    .filter(key -> !key.startsWith(EXTENSION))
                    .filter(key -> !expected.getOrDefault(table, Set.of()).contains(key))
                    .forEach(key -> unknown.add(table + ": `" + key + "`")));
    assertThat(unknown).as("README rows for keys Compose does not know").isEmpty();
  }
}
