package io.composeoperator.translate;

import io.composeoperator.api.v1alpha1.Exposure;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import io.composeoperator.compose.model.ServiceNetworkConfig;
import io.composeoperator.compose.model.ServicePortConfig;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Services of one Compose service: the headless Service that makes the service name resolve
 * (Compose's service-name DNS), the {@code <name>-published} Service for published ports, and one
 * more headless Service per extra DNS name ({@code networks.*.aliases}, {@code links} aliases,
 * {@code container_name}).
 */
public final class Networking {
  private Networking() {}

  /**
   * Every Service of {@code service}.
   *
   * @param serviceName the object name of the service ({@link Names#serviceName})
   */
  public static List<Service> servicesFor(
      ServiceConfig service,
      String serviceName,
      ComposeModel model,
      ProjectOptions options,
      Warnings warnings) {
    String path = "services." + service.name();
    List<Service> services = new ArrayList<>();
    List<ServicePort> declared = ServicePorts.declared(service, path, warnings);
    services.add(headless(serviceName, serviceName, declared, options));
    if (service.ports().stream().anyMatch(ServicePortConfig::isPublished) && !isHeadless(service)) {
      Exposure type = exposure(service, model, path, options);
      List<ServicePort> published = ServicePorts.published(service, path, type, warnings);
      if (!published.isEmpty()) {
        services.add(
            publishedService(
                serviceName, publishedName(serviceName, path, warnings), type, published, options));
      }
    }
    if (isHeadless(service) && service.ports().stream().anyMatch(ServicePortConfig::isPublished)) {
      warnings.add(
          path + ".ports",
          "the published ports get no Service of their own (the service is Headless): they are"
              + " reached inside the cluster by the service name, and from outside only through an"
              + " Ingress");
    }
    extraNames(service, serviceName, model, warnings)
        .forEach(name -> services.add(headless(name, serviceName, declared, options)));
    return services;
  }

  /**
   * A headless Service named {@code name} that selects the pods of {@code serviceName}. {@code
   * publishNotReadyAddresses}: the name resolves as soon as the pods exist, as on a Compose network
   * (readiness gates nothing; {@code depends_on} does the waiting).
   */
  private static Service headless(
      String name, String serviceName, List<ServicePort> ports, ProjectOptions options) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(options.namespace())
        .withLabels(Labels.forService(options.name(), serviceName))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(Labels.selector(options.name(), serviceName))
        .withPorts(ports)
        .endSpec()
        .build();
  }

  /**
   * {@code <service>-published}; a service name longer than 53 characters is shortened
   * deterministically (with a warning), since a Service name has at most 63.
   */
  static String publishedName(String serviceName, String path, Warnings warnings) {
    String name = Names.publishedService(serviceName);
    if (name.length() <= Names.MAX_LABEL) {
      return name;
    }
    String shortened =
        Names.publishedService(
            Names.shortened(serviceName, Names.MAX_LABEL - Names.PUBLISHED_SUFFIX.length()));
    warnings.add(
        path + ".ports",
        "the Service of the published ports is named \""
            + shortened
            + "\" (\""
            + name
            + "\" would be longer than 63 characters)");
    return shortened;
  }

  private static Service publishedService(
      String serviceName,
      String name,
      Exposure type,
      List<ServicePort> ports,
      ProjectOptions options) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(options.namespace())
        .withLabels(Labels.forService(options.name(), serviceName))
        .endMetadata()
        .withNewSpec()
        .withType(type.name())
        .withSelector(Labels.selector(options.name(), serviceName))
        .withPorts(ports)
        .endSpec()
        .build();
  }

  /**
   * {@code x-kubernetes.expose: Headless} (kompose's {@code kompose.service.type: headless}): the
   * published ports get no Service of their own; the headless Service named after the service
   * already lists them.
   */
  static boolean isHeadless(ServiceConfig service) {
    return service.kubernetes() != null && "Headless".equals(service.kubernetes().expose());
  }

  /** {@code x-kubernetes.expose} of the service, else the project's {@code spec.exposure}. */
  static Exposure exposure(
      ServiceConfig service, ComposeModel model, String path, ProjectOptions options) {
    if (service.kubernetes() == null || service.kubernetes().expose() == null) {
      return options.exposure();
    }
    String value = service.kubernetes().expose();
    for (Exposure exposure : Exposure.values()) {
      if (exposure.name().equals(value)) {
        return exposure;
      }
    }
    throw new ComposeException(
        model.sourceFile(),
        path + ".x-kubernetes.expose",
        "\""
            + value
            + "\" is not a Service type for published ports (expected one of "
            + Arrays.stream(Exposure.values()).map(Enum::name).collect(Collectors.joining(", "))
            + ")");
  }

  /**
   * The extra DNS names of a service, as valid Service names other than its own, sorted. Compose
   * names that are not valid Service names are mapped by {@link Names#sanitize} with a warning, or
   * skipped with a warning when even that gives no valid name.
   */
  static List<String> extraNames(
      ServiceConfig service, String serviceName, ComposeModel model, Warnings warnings) {
    // extra name as written → the path that declares it (first declaration wins)
    Map<String, String> declared = new LinkedHashMap<>();
    networkAliases(service, model, declared, warnings);
    linkAliases(service, model, declared, warnings);
    if (service.dns().containerName() != null) {
      declared.putIfAbsent(
          service.dns().containerName(), "services." + service.name() + ".container_name");
    }
    SortedMap<String, String> names = new TreeMap<>();
    declared.forEach(
        (name, namePath) -> {
          String mapped = Names.sanitize(name);
          if (!Names.isDns1035Label(mapped)) {
            warnings.add(
                namePath,
                "\"" + name + "\" cannot be a Kubernetes Service name; this name will not resolve");
          } else if (!mapped.equals(serviceName)
              && names.putIfAbsent(mapped, name) == null
              && !mapped.equals(name)) {
            warnings.add(
                namePath,
                "\"" + name + "\" is not a valid Service name; it resolves as \"" + mapped + "\"");
          }
        });
    return List.copyOf(names.keySet());
  }

  /** {@code networks.<n>.aliases}: Kubernetes DNS is namespace-wide, so no per-network scope. */
  private static void networkAliases(
      ServiceConfig service, ComposeModel model, Map<String, String> declared, Warnings warnings) {
    String path = "services." + service.name();
    boolean manyNetworks = model.networks().size() > 1;
    for (Map.Entry<String, ServiceNetworkConfig> network : service.networks().entrySet()) {
      String aliasPath = path + ".networks." + network.getKey() + ".aliases";
      for (String alias : network.getValue().aliases()) {
        declared.putIfAbsent(alias, aliasPath);
        if (manyNetworks) {
          warnings.add(
              aliasPath,
              "alias \""
                  + alias
                  + "\" resolves on every network of the project, not only on "
                  + network.getKey());
        }
      }
      fixedAddressWarnings(network.getKey(), network.getValue(), path, warnings);
    }
  }

  /**
   * {@code links: ["db:database"]} on another service: {@code database} resolves to this service,
   * for every service (Compose scopes it to the linking service).
   */
  private static void linkAliases(
      ServiceConfig service, ComposeModel model, Map<String, String> declared, Warnings warnings) {
    for (ServiceConfig other : model.services().values()) {
      String alias = other.links().get(service.name());
      if (alias != null && !alias.equals(service.name())) {
        String linkPath = "services." + other.name() + ".links";
        declared.putIfAbsent(alias, linkPath);
        warnings.add(
            linkPath,
            "link alias \""
                + alias
                + "\" for "
                + service.name()
                + " resolves for every service of the project, not only for "
                + other.name());
      }
    }
  }

  private static void fixedAddressWarnings(
      String network, ServiceNetworkConfig config, String path, Warnings warnings) {
    String networkPath = path + ".networks." + network;
    if (config.ipv4Address() != null) {
      warnings.add(
          networkPath + ".ipv4_address",
          "fixed addresses are not supported: pods get addresses from the cluster; use the"
              + " service name");
    }
    if (config.ipv6Address() != null) {
      warnings.add(
          networkPath + ".ipv6_address",
          "fixed addresses are not supported: pods get addresses from the cluster; use the"
              + " service name");
    }
  }
}
