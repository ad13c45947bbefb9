package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.ImageReferences;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service's main container: image ({@code image}, or {@code spec.images} for services that only
 * have {@code build}), {@code pull_policy}, command and args, {@code working_dir}, {@code tty},
 * {@code stdin_open}, env, ports, probes, resources, securityContext and mounts.
 */
final class Containers {
  /** A valid port name: an IANA service name of at most 15 characters. */
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private Containers() {}

  /**
   * The image to run. {@code spec.images.<service>} wins (the user said which image the cluster
   * runs); otherwise {@code image}. {@code build} is not run on a cluster (warned): a build-only
   * service runs the image {@code docker compose build} makes for it ({@link #builtImage}), which
   * the user loads into the nodes or pushes.
   */
  static String image(ServiceContext ctx) {
    ServiceConfig service = ctx.service();
    String fromSpec = ctx.options().images().get(service.name());
    if (fromSpec != null) {
      if (service.image().build() != null) {
        ctx.warn(
            "build",
            "build: is ignored on a cluster; using image " + fromSpec + " from spec.images");
      }
      return fromSpec;
    }
    if (service.image().reference() != null) {
      if (service.image().build() != null) {
        ctx.warn(
            "build", "build: is ignored on a cluster; using image " + service.image().reference());
      }
      return service.image().reference();
    }
    if (service.image().build() == null) {
      // Compose refuses it too ("has neither an image nor a build context specified")
      throw new ComposeException(
          ctx.file(),
          ctx.path("image"),
          "the service has no image: give spec.images."
              + service.name()
              + " (or --image "
              + service.name()
              + "=REF)");
    }
    String built = builtImage(ctx);
    ctx.warn(
        "build",
        "build: is not run on a cluster; the service runs "
            + built
            + ", the image docker compose builds for it, pulled only when the node lacks it: load"
            + " it into the nodes (kind load docker-image "
            + built
            + ", minikube image load "
            + built
            + ") or push it to a registry and give its reference as spec.images."
            + service.name()
            + " (--image "
            + service.name()
            + "=REF)");
    return built;
  }

  /**
   * The name {@code docker compose build} gives the image of a service that has {@code build} and
   * no {@code image}: {@code <project>-<service>} (compose-go {@code GetImageNameOrDefault}), in
   * lower case; a service name that is not a valid image name component is mapped by the naming
   * rule.
   */
  static String builtImage(ServiceContext ctx) {
    String service = ctx.service().name().toLowerCase(Locale.ROOT);
    if (!ImageReferences.isPathComponent(service)) {
      service = Names.sanitize(service);
    }
    return ctx.project() + "-" + service;
  }

  /** True when the service runs the image {@code docker compose build} makes ({@link #image}). */
  private static boolean runsBuiltImage(ServiceContext ctx) {
    ServiceConfig service = ctx.service();
    return service.image().build() != null
        && service.image().reference() == null
        && !ctx.options().images().containsKey(service.name());
  }

  /** {@code pull_policy} → imagePullPolicy (ARCHITECTURE.md, "Resources, users and images"). */
  static String pullPolicy(ServiceContext ctx, String image) {
    String policy = ctx.service().image().pullPolicy();
    // a built image exists only where the user loaded it: never pulled while a node has it
    String missing = isLatest(image) && !runsBuiltImage(ctx) ? "Always" : "IfNotPresent";
    if (policy == null) {
      return missing;
    }
    String p = policy.toLowerCase(Locale.ROOT);
    switch (p) {
      case "always":
        return "Always";
      case "never":
        return "Never";
      case "missing":
      case "if_not_present":
        return missing;
      case "build":
        ctx.warn("pull_policy", "pull_policy build: images are not built on a cluster; pulled");
        return missing;
      default:
        ctx.warn(
            "pull_policy",
            "pull_policy " + policy + " has no Kubernetes equivalent; IfNotPresent is used");
        return "IfNotPresent";
    }
  }

  /** True for an image without a tag or digest, or with the tag {@code latest}. */
  static boolean isLatest(String image) {
    if (image.contains("@")) {
      return false;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    return colon < 0 || last.substring(colon + 1).equals("latest");
  }

  /**
   * Container ports from {@code ports} and {@code expose}: one per port and protocol; named after
   * the long syntax {@code name} when it is a valid port name (at most 15 characters) and unique.
   */
  static List<ContainerPort> ports(ServiceContext ctx) {
    List<ContainerPort> ports = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<ServicePortConfig> all = new ArrayList<>(ctx.service().ports());
    all.addAll(ctx.service().expose());
    for (ServicePortConfig port : all) {
      String protocol = port.protocol() == null ? "TCP" : port.protocol().toUpperCase(Locale.ROOT);
      if (!seen.add(port.target() + "/" + protocol)) {
        continue;
      }
      String name = port.name();
      if (name != null && !(isPortName(name) && names.add(name))) {
        name = null; // unnamed; ServicePorts warns once about the name, for both objects
      }
      ports.add(
          new ContainerPortBuilder()
              .withName(name)
              .withContainerPort(port.target())
              .withProtocol(protocol)
              .build());
    }
    return ports;
  }

  static boolean isPortName(String name) {
    return name.length() <= 15
        && PORT_NAME.matcher(name).matches()
        && name.chars().anyMatch(Character::isLetter)
        && !name.contains("--");
  }

  /** Assembles the main container. */
  static Container main(
      ServiceContext ctx, String image, SecurityContext securityContext, List<VolumeMount> mounts) {
    ServiceConfig service = ctx.service();
    SecurityContext sc = securityContext.equals(new SecurityContext()) ? null : securityContext;
    return new ContainerBuilder()
        .withName(ctx.objectName())
        .withImage(image)
        .withImagePullPolicy(pullPolicy(ctx, image))
        .withCommand(Commands.command(ctx))
        .withArgs(Commands.args(ctx))
        .withWorkingDir(service.process().workingDir())
        .withTty(service.process().tty() ? true : null)
        .withStdin(service.process().stdinOpen() ? true : null)
        .withEnv(Environment.envVars(ctx))
        .withPorts(ports(ctx))
        .withReadinessProbe(Probes.readinessProbe(service.healthcheck()))
        .withStartupProbe(Probes.startupProbe(service.healthcheck()))
        .withLifecycle(Lifecycles.lifecycle(ctx))
        .withResources(ResourceLimits.resources(ctx))
        .withSecurityContext(sc)
        .withVolumeMounts(mounts)
        .build();
  }
}
