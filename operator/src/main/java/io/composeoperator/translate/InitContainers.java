package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceDependency;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pod's init containers, in this order:
 *
 * <ol>
 *   <li>{@code depends_on} → one {@code wait-for-<dependency>} container per blocking dependency
 *       (ARCHITECTURE.md, "Decisions and their reasons"): the operator's image runs {@code wait
 *       --project P --for started|healthy|completed <dependency>}; {@code required: false} does not
 *       block. They use the project's wait ServiceAccount through the projected {@value
 *       #WAIT_TOKEN_VOLUME} volume, mounted into them alone (the pod itself does not automount a
 *       token).
 *   <li>a named volume mounted where the image may have files → one {@code seed-<volume>} container
 *       from the service's own image that copies the image's content at the mount path, with its
 *       ownership and mode ({@code cp -a}), into the claim's still-empty sub-directory, as Docker
 *       fills a new named volume. It runs {@code /bin/sh}; it copies only on first use (a marker
 *       file beside the sub-directory, or data already in it, means "done") and never with {@code
 *       nocopy}. Limits: an image without {@code /bin/sh} and {@code cp} cannot seed, so images
 *       whose name says {@code distroless} are not seeded (warned) and any other shell-less image
 *       needs {@code volume.nocopy: true}; ownership is kept only where the container may run as
 *       root (not under {@code restricted}, where the copy belongs to the service's user). A new
 *       anonymous volume (an emptyDir) is filled the same way, as Docker fills it.
 *   <li>a writable bind-mounted directory or file whose content is given ({@link BindMounts}) → one
 *       {@code fill-<claim>} container that copies the files from the {@code <service>-files}
 *       ConfigMap over the claim's sub-directory whenever their hash differs from the one it
 *       recorded (as the seed containers run: as root, giving the files to the service's numeric
 *       user, or under {@code restricted} as that user); the pod template's content hash rolls the
 *       pods when they change.
 * </ol>
 */
final class InitContainers {
  /** The projected service-account token volume of the wait containers. */
  static final String WAIT_TOKEN_VOLUME = "wait-token";

  /** Where the wait containers find the token, as in-cluster clients expect. */
  static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  /** How long a seeder waits for another one's lock before it takes the lock over. */
  static final int LOCK_WAIT_SECONDS = 600;

  /** Where a seed container mounts the claim (its root, not the sub-directory). */
  static final String SEED_MOUNT = "/compose-seed";

  /** Where a fill container finds the given files. */
  static final String FILES_MOUNT = "/compose-files";

  private InitContainers() {}

  /** True when at least one dependency of the service blocks its start. */
  static boolean hasBlockingDependencies(ServiceConfig service) {
    return service.dependsOn().values().stream().anyMatch(ServiceDependency::required);
  }

  /** The {@code depends_on} wait containers, one per blocking dependency, by dependency name. */
  static List<Container> waitContainers(ServiceContext ctx) {
    List<Container> containers = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(List.of(ctx.objectName())); // the main container
    for (Map.Entry<String, ServiceDependency> entry : ctx.service().dependsOn().entrySet()) {
      ServiceDependency dependency = entry.getValue();
      if (!dependency.required()) {
        continue; // required: false does not block (Compose only warns)
      }
      // the loader has checked that the dependency is an enabled service and, for
      // service_healthy, that it has a healthcheck (compose.DependencyCheck)
      String target = ctx.serviceNames().get(entry.getKey());
      // a service that runs in another's pod is waited for through that pod (PodGroups)
      String pod = ctx.podService(entry.getKey());
      String state =
          switch (dependency.condition()) {
            case SERVICE_STARTED -> "started";
            case SERVICE_HEALTHY -> "healthy";
            case SERVICE_COMPLETED_SUCCESSFULLY -> "completed";
          };
      String name = unique(names, "wait-for-" + target);
      containers.add(
          new ContainerBuilder()
              .withName(name)
              .withImage(ctx.options().waitImage())
              .withArgs("wait", "--project", ctx.project(), "--for", state, pod)
              .addNewEnv()
              .withName("POD_NAMESPACE")
              .withNewValueFrom()
              .withNewFieldRef()
              .withApiVersion("v1")
              .withFieldPath("metadata.namespace")
              .endFieldRef()
              .endValueFrom()
              .endEnv()
              .withResources(ResourceLimits.defaults(ctx.options()))
              .withSecurityContext(SecurityContexts.hardened())
              .addNewVolumeMount()
              .withName(WAIT_TOKEN_VOLUME)
              .withMountPath(TOKEN_PATH)
              .withReadOnly(true)
              .endVolumeMount()
              .build());
    }
    return containers;
  }

  /**
   * The projected volume of the wait containers: the ServiceAccount's token, the cluster's CA and
   * the namespace, as the kubelet would automount them.
   */
  static Volume waitTokenVolume() {
    return new VolumeBuilder()
        .withName(WAIT_TOKEN_VOLUME)
        .withNewProjected()
        .withSources(
            new VolumeProjectionBuilder()
                .withNewServiceAccountToken()
                .withPath("token")
                .withExpirationSeconds(3607L)
                .endServiceAccountToken()
                .build(),
            new VolumeProjectionBuilder()
                .withNewConfigMap()
                .withName("kube-root-ca.crt")
                .addNewItem()
                .withKey("ca.crt")
                .withPath("ca.crt")
                .endItem()
                .endConfigMap()
                .build(),
            new VolumeProjectionBuilder()
                .withNewDownwardAPI()
                .addNewItem()
                .withPath("namespace")
                .withNewFieldRef()
                .withApiVersion("v1")
                .withFieldPath("metadata.namespace")
                .endFieldRef()
                .endItem()
                .endDownwardAPI()
                .build())
        .endProjected()
        .build();
  }

  /**
   * The seed containers that fill new named volumes from the image.
   *
   * @param image the service's image
   * @param main the main container's securityContext (seeding runs as root where the profile
   *     allows, to keep ownership; otherwise as the service's user)
   */
  static List<Container> seedContainers(
      ServiceContext ctx, String image, List<PodVolumes.Seed> seeds, SecurityContext main) {
    List<Container> containers = new ArrayList<>();
    if (seeds.isEmpty()) {
      return containers;
    }
    boolean shellless = image.toLowerCase(Locale.ROOT).contains("distroless");
    if (shellless && seeds.stream().anyMatch(s -> s.filesVolume() == null)) {
      ctx.warn(
          "volumes",
          "new volumes are not filled from the image "
              + image
              + " (it has no /bin/sh to copy with); they start empty");
    }
    Set<String> names = new LinkedHashSet<>(List.of(ctx.objectName())); // the main container
    for (PodVolumes.Seed seed : seeds) {
      if (seed.filesVolume() != null) {
        // given files: copied as the service's user, with the service's image when it has a
        // shell, else with the operator's own image (which has one)
        containers.add(
            new ContainerBuilder()
                .withName(unique(names, "fill-" + seed.volumeKey()))
                .withImage(shellless ? ctx.options().waitImage() : image)
                .withCommand("/bin/sh", "-c", Commands.escape(fillScript(seed, owner(ctx, main))))
                .withResources(ResourceLimits.resources(ctx))
                .withSecurityContext(seedSecurityContext(ctx, main))
                .addNewVolumeMount()
                .withName(seed.podVolume())
                .withMountPath(SEED_MOUNT)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName(seed.filesVolume())
                .withMountPath(FILES_MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .build());
        continue;
      }
      if (shellless) {
        continue;
      }
      String name = unique(names, "seed-" + seed.volumeKey());
      containers.add(
          new ContainerBuilder()
              .withName(name)
              .withImage(image)
              .withCommand("/bin/sh", "-c", Commands.escape(script(seed)))
              .withResources(ResourceLimits.resources(ctx))
              .withSecurityContext(seedSecurityContext(ctx, main))
              .addNewVolumeMount()
              .withName(seed.podVolume())
              .withMountPath(SEED_MOUNT)
              .endVolumeMount()
              .build());
    }
    return containers;
  }

  /**
   * The fill from given files: skip when the marker holds the files' hash; otherwise copy every
   * given file over the sub-directory (files the service wrote beside them stay), then record the
   * hash. The files are those of a ConfigMap volume, whose entries are symbolic links into a hidden
   * {@code ..data} directory: copied with {@code -L}, and the hidden entries left out.
   */
  static String fillScript(PodVolumes.Seed seed, String owner) {
    String dir = SEED_MOUNT + "/" + seed.subPath();
    String marker = SEED_MOUNT + "/." + seed.subPath() + ".filled";
    List<String> lines = new ArrayList<>();
    lines.add("set -e");
    lines.add("mkdir -p " + dir);
    lines.add("[ \"$(cat " + marker + " 2>/dev/null)\" = " + seed.filesHash() + " ] && exit 0");
    lines.add("for f in " + FILES_MOUNT + "/* " + FILES_MOUNT + "/.[!.]*; do");
    lines.add("  if [ -e \"$f\" ]; then cp -RL \"$f\" " + dir + "/; fi");
    lines.add("done");
    if (owner != null) {
      lines.add("chown -R " + owner + " " + dir);
    }
    lines.add("echo " + seed.filesHash() + " > " + marker);
    return String.join("\n", lines);
  }

  /**
   * Who the filled files belong to: the service's numeric user (and group), when the fill runs as
   * root to be able to create the directory (not under {@code restricted}, where it runs as that
   * user already); null to leave them root's, as Docker leaves a bind mount's files their owner's.
   */
  static String owner(ServiceContext ctx, SecurityContext main) {
    if (ctx.options().securityProfile() == SecurityProfile.restricted
        || main == null
        || main.getRunAsUser() == null) {
      return null;
    }
    return main.getRunAsUser() + (main.getRunAsGroup() == null ? "" : ":" + main.getRunAsGroup());
  }

  /**
   * The copy: skip when the marker exists or the sub-directory already holds data; otherwise copy
   * the image's directory with {@code cp -a} beside it and move it into place, then mark it done.
   */
  static String script(PodVolumes.Seed seed) {
    String dir = SEED_MOUNT + "/" + seed.subPath();
    String marker = SEED_MOUNT + "/." + seed.subPath() + ".seeded";
    String tmp = SEED_MOUNT + "/." + seed.subPath() + ".seeding";
    String lock = SEED_MOUNT + "/." + seed.subPath() + ".lock";
    return String.join(
        "\n",
        "set -e",
        "[ -e " + marker + " ] && exit 0",
        // one seeder at a time (replicas and services sharing the claim start together); a lock
        // left by a killed seeder is taken over after LOCK_WAIT_SECONDS
        "n=0",
        "until mkdir " + lock + " 2>/dev/null; do",
        "  [ -e " + marker + " ] && exit 0",
        "  n=$((n + 1)); [ \"$n\" -ge " + LOCK_WAIT_SECONDS + " ] && break",
        "  sleep 1",
        "done",
        "trap 'rmdir " + lock + " 2>/dev/null || true' EXIT",
        "[ -e " + marker + " ] && exit 0",
        "if [ -d " + dir + " ]; then",
        "  for f in " + dir + "/* " + dir + "/.[!.]* " + dir + "/..?*; do",
        "    if [ -e \"$f\" ] || [ -L \"$f\" ]; then touch " + marker + "; exit 0; fi",
        "  done",
        "  rmdir " + dir,
        "fi",
        "if [ -d " + quote(seed.target()) + " ]; then",
        "  rm -rf " + tmp,
        "  cp -a " + quote(seed.target()) + " " + tmp,
        "  mv " + tmp + " " + dir,
        "else",
        "  mkdir -p " + dir,
        "fi",
        "touch " + marker);
  }

  private static SecurityContext seedSecurityContext(ServiceContext ctx, SecurityContext main) {
    if (ctx.options().securityProfile() == SecurityProfile.restricted) {
      return main; // as the service's user: no ownership change is possible
    }
    // as root with just the capabilities a copy that keeps ownership needs
    return new SecurityContextBuilder()
        .withRunAsUser(0L)
        .withRunAsGroup(0L)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .withAdd("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID")
        .endCapabilities()
        .build();
  }

  /** A single-quoted shell word. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** A container name not yet in {@code names}, which it is added to. */
  private static String unique(Set<String> names, String wanted) {
    String name = Names.unique(wanted, names::contains);
    names.add(name);
    return name;
  }
}
