package io.composeoperator.compose;

import io.composeoperator.compose.model.SecretVariable;

/**
 * An {@code environment} value that was exactly one variable coming from a Secret: kept as a
 * reference so that the clear value is never written into the model.
 *
 * @param variable the variable's name
 * @param secret where its value lives
 */
record SecretRef(String variable, SecretVariable secret) {}
