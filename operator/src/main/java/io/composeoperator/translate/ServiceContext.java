package io.composeoperator.translate;

import io.composeoperator.compose.ComposeException;
import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.ServiceConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a pod-level concern needs to translate one service: the model, the service, its object
 * name, the object names of every service, the options and the warnings collector.
 *
 * @param model the whole Compose model
 * @param service the service being translated
 * @param objectName the service's object name ({@link Names#serviceName})
 * @param serviceNames Compose service name → object name, for every enabled service
 * @param options the project options
 * @param warnings the warnings collector
 * @param requiredSecrets collects the names of the Secrets the pod mounts or references
 * @param podServices Compose service name → the {@code composeoperator.io/service} label of the
 *     pods it runs in: its own object name, or the object name of the service whose pod it shares
 *     ({@link PodGroups})
 * @param bindMounts the project's bind mounts, for deciding what each becomes ({@link BindMounts})
 */
record ServiceContext(
    ComposeModel model,
    ServiceConfig service,
    String objectName,
    Map<String, String> serviceNames,
    ProjectOptions options,
    Warnings warnings,
    Set<String> requiredSecrets,
    Map<String, String> podServices,
    BindMounts.Index bindMounts) {

  /** A context for a service alone in its project (tests). */
  static ServiceContext of(ComposeModel model, ServiceConfig service, ProjectOptions options) {
    Map<String, String> names = new java.util.TreeMap<>();
    for (String name : model.services().keySet()) {
      names.put(name, Names.sanitize(name));
    }
    names.put(service.name(), Names.sanitize(service.name()));
    return new ServiceContext(
        model,
        service,
        Names.sanitize(service.name()),
        names,
        options,
        new Warnings(),
        new TreeSet<>(),
        names,
        BindMounts.Index.of(model));
  }

  /** The service label of the pods that the Compose service {@code composeName} runs in. */
  String podService(String composeName) {
    return podServices.get(composeName);
  }

  /** The Compose file's name, for errors. */
  String file() {
    return model.sourceFile();
  }

  /** The project name. */
  String project() {
    return options.name();
  }

  /** The YAML path of a key of this service: {@code services.web.healthcheck}. */
  String path(String key) {
    return "services." + service.name() + (key.isEmpty() ? "" : "." + key);
  }

  /** Records a warning about a key of this service. */
  void warn(String key, String message) {
    warnings.add(path(key), message);
  }

  /** An error about a key of this service. */
  ComposeException error(String key, String problem) {
    return new ComposeException(file(), path(key), problem);
  }
}
