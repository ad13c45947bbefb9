package io.composeoperator.reconcile;

import static io.composeoperator.reconcile.OperatorHarness.NAMESPACE;
import static io.composeoperator.reconcile.OperatorHarness.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Renderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Gateway API's HTTPRoute is an optional kind ({@link ServedKinds}): without its CRD the
 * operator starts, deploys every project, and tells a project that asks for an HTTPRoute what is
 * missing; with it, the HTTPRoute is applied and pruned like every owned kind.
 */
class OptionalKindsReconcileTest {
  static final String WITH_ROUTE =
      """
      services:
        web:
          image: nginx:1.27
          ports: ["8080:80"]
          x-kubernetes: {httpRoute: {parentRefs: public, hostnames: shop.example.com}}
      """;
  static final String WITHOUT_ROUTE =
      """
      services:
        web:
          image: nginx:1.27
          ports: ["8080:80"]
      """;

  OperatorHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  /** The HTTPRoute CRD, as much of it as the mock server needs to serve the kind. */
  static CustomResourceDefinition httpRouteCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName("httproutes.gateway.networking.k8s.io")
        .endMetadata()
        .withNewSpec()
        .withGroup("gateway.networking.k8s.io")
        .withScope("Namespaced")
        .withNewNames()
        .withKind("HTTPRoute")
        .withListKind("HTTPRouteList")
        .withPlural("httproutes")
        .withSingular("httproute")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  @Test
  void withoutTheCrdEveryProjectDeploysAndTheRouteIsReportedMissing() {
    harness = new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT);
    harness.client.resource(project("plain", WITHOUT_ROUTE.replace("web", "api"))).create();
    harness.client.resource(project("shop", WITH_ROUTE)).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(reconciled("shop")).isNotNull();
              assertThat(reconciled("shop").getReason()).isEqualTo(Reasons.MISSING_CRD);
              assertThat(reconciled("plain")).isNotNull();
              assertThat(reconciled("plain").getReason()).isEqualTo(Reasons.APPLIED);
            });
    harness.awaitQuiet();

    assertThat(reconciled("shop").getStatus()).isEqualTo("False");
    assertThat(reconciled("shop").getMessage())
        .isEqualTo(
            "HTTPRoute web not applied: the cluster does not serve gateway.networking.k8s.io/v1"
                + " HTTPRoute (the CRD httproutes.gateway.networking.k8s.io is not installed);"
                + " install the Gateway API's CRDs"
                + " (https://gateway-api.sigs.k8s.io/guides/#installing-gateway-api) and restart"
                + " compose-operator, or route with x-kubernetes.ingress instead");
    // the project's other objects are applied
    assertThat(get(Deployment.class, "web")).isNotNull();
    assertThat(get(Service.class, "web-published")).isNotNull();
    assertThat(get(Deployment.class, "api")).isNotNull();
    // a Warning Event says the same, once
    assertThat(
            harness.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> "shop".equals(e.getInvolvedObject().getName()))
                .filter(e -> Reasons.MISSING_CRD.equals(e.getReason())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage()).contains("httproutes.gateway.networking.k8s.io");
            });
    // the only request about HTTPRoutes was the discovery at start-up: no informer lists or
    // watches a kind the cluster does not serve, and no reconcile tries to write one
    assertThat(requestedPaths())
        .filteredOn(path -> path.contains("gateway.networking.k8s.io"))
        .containsOnly("/apis/gateway.networking.k8s.io/v1");
  }

  /** Every request the mock server received so far (taken from its queue). */
  private List<String> requestedPaths() {
    List<String> paths = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = harness.server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
        paths.add(request.getPath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return paths;
  }

  @Test
  void withTheCrdTheRouteIsAppliedAndPrunedWhenRemoved() {
    harness =
        new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT, List.of(httpRouteCrd()));
    harness.client.resource(project("shop", WITH_ROUTE)).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(reconciled("shop")).isNotNull();
              assertThat(reconciled("shop").getReason()).isEqualTo(Reasons.APPLIED);
              assertThat(get(HTTPRoute.class, "web")).isNotNull();
            });
    HTTPRoute route = get(HTTPRoute.class, "web");
    ComposeProject shop = harness.get("shop");
    assertThat(route.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getUid()).isEqualTo(shop.getMetadata().getUid()));
    assertThat(route.getSpec().getRules().get(0).getBackendRefs().get(0).getName())
        .isEqualTo("web-published");

    harness
        .client
        .resources(ComposeProject.class)
        .inNamespace(NAMESPACE)
        .withName("shop")
        .edit(
            p -> {
              p.getSpec().setCompose(WITHOUT_ROUTE);
              return p;
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get(HTTPRoute.class, "web")).isNull());
    assertThat(get(Deployment.class, "web")).isNotNull();
  }

  @Test
  void discoveryFindsTheCrdOnlyWhenItIsInstalled() {
    harness = new OperatorHarness(Renderer::render, OperatorSettings.DEFAULT);
    ServedKinds without = ServedKinds.discover(harness.client);
    assertThat(without.kinds()).doesNotContain(HTTPRoute.class);
    assertThat(without.missing()).containsExactly(HTTPRoute.class);

    harness
        .client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(httpRouteCrd())
        .create();
    ServedKinds with = ServedKinds.discover(harness.client);
    assertThat(with).isEqualTo(ServedKinds.all());
  }

  private Condition reconciled(String project) {
    ComposeProject p = harness.get(project);
    if (p == null || p.getStatus() == null) {
      return null;
    }
    return Conditions.find(p.getStatus().getConditions(), Conditions.RECONCILED).orElse(null);
  }

  private <T extends HasMetadata> T get(Class<T> kind, String name) {
    try {
      return harness.client.resources(kind).inNamespace(NAMESPACE).withName(name).get();
    } catch (KubernetesClientException e) {
      return null;
    }
  }
}
