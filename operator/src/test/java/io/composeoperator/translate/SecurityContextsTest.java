package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.Warning;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityContextsTest {

  @Test
  void numericUserAndGroupBecomeRunAsUserGroupAndFsGroup() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("db")
                .security(
                    sec ->
                        sec.user("999:998")
                            .groupAdd(List.of("1001", "video"))
                            .capDrop(List.of("ALL"))
                            .capAdd(List.of("CAP_NET_BIND_SERVICE"))
                            .readOnly(true)
                            .securityOpt(List.of("no-new-privileges:true")))
                .build());
    SecurityContexts.UserIds ids = SecurityContexts.userIds(ctx);

    assertThat(SecurityContexts.container(ctx, ids))
        .isEqualTo(
            new SecurityContextBuilder()
                .withRunAsUser(999L)
                .withRunAsGroup(998L)
                .withNewCapabilities()
                .withAdd("NET_BIND_SERVICE")
                .withDrop("ALL")
                .endCapabilities()
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .build());
    assertThat(SecurityContexts.pod(ctx, ids))
        .isEqualTo(
            new PodSecurityContextBuilder()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .withFsGroup(998L)
                .withSupplementalGroups(1001L)
                .build());
    assertThat(ctx.warnings().toList())
        .extracting(Warning::path)
        .containsExactly("services.db.group_add");
  }

  @Test
  void namedUserIsWarnedNotMapped() {
    ServiceContext ctx =
        TestModels.context(TestModels.service("db").security(sec -> sec.user("postgres")).build());

    SecurityContexts.UserIds ids = SecurityContexts.userIds(ctx);

    assertThat(ids).isEqualTo(new SecurityContexts.UserIds(null, null));
    assertThat(ctx.warnings().toList()).hasSize(1);
    assertThat(ctx.warnings().toList().get(0).message()).contains("\"postgres\" is a name");
  }

  @Test
  void restrictedForcesNonRootDropAllAndFallsBackToANumericUser() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("web")
                .security(sec -> sec.user("nginx"))
                .security(sec -> sec.capAdd(List.of("NET_BIND_SERVICE")))
                .build(),
            TestModels.withProfile(SecurityProfile.restricted));
    SecurityContexts.UserIds ids = SecurityContexts.userIds(ctx);

    assertThat(SecurityContexts.container(ctx, ids))
        .isEqualTo(
            new SecurityContextBuilder()
                .withRunAsUser(65532L)
                .withRunAsGroup(65532L)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withAdd("NET_BIND_SERVICE")
                .withDrop("ALL")
                .endCapabilities()
                .withAllowPrivilegeEscalation(false)
                .build());
    assertThat(ctx.warnings().toList().get(0).message()).contains("runs as UID 65532");
  }

  @Test
  void restrictedWithoutUserWarnsThatARootImageWillNotStart() {
    ServiceContext restricted =
        TestModels.context(
            TestModels.service("web").build(), TestModels.withProfile(SecurityProfile.restricted));
    ServiceContext baseline = TestModels.context(TestModels.service("web").build());

    SecurityContexts.userIds(restricted);
    SecurityContexts.userIds(baseline);

    assertThat(restricted.warnings().toList())
        .extracting(Warning::path, Warning::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "services.web.user",
                "no numeric user is set; the restricted profile requires a non-root user, so the"
                    + " pod will not start if the image runs as root (set user: \"uid:gid\")"));
    assertThat(baseline.warnings().toList()).isEmpty();
  }

  @Test
  void unknownSecurityOptIsWarned() {
    ServiceContext ctx =
        TestModels.context(
            TestModels.service("x")
                .security(sec -> sec.securityOpt(List.of("label:disable")))
                .build());

    SecurityContexts.container(ctx, SecurityContexts.userIds(ctx));

    assertThat(ctx.warnings().toList())
        .extracting(Warning::path)
        .containsExactly("services.x.security_opt");
  }

  @Test
  void capabilityNamesLoseTheCapPrefix() {
    assertThat(SecurityContexts.capability("cap_sys_admin")).isEqualTo("SYS_ADMIN");
    assertThat(SecurityContexts.capability("NET_ADMIN")).isEqualTo("NET_ADMIN");
  }
}
