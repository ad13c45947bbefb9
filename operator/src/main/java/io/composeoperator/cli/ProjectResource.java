package io.composeoperator.cli;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes a {@code ComposeProject} given where a Compose file is expected ({@code render -f
 * examples/x.yaml}), so that an example can be rendered as it is.
 */
final class ProjectResource {
  private static final Pattern KIND =
      Pattern.compile("(?m)^kind:\\s*[\"']?ComposeProject[\"']?\\s*$");
  private static final Pattern API_VERSION =
      Pattern.compile("(?m)^apiVersion:\\s*[\"']?" + Pattern.quote(ComposeProject.GROUP) + "/");

  private ProjectResource() {}

  /**
   * The ComposeProject in {@code text}, or empty when the text is not one (then it is a Compose
   * file: a Compose file has no top-level {@code kind} or {@code apiVersion}).
   *
   * @throws CliException when it says it is a ComposeProject but cannot be read as one
   */
  static Optional<ComposeProject> parse(String fileName, String text) throws CliException {
    // contains() first: it is an intrinsic, and the regular expressions on a big Compose file
    // (that has no "ComposeProject" anywhere) would cost a cold JVM a noticeable part of render.
    if (!text.contains("ComposeProject")
        || !KIND.matcher(text).find()
        || !API_VERSION.matcher(text).find()) {
      return Optional.empty();
    }
    try {
      ComposeProject project = Serialization.unmarshal(text, ComposeProject.class);
      if (project.getSpec() == null) {
        throw new CliException(fileName + ": spec: a ComposeProject needs a spec");
      }
      return Optional.of(project);
    } catch (RuntimeException e) {
      throw new CliException(fileName + ": not a valid ComposeProject: " + e.getMessage(), e);
    }
  }
}
