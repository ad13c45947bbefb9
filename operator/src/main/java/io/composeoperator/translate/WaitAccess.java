package io.composeoperator.translate;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceDependency;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * The identity of the {@code depends_on} wait init containers: a ServiceAccount whose token is
 * mounted into the wait containers alone, and a Role that may only read pods and Jobs in the
 * namespace (the wait command asks the API server whether a dependency started, is ready or
 * completed).
 */
public final class WaitAccess {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final List<String> READ = List.of("get", "list", "watch");

  private WaitAccess() {}

  /**
   * The ServiceAccount, Role and RoleBinding named {@link Names#waitServiceAccount}, or nothing
   * when no service has a dependency that blocks ({@code required: false} does not; the implicit
   * dependencies of {@code links} and {@code service:x} namespaces do, as in Compose).
   */
  public static List<HasMetadata> objectsFor(ComposeModel model, ProjectOptions options) {
    boolean blocking =
        model.services().values().stream()
            .flatMap(s -> s.dependsOn().values().stream())
            .anyMatch(ServiceDependency::required);
    if (!blocking) {
      return List.of();
    }
    String name = Names.waitServiceAccount(options.name());
    return List.of(
        new ServiceAccountBuilder()
            .withMetadata(metadata(name, options))
            .withAutomountServiceAccountToken(false)
            .build(),
        new RoleBuilder()
            .withMetadata(metadata(name, options))
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("pods")
                    .withVerbs(READ)
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups("batch")
                    .withResources("jobs")
                    .withVerbs(READ)
                    .build())
            .build(),
        new RoleBindingBuilder()
            .withMetadata(metadata(name, options))
            .withNewRoleRef(RBAC_GROUP, "Role", name)
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(name)
            .withNamespace(options.namespace())
            .endSubject()
            .build());
  }

  private static ObjectMeta metadata(String name, ProjectOptions options) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(options.namespace())
        .withLabels(Labels.forProjectObject(options.name(), labelValue(name)))
        .build();
  }

  /**
   * The object name as a label value, which may have at most 63 characters while the name (a
   * DNS-1123 subdomain) may have 253: a project name of 59 to 63 characters makes {@code
   * <project>-wait} longer than 63, so the value is shortened deterministically, keeping a hash of
   * the whole name.
   */
  static String labelValue(String name) {
    return Names.shortened(name, Names.MAX_LABEL);
  }
}
