package io.composeoperator.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The scenarios against a real cluster: {@code -De2e.kubeconfig=<path>}. */
@EnabledIfSystemProperty(named = "e2e.kubeconfig", matches = ".+")
class RealClusterOperatorIT extends AbstractOperatorScenarios {
  @Override
  Cluster cluster() {
    return new RealCluster(Path.of(System.getProperty("e2e.kubeconfig")));
  }
}
