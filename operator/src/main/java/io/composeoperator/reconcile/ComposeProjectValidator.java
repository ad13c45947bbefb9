package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectSpec;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.translate.Names;
import java.util.Optional;

/**
 * The ComposeProject's own checks, made before anything is read or rendered (as the Flink
 * operator's {@code DefaultValidator} checks a FlinkDeployment): its name, that it has a spec with
 * exactly one Compose source, and that its security profile is within the operator's cap. A pure
 * function; the checks of the Compose file itself are the loader's.
 */
public final class ComposeProjectValidator {

  /**
   * Why a ComposeProject is refused.
   *
   * @param reason the condition reason ({@code InvalidName}, {@code InvalidCompose}, {@code
   *     Forbidden})
   * @param message the spec or metadata path and the problem
   */
  public record Refusal(String reason, String message) {}

  private ComposeProjectValidator() {}

  /**
   * Checks a ComposeProject.
   *
   * @param maxProfile the operator's {@code --max-security-profile}
   * @return the first problem, or empty when the project may be rendered
   */
  public static Optional<Refusal> validate(ComposeProject project, SecurityProfile maxProfile) {
    Optional<String> nameProblem = Names.projectNameProblem(project.getMetadata().getName());
    if (nameProblem.isPresent()) {
      return refuse(
          Reasons.INVALID_NAME, "metadata.name", nameProblem.get() + "; rename the ComposeProject");
    }
    ComposeProjectSpec spec = project.getSpec();
    if (spec == null) {
      return refuse(Reasons.INVALID_COMPOSE, "spec", "the ComposeProject has no spec");
    }
    boolean inline = spec.getCompose() != null;
    boolean fromConfigMap =
        spec.getComposeFrom() != null && spec.getComposeFrom().getConfigMapKeyRef() != null;
    if (inline == fromConfigMap) {
      // the CRD's validation rule says the same; this covers API servers that do not run it
      return refuse(
          Reasons.INVALID_COMPOSE,
          "spec",
          "exactly one of spec.compose and spec.composeFrom must be set");
    }
    SecurityProfile requested = spec.getSecurityProfile();
    if (requested != null && !requested.atMost(maxProfile)) {
      return refuse(
          Reasons.FORBIDDEN,
          "spec.securityProfile",
          "securityProfile "
              + requested
              + " is above the operator's maximum "
              + maxProfile
              + " (--max-security-profile)");
    }
    return Optional.empty();
  }

  /**
   * The profile a valid project runs under: the one it asks for, else {@code baseline}, or the cap
   * when the cap is lower.
   */
  public static SecurityProfile effectiveProfile(ComposeProjectSpec spec, SecurityProfile max) {
    SecurityProfile requested = spec.getSecurityProfile();
    if (requested != null) {
      return requested;
    }
    return SecurityProfile.baseline.atMost(max) ? SecurityProfile.baseline : max;
  }

  private static Optional<Refusal> refuse(String reason, String path, String problem) {
    return Optional.of(new Refusal(reason, path + ": " + problem));
  }
}
