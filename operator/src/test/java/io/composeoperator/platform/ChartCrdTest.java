package io.composeoperator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart ships the CRD generated from the API classes, byte for byte. The operator's own test
 * holds the root {@code crds/} copy to the same file, so the two checked-in copies agree too.
 */
class ChartCrdTest {
  private static final String FILE = "composeprojects.composeoperator.io-v1.yml";

  @Test
  void chartCrdEqualsTheGeneratedOne() throws IOException {
    Path generated = Chart.root().resolve("operator/target/classes/META-INF/fabric8/" + FILE);
    Path chart = Chart.directory().resolve("crds/" + FILE);

    assertThat(Files.readString(chart))
        .as(
            "%s differs from the generated CRD: refresh it with"
                + " cp %s helm/compose-operator/crds/",
            chart, generated)
        .isEqualTo(Files.readString(generated));
  }
}
