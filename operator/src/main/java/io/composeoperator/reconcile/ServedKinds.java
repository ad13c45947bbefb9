package io.composeoperator.reconcile;

import io.composeoperator.translate.Kinds;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kinds of {@link Kinds#OWNED} that the API server serves, found once by API discovery when the
 * operator starts: every built-in kind, and each optional kind ({@link Kinds#OPTIONAL}: the Gateway
 * API's HTTPRoute) whose CustomResourceDefinition is installed. The operator watches, plans and
 * prunes only these, so a cluster without the Gateway API still runs every project (an informer for
 * a kind the server does not serve would never sync, and the operator would not start). A project
 * that asks for an object of a missing kind gets its other objects and a {@code MissingCRD}
 * condition naming the CRD. A CRD installed later is seen after the operator restarts (informers
 * are registered once, when the operator starts).
 *
 * @param kinds the served kinds, in {@link Kinds#OWNED}'s order
 * @param missing the optional kinds the server does not serve
 */
public record ServedKinds(
    List<Class<? extends HasMetadata>> kinds, Set<Class<? extends HasMetadata>> missing) {
  private static final Logger LOG = LoggerFactory.getLogger(ServedKinds.class);

  public ServedKinds {
    kinds = List.copyOf(kinds);
    missing = Set.copyOf(missing);
  }

  /** Asks the API server which optional kinds it serves ({@code GET /apis/<group>/<version>}). */
  public static ServedKinds discover(KubernetesClient client) {
    List<Class<? extends HasMetadata>> served = new ArrayList<>();
    List<Class<? extends HasMetadata>> missing = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : Kinds.OWNED) {
      if (!Kinds.OPTIONAL.containsKey(kind) || isServed(client, kind)) {
        served.add(kind);
      } else {
        missing.add(kind);
        LOG.warn(
            "the API server does not serve {} ({}): the CRD {} is not installed, so {} objects are"
                + " not watched or applied; install it and restart the operator to use them",
            HasMetadata.getKind(kind),
            HasMetadata.getApiVersion(kind),
            Kinds.crdName(kind),
            HasMetadata.getKind(kind));
      }
    }
    return new ServedKinds(served, Set.copyOf(missing));
  }

  /** Every owned kind, as on a cluster with every optional CRD installed. */
  public static ServedKinds all() {
    return new ServedKinds(Kinds.OWNED, Set.of());
  }

  private static boolean isServed(KubernetesClient client, Class<? extends HasMetadata> kind) {
    APIResourceList resources;
    try {
      resources = client.getApiResources(HasMetadata.getApiVersion(kind));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
    String plural = HasMetadata.getPlural(kind);
    return resources != null
        && resources.getResources().stream().anyMatch(r -> plural.equals(r.getName()));
  }

  /** Whether the server serves {@code object}'s kind. */
  public boolean serves(HasMetadata object) {
    return missing.stream().noneMatch(kind -> kind.isInstance(object));
  }

  /**
   * Why the objects of a missing kind among {@code desired} are not applied, one message per kind
   * (sorted); empty when every desired object is served.
   */
  public List<String> problems(List<HasMetadata> desired) {
    List<String> problems = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : Kinds.OWNED) {
      if (!missing.contains(kind)) {
        continue;
      }
      List<String> names =
          desired.stream()
              .filter(kind::isInstance)
              .map(o -> o.getMetadata().getName())
              .sorted()
              .toList();
      if (!names.isEmpty()) {
        problems.add(
            HasMetadata.getKind(kind)
                + " "
                + String.join(", ", names)
                + " not applied: the cluster does not serve "
                + HasMetadata.getApiVersion(kind)
                + " "
                + HasMetadata.getKind(kind)
                + " (the CRD "
                + Kinds.crdName(kind)
                + " is not installed); "
                + Kinds.OPTIONAL.get(kind));
      }
    }
    return problems;
  }
}
