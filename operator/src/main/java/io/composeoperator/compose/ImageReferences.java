package io.composeoperator.compose;

import java.util.regex.Pattern;

/**
 * Checks an image reference against the grammar of the distribution reference ({@code
 * [domain[:port]/]path[:tag][@digest]}, github.com/distribution/reference {@code reference.go}), so
 * that a reference left broken by interpolation ({@code myorg/web:} when {@code TAG} is unset) is
 * refused at load time instead of failing as an image pull on the cluster.
 */
public final class ImageReferences {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      "(?:"
          + DOMAIN_COMPONENT
          + "(?:\\."
          + DOMAIN_COMPONENT
          + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:"
              + DOMAIN
              + "/)?"
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*(?::"
              + TAG
              + ")?(?:@"
              + DIGEST
              + ")?");

  private static final Pattern PATH_COMPONENT_PATTERN = Pattern.compile(PATH_COMPONENT);

  private ImageReferences() {}

  /** Whether {@code name} is one path component of an image name ({@code api}, {@code my_app}). */
  public static boolean isPathComponent(String name) {
    return PATH_COMPONENT_PATTERN.matcher(name).matches();
  }

  /**
   * Fails when {@code image} is not a valid reference.
   *
   * @param path the YAML path of the {@code image} key
   */
  static void check(Fields fields, String image, String path) {
    if (image.length() > 255 + 128 + 100 || !REFERENCE.matcher(image).matches()) {
      String hint =
          image.endsWith(":") || image.endsWith("@") || image.contains("::")
              ? " (a variable in it may be unset or empty)"
              : " (expected [registry/]name[:tag][@digest], lower-case name)";
      throw fields.error(path, Fields.quote(image) + " is not a valid image reference" + hint);
    }
  }
}
