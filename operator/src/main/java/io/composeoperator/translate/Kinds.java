package io.composeoperator.translate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;

/**
 * The one list of the kinds a translation produces, in the order they are written and applied. The
 * translation sorts its objects by it and the reconciler watches, plans and prunes exactly these
 * kinds: a kind the translation emits but the reconciler does not watch would be created on every
 * reconcile and never pruned, so both read this list.
 */
public final class Kinds {
  /**
   * Every kind the operator creates, in the translation's order: what others refer to comes first
   * (configuration, claims, the wait containers' RBAC), the workloads last.
   */
  public static final List<Class<? extends HasMetadata>> OWNED =
      List.of(
          ConfigMap.class,
          PersistentVolumeClaim.class,
          ServiceAccount.class,
          Role.class,
          RoleBinding.class,
          Service.class,
          NetworkPolicy.class,
          Ingress.class,
          HTTPRoute.class,
          Job.class,
          Deployment.class,
          DaemonSet.class);

  /**
   * The owned kinds a cluster may not serve: they come from a CustomResourceDefinition that is not
   * part of Kubernetes (the Gateway API's HTTPRoute). The operator watches one only when the API
   * server serves it at start-up; a project asking for one in a cluster without it gets its other
   * objects and a condition naming the CRD (ARCHITECTURE.md, "Decisions and their reasons"). Each
   * maps to what that condition tells the user to do.
   */
  public static final Map<Class<? extends HasMetadata>, String> OPTIONAL =
      Map.of(
          HTTPRoute.class,
          "install the Gateway API's CRDs (https://gateway-api.sigs.k8s.io/guides/#installing-gateway-api)"
              + " and restart compose-operator, or route with x-kubernetes.ingress instead");

  /**
   * The name of the CustomResourceDefinition that serves {@code kind}: {@code
   * httproutes.gateway.networking.k8s.io}.
   */
  public static String crdName(Class<? extends HasMetadata> kind) {
    return HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind);
  }

  private Kinds() {}
}
