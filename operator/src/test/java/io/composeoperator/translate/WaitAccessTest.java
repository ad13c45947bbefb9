package io.composeoperator.translate;

import static io.composeoperator.translate.NetModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.composeoperator.compose.model.ServiceDependency.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WaitAccessTest {
  private static ComposeModel dependsOn(boolean required) {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .dependsOn(
                new TreeMap<>(
                    Map.of(
                        "db",
                        new ServiceDependency(Condition.SERVICE_HEALTHY, required, false, false))))
            .build();
    return model(web, ServiceConfig.builder("db").build());
  }

  private static ProjectOptions options(String project, String namespace) {
    return new ProjectOptions(
        project, namespace, Map.of(), List.of(), null, Map.of(), Map.of(), null, null, null, null);
  }

  @Test
  void noBlockingDependencyNeedsNoObjects() {
    assertThat(
            WaitAccess.objectsFor(
                model(ServiceConfig.builder("web").build()), options("shop", null)))
        .isEmpty();
    assertThat(WaitAccess.objectsFor(dependsOn(false), options("shop", null))).isEmpty();
  }

  @Test
  void blockingDependencyGetsServiceAccountRoleAndBinding() {
    List<HasMetadata> objects = WaitAccess.objectsFor(dependsOn(true), options("shop", "prod"));

    KubernetesValidity.assertValid(objects);
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactly("ServiceAccount", "Role", "RoleBinding");
    assertThat(objects)
        .allSatisfy(
            o -> {
              assertThat(o.getMetadata().getName()).isEqualTo("shop-wait");
              assertThat(o.getMetadata().getNamespace()).isEqualTo("prod");
              assertThat(o.getMetadata().getLabels())
                  .isEqualTo(Labels.forProjectObject("shop", "shop-wait"));
            });
    ServiceAccount expectedAccount =
        new ServiceAccountBuilder()
            .withMetadata(objects.get(0).getMetadata())
            .withAutomountServiceAccountToken(false)
            .build();
    assertThat(objects.get(0)).isEqualTo(expectedAccount);
  }

  @Test
  void roleMayOnlyReadPodsAndJobs() {
    Role role = (Role) WaitAccess.objectsFor(dependsOn(true), options("shop", null)).get(1);

    assertThat(role.getRules())
        .containsExactly(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods")
                .withVerbs("get", "list", "watch")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("batch")
                .withResources("jobs")
                .withVerbs("get", "list", "watch")
                .build());
  }

  @Test
  void bindingGrantsTheRoleToTheServiceAccount() {
    RoleBinding binding =
        (RoleBinding) WaitAccess.objectsFor(dependsOn(true), options("shop", "prod")).get(2);

    RoleBinding expected =
        new RoleBindingBuilder()
            .withMetadata(binding.getMetadata())
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", "shop-wait")
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName("shop-wait")
            .withNamespace("prod")
            .endSubject()
            .build();
    assertThat(binding).isEqualTo(expected);
  }

  @Test
  void implicitDependencyOfLinksBlocks() {
    ServiceConfig web =
        ServiceConfig.builder("web")
            .dependsOn(
                new TreeMap<>(
                    Map.of(
                        "db", new ServiceDependency(Condition.SERVICE_STARTED, true, false, true))))
            .build();

    assertThat(WaitAccess.objectsFor(model(web), options("shop", null))).hasSize(3);
  }

  @Test
  void longProjectNameKeepsNameAndShortensLabelValue() {
    String project = "p".repeat(63);

    List<HasMetadata> objects = WaitAccess.objectsFor(dependsOn(true), options(project, null));

    KubernetesValidity.assertValid(objects);
    assertThat(objects.get(0).getMetadata().getName()).isEqualTo(project + "-wait");
    String value = objects.get(0).getMetadata().getLabels().get(Labels.NAME);
    assertThat(value).hasSize(63).startsWith("ppp").matches(".*-[0-9a-f]{8}");
    assertThat(WaitAccess.labelValue(project + "-wait")).isEqualTo(value);
    assertThat(WaitAccess.labelValue("q".repeat(63) + "-wait")).isNotEqualTo(value);
  }
}
