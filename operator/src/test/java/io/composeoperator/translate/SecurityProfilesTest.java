package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceVolumeConfig;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SecurityProfilesTest {

  private static ComposeException refusal(ServiceConfig service, SecurityProfile profile) {
    try {
      SecurityProfiles.check(TestModels.context(service, TestModels.withProfile(profile)));
    } catch (ComposeException e) {
      return e;
    }
    throw new AssertionError("not refused under " + profile);
  }

  @Test
  void baselineRefusesPrivilegedWithForbiddenKind() {
    ComposeException e =
        refusal(
            TestModels.service("x").security(sec -> sec.privileged(true)).build(),
            SecurityProfile.baseline);

    assertThat(e.kind()).isEqualTo(ComposeException.Kind.FORBIDDEN);
    assertThat(e.path()).isEqualTo("services.x.privileged");
    assertThat(e.problem()).startsWith("refused by security profile baseline: ");
  }

  @Test
  void baselineRefusesHostNamespacesDevicesAndHostPaths() {
    assertThat(
            refusal(
                    TestModels.service("x").namespaces(ns -> ns.networkMode("host")).build(),
                    SecurityProfile.baseline)
                .path())
        .isEqualTo("services.x.network_mode");
    assertThat(
            refusal(
                    TestModels.service("x").namespaces(ns -> ns.pid("host")).build(),
                    SecurityProfile.baseline)
                .path())
        .isEqualTo("services.x.pid");
    assertThat(
            refusal(
                    TestModels.service("x").namespaces(ns -> ns.ipc("host")).build(),
                    SecurityProfile.baseline)
                .path())
        .isEqualTo("services.x.ipc");
    assertThat(
            refusal(
                    TestModels.service("x")
                        .security(sec -> sec.devices(List.of("/dev/fuse")))
                        .build(),
                    SecurityProfile.baseline)
                .path())
        .isEqualTo("services.x.devices");
    ServiceVolumeConfig docker =
        new ServiceVolumeConfig(
            "bind",
            "/var/run/docker.sock",
            "/var/run/docker.sock",
            false,
            false,
            null,
            null,
            null,
            true,
            null);
    assertThat(
            refusal(
                    TestModels.service("x").volumes(List.of(docker)).build(),
                    SecurityProfile.baseline)
                .problem())
        .contains("/var/run/docker.sock");
  }

  @Test
  void baselineAllowsBaselineCapabilitiesButNotOthers() {
    assertThatCode(
            () ->
                SecurityProfiles.check(
                    TestModels.context(
                        TestModels.service("x")
                            .security(sec -> sec.capAdd(List.of("CAP_CHOWN", "net_bind_service")))
                            .build())))
        .doesNotThrowAnyException();
    assertThat(
            refusal(
                    TestModels.service("x")
                        .security(sec -> sec.capAdd(List.of("SYS_ADMIN")))
                        .build(),
                    SecurityProfile.baseline)
                .problem())
        .contains("SYS_ADMIN");
  }

  @Test
  void restrictedAllowsOnlyNetBindServiceAndRefusesRoot() {
    assertThat(
            refusal(
                    TestModels.service("x").security(sec -> sec.capAdd(List.of("CHOWN"))).build(),
                    SecurityProfile.restricted)
                .problem())
        .contains("only NET_BIND_SERVICE");
    assertThat(
            refusal(
                    TestModels.service("x").security(sec -> sec.user("0")).build(),
                    SecurityProfile.restricted)
                .path())
        .isEqualTo("services.x.user");
    assertThat(
            refusal(
                    TestModels.service("x").security(sec -> sec.user("root:root")).build(),
                    SecurityProfile.restricted)
                .path())
        .isEqualTo("services.x.user");
  }

  @Test
  void unsafeSysctlsAreRefusedUnderBaseline() {
    TreeMap<String, String> sysctls = new TreeMap<>();
    sysctls.put("net.core.somaxconn", "1024");

    assertThat(
            refusal(
                    TestModels.service("x").security(sec -> sec.sysctls(sysctls)).build(),
                    SecurityProfile.baseline)
                .path())
        .isEqualTo("services.x.sysctls");
  }

  @Test
  void privilegedAllowsEverything() {
    ServiceConfig service =
        TestModels.service("x")
            .security(sec -> sec.privileged(true))
            .namespaces(ns -> ns.networkMode("host"))
            .security(sec -> sec.capAdd(List.of("SYS_ADMIN")).devices(List.of("/dev/fuse")))
            .build();

    assertThatCode(
            () ->
                SecurityProfiles.check(
                    TestModels.context(
                        service, TestModels.withProfile(SecurityProfile.privileged))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusalIsAComposeExceptionNamingTheFile() {
    assertThatThrownBy(
            () ->
                SecurityProfiles.check(
                    TestModels.context(
                        TestModels.service("x").security(sec -> sec.privileged(true)).build())))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith("compose.yaml: services.x.privileged: refused by security profile");
  }
}
