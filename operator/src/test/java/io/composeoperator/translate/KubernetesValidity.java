package io.composeoperator.translate;

import static io.composeoperator.translate.PodValidity.nullToEmpty;
import static io.composeoperator.translate.ValidityRules.dns1035Label;
import static io.composeoperator.translate.ValidityRules.dns1123Label;
import static io.composeoperator.translate.ValidityRules.dns1123Subdomain;
import static io.composeoperator.translate.ValidityRules.labels;
import static io.composeoperator.translate.ValidityRules.q;
import static io.composeoperator.translate.ValidityRules.qualifiedName;

import io.composeoperator.translate.ValidityRules.Violations;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks Kubernetes objects against the rules a real API server enforces and the fabric8 mock
 * server does not (ARCHITECTURE.md, "How it is tested"): names, labels, annotations, ports, mounts,
 * probes, resources, selectors, Service, NetworkPolicy, claim, ConfigMap and RBAC rules. Every
 * golden output, every reconcile test and the Helm template tests call {@link #assertValid}.
 */
public final class KubernetesValidity {
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;
  private static final int MAX_CONFIG_MAP_BYTES = 1024 * 1024;

  private KubernetesValidity() {}

  /** Throws an AssertionError that lists every violation found in {@code objects}. */
  public static void assertValid(List<? extends HasMetadata> objects) {
    List<String> violations = violations(objects);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          violations.size()
              + " Kubernetes validation error(s):\n  "
              + String.join("\n  ", violations));
    }
  }

  /** Every violation in {@code objects}, each as {@code Kind/name: field.path: rule}. */
  public static List<String> violations(List<? extends HasMetadata> objects) {
    Violations v = new Violations();
    for (HasMetadata object : objects) {
      String name = object.getMetadata() == null ? null : object.getMetadata().getName();
      v.object(object.getKind() + "/" + name);
      metadata(v, object);
      if (object instanceof Deployment deployment) {
        DeploymentChecks.deployment(v, deployment);
      } else if (object instanceof Job job) {
        DeploymentChecks.job(v, job);
      } else if (object instanceof Pod pod) {
        PodValidity.check(v, "spec", pod.getSpec());
      } else if (object instanceof Service service) {
        ServiceValidity.service(v, service);
      } else if (object instanceof NetworkPolicy policy) {
        ServiceValidity.networkPolicy(v, policy);
      } else if (object instanceof Ingress ingress) {
        ServiceValidity.ingress(v, ingress);
      } else if (object instanceof PersistentVolumeClaim claim) {
        claim(v, claim);
      } else if (object instanceof ConfigMap configMap) {
        configMap(v, configMap);
      } else if (object instanceof Role role) {
        rules(v, role.getRules(), true);
      } else if (object instanceof ClusterRole role) {
        rules(v, role.getRules(), false);
      } else if (object instanceof RoleBinding binding) {
        binding(v, binding.getRoleRef(), binding.getSubjects(), true);
      } else if (object instanceof ClusterRoleBinding binding) {
        binding(v, binding.getRoleRef(), binding.getSubjects(), false);
      }
    }
    return v.list();
  }

  private static void metadata(Violations v, HasMetadata object) {
    if (object.getApiVersion() == null || object.getKind() == null) {
      v.add("apiVersion/kind", "required value");
    }
    ObjectMeta meta = object.getMetadata();
    if (meta == null) {
      v.add("metadata", "required value");
      return;
    }
    String name = meta.getName();
    switch (object.getKind() == null ? "" : object.getKind()) {
      case "Service" -> dns1035Label(v, "metadata.name", name);
      // Pod hostnames and the Job's job-name label are derived from these names.
      case "Deployment", "Job", "StatefulSet", "Namespace" ->
          dns1123Label(v, "metadata.name", name);
      case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" -> pathSegment(v, name);
      default -> dns1123Subdomain(v, "metadata.name", name);
    }
    if (meta.getNamespace() != null) {
      dns1123Label(v, "metadata.namespace", meta.getNamespace());
    }
    labels(v, "metadata.labels", meta.getLabels());
    annotations(v, "metadata.annotations", meta.getAnnotations());
  }

  /** RBAC object names only need to be valid path segments. */
  private static void pathSegment(Violations v, String name) {
    if (name == null || name.isEmpty()) {
      v.add("metadata.name", "required value");
    } else if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")) {
      v.add("metadata.name", q(name) + " may not be '.', '..' or contain '/' or '%'");
    }
  }

  static void annotations(Violations v, String path, Map<String, String> annotations) {
    if (annotations == null) {
      return;
    }
    long size = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      qualifiedName(v, path + "[" + e.getKey() + "]", e.getKey());
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > MAX_ANNOTATIONS_BYTES) {
      v.add(path, "annotations total " + size + " bytes, more than the 256 KiB limit");
    }
  }

  /** Checks a pod template and that the selector's matchLabels are among its labels. */
  static void template(
      Violations v, String path, PodTemplateSpec template, LabelSelector selector) {
    if (template == null) {
      v.add(path, "required value (pod template)");
      return;
    }
    Map<String, String> labels =
        template.getMetadata() == null || template.getMetadata().getLabels() == null
            ? Map.of()
            : template.getMetadata().getLabels();
    if (template.getMetadata() != null) {
      labels(v, path + ".metadata.labels", labels);
      annotations(v, path + ".metadata.annotations", template.getMetadata().getAnnotations());
    }
    if (selector != null && selector.getMatchLabels() != null) {
      selector
          .getMatchLabels()
          .forEach(
              (key, value) -> {
                if (!value.equals(labels.get(key))) {
                  v.add(
                      "spec.selector.matchLabels[" + key + "]",
                      "selector does not match template labels (" + key + "=" + value + ")");
                }
              });
      labels(v, "spec.selector.matchLabels", selector.getMatchLabels());
    }
    PodValidity.check(v, path + ".spec", template.getSpec());
  }

  private static void claim(Violations v, PersistentVolumeClaim claim) {
    if (claim.getSpec() == null) {
      v.add("spec", "required value");
      return;
    }
    List<String> modes = nullToEmpty(claim.getSpec().getAccessModes());
    if (modes.isEmpty()) {
      v.add("spec.accessModes", "at least 1 access mode is required");
    }
    for (String mode : modes) {
      if (!List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")
          .contains(mode)) {
        v.add("spec.accessModes", q(mode) + " is not a supported access mode");
      }
    }
    var requests =
        claim.getSpec().getResources() == null
            ? null
            : claim.getSpec().getResources().getRequests();
    if (requests == null || !requests.containsKey("storage")) {
      v.add("spec.resources.requests.storage", "required value");
    } else {
      var size =
          ValidityRules.quantity(v, "spec.resources.requests.storage", requests.get("storage"));
      if (size != null && size.signum() <= 0) {
        v.add("spec.resources.requests.storage", "must be greater than zero");
      }
    }
    if (claim.getSpec().getStorageClassName() != null
        && !claim.getSpec().getStorageClassName().isEmpty()) {
      dns1123Subdomain(v, "spec.storageClassName", claim.getSpec().getStorageClassName());
    }
  }

  private static void configMap(Violations v, ConfigMap configMap) {
    long size = 0;
    Set<String> keys = new HashSet<>();
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    Map<String, String> binary =
        configMap.getBinaryData() == null ? Map.of() : configMap.getBinaryData();
    for (Map.Entry<String, String> e : data.entrySet()) {
      configMapKey(v, "data[" + e.getKey() + "]", e.getKey());
      keys.add(e.getKey());
      size += e.getKey().length() + utf8(e.getValue());
    }
    for (Map.Entry<String, String> e : binary.entrySet()) {
      configMapKey(v, "binaryData[" + e.getKey() + "]", e.getKey());
      if (!keys.add(e.getKey())) {
        v.add("binaryData[" + e.getKey() + "]", "duplicate of a data key");
      }
      size += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length() * 3L / 4);
    }
    if (size > MAX_CONFIG_MAP_BYTES) {
      v.add("data", "ConfigMap holds " + size + " bytes, more than the 1 MiB limit");
    }
  }

  private static long utf8(String value) {
    return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void configMapKey(Violations v, String path, String key) {
    if (key.isEmpty()
        || key.length() > ValidityRules.MAX_SUBDOMAIN
        || !ValidityRules.CONFIG_MAP_KEY.matcher(key).matches()
        || key.equals(".")
        || key.equals("..")
        || key.startsWith("..")) {
      v.add(
          path,
          q(key) + " is not a valid ConfigMap key ([-._a-zA-Z0-9]+, at most 253, not '.' or '..')");
    }
  }

  private static void rules(Violations v, List<PolicyRule> rules, boolean namespaced) {
    List<PolicyRule> list = nullToEmpty(rules);
    for (int i = 0; i < list.size(); i++) {
      PolicyRule rule = list.get(i);
      String p = "rules[" + i + "]";
      if (nullToEmpty(rule.getVerbs()).isEmpty()) {
        v.add(p + ".verbs", "verbs must contain at least one value");
      }
      boolean urls = !nullToEmpty(rule.getNonResourceURLs()).isEmpty();
      if (namespaced && urls) {
        v.add(p + ".nonResourceURLs", "namespaced rules cannot apply to non-resource URLs");
      }
      if (!urls && nullToEmpty(rule.getResources()).isEmpty()) {
        v.add(p + ".resources", "resource rules must supply at least one resource");
      }
      if (!urls && rule.getApiGroups() == null) {
        v.add(p + ".apiGroups", "resource rules must supply at least one api group");
      }
    }
  }

  private static void binding(
      Violations v, RoleRef ref, List<Subject> subjects, boolean namespaced) {
    if (ref == null) {
      v.add("roleRef", "required value");
    } else {
      if (!"rbac.authorization.k8s.io".equals(ref.getApiGroup())) {
        v.add("roleRef.apiGroup", q(ref.getApiGroup()) + " must be rbac.authorization.k8s.io");
      }
      Set<String> kinds = namespaced ? Set.of("Role", "ClusterRole") : Set.of("ClusterRole");
      if (!kinds.contains(ref.getKind())) {
        v.add("roleRef.kind", q(ref.getKind()) + " is not supported: " + kinds);
      }
      if (ref.getName() == null || ref.getName().isEmpty()) {
        v.add("roleRef.name", "required value");
      }
    }
    List<Subject> list = nullToEmpty(subjects);
    for (int i = 0; i < list.size(); i++) {
      Subject s = list.get(i);
      String p = "subjects[" + i + "]";
      if (!Set.of("ServiceAccount", "User", "Group").contains(s.getKind())) {
        v.add(p + ".kind", q(s.getKind()) + " is not a supported subject kind");
      }
      if ("ServiceAccount".equals(s.getKind())) {
        dns1123Subdomain(v, p + ".name", s.getName());
        if (s.getApiGroup() != null && !s.getApiGroup().isEmpty()) {
          v.add(p + ".apiGroup", "must be empty for a ServiceAccount");
        }
        if (!namespaced && (s.getNamespace() == null || s.getNamespace().isEmpty())) {
          v.add(p + ".namespace", "required value");
        }
      }
    }
  }
}
