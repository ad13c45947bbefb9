package io.composeoperator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import org.junit.jupiter.api.Test;

class RunCommandTest {
  @Test
  void defaultsMatchTheContract() {
    RunCommand.Options options = RunCommand.parse(new String[0], "ops");
    assertThat(options.namespaces()).isEmpty();
    assertThat(options.maxSecurityProfile()).isEqualTo(SecurityProfile.baseline);
    assertThat(options.logFormat()).isEqualTo("plain");
    assertThat(options.httpPort()).isEqualTo(8080);
    assertThat(options.leaderElection()).isFalse();
    assertThat(options.leaderElectionNamespace()).isEqualTo("ops");
    assertThat(options.leaderElectionId()).isEqualTo("compose-operator-leader");
  }

  @Test
  void readsEveryFlag() {
    RunCommand.Options options =
        RunCommand.parse(
            new String[] {
              "--namespace", "a", "--namespace", "b", "--max-security-profile", "restricted",
              "--wait-image", "example/wait:1", "--log-format", "json", "--http-port", "9090",
              "--leader-election", "--leader-election-namespace", "ops", "--leader-election-id", "x"
            },
            null);
    assertThat(options.namespaces()).containsExactly("a", "b");
    assertThat(options.maxSecurityProfile()).isEqualTo(SecurityProfile.restricted);
    assertThat(options.waitImage()).isEqualTo("example/wait:1");
    assertThat(options.logFormat()).isEqualTo("json");
    assertThat(options.httpPort()).isEqualTo(9090);
    assertThat(options.leaderElection()).isTrue();
    assertThat(options.leaderElectionNamespace()).isEqualTo("ops");
    assertThat(options.leaderElectionId()).isEqualTo("x");
  }

  @Test
  void refusesBadFlags() {
    assertThatThrownBy(
            () -> RunCommand.parse(new String[] {"--max-security-profile", "root"}, null))
        .hasMessageContaining("restricted, baseline or privileged");
    assertThatThrownBy(() -> RunCommand.parse(new String[] {"--log-format", "xml"}, null))
        .hasMessageContaining("plain or json");
    assertThatThrownBy(() -> RunCommand.parse(new String[] {"--leader-election"}, null))
        .hasMessageContaining("POD_NAMESPACE");
    assertThatThrownBy(() -> RunCommand.parse(new String[] {"--bogus"}, null))
        .hasMessageContaining("unknown flag");
    assertThat(RunCommand.run(new String[] {"--http-port", "x"})).isEqualTo(2);
  }
}
