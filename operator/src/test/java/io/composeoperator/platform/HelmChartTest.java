package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmChartTest {

  @Test
  void lintPasses() {
    LintResult result = new Helm(Chart.directory()).lint().strict().call();
    assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
  }

  @Test
  void print() {
    System.out.println(Chart.template(Map.of()));
  }
}
