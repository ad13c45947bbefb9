package io.composeoperator.e2e;

/**
 * The scenarios against the fabric8 mock server: the fast tier, which needs no cluster and runs in
 * every build. What only a real API server can prove is in {@link RealClusterOperatorIT}.
 */
class MockServerOperatorIT extends AbstractOperatorScenarios {
  @Override
  Cluster cluster() {
    return new MockCluster();
  }
}
