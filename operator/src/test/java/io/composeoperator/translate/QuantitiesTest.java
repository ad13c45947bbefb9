package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected forms are what a Kubernetes 1.36 API server stores for each value: the real-cluster
 * suite ({@code RealClusterOperatorIT.quantitiesAreWrittenInTheFormTheApiServerStores}) writes the
 * same values into a ResourceQuota on the local control plane and compares what it reads back with
 * {@link Quantities#canonical}.
 */
class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "1024Mi, 1Gi",
    "1Gi, 1Gi",
    "1.5Gi, 1536Mi",
    "0.5Ki, 512",
    "2000m, 2",
    "1000m, 1",
    "1500m, 1500m",
    "0.5, 500m",
    "2.0, 2",
    "1000, 1k",
    "1500, 1500",
    "64Mi, 64Mi",
    "100M, 100M",
    "0.1, 100m",
    "1e3, 1e3",
    "1000e3, 1e6",
    "0, 0",
    "0Mi, 0",
    "1E, 1E",
    "0.0001, 1m",
    "12345678901, 12345678901",
  })
  void canonicalFormIsTheStoredOne(String written, String stored) {
    assertThat(Quantities.canonical(written)).isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource({"1073741824, 1Gi", "2000, 2k", "1500, 1500", "512, 512", "1048576000, 1000Mi"})
  void byteCountsStayAsStored(long bytes, String stored) {
    assertThat(Quantities.bytes(bytes)).isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource({"1g", "abc", "''", "1.2.3", "Mi"})
  void nonQuantitiesAreRefused(String value) {
    assertThatThrownBy(() -> Quantities.canonical(value))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
