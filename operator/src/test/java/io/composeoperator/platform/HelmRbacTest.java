package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.translate.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart's RBAC grants exactly the API calls the operator makes, and nothing else. */
class HelmRbacTest {
  private static final Set<String> MANAGE =
      Set.of("get", "list", "watch", "create", "patch", "delete");
  private static final Set<String> READ = Set.of("get", "list", "watch");

  /** The calls the operator makes (README, "RBAC"): group/resource → verbs. */
  private static final Map<String, Set<String>> OPERATOR_API_USE =
      Map.ofEntries(
          Map.entry(
              "composeoperator.io/composeprojects",
              Set.of("get", "list", "watch", "patch", "update")),
          Map.entry("composeoperator.io/composeprojects/status", Set.of("get", "patch", "update")),
          Map.entry("apps/deployments", MANAGE),
          Map.entry("apps/daemonsets", MANAGE),
          Map.entry("batch/jobs", MANAGE),
          Map.entry("/services", MANAGE),
          Map.entry("/configmaps", MANAGE),
          Map.entry("/persistentvolumeclaims", MANAGE),
          Map.entry("/serviceaccounts", MANAGE),
          Map.entry("networking.k8s.io/networkpolicies", MANAGE),
          Map.entry("networking.k8s.io/ingresses", MANAGE),
          Map.entry("gateway.networking.k8s.io/httproutes", MANAGE),
          Map.entry("rbac.authorization.k8s.io/roles", MANAGE),
          Map.entry("rbac.authorization.k8s.io/rolebindings", MANAGE),
          Map.entry("/secrets", READ),
          Map.entry("/pods", READ),
          Map.entry("/events", Set.of("create", "patch")));

  private static final Map<String, Set<String>> LEADER_ELECTION =
      Map.of("coordination.k8s.io/leases", Set.of("get", "create", "update"));

  @Test
  void noRuleUsesAWildcard() {
    for (Map<String, Object> values :
        List.<Map<String, Object>>of(Map.of(), Map.of("watchNamespaces", List.of("team-a")))) {
      assertThat(allRules(Chart.render(values)))
          .allSatisfy(
              rule ->
                  assertThat(
                          Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs())
                              .flatMap(List::stream))
                      .as("rule %s", rule)
                      .noneMatch(s -> s.contains("*")));
    }
  }

  @Test
  void clusterRoleGrantsExactlyTheOperatorsApiUse() {
    List<HasMetadata> objects = Chart.render(Map.of());
    ClusterRole role = Chart.only(objects, ClusterRole.class);
    ClusterRoleBinding binding = Chart.only(objects, ClusterRoleBinding.class);

    assertThat(verbsByResource(role.getRules())).isEqualTo(new TreeMap<>(OPERATOR_API_USE));
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
            });
  }

  @Test
  void everyKindTheOperatorOwnsIsManaged() {
    Map<String, Set<String>> granted =
        verbsByResource(Chart.only(Chart.render(Map.of()), ClusterRole.class).getRules());

    for (Class<? extends HasMetadata> kind : Kinds.OWNED) {
      String resource = HasMetadata.getGroup(kind) + "/" + HasMetadata.getPlural(kind);
      assertThat(granted.get(resource))
          .as("the chart lets the operator watch, apply and prune %s", resource)
          .isEqualTo(MANAGE);
    }
  }

  @Test
  void leaderElectionIsARoleInTheReleaseNamespace() {
    Role lease = leaderElectionRole(Chart.render(Map.of()));

    assertThat(lease.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(verbsByResource(lease.getRules())).isEqualTo(new TreeMap<>(LEADER_ELECTION));
  }

  @Test
  void watchNamespacesGetRolesInsteadOfAClusterRole() {
    List<HasMetadata> objects =
        Chart.render(Map.of("watchNamespaces", List.of("team-a", "team-b")));
    List<Role> managed =
        Chart.all(objects, Role.class).stream().filter(r -> !isLeaderElection(r)).toList();

    assertThat(Chart.all(objects, ClusterRole.class)).isEmpty();
    assertThat(Chart.all(objects, ClusterRoleBinding.class)).isEmpty();
    assertThat(managed)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(managed)
        .allSatisfy(
            r ->
                assertThat(verbsByResource(r.getRules()))
                    .isEqualTo(new TreeMap<>(OPERATOR_API_USE)));
    assertThat(Chart.all(objects, RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace() + "/" + b.getRoleRef().getName())
        .containsExactlyInAnyOrder(
            "team-a/compose-operator",
            "team-b/compose-operator",
            Chart.NAMESPACE + "/compose-operator-leader-election");
    assertThat(verbsByResource(leaderElectionRole(objects).getRules()))
        .isEqualTo(new TreeMap<>(LEADER_ELECTION));
  }

  @Test
  void waitContainerRolesAreGrantable() {
    // The operator creates Roles granting pods and jobs get/list/watch for wait containers.
    // RBAC escalation prevention allows that only if the operator holds those verbs itself.
    Map<String, Set<String>> granted =
        verbsByResource(Chart.only(Chart.render(Map.of()), ClusterRole.class).getRules());

    assertThat(granted.get("/pods")).containsAll(READ);
    assertThat(granted.get("batch/jobs")).containsAll(READ);
  }

  @Test
  void rbacAndServiceAccountCanBeManagedElsewhere() {
    List<HasMetadata> objects =
        Chart.render(
            Map.of(
                "rbac", Map.of("create", false),
                "serviceAccount", Map.of("create", false, "name", "platform-operator")));

    assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Deployment");
    assertThat(
            Chart.only(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName())
        .isEqualTo("platform-operator");
    assertThatThrownBy(() -> Chart.template(Map.of("serviceAccount", Map.of("create", false))))
        .hasMessageContaining("serviceAccount.name is required");
  }

  private static Role leaderElectionRole(List<HasMetadata> objects) {
    return Chart.all(objects, Role.class).stream()
        .filter(HelmRbacTest::isLeaderElection)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no leader-election Role"));
  }

  private static boolean isLeaderElection(Role role) {
    return role.getMetadata().getName().endsWith("-leader-election");
  }

  private static List<PolicyRule> allRules(List<HasMetadata> objects) {
    return Stream.concat(
            Chart.all(objects, ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
            Chart.all(objects, Role.class).stream().flatMap(r -> r.getRules().stream()))
        .toList();
  }

  /** "group/resource" → verbs; a resource listed by two rules would show up merged, so fail. */
  private static Map<String, Set<String>> verbsByResource(List<PolicyRule> rules) {
    Map<String, Set<String>> verbs = new TreeMap<>();
    for (PolicyRule rule : rules) {
      assertThat(rule.getResourceNames()).as("rule %s", rule).isNullOrEmpty();
      assertThat(rule.getNonResourceURLs()).as("rule %s", rule).isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          Set<String> previous = verbs.put(group + "/" + resource, Set.copyOf(rule.getVerbs()));
          assertThat(previous).as("%s/%s is granted by two rules", group, resource).isNull();
        }
      }
    }
    return verbs;
  }
}
