package io.composeoperator.compose;

/**
 * A value carrying one of Compose's merge tags ({@code !reset}, {@code !override}); kept in the
 * loaded tree until {@code extends} merging decides what it means, then removed.
 */
sealed interface Tagged permits Tagged.Reset, Tagged.Override {

  /** {@code !reset}: the key is removed from the merged result. */
  record Reset() implements Tagged {}

  /** {@code !override}: the value replaces the base value instead of being merged with it. */
  record Override(Object value) implements Tagged {}

  Reset RESET = new Reset();
}
