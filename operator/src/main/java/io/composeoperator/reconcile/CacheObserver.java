package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.translate.Kinds;
import io.composeoperator.translate.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observe step: informers for every kind the operator writes that the cluster serves ({@link
 * ServedKinds}), for pods, and for Secrets, all limited to objects labelled {@code
 * composeoperator.io/project} and mapped to the project named by that label. Referenced ConfigMaps
 * and Secrets are therefore seen (and their changes trigger a reconcile) only when they carry that
 * label; an unlabelled one is read with a single GET.
 */
public final class CacheObserver {
  /** Kinds the operator creates, in the translation's kind order ({@link Kinds#OWNED}). */
  public static final List<Class<? extends HasMetadata>> OWNED_KINDS = Kinds.OWNED;

  private CacheObserver() {}

  /** The event sources the reconciler registers: one informer per served kind. */
  public static List<EventSource<?, ComposeProject>> eventSources(
      EventSourceContext<ComposeProject> context, ServedKinds served) {
    List<EventSource<?, ComposeProject>> sources = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : served.kinds()) {
      sources.add(informer(kind, context));
    }
    sources.add(informer(Pod.class, context));
    sources.add(informer(Secret.class, context));
    return sources;
  }

  private static <R extends HasMetadata> InformerEventSource<R, ComposeProject> informer(
      Class<R> kind, EventSourceContext<ComposeProject> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(kind, ComposeProject.class)
            .withName(kind.getSimpleName())
            .withLabelSelector(Labels.PROJECT)
            .withSecondaryToPrimaryMapper(CacheObserver::project)
            .build(),
        context);
  }

  static Set<ResourceID> project(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    String project = labels == null ? null : labels.get(Labels.PROJECT);
    return project == null
        ? Set.of()
        : Set.of(new ResourceID(project, object.getMetadata().getNamespace()));
  }

  /**
   * Objects of the kinds we write that carry this project's label, sorted by kind and name. The
   * label proves nothing: users label their own ConfigMaps so that changes are noticed. {@link
   * #owned} keeps the project's own.
   */
  public static List<HasMetadata> labelled(Context<ComposeProject> context, ServedKinds served) {
    List<HasMetadata> labelled = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : served.kinds()) {
      labelled.addAll(context.getSecondaryResources(kind));
    }
    labelled.sort(Comparator.comparing(Planner::key));
    return labelled;
  }

  /** The project's own objects ({@link Ownership}), sorted by kind and name. */
  public static List<HasMetadata> owned(
      Context<ComposeProject> context, ComposeProject project, ServedKinds served) {
    return labelled(context, served).stream().filter(o -> Ownership.owns(project, o)).toList();
  }

  public static List<Pod> pods(Context<ComposeProject> context) {
    return context
        .getSecondaryResourcesAsStream(Pod.class)
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  /** ConfigMaps and Secrets by name: the labelled ones from the caches, others by one GET. */
  public static References references(
      Context<ComposeProject> context, KubernetesClient client, ComposeProject project) {
    String namespace = project.getMetadata().getNamespace();
    return new References() {
      @Override
      public Optional<ConfigMap> configMap(String name) {
        return cached(context, ConfigMap.class, name)
            .or(
                () ->
                    Optional.ofNullable(
                        client.configMaps().inNamespace(namespace).withName(name).get()));
      }

      @Override
      public Optional<Secret> secret(String name) {
        return cached(context, Secret.class, name)
            .or(
                () ->
                    Optional.ofNullable(
                        client.secrets().inNamespace(namespace).withName(name).get()));
      }
    };
  }

  private static <R extends HasMetadata> Optional<R> cached(
      Context<ComposeProject> context, Class<R> kind, String name) {
    return context
        .getSecondaryResourcesAsStream(kind)
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst();
  }
}
