package io.composeoperator.e2e;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The scenarios against the fabric8 mock server (the default, needs no cluster). */
@DisabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
class MockServerOperatorIT extends AbstractOperatorScenarios {
  @Override
  Cluster cluster() {
    return new MockCluster();
  }
}
