package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import org.junit.jupiter.api.Test;

class DependsOnTest {

  @Test
  void listFormMeansStartedAndRequired() {
    assertThat(
            service("services: {web: {image: x, depends_on: [db]}, db: {image: y}}", "web")
                .dependsOn())
        .containsExactly(
            java.util.Map.entry(
                "db", new ServiceDependency(Condition.SERVICE_STARTED, true, false, false)));
  }

  @Test
  void mapFormReadsConditionRequiredAndRestart() {
    var deps =
        service(
                """
                services:
                  web:
                    image: x
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                      migrate: {condition: service_completed_successfully}
                      cache: {condition: service_started, required: false}
                  db: {image: y, healthcheck: {test: [CMD, ok]}}
                  migrate: {image: z}
                  cache: {image: c}
                """,
                "web")
            .dependsOn();
    assertThat(deps)
        .containsEntry("db", new ServiceDependency(Condition.SERVICE_HEALTHY, true, true, false))
        .containsEntry(
            "migrate",
            new ServiceDependency(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true, false, false))
        .containsEntry(
            "cache", new ServiceDependency(Condition.SERVICE_STARTED, false, false, false));
  }

  @Test
  void linksVolumesFromAndNamespacesAddImplicitDependencies() {
    var deps =
        service(
                """
                services:
                  web:
                    image: x
                    links: ["db:database"]
                    volumes_from: ["files:ro", "container:other"]
                    network_mode: service:net
                    ipc: service:ipcsvc
                    pid: service:pidsvc
                  db: {image: y}
                  files: {image: y}
                  net: {image: y}
                  ipcsvc: {image: y}
                  pidsvc: {image: y}
                """,
                "web")
            .dependsOn();
    ServiceDependency implicit =
        new ServiceDependency(Condition.SERVICE_STARTED, true, false, true);
    assertThat(deps).containsOnlyKeys("db", "files", "net", "ipcsvc", "pidsvc");
    assertThat(deps.values()).containsOnly(implicit);
  }

  @Test
  void undefinedDependencyIsAnError() {
    assertError(
        "services: {web: {image: x, depends_on: [db]}}",
        "compose.yaml: services.web.depends_on.db: depends on undefined service db");
  }

  @Test
  void optionalUndefinedDependencyIsDroppedWithWarning() {
    LoadResult result =
        load(
            "services: {web: {image: x, depends_on: {db: {condition: service_started, required: false}}}}");
    assertThat(result.model().services().get("web").dependsOn()).isEmpty();
    assertThat(result.warnings())
        .containsExactly(
            new Warning(
                "services.web.depends_on.db",
                "depends on undefined service db; dropped because it is required: false"));
  }

  @Test
  void cycleIsAnErrorNamingTheCycle() {
    assertError(
        """
        services:
          a: {image: x, depends_on: [b]}
          b: {image: x, depends_on: [c]}
          c: {image: x, depends_on: [a]}
        """,
        "compose.yaml: services.a.depends_on: dependency cycle: a -> b -> c -> a");
  }

  @Test
  void healthyNeedsAHealthcheck() {
    assertError(
        "services: {web: {image: x, depends_on: {db: {condition: service_healthy}}}, db: {image: y}}",
        "compose.yaml: services.web.depends_on.db: service db has no healthcheck configured");
    assertError(
        "services: {web: {image: x, depends_on: {db: {condition: service_healthy}}}, db: {image: y, healthcheck: {disable: true}}}",
        "compose.yaml: services.web.depends_on.db: service db has no healthcheck configured (it is disabled)");
  }

  @Test
  void unknownConditionIsAnError() {
    assertError(
        "services: {web: {image: x, depends_on: {db: {condition: service_ready}}}, db: {image: y}}",
        "compose.yaml: services.web.depends_on.db.condition: \"service_ready\" is not a condition"
            + " (service_started, service_healthy or service_completed_successfully)");
  }

  @Test
  void linkToUndefinedServiceIsAnError() {
    assertError(
        "services: {web: {image: x, links: [db]}}",
        "compose.yaml: services.web.links: depends on undefined service db");
  }
}
