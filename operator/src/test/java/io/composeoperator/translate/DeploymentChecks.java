package io.composeoperator.translate;

import static io.composeoperator.translate.ValidityRules.atLeast;

import io.composeoperator.translate.ValidityRules.Violations;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.List;

/** The API server's rules for Deployments and Jobs (apps/v1, batch/v1 validation). */
final class DeploymentChecks {
  private DeploymentChecks() {}

  static void deployment(Violations v, Deployment deployment) {
    DeploymentSpec spec = deployment.getSpec();
    if (spec == null) {
      v.add("spec", "required value");
      return;
    }
    LabelSelector selector = spec.getSelector();
    if (selector == null
        || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null
                || selector.getMatchExpressions().isEmpty()))) {
      v.add("spec.selector", "a Deployment needs a non-empty selector");
    }
    atLeast(v, "spec.replicas", spec.getReplicas(), 0);
    if (spec.getStrategy() != null) {
      String type = spec.getStrategy().getType();
      if (type != null && !List.of("Recreate", "RollingUpdate").contains(type)) {
        v.add("spec.strategy.type", ValidityRules.q(type) + " is not a strategy type");
      }
      if ("Recreate".equals(type) && spec.getStrategy().getRollingUpdate() != null) {
        v.add("spec.strategy.rollingUpdate", "may not be specified when strategy is Recreate");
      }
    }
    PodTemplateSpec template = spec.getTemplate();
    KubernetesValidity.template(v, "spec.template", template, selector);
    String restart = restartPolicy(template);
    if (restart != null && !restart.equals("Always")) {
      v.add(
          "spec.template.spec.restartPolicy",
          ValidityRules.q(restart) + " is not supported by a Deployment (only Always)");
    }
  }

  static void job(Violations v, Job job) {
    JobSpec spec = job.getSpec();
    if (spec == null) {
      v.add("spec", "required value");
      return;
    }
    atLeast(v, "spec.backoffLimit", spec.getBackoffLimit(), 0);
    atLeast(v, "spec.completions", spec.getCompletions(), 0);
    atLeast(v, "spec.parallelism", spec.getParallelism(), 0);
    KubernetesValidity.template(v, "spec.template", spec.getTemplate(), spec.getSelector());
    String restart = restartPolicy(spec.getTemplate());
    if (!List.of("Never", "OnFailure").contains(String.valueOf(restart))) {
      v.add(
          "spec.template.spec.restartPolicy",
          ValidityRules.q(restart) + " is not supported by a Job (Never or OnFailure)");
    }
  }

  private static String restartPolicy(PodTemplateSpec template) {
    return template == null || template.getSpec() == null
        ? null
        : template.getSpec().getRestartPolicy();
  }
}
