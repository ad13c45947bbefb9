package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.ByteSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durations, byte sizes, file modes, shell words and project paths, unit by unit. */
class ValueParsersTest {

  private final Fields fields = new Fields("compose.yaml");

  @Test
  void durationsCombineUnits() {
    assertThat(Durations.parse(fields, "1m30s", "p")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse(fields, "500ms", "p")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse(fields, "1h", "p")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse(fields, "250us", "p")).isEqualTo(Duration.ofNanos(250_000));
    assertThat(Durations.parse(fields, "1.5s", "p")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse(fields, "0", "p")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse(fields, null, "p")).isNull();
    assertThatThrownBy(() -> Durations.parse(fields, "99999999999h", "p"))
        .hasMessage("compose.yaml: p: \"99999999999h\" is too long a duration");
    assertThatThrownBy(() -> Durations.parse(fields, "5 minutes", "p"))
        .hasMessage(
            "compose.yaml: p: \"5 minutes\" is not a duration (examples: 10s, 1m30s, 500ms, 1h)");
  }

  @Test
  void byteSizesAreBinary() {
    assertThat(ByteSizes.parse(fields, "512m", "p")).isEqualTo(new ByteSize(512L * 1024 * 1024));
    assertThat(ByteSizes.parse(fields, "1gb", "p")).isEqualTo(new ByteSize(1L << 30));
    assertThat(ByteSizes.parse(fields, "1GiB", "p")).isEqualTo(new ByteSize(1L << 30));
    assertThat(ByteSizes.parse(fields, "64K", "p")).isEqualTo(new ByteSize(64L << 10));
    assertThat(ByteSizes.parse(fields, "100b", "p")).isEqualTo(new ByteSize(100));
    assertThat(ByteSizes.parse(fields, 2048L, "p")).isEqualTo(new ByteSize(2048));
    assertThatThrownBy(() -> ByteSizes.parse(fields, -1L, "p"))
        .hasMessage("compose.yaml: p: -1 is not a byte size (it is negative)");
  }

  @Test
  void fileModesAreOctal() {
    assertThat(FileModes.parse(fields, "0440", "p")).isEqualTo(0440);
    assertThat(FileModes.parse(fields, "755", "p")).isEqualTo(0755);
    assertThat(FileModes.parse(fields, 288L, "p")).isEqualTo(0440);
    assertThatThrownBy(() -> FileModes.parse(fields, "0948", "p"))
        .hasMessage("compose.yaml: p: \"0948\" is not an octal file mode (example: 0440)");
  }

  @Test
  void aDecimalModeAbove0777WrittenInOctalDigitsIsReadAsOctalWithAWarning() {
    List<Warning> warnings = new ArrayList<>();

    assertThat(FileModes.parseOctalDigits(fields, 644L, "p", warnings)).isEqualTo(0644);
    assertThat(FileModes.parseOctalDigits(fields, 1777L, "p", warnings)).isEqualTo(01777);
    // below 0777 a decimal number is a valid mode as it is; 0440 in the file arrives as 288
    assertThat(FileModes.parseOctalDigits(fields, 440L, "p", warnings)).isEqualTo(440);
    assertThat(FileModes.parseOctalDigits(fields, 288L, "p", warnings)).isEqualTo(0440);
    assertThat(FileModes.parseOctalDigits(fields, "644", "p", warnings)).isEqualTo(0644);
    // 9 is not an octal digit: the decimal value stays (and is a valid mode)
    assertThat(FileModes.parseOctalDigits(fields, 649L, "p", warnings)).isEqualTo(649);

    assertThat(warnings)
        .extracting(Object::toString)
        .containsExactly(
            "p: mode 644 is above 0777 as a decimal number (the API server refuses it); it is read"
                + " as the octal mode 0644 (write 0644 to say so)",
            "p: mode 1777 is above 0777 as a decimal number (the API server refuses it); it is"
                + " read as the octal mode 01777 (write 01777 to say so)");
  }

  @Test
  void commandsSplitOnUnquotedWhitespace() {
    assertThat(CommandSplitter.split(fields, "  a   'b c'  \"d \\\" e\" f\\ g ''", "p"))
        .containsExactly("a", "b c", "d \" e", "f g", "");
    assertThat(CommandSplitter.split(fields, "echo $HOME", "p")).containsExactly("echo", "$HOME");
  }

  @Test
  void projectPathsNormalize() {
    assertThat(ProjectPaths.normalize("./proxy/nginx.conf")).isEqualTo("proxy/nginx.conf");
    assertThat(ProjectPaths.normalize(".")).isEqualTo(".");
    assertThat(ProjectPaths.normalize("./")).isEqualTo(".");
    assertThat(ProjectPaths.normalize("../x")).isEqualTo("../x");
    assertThat(ProjectPaths.normalize("a/../../x")).isEqualTo("../x");
    assertThat(ProjectPaths.normalize("/var//run/")).isEqualTo("/var/run");
    assertThat(ProjectPaths.normalize("~/data/")).isEqualTo("~/data");
  }
}
