package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void showsChangedLinesWithContext() {
    String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    String actual = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";

    String diff = GoldenFileTest.UnifiedDiff.diff("x.yaml", expected, actual);

    assertThat(diff)
        .isEqualTo(
            "--- expected/x.yaml\n+++ actual/x.yaml\n@@ -2 +2 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
  }

  @Test
  void separateHunksForDistantChanges() {
    String expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    String actual = "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\ny\n";

    String diff = GoldenFileTest.UnifiedDiff.diff("n", expected, actual);

    assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(2);
    assertThat(diff).contains("-1\n+x\n").contains("-15\n+y\n");
  }
}
