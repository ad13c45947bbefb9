package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.composeoperator.compose.model.ServiceConfig;
import java.util.List;
import java.util.Map;

/** Test helpers: load a Compose text block as {@code compose.yaml}. */
final class Loading {

  private Loading() {}

  static LoadResult load(String yaml) {
    return ComposeLoader.load(ComposeSource.of("compose.yaml", yaml));
  }

  static LoadResult load(String yaml, Map<String, String> variables) {
    return ComposeLoader.load(
        new ComposeSource("compose.yaml", yaml, Map.of(), Variables.of(variables), List.of()));
  }

  static LoadResult load(String yaml, Variables variables) {
    return ComposeLoader.load(
        new ComposeSource("compose.yaml", yaml, Map.of(), variables, List.of()));
  }

  static LoadResult loadWithFiles(String yaml, Map<String, String> files) {
    return ComposeLoader.load(
        new ComposeSource("compose.yaml", yaml, files, Variables.NONE, List.of()));
  }

  static LoadResult loadWithProfiles(String yaml, String... profiles) {
    return ComposeLoader.load(
        new ComposeSource("compose.yaml", yaml, Map.of(), Variables.NONE, List.of(profiles)));
  }

  static ServiceConfig service(String yaml, String name) {
    return load(yaml).model().services().get(name);
  }

  /** Asserts that loading fails with exactly this message ({@code file: path: problem}). */
  static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml)).isInstanceOf(ComposeException.class).hasMessage(message);
  }
}
