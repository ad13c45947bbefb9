package io.composeoperator.compose.model;

/**
 * Where a service's container image comes from, the keys {@code translate/Containers} (image, pull
 * policy, the build warning), {@code translate/BindMounts} (the build context) and {@code
 * translate/Workloads} (platform) read.
 *
 * @param reference {@code image}, or null
 * @param build {@code build} (string or long form), or null
 * @param pullPolicy {@code pull_policy}, or null
 * @param platform {@code platform}, or null
 */
public record ImageConfig(String reference, BuildConfig build, String pullPolicy, String platform) {

  /** Nothing set. */
  public static final ImageConfig NONE = new ImageConfig(null, null, null, null);

  /** Only {@code image}. */
  public static ImageConfig of(String reference) {
    return new ImageConfig(reference, null, null, null);
  }

  /** This configuration with {@code image} replaced. */
  public ImageConfig withReference(String value) {
    return new ImageConfig(value, build, pullPolicy, platform);
  }

  /** This configuration with {@code build} replaced. */
  public ImageConfig withBuild(BuildConfig value) {
    return new ImageConfig(reference, value, pullPolicy, platform);
  }

  /** This configuration with {@code pull_policy} replaced. */
  public ImageConfig withPullPolicy(String value) {
    return new ImageConfig(reference, build, value, platform);
  }

  /** This configuration with {@code platform} replaced. */
  public ImageConfig withPlatform(String value) {
    return new ImageConfig(reference, build, pullPolicy, value);
  }
}
