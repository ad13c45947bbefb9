package io.composeoperator.translate;

import static io.composeoperator.translate.NetModels.internal;
import static io.composeoperator.translate.NetModels.model;
import static io.composeoperator.translate.NetModels.published;
import static io.composeoperator.translate.NetModels.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ImageConfig;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.ServiceNetworkConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NetworkingTest {
  private final Warnings warnings = new Warnings();

  private List<Service> servicesFor(ServiceConfig service, ComposeModel model, ProjectOptions o) {
    List<Service> services =
        Networking.servicesFor(service, Names.sanitize(service.name()), model, o, warnings);
    KubernetesValidity.assertValid(services);
    return services;
  }

  private List<Service> servicesFor(ServiceConfig service, ComposeModel model) {
    return servicesFor(service, model, ProjectOptions.defaults("shop"));
  }

  private List<Service> servicesFor(ServiceConfig service) {
    return servicesFor(service, model(service));
  }

  private List<String> warningTexts() {
    return warnings.toList().stream().map(Object::toString).toList();
  }

  private static List<String> names(List<Service> services) {
    return services.stream().map(s -> s.getMetadata().getName()).toList();
  }

  @Test
  void headlessServiceWithoutPortsStillGivesDns() {
    List<Service> services =
        servicesFor(ServiceConfig.builder("db").image(ImageConfig.of("postgres")).build());

    Service expected =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("db")
            .withLabels(Labels.forService("shop", "db"))
            .endMetadata()
            .withNewSpec()
            .withClusterIP("None")
            .withPublishNotReadyAddresses(true)
            .withSelector(Labels.selector("shop", "db"))
            .withPorts(List.<ServicePort>of())
            .endSpec()
            .build();
    assertThat(services).containsExactly(expected);
    assertThat(warnings.toList()).isEmpty();
  }

  @Test
  void headlessListsPortsAndExposeUniqueByPortAndProtocol() {
    ServiceConfig db =
        ServiceConfig.builder("db")
            .ports(List.of(internal(5432), published(15432, 5432)))
            .expose(
                List.of(
                    ServicePortConfig.internal(5432, "tcp"), ServicePortConfig.internal(53, "udp")))
            .build();

    Service headless = servicesFor(db).get(0);

    assertThat(headless.getSpec().getPorts())
        .containsExactly(
            new ServicePortBuilder()
                .withName("tcp-5432")
                .withPort(5432)
                .withProtocol("TCP")
                .build(),
            new ServicePortBuilder().withName("udp-53").withPort(53).withProtocol("UDP").build());
  }

  @Test
  void composePortNameIsKeptWhenValidAndReplacedWithWarningWhenNot() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(
                List.of(
                    new ServicePortConfig("http", 80, null, false, null, "tcp", null, null),
                    new ServicePortConfig(
                        "Admin Port", 9000, null, false, null, "tcp", null, null)))
            .build();

    Service headless = servicesFor(web).get(0);

    assertThat(headless.getSpec().getPorts())
        .extracting(ServicePort::getName)
        .containsExactly("http", "tcp-9000");
    assertThat(warningTexts())
        .containsExactly(
            "services.web.ports: port name \"Admin Port\" is not a valid Kubernetes port name (at"
                + " most 15 characters of a-z, 0-9 and '-', with a letter) or is used twice; using"
                + " \"tcp-9000\" for the Service's port");
  }

  @Test
  void publishedPortsGoToPublishedServiceOfProjectExposure() {
    ServiceConfig web =
        ServiceConfig.builder("web").ports(List.of(published(8080, 80), internal(9090))).build();

    List<Service> services = servicesFor(web, model(web), withExposure(Exposure.LoadBalancer));

    assertThat(names(services)).containsExactly("web", "web-published");
    Service expected =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web-published")
            .withLabels(Labels.forService("shop", "web"))
            .endMetadata()
            .withNewSpec()
            .withType("LoadBalancer")
            .withSelector(Labels.selector("shop", "web"))
            .addNewPort()
            .withName("tcp-8080")
            .withPort(8080)
            .withProtocol("TCP")
            .withTargetPort(new IntOrString(80))
            .endPort()
            .endSpec()
            .build();
    assertThat(services.get(1)).isEqualTo(expected);
  }

  @Test
  void randomPublishedPortListensOnTheContainerPort() {
    ServiceConfig web = ServiceConfig.builder("web").ports(List.of(random(3000))).build();

    Service published = servicesFor(web).get(1);

    assertThat(published.getSpec().getPorts().get(0).getPort()).isEqualTo(3000);
    assertThat(published.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(3000);
  }

  @Test
  void loopbackPortsStayInternalWithWarning() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(
                List.of(
                    new ServicePortConfig(null, 80, 8080, false, "127.0.0.1", "tcp", null, null)))
            .build();

    List<Service> services = servicesFor(web);

    assertThat(names(services)).containsExactly("web");
    assertThat(services.get(0).getSpec().getPorts())
        .extracting(ServicePort::getPort)
        .containsExactly(80);
    assertThat(warningTexts())
        .containsExactly(
            "services.web.ports: port 80 is published on 127.0.0.1 only: it is not published on"
                + " the cluster (other services reach it by the service name)");
  }

  @Test
  void hostModeAndHostIpAreWarned() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(
                List.of(
                    new ServicePortConfig(null, 80, 80, false, "10.0.0.5", "tcp", "host", null)))
            .build();

    servicesFor(web);

    assertThat(warningTexts())
        .anyMatch(w -> w.contains("uses mode: host"))
        .anyMatch(w -> w.contains("bound to host_ip 10.0.0.5"));
  }

  @Test
  void nodePortKeptInRangeElseAssignedByClusterWithWarning() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(List.of(published(30080, 80), published(8443, 443), random(9000)))
            .kubernetes(new ServiceKubernetesConfig("NodePort"))
            .build();

    Service published = servicesFor(web).get(1);

    assertThat(published.getSpec().getType()).isEqualTo("NodePort");
    assertThat(published.getSpec().getPorts())
        .extracting(ServicePort::getNodePort)
        .containsExactly(30080, null, null);
    assertThat(warningTexts())
        .containsExactly(
            "services.web.ports: published port 8443 is outside the node port range 30000-32767:"
                + " the node port is assigned by the cluster (the Service listens on 8443 inside"
                + " the cluster)");
  }

  @Test
  void invalidExposeIsAnErrorNamingThePath() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(List.of(published(80, 80)))
            .kubernetes(new ServiceKubernetesConfig("Ingress"))
            .build();

    assertThatThrownBy(() -> servicesFor(web))
        .isInstanceOf(ComposeException.class)
        .hasMessage(
            "compose.yaml: services.web.x-kubernetes.expose: \"Ingress\" is not a Service type for"
                + " published ports (expected one of ClusterIP, NodePort, LoadBalancer)");
  }

  @Test
  void samePublishedPortTwiceIsKeptOnce() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(
                List.of(
                    new ServicePortConfig(null, 80, 80, false, "0.0.0.0", "tcp", null, null),
                    new ServicePortConfig(null, 80, 80, false, "::", "tcp", null, null),
                    published(80, 81)))
            .build();

    Service published = servicesFor(web).get(1);

    assertThat(published.getSpec().getPorts()).hasSize(1);
    assertThat(warningTexts())
        .containsExactly(
            "services.web.ports: published port 80/TCP is mapped to two container ports; keeping"
                + " 80");
  }

  @Test
  void appProtocolBecomesAppProtocol() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .ports(List.of(new ServicePortConfig(null, 80, 80, false, null, "tcp", null, "http")))
            .build();

    List<Service> services = servicesFor(web);

    assertThat(services)
        .allSatisfy(
            s -> assertThat(s.getSpec().getPorts().get(0).getAppProtocol()).isEqualTo("http"));
  }

  @Test
  void networkAliasesAddHeadlessServicesAndWarnAboutScope() {
    ServiceConfig db =
        ServiceConfig.builder("db")
            .expose(List.of(ServicePortConfig.internal(5432, "tcp")))
            .networks(
                new TreeMap<>(
                    Map.of(
                        "back",
                        new ServiceNetworkConfig(List.of("database", "pg.internal"), null, null))))
            .build();

    List<Service> services = servicesFor(db, model(List.of(db), "back"));

    assertThat(names(services)).containsExactly("db", "database", "pg-internal");
    assertThat(services.get(1).getSpec()).isEqualTo(services.get(0).getSpec());
    assertThat(warningTexts())
        .containsExactly(
            "services.db.networks.back.aliases: \"pg.internal\" is not a valid Service name; it"
                + " resolves as \"pg-internal\"",
            "services.db.networks.back.aliases: alias \"database\" resolves on every network of"
                + " the project, not only on back",
            "services.db.networks.back.aliases: alias \"pg.internal\" resolves on every network"
                + " of the project, not only on back");
  }

  @Test
  void aliasesOnTheOnlyNetworkDoNotWarnAboutScope() {
    ServiceConfig db =
        ServiceConfig.builder("db")
            .networks(
                new TreeMap<>(
                    Map.of("default", new ServiceNetworkConfig(List.of("database"), null, null))))
            .build();

    assertThat(names(servicesFor(db))).containsExactly("db", "database");
    assertThat(warnings.toList()).isEmpty();
  }

  @Test
  void linkAliasOfAnotherServiceResolvesToTheTarget() {
    ServiceConfig db = ServiceConfig.builder("db").build();
    ServiceConfig web =
        ServiceConfig.builder("web").links(new TreeMap<>(Map.of("db", "database"))).build();
    ServiceConfig api =
        ServiceConfig.builder("api").links(new TreeMap<>(Map.of("db", "db"))).build();

    List<Service> services = servicesFor(db, model(db, web, api));

    assertThat(names(services)).containsExactly("db", "database");
    assertThat(services.get(1).getSpec().getSelector()).isEqualTo(Labels.selector("shop", "db"));
    assertThat(warningTexts())
        .containsExactly(
            "services.web.links: link alias \"database\" for db resolves for every service of the"
                + " project, not only for web");
  }

  @Test
  void containerNameAddsNameMappedWithWarning() {
    ServiceConfig db =
        ServiceConfig.builder("db").dns(hosts -> hosts.containerName("Shop_DB")).build();

    assertThat(names(servicesFor(db))).containsExactly("db", "shop-db");
    assertThat(warningTexts())
        .containsExactly(
            "services.db.container_name: \"Shop_DB\" is not a valid Service name; it resolves as"
                + " \"shop-db\"");
  }

  @Test
  void namesThatCannotBeServiceNamesAreSkippedWithWarningAndOwnNameIsNotRepeated() {
    ServiceConfig db =
        ServiceConfig.builder("db")
            .dns(hosts -> hosts.containerName("DB"))
            .networks(
                new TreeMap<>(
                    Map.of("default", new ServiceNetworkConfig(List.of("1db"), null, null))))
            .build();

    assertThat(names(servicesFor(db))).containsExactly("db");
    assertThat(warningTexts())
        .containsExactly(
            "services.db.networks.default.aliases: \"1db\" cannot be a Kubernetes Service name;"
                + " this name will not resolve");
  }

  @Test
  void fixedAddressesAreWarned() {
    ServiceConfig db =
        ServiceConfig.builder("db")
            .networks(
                new TreeMap<>(
                    Map.of("default", new ServiceNetworkConfig(List.of(), "172.20.0.5", null))))
            .build();

    servicesFor(db);

    assertThat(warningTexts())
        .containsExactly(
            "services.db.networks.default.ipv4_address: fixed addresses are not supported: pods"
                + " get addresses from the cluster; use the service name");
  }

  @Test
  void longServiceNameGetsAShortenedPublishedServiceName() {
    String longName = "a" + "b".repeat(62);
    ServiceConfig web = ServiceConfig.builder(longName).ports(List.of(published(80, 80))).build();

    List<Service> services = servicesFor(web);

    String published = services.get(1).getMetadata().getName();
    assertThat(published).hasSize(63).endsWith("-published").matches("ab+-[0-9a-f]{8}-published");
    assertThat(Networking.publishedName("a" + "c".repeat(62), "x", new Warnings()))
        .isNotEqualTo(published);
    assertThat(warningTexts())
        .containsExactly(
            "services."
                + longName
                + ".ports: the Service of the published ports is named \""
                + published
                + "\" (\""
                + longName
                + "-published\" would be longer than 63 characters)");
  }

  @Test
  void namespaceIsSetWhenGiven() {
    ServiceConfig web = ServiceConfig.builder("web").ports(List.of(published(80, 80))).build();
    ProjectOptions options =
        new ProjectOptions(
            "shop", "prod", Map.of(), List.of(), null, Map.of(), Map.of(), null, null, null, null);

    assertThat(servicesFor(web, model(web), options))
        .allSatisfy(s -> assertThat(s.getMetadata().getNamespace()).isEqualTo("prod"));
  }

  private static ProjectOptions withExposure(Exposure exposure) {
    return new ProjectOptions(
        "shop", null, Map.of(), List.of(), null, Map.of(), Map.of(), null, exposure, null, null);
  }
}
