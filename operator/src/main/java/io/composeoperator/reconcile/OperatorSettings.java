package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import java.time.Duration;

/**
 * The operator's own configuration that shapes every reconcile.
 *
 * @param maxSecurityProfile the highest profile a project may ask for
 * @param waitImage the image of {@code depends_on} wait containers, or null for the default
 * @param jobDeletionTimeout how long to wait for a replaced Job to disappear
 */
public record OperatorSettings(
    SecurityProfile maxSecurityProfile, String waitImage, Duration jobDeletionTimeout) {
  public static final OperatorSettings DEFAULT =
      new OperatorSettings(SecurityProfile.baseline, null, Duration.ofSeconds(60));
}
