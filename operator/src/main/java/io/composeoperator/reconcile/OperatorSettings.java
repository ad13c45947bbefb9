package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.SecurityProfile;

/**
 * The operator's own configuration that shapes every reconcile.
 *
 * @param maxSecurityProfile the highest profile a project may ask for
 * @param waitImage the image of {@code depends_on} wait containers, or null for the default
 */
public record OperatorSettings(SecurityProfile maxSecurityProfile, String waitImage) {
  public static final OperatorSettings DEFAULT =
      new OperatorSettings(SecurityProfile.baseline, null);
}
