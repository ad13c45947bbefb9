package io.composeoperator.api.v1alpha1;

/**
 * The Pod Security Standard a project runs under (ARCHITECTURE.md, "Security profiles"), ordered
 * from strictest.
 */
public enum SecurityProfile {
  restricted,
  baseline,
  privileged;

  /** True when this profile allows no more than {@code other}. */
  public boolean atMost(SecurityProfile other) {
    return ordinal() <= other.ordinal();
  }
}
