package io.composeoperator.translate;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every label and annotation key the operator writes, and the label sets built from them. The
 * workload selector uses only the two operator labels, because selectors are immutable.
 */
public final class Labels {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String PROJECT = "composeoperator.io/project";
  public static final String SERVICE = "composeoperator.io/service";

  /** The value of {@link #MANAGED_BY}. */
  public static final String MANAGER = "compose-operator";

  /** Annotation: the Compose service(s) an object was made for, as written ({@link Provenance}). */
  public static final String COMPOSE_SERVICE = "composeoperator.io/compose-service";

  /**
   * Annotation: the Compose file that declares what an object was made for ({@link Provenance}).
   */
  public static final String COMPOSE_FILE = "composeoperator.io/compose-file";

  /** Pod-template annotation: hash of the mounted files and configs, so a change rolls pods. */
  public static final String CONFIG_HASH = "composeoperator.io/config-hash";

  private Labels() {}

  /** Labels of a service's objects (workload, pod template, Services). */
  public static SortedMap<String, String> forService(String project, String service) {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put(NAME, service);
    labels.put(MANAGED_BY, MANAGER);
    labels.put(PART_OF, project);
    labels.put(PROJECT, project);
    labels.put(SERVICE, service);
    return Collections.unmodifiableSortedMap(labels);
  }

  /** Labels of a project-wide object (a shared claim, a NetworkPolicy, the wait RBAC). */
  public static SortedMap<String, String> forProjectObject(String project, String objectName) {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put(NAME, objectName);
    labels.put(MANAGED_BY, MANAGER);
    labels.put(PART_OF, project);
    labels.put(PROJECT, project);
    return Collections.unmodifiableSortedMap(labels);
  }

  /** The selector of a service's pods: the two operator labels only. */
  public static SortedMap<String, String> selector(String project, String service) {
    return Collections.unmodifiableSortedMap(
        new TreeMap<>(Map.of(PROJECT, project, SERVICE, service)));
  }

  /** Selects every object of a project. */
  public static Map<String, String> projectSelector(String project) {
    return Map.of(PROJECT, project);
  }
}
