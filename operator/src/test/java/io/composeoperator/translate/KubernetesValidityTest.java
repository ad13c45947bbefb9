package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class KubernetesValidityTest {
  private static final Map<String, String> SELECTOR = Labels.selector("shop", "web");

  private static ContainerBuilder container(String name) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("nginx:1.27")
        .addNewPort()
        .withName("http")
        .withContainerPort(80)
        .endPort()
        .addNewEnv()
        .withName("MODE")
        .withValue("prod")
        .endEnv()
        .addNewEnv()
        .withName("MODE")
        .withValue("again")
        .endEnv()
        .addNewVolumeMount()
        .withName("data")
        .withMountPath("/data")
        .endVolumeMount()
        .withReadinessProbe(
            new ProbeBuilder()
                .withNewExec()
                .withCommand("/bin/sh", "-c", "true")
                .endExec()
                .withPeriodSeconds(30)
                .withTimeoutSeconds(30)
                .withFailureThreshold(3)
                .build())
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("64Mi")))
        .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi")))
        .endResources()
        .withNewSecurityContext()
        .withNewCapabilities()
        .withDrop("ALL")
        .withAdd("NET_BIND_SERVICE")
        .endCapabilities()
        .endSecurityContext();
  }

  private static Deployment deployment(UnaryOperator<ContainerBuilder> edit) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("shop")
        .withLabels(Labels.forService("shop", "web"))
        .withAnnotations(Map.of("traefik.http.routers.web.rule", "Host(`example.com`)"))
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(SELECTOR)
        .endSelector()
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.forService("shop", "web"))
        .endMetadata()
        .withNewSpec()
        .withInitContainers(new ContainerBuilder().withName("wait").withImage("busybox").build())
        .withContainers(edit.apply(container("web")).build())
        .withVolumes(new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build())
        .withNewSecurityContext()
        .addNewSysctl("net.ipv4.ip_unprivileged_port_start", "0")
        .endSecurityContext()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Deployment deployment() {
    return deployment(c -> c);
  }

  private static ServiceBuilder headless() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("web")
        .withLabels(Labels.forService("shop", "web"))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(SELECTOR)
        .endSpec();
  }

  private static Job job(String restartPolicy) {
    return new JobBuilder()
        .withNewMetadata()
        .withName("migrate")
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy(restartPolicy)
        .withContainers(new ContainerBuilder().withName("migrate").withImage("app").build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<HasMetadata> validSet() {
    return List.of(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("web-files")
            .endMetadata()
            .withData(Map.of("nginx.conf", "server {}"))
            .build(),
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("pgdata")
            .endMetadata()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .withRequests(Map.of("storage", new Quantity("1Gi")))
            .endResources()
            .endSpec()
            .build(),
        new ServiceAccountBuilder().withNewMetadata().withName("shop-wait").endMetadata().build(),
        new RoleBuilder()
            .withNewMetadata()
            .withName("shop-wait")
            .endMetadata()
            .addNewRule()
            .withApiGroups("")
            .withResources("pods")
            .withVerbs("get", "list", "watch")
            .endRule()
            .build(),
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName("shop-wait")
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", "shop-wait")
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName("shop-wait")
            .endSubject()
            .build(),
        headless().build(),
        headless()
            .editSpec()
            .addToPorts(new ServicePortBuilder().withName("tcp-80").withPort(80).build())
            .addToPorts(
                new ServicePortBuilder()
                    .withName("udp-53")
                    .withPort(53)
                    .withProtocol("UDP")
                    .build())
            .endSpec()
            .build(),
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web-published")
            .endMetadata()
            .withNewSpec()
            .withType("NodePort")
            .withSelector(SELECTOR)
            .addNewPort()
            .withPort(8080)
            .withTargetPort(new IntOrString(80))
            .withNodePort(30080)
            .withAppProtocol("http")
            .endPort()
            .endSpec()
            .build(),
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchLabels(SELECTOR)
            .endPodSelector()
            .withPolicyTypes("Ingress")
            .addNewIngress()
            .addNewFrom()
            .withNewPodSelector()
            .withMatchLabels(Labels.selector("shop", "api"))
            .endPodSelector()
            .endFrom()
            .endIngress()
            .endSpec()
            .build(),
        job("Never"),
        deployment());
  }

  private static String violationsOf(HasMetadata object) {
    return String.join("\n", KubernetesValidity.violations(List.of(object)));
  }

  @Test
  void validObjectsPass() {
    assertThat(KubernetesValidity.violations(validSet())).isEmpty();
    KubernetesValidity.assertValid(validSet());
  }

  @Test
  void everyViolationIsReportedNotOnlyTheFirst() {
    Deployment bad =
        deployment(c -> c.withName("Web_1").editFirstPort().withName("HTTP").endPort());
    assertThatThrownBy(() -> KubernetesValidity.assertValid(List.of(bad)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 Kubernetes validation error(s)")
        .hasMessageContaining("Deployment/web: spec.template.spec.containers[0].name")
        .hasMessageContaining("spec.template.spec.containers[0].ports[0].name");
  }

  private static io.fabric8.kubernetes.api.model.networking.v1.Ingress ingress(
      String host, String path, Integer port) {
    return new io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath(path)
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName("web-published")
        .withNewPort()
        .withNumber(port)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  @Test
  void ingressHostsPathsAndPortsAreChecked() {
    assertThat(KubernetesValidity.violations(List.of(ingress("*.shop.example.com", "/api", 80))))
        .isEmpty();
    assertThat(violationsOf(ingress("10.0.0.1", "/", 80)))
        .contains("spec.rules[0].host", "not an IP address");
    assertThat(violationsOf(ingress("Shop.example", "/", 80)))
        .contains("spec.rules[0].host", "DNS-1123 subdomain");
    assertThat(violationsOf(ingress(null, "api", 80)))
        .contains("spec.rules[0].http.paths[0].path", "absolute path");
    assertThat(violationsOf(ingress(null, "/a//b", 80))).contains("must not contain '//'");
    assertThat(violationsOf(ingress(null, "/", 0)))
        .contains("backend.service.port.number", "between 1 and 65535");
    assertThat(violationsOf(ingress(null, "/", null)))
        .contains("backend.service.port", "exactly one of number or name");
  }

  @Test
  void serviceNameMustBeDns1035Label() {
    assertThat(violationsOf(headless().editMetadata().withName("1web").endMetadata().build()))
        .contains("metadata.name", "DNS-1035 label");
  }

  @Test
  void deploymentNameMustBeDns1123Label() {
    Deployment d = deployment();
    d.getMetadata().setName("web.v2");
    assertThat(violationsOf(d)).contains("metadata.name", "DNS-1123 label");
  }

  @Test
  void configMapNameMustBeDns1123Subdomain() {
    assertThat(
            violationsOf(
                new ConfigMapBuilder().withNewMetadata().withName("Files").endMetadata().build()))
        .contains("DNS-1123 subdomain");
  }

  @Test
  void namespaceMustBeDns1123Label() {
    Deployment d = deployment();
    d.getMetadata().setNamespace("Shop_1");
    assertThat(violationsOf(d)).contains("metadata.namespace", "DNS-1123 label");
  }

  @Test
  void labelKeyMustBeQualifiedName() {
    Deployment d = deployment();
    d.getMetadata().setLabels(Map.of("Example.com/x", "a"));
    assertThat(violationsOf(d)).contains("metadata.labels[Example.com/x]", "prefix");
    d.getMetadata().setLabels(Map.of("a/" + "x".repeat(64), "a"));
    assertThat(violationsOf(d)).contains("name part");
  }

  @Test
  void labelValueMustBeShortAndPlain() {
    Deployment d = deployment();
    d.getMetadata().setLabels(Map.of("rule", "Host(`a`)"));
    assertThat(violationsOf(d)).contains("not a valid label value");
    d.getMetadata().setLabels(Map.of("empty", ""));
    assertThat(violationsOf(d)).isEmpty();
  }

  @Test
  void annotationKeyMustBeQualifiedNameAndTotalSizeBounded() {
    Deployment d = deployment();
    d.getMetadata().setAnnotations(Map.of("bad key", "x"));
    assertThat(violationsOf(d)).contains("metadata.annotations[bad key]", "qualified name");
    d.getMetadata().setAnnotations(Map.of("big", "x".repeat(256 * 1024)));
    assertThat(violationsOf(d)).contains("256 KiB");
  }

  @Test
  void containerNameMustBeDns1123Label() {
    assertThat(violationsOf(deployment(c -> c.withName("Web"))))
        .contains("containers[0].name", "DNS-1123 label");
  }

  @Test
  void containerNamesAreUniqueAcrossInitAndMain() {
    assertThat(violationsOf(deployment(c -> c.withName("wait"))))
        .contains("duplicate container name");
  }

  @Test
  void containerNeedsImage() {
    assertThat(violationsOf(deployment(c -> c.withImage(null)))).contains("containers[0].image");
  }

  @Test
  void portNameIsIanaSvcName() {
    for (String name : List.of("postgres-primary", "-http", "http-", "h--p", "5432", "HTTP")) {
      assertThat(violationsOf(deployment(c -> c.editFirstPort().withName(name).endPort())))
          .as(name)
          .contains("IANA_SVC_NAME");
    }
    assertThat(violationsOf(deployment(c -> c.editFirstPort().withName("tcp-5432").endPort())))
        .isEmpty();
  }

  @Test
  void containerPortsUniqueByPortAndProtocol() {
    assertThat(violationsOf(deployment(c -> c.addNewPort().withContainerPort(80).endPort())))
        .contains("80/TCP duplicate port and protocol");
    assertThat(
            violationsOf(
                deployment(
                    c -> c.addNewPort().withContainerPort(80).withProtocol("UDP").endPort())))
        .isEmpty();
  }

  @Test
  void containerPortInRange() {
    assertThat(violationsOf(deployment(c -> c.editFirstPort().withContainerPort(70000).endPort())))
        .contains("containerPort", "1..65535");
  }

  @Test
  void servicePortsUniqueByPortProtocolAndName() {
    var s =
        headless()
            .editSpec()
            .addNewPort()
            .withName("a")
            .withPort(80)
            .endPort()
            .addNewPort()
            .withName("a")
            .withPort(80)
            .endPort()
            .endSpec()
            .build();
    assertThat(violationsOf(s))
        .contains("duplicate Service port name", "80/TCP duplicate Service port and protocol");
  }

  @Test
  void servicePortNamesRequiredWhenMoreThanOne() {
    var s =
        headless()
            .editSpec()
            .addNewPort()
            .withPort(80)
            .endPort()
            .addNewPort()
            .withPort(81)
            .endPort()
            .endSpec()
            .build();
    assertThat(violationsOf(s)).contains("required value when a Service has more than one port");
  }

  @Test
  void serviceTargetPortValid() {
    var s =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web-published")
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .withTargetPort(new IntOrString("not_a_name"))
            .endPort()
            .endSpec()
            .build();
    assertThat(violationsOf(s)).contains("targetPort", "IANA_SVC_NAME");
  }

  @Test
  void headlessServiceRules() {
    var s =
        headless()
            .editSpec()
            .withType("NodePort")
            .addNewPort()
            .withPort(80)
            .withTargetPort(new IntOrString(8080))
            .endPort()
            .endSpec()
            .build();
    assertThat(violationsOf(s))
        .contains(
            "may be None only when type is ClusterIP", "must equal port when clusterIP is None");
  }

  @Test
  void nonHeadlessServiceNeedsPortsAndNodePortRange() {
    var empty =
        new ServiceBuilder().withNewMetadata().withName("x").endMetadata().withNewSpec().endSpec();
    assertThat(violationsOf(empty.build())).contains("only a headless Service may have no ports");
    var nodePort =
        empty
            .editSpec()
            .withType("NodePort")
            .addNewPort()
            .withPort(80)
            .withNodePort(8080)
            .endPort();
    assertThat(violationsOf(nodePort.endSpec().build())).contains("node port range");
  }

  @Test
  void mountPathsUniqueWithinContainer() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.addToVolumeMounts(
                            new VolumeMountBuilder()
                                .withName("data")
                                .withMountPath("/data")
                                .build()))))
        .contains("duplicate mount path");
  }

  @Test
  void volumeMountRefersToPodVolume() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.addToVolumeMounts(
                            new VolumeMountBuilder()
                                .withName("cache")
                                .withMountPath("/c")
                                .build()))))
        .contains("refers to no volume");
  }

  @Test
  void volumeNamesUniqueLabelsWithOneSource() {
    Deployment d = deployment();
    var volumes = d.getSpec().getTemplate().getSpec().getVolumes();
    d.getSpec()
        .getTemplate()
        .getSpec()
        .setVolumes(
            List.of(
                volumes.get(0),
                new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("My_Vol").build()));
    assertThat(violationsOf(d))
        .contains("duplicate volume name", "volumes[2].name", "exactly one volume source, has 0");
  }

  @Test
  void envNamesValidButNotNecessarilyUnique() {
    assertThat(violationsOf(deployment())).isEmpty();
    assertThat(violationsOf(deployment(c -> c.addNewEnv().withName("1=x").endEnv())))
        .contains("not a valid environment variable name");
  }

  @Test
  void probeRanges() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editReadinessProbe()
                            .withPeriodSeconds(0)
                            .withTimeoutSeconds(0)
                            .endReadinessProbe())))
        .contains("readinessProbe.periodSeconds", "readinessProbe.timeoutSeconds");
    assertThat(
            violationsOf(
                deployment(
                    c -> c.editReadinessProbe().withFailureThreshold(0).endReadinessProbe())))
        .contains("failureThreshold");
  }

  @Test
  void livenessAndStartupSucceedOnce() {
    var probe = new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(80)).endTcpSocket();
    assertThat(
            violationsOf(
                deployment(c -> c.withStartupProbe(probe.withSuccessThreshold(2).build()))))
        .contains("startupProbe.successThreshold", "must be 1");
    assertThat(
            violationsOf(
                deployment(c -> c.withLivenessProbe(probe.withSuccessThreshold(3).build()))))
        .contains("livenessProbe.successThreshold");
  }

  @Test
  void probeHasExactlyOneHandler() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editReadinessProbe()
                            .withNewTcpSocket()
                            .withPort(new IntOrString(80))
                            .endTcpSocket()
                            .endReadinessProbe())))
        .contains("exactly one handler, has 2");
  }

  @Test
  void requestsNotAboveLimits() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editResources()
                            .addToRequests("memory", new Quantity("1Gi"))
                            .endResources())))
        .contains("requests.memory", "must be less than or equal to memory limit");
  }

  @Test
  void quantitiesValid() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editResources().addToLimits("cpu", new Quantity("half")).endResources())))
        .contains("not a valid quantity");
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editResources()
                            .withRequests(Map.of())
                            .addToLimits("memory", new Quantity("512m"))
                            .endResources())))
        .contains("fraction of a byte");
  }

  @Test
  void selectorWithinTemplateLabels() {
    Deployment d = deployment();
    d.getSpec().getSelector().setMatchLabels(Map.of(Labels.SERVICE, "api"));
    assertThat(violationsOf(d)).contains("selector does not match template labels");
  }

  @Test
  void deploymentSelectorNotEmpty() {
    Deployment d = deployment();
    d.getSpec().getSelector().setMatchLabels(Map.of());
    assertThat(violationsOf(d)).contains("non-empty selector");
  }

  @Test
  void recreateHasNoRollingUpdate() {
    Deployment d = deployment();
    d.getSpec()
        .getStrategy()
        .setRollingUpdate(new io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment());
    assertThat(violationsOf(d)).contains("may not be specified when strategy is Recreate");
  }

  @Test
  void restartPolicies() {
    assertThat(violationsOf(job("OnFailure"))).isEmpty();
    assertThat(violationsOf(job("Always"))).contains("not supported by a Job");
    assertThat(violationsOf(job(null))).contains("not supported by a Job");
    Deployment d = deployment();
    d.getSpec().getTemplate().getSpec().setRestartPolicy("Never");
    assertThat(violationsOf(d)).contains("not supported by a Deployment");
  }

  @Test
  void claimNeedsAccessModesAndStorage() {
    var claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("data")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build();
    assertThat(violationsOf(claim))
        .contains("at least 1 access mode", "spec.resources.requests.storage: required value");
  }

  @Test
  void networkPolicyNeedsPodSelector() {
    var policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build();
    assertThat(violationsOf(policy)).contains("spec.podSelector: required value");
  }

  @Test
  void configMapKeysAndSize() {
    var map =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("files")
            .endMetadata()
            .withData(Map.of("a/b", "x", "..x", "y", "big", "z".repeat(1024 * 1024)))
            .build();
    assertThat(violationsOf(map))
        .contains("data[a/b]", "data[..x]", "not a valid ConfigMap key", "1 MiB limit");
  }

  @Test
  void roleRulesNeedVerbs() {
    var role =
        new RoleBuilder()
            .withNewMetadata()
            .withName("r")
            .endMetadata()
            .addNewRule()
            .withApiGroups("")
            .withResources("pods")
            .endRule()
            .build();
    assertThat(violationsOf(role)).contains("rules[0].verbs");
  }

  @Test
  void capabilitiesUpperCaseWithoutPrefix() {
    for (String cap : List.of("CAP_NET_ADMIN", "net_admin")) {
      assertThat(
              violationsOf(
                  deployment(
                      c ->
                          c.editSecurityContext()
                              .editCapabilities()
                              .addToAdd(cap)
                              .endCapabilities()
                              .endSecurityContext())))
          .as(cap)
          .contains("not a capability name");
    }
  }

  @Test
  void sysctlNamesValid() {
    Deployment d = deployment();
    d.getSpec().getTemplate().getSpec().getSecurityContext().getSysctls().get(0).setName("Net..x");
    assertThat(violationsOf(d)).contains("not a valid sysctl name");
  }

  @Test
  void hostAliasesAndNameserversAreIpAddresses() {
    Deployment d = deployment();
    var pod = d.getSpec().getTemplate().getSpec();
    pod.setHostAliases(
        List.of(
            new io.fabric8.kubernetes.api.model.HostAliasBuilder()
                .withIp("host-gateway")
                .withHostnames("h")
                .build()));
    pod.setDnsConfig(
        new io.fabric8.kubernetes.api.model.PodDNSConfigBuilder()
            .withNameservers("dns.example")
            .withSearches("Bad_Search")
            .build());
    assertThat(violationsOf(d))
        .contains(
            "hostAliases[0].ip",
            "dnsConfig.nameservers[0]",
            "must be a valid IP address",
            "dnsConfig.searches[0]");
    pod.setHostAliases(
        List.of(
            new io.fabric8.kubernetes.api.model.HostAliasBuilder()
                .withIp("10.0.0.1")
                .withHostnames("h")
                .build(),
            new io.fabric8.kubernetes.api.model.HostAliasBuilder()
                .withIp("fd00::1")
                .withHostnames("h6")
                .build()));
    pod.setDnsConfig(
        new io.fabric8.kubernetes.api.model.PodDNSConfigBuilder()
            .withNameservers("1.1.1.1")
            .withSearches("example.com")
            .build());
    assertThat(violationsOf(d)).isEmpty();
  }

  @Test
  void nodeSelectorAndAffinityTermsAreValid() {
    Deployment d = deployment();
    var pod = d.getSpec().getTemplate().getSpec();
    pod.setNodeSelector(Map.of("kubernetes.io/arch", "arm/v7"));
    pod.setAffinity(
        new io.fabric8.kubernetes.api.model.AffinityBuilder()
            .withNewPodAffinity()
            .addNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withNewLabelSelector()
            .withMatchLabels(SELECTOR)
            .endLabelSelector()
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endPodAffinity()
            .build());
    assertThat(violationsOf(d))
        .contains(
            "nodeSelector[kubernetes.io/arch]", "affinity.terms[0].topologyKey: required value");
  }

  @Test
  void pullPolicySeccompAndIdsAreValid() {
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.withImagePullPolicy("IfMissing")
                            .editSecurityContext()
                            .withRunAsUser(-1L)
                            .withNewSeccompProfile()
                            .withType("Default")
                            .endSeccompProfile()
                            .endSecurityContext())))
        .contains("imagePullPolicy", "runAsUser", "seccompProfile.type");
    assertThat(
            violationsOf(
                deployment(
                    c ->
                        c.editSecurityContext()
                            .withPrivileged(true)
                            .withAllowPrivilegeEscalation(false)
                            .endSecurityContext())))
        .contains("cannot set allowPrivilegeEscalation to false and privileged to true");
  }

  @Test
  void envValueFromHasExactlyOneSource() {
    assertThat(
            violationsOf(
                deployment(
                    c -> c.addNewEnv().withName("X").withNewValueFrom().endValueFrom().endEnv())))
        .contains("valueFrom", "exactly one source, has 0");
  }

  @Test
  void volumeItemsAreRelativePathsWithFileModes() {
    Deployment d = deployment();
    d.getSpec()
        .getTemplate()
        .getSpec()
        .getVolumes()
        .add(
            new VolumeBuilder()
                .withName("files")
                .withNewConfigMap()
                .withName("web-files")
                .addNewItem()
                .withKey("a")
                .withPath("../etc/passwd")
                .withMode(0777 + 1)
                .endItem()
                .endConfigMap()
                .build());
    assertThat(violationsOf(d)).contains("items[0].path", "items[0].mode");
  }
}
