package io.composeoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.api.v1alpha1.ComposeFrom;
import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.KeyRef;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.reconcile.ComposeProjectValidator.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeProjectValidatorTest {
  private static final String WEB = "services:\n  web: {image: \"nginx:1.27\"}\n";

  private static Optional<Refusal> validate(ComposeProject project) {
    return ComposeProjectValidator.validate(project, SecurityProfile.baseline);
  }

  @Test
  void validProjectIsAccepted() {
    assertThat(validate(OperatorHarness.project("shop", WEB))).isEmpty();
  }

  @Test
  void nameWithADotIsAnInvalidNameNotInvalidCompose() {
    assertThat(validate(OperatorHarness.project("my.app", WEB)))
        .contains(
            new Refusal(
                Reasons.INVALID_NAME,
                "metadata.name: project name \"my.app\" must be a DNS-1123 label of at most 63"
                    + " characters, because it is a label value on every object; rename the"
                    + " ComposeProject"));
  }

  @Test
  void nameLongerThan63IsAnInvalidName() {
    assertThat(validate(OperatorHarness.project("a".repeat(64), WEB)))
        .get()
        .extracting(Refusal::reason)
        .isEqualTo(Reasons.INVALID_NAME);
  }

  @Test
  void missingSpecIsInvalidCompose() {
    ComposeProject project = OperatorHarness.project("shop", WEB);
    project.setSpec(null);

    assertThat(validate(project))
        .contains(new Refusal(Reasons.INVALID_COMPOSE, "spec: the ComposeProject has no spec"));
  }

  @Test
  void neitherComposeNorComposeFromIsInvalidCompose() {
    ComposeProject project = OperatorHarness.project("shop", null);

    assertThat(validate(project))
        .contains(
            new Refusal(
                Reasons.INVALID_COMPOSE,
                "spec: exactly one of spec.compose and spec.composeFrom must be set"));
  }

  @Test
  void bothComposeAndComposeFromIsInvalidCompose() {
    ComposeProject project = OperatorHarness.project("shop", WEB);
    project.getSpec().setComposeFrom(new ComposeFrom(new KeyRef("shop-compose", "compose.yaml")));

    assertThat(validate(project))
        .get()
        .extracting(Refusal::message)
        .isEqualTo("spec: exactly one of spec.compose and spec.composeFrom must be set");
  }

  @Test
  void profileAboveTheOperatorsMaximumIsForbidden() {
    ComposeProject project = OperatorHarness.project("shop", WEB);
    project.getSpec().setSecurityProfile(SecurityProfile.privileged);

    assertThat(validate(project))
        .contains(
            new Refusal(
                Reasons.FORBIDDEN,
                "spec.securityProfile: securityProfile privileged is above the operator's maximum"
                    + " baseline (--max-security-profile)"));
  }

  @Test
  void unsetProfileIsBaselineOrTheLowerCap() {
    ComposeProject project = OperatorHarness.project("shop", WEB);

    assertThat(
            ComposeProjectValidator.effectiveProfile(project.getSpec(), SecurityProfile.privileged))
        .isEqualTo(SecurityProfile.baseline);
    assertThat(
            ComposeProjectValidator.effectiveProfile(project.getSpec(), SecurityProfile.restricted))
        .isEqualTo(SecurityProfile.restricted);
  }
}
