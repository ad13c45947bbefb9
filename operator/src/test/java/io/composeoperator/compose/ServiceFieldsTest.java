package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.load;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ExtraHost;
import io.composeoperator.compose.model.RestartPolicy;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceFileRef;
import io.composeoperator.compose.model.ServiceKubernetesConfig;
import io.composeoperator.compose.model.ServiceNetworkConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceFieldsTest {

  private static ServiceConfig web(String keys) {
    return service("services: {web: {image: x, " + keys + "}}", "web");
  }

  @Test
  void commandStringIsSplitLikeAShell() {
    assertThat(web("command: 'sh -c \"echo hello world\" \"it''s\"'").process().command())
        .containsExactly("sh", "-c", "echo hello world", "it's");
    assertThat(web("command: \"a\\\\ b 'c d' \\\"e\\\"\"").process().command())
        .containsExactly("a b", "c d", "e");
  }

  @Test
  void commandNullKeepsImageAndEmptyOverrides() {
    assertThat(web("command: null").process().command()).isNull();
    assertThat(web("command: []").process().command()).isEmpty();
    assertThat(web("command: ''").process().command()).isEmpty();
    assertThat(web("entrypoint: [/bin/sh, -c]").process().entrypoint())
        .containsExactly("/bin/sh", "-c");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertError(
        "services: {web: {image: x, command: \"echo 'oops\"}}",
        "compose.yaml: services.web.command: unterminated quote in \"echo 'oops\"");
  }

  @Test
  void restartPolicies() {
    assertThat(web("restart: \"no\"").restart())
        .isEqualTo(new RestartPolicy(RestartPolicy.Kind.NO, null, "services.web.restart"));
    assertThat(web("restart: on-failure:3").restart())
        .isEqualTo(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 3, "services.web.restart"));
    assertThat(web("restart: always, deploy: {restart_policy: {condition: none}}").restart())
        .isEqualTo(
            new RestartPolicy(
                RestartPolicy.Kind.NO, null, "services.web.deploy.restart_policy.condition"));
    assertThat(web("deploy: {restart_policy: {condition: any}}").restart().kind())
        .isEqualTo(RestartPolicy.Kind.ALWAYS);
    assertThat(web("deploy: {restart_policy: {condition: on-failure, max_attempts: 2}}").restart())
        .isEqualTo(
            new RestartPolicy(
                RestartPolicy.Kind.ON_FAILURE, 2, "services.web.deploy.restart_policy.condition"));
    assertThat(web("hostname: h").restart()).isNull();
  }

  @Test
  void invalidRestartIsAnError() {
    assertError(
        "services: {web: {image: x, restart: sometimes}}",
        "compose.yaml: services.web.restart: \"sometimes\" is not a restart policy (no, always,"
            + " on-failure[:N] or unless-stopped)");
  }

  @Test
  void scaleAndReplicasMustAgree() {
    assertThat(web("scale: 0").replicas()).isZero();
    assertThat(web("scale: 3, deploy: {replicas: 3}").replicas()).isEqualTo(3);
    assertThat(web("hostname: h").replicas()).isNull();
    assertError(
        "services: {web: {image: x, scale: 2, deploy: {replicas: 3}}}",
        "compose.yaml: services.web.scale: scale (2) and deploy.replicas (3) must agree");
    assertError(
        "services: {web: {image: x, scale: -1}}",
        "compose.yaml: services.web.scale: -1 is not a number of replicas (it is negative)");
  }

  @Test
  void secretsAndConfigsGetAbsoluteTargets() {
    ServiceConfig web =
        service(
            """
            services:
              web:
                image: x
                secrets: [db, {source: api, target: token, mode: 0400, uid: "1000"}, {source: db, target: /etc/db}]
                configs: [conf, {source: conf, target: /etc/app.conf, mode: 0o644}]
            secrets:
              db: {file: ./db.txt}
              api: {environment: API_TOKEN}
            configs:
              conf: {content: "x=1"}
            """,
            "web");
    assertThat(web.secrets())
        .containsExactly(
            new ServiceFileRef("db", "/run/secrets/db", null, null, null),
            new ServiceFileRef("api", "/run/secrets/token", "1000", null, 0400),
            new ServiceFileRef("db", "/etc/db", null, null, null));
    assertThat(web.configs())
        .containsExactly(
            new ServiceFileRef("conf", "/conf", null, null, null),
            new ServiceFileRef("conf", "/etc/app.conf", null, null, 0644));
  }

  @Test
  void undeclaredSecretIsAnError() {
    assertError(
        "services: {web: {image: x, secrets: [nope]}}",
        "compose.yaml: services.web.secrets[0]: secret \"nope\" is not declared in the top-level"
            + " secrets section");
  }

  @Test
  void networksListAndMapWithAliases() {
    var model =
        load("""
                services:
                  web: {image: x, networks: [front]}
                  api:
                    image: x
                    networks:
                      back: {aliases: [api-internal], ipv4_address: 10.0.0.5, priority: 10}
                      front:
                  solo: {image: x}
                  host: {image: x, network_mode: host}
                networks:
                  front: {}
                  back: {internal: true}
                """)
            .model();
    assertThat(model.services().get("web").networks())
        .containsExactly(Map.entry("front", ServiceNetworkConfig.PLAIN));
    assertThat(model.services().get("api").networks())
        .containsEntry("back", new ServiceNetworkConfig(List.of("api-internal"), "10.0.0.5", null))
        .containsEntry("front", ServiceNetworkConfig.PLAIN);
    assertThat(model.services().get("api").unmodelledKeys())
        .containsExactly("services.api.networks.back.priority");
    assertThat(model.services().get("solo").networks()).containsOnlyKeys("default");
    assertThat(model.services().get("host").networks()).isEmpty();
    assertThat(model.networks()).containsOnlyKeys("back", "default", "front");
    assertThat(model.networks().get("default").implicit()).isTrue();
    assertThat(model.networks().get("back").internal()).isTrue();
  }

  @Test
  void declaredDefaultNetworkIsNotImplicit() {
    var model = load("services: {web: {image: x}}\nnetworks: {default: {driver: bridge}}").model();
    assertThat(model.networks().get("default").implicit()).isFalse();
    assertThat(model.networks().get("default").driver()).isEqualTo("bridge");
  }

  @Test
  void noDefaultNetworkWhenNobodyUsesIt() {
    assertThat(load("services: {web: {image: x, network_mode: none}}").model().networks())
        .isEmpty();
  }

  @Test
  void undeclaredNetworkIsAnError() {
    assertError(
        "services: {web: {image: x, networks: [back]}}",
        "compose.yaml: services.web.networks[0]: network \"back\" is not declared in the top-level"
            + " networks section");
  }

  @Test
  void extraHostsListAndMap() {
    assertThat(
            web("extra_hosts: [\"db:10.0.0.2\", \"v6=::1\", \"gw:host-gateway\"]")
                .dns()
                .extraHosts())
        .containsExactly(
            new ExtraHost("db", "10.0.0.2"),
            new ExtraHost("v6", "::1"),
            new ExtraHost("gw", "host-gateway"));
    assertThat(web("extra_hosts: {db: 10.0.0.2, multi: [10.0.0.3, 10.0.0.4]}").dns().extraHosts())
        .containsExactly(
            new ExtraHost("db", "10.0.0.2"),
            new ExtraHost("multi", "10.0.0.3"),
            new ExtraHost("multi", "10.0.0.4"));
  }

  @Test
  void dnsTakesStringOrList() {
    assertThat(web("dns: 8.8.8.8, dns_search: [a.example, b.example]").dns().dns())
        .containsExactly("8.8.8.8");
    assertThat(web("dns_search: example.com").dns().dnsSearch()).containsExactly("example.com");
  }

  @Test
  void labelsAnnotationsAndSysctlsInBothForms() {
    ServiceConfig web =
        web(
            "labels: [b=2, a=1, flag], annotations: {x: y}, sysctls: [net.core.somaxconn=1024], deploy: {labels: {d: \"1\"}}");
    assertThat(web.metadata().labels())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("flag", ""));
    assertThat(web.metadata().annotations()).containsExactly(Map.entry("x", "y"));
    assertThat(web.security().sysctls()).containsExactly(Map.entry("net.core.somaxconn", "1024"));
    assertThat(web.metadata().deployLabels()).containsExactly(Map.entry("d", "1"));
  }

  @Test
  void scalarsAndSecurityKeys() {
    ServiceConfig web =
        web(
            "user: 1000:1000, group_add: [audio, 44], cap_add: [NET_ADMIN], cap_drop: [ALL], privileged: true,"
                + " read_only: true, security_opt: [\"no-new-privileges:true\"], stop_grace_period: 1m30s,"
                + " stop_signal: SIGINT, working_dir: /app, tty: true, stdin_open: true, init: true,"
                + " pull_policy: always, platform: linux/amd64, container_name: c, hostname: h,"
                + " domainname: d, devices: [\"/dev/fuse\", {source: /dev/sda, permissions: r}], userns_mode: host");
    assertThat(web.security().user()).isEqualTo("1000:1000");
    assertThat(web.security().groupAdd()).containsExactly("audio", "44");
    assertThat(web.security().capAdd()).containsExactly("NET_ADMIN");
    assertThat(web.security().capDrop()).containsExactly("ALL");
    assertThat(web.security().privileged()).isTrue();
    assertThat(web.security().readOnly()).isTrue();
    assertThat(web.security().securityOpt()).containsExactly("no-new-privileges:true");
    assertThat(web.stop().gracePeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(web.stop().signal()).isEqualTo("SIGINT");
    assertThat(web.process().workingDir()).isEqualTo("/app");
    assertThat(web.process().tty()).isTrue();
    assertThat(web.process().stdinOpen()).isTrue();
    assertThat(web.process().init()).isTrue();
    assertThat(web.image().pullPolicy()).isEqualTo("always");
    assertThat(web.image().platform()).isEqualTo("linux/amd64");
    assertThat(web.dns().containerName()).isEqualTo("c");
    assertThat(web.security().devices()).containsExactly("/dev/fuse", "/dev/sda:/dev/sda:r");
    assertThat(web.namespaces().userns()).isEqualTo("host");
  }

  @Test
  void linksMapServiceToAlias() {
    var web =
        load("services: {web: {image: x, links: [\"db:database\", cache]}, db: {image: x}, cache: {image: x}}")
            .model()
            .services()
            .get("web");
    assertThat(web.links())
        .containsExactly(Map.entry("cache", "cache"), Map.entry("db", "database"));
  }

  @Test
  void kubernetesExtensionIsRead() {
    assertThat(web("x-kubernetes: {expose: LoadBalancer}").kubernetes())
        .isEqualTo(new ServiceKubernetesConfig("LoadBalancer"));
    assertError(
        "services: {web: {image: x, x-kubernetes: {replicas: 3}}}",
        "compose.yaml: services.web.x-kubernetes: unknown key \"replicas\" (known: expose, httpRoute,"
            + " ingress)");
    assertError(
        "services: {web: {image: x, x-kubernetes: {expose: Ingress}}}",
        "compose.yaml: services.web.x-kubernetes.expose: \"Ingress\" is not ClusterIP, NodePort,"
            + " LoadBalancer or Headless (an Ingress is set with x-kubernetes.ingress)");
  }

  @Test
  void knownButUnmodelledKeysAreListed() {
    ServiceConfig web =
        web(
            "logging: {driver: json-file}, ulimits: {nofile: 1024}, develop: {}, deploy: {mode: global, placement: {constraints: []}, restart_policy: {delay: 5s}, update_config: {delay: 5s}},"
                + " build: {context: ., args: {A: b}}, cpu_shares: 512, x-custom: 1");
    assertThat(web.unmodelledKeys())
        .containsExactly(
            "services.web.cpu_shares",
            "services.web.develop",
            "services.web.logging",
            "services.web.ulimits",
            "services.web.deploy.restart_policy.delay",
            "services.web.build.args",
            "services.web.deploy.update_config.delay");
  }

  @Test
  void pullPolicyIsChecked() {
    assertThat(web("pull_policy: every_12h").image().pullPolicy()).isEqualTo("every_12h");
    assertError(
        "services: {web: {image: x, pull_policy: sometimes}}",
        "compose.yaml: services.web.pull_policy: \"sometimes\" is not a pull policy (always, never,"
            + " missing, build, daily, weekly, every_<duration>)");
  }
}
