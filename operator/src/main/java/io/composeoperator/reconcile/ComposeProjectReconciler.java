package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectStatus;
import io.composeoperator.api.v1alpha1.SecurityProfile;
import io.composeoperator.api.v1alpha1.VolumeRetention;
import io.composeoperator.compose.ComposeException;
import io.composeoperator.translate.ProjectOptions;
import io.composeoperator.translate.SpecOptions;
import io.composeoperator.translate.Translation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a ComposeProject: validate ({@link ComposeProjectValidator}) → observe (caches) → load
 * + translate ({@link RenderFunction}) → plan ({@link Planner}) → apply ({@link Applier}, {@link
 * Pruner}) → status ({@link StatusCalculator}). Invalid input changes nothing that runs; it is
 * reported in status and in an Event.
 */
@ControllerConfiguration(
    fieldManager = ManagedFields.FIELD_MANAGER,
    // Changes to watched objects trigger a reconcile at once; this bounds how long a change nobody
    // watches (an unlabelled ConfigMap or Secret that the spec references) waits for the next one.
    // JOSDK's default is 10 hours.
    maxReconciliationInterval =
        @MaxReconciliationInterval(
            interval = ComposeProjectReconciler.MAX_INTERVAL_MINUTES,
            timeUnit = TimeUnit.MINUTES))
public class ComposeProjectReconciler implements Reconciler<ComposeProject> {
  /** The longest time between two reconciles of a project, in minutes. */
  public static final long MAX_INTERVAL_MINUTES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ComposeProjectReconciler.class);

  private final RenderFunction renderer;
  private final OperatorSettings settings;
  private final ServedKinds served;
  private final Applier applier;
  private final Pruner pruner;
  private final ProjectEvents events;
  private final Clock clock;

  public ComposeProjectReconciler(
      RenderFunction renderer,
      OperatorSettings settings,
      ServedKinds served,
      Applier applier,
      Pruner pruner,
      EventPublisher events,
      Clock clock) {
    this.renderer = renderer;
    this.settings = settings;
    this.served = served;
    this.applier = applier;
    this.pruner = pruner;
    this.events = new ProjectEvents(events);
    this.clock = clock;
  }

  /** How soon a project whose ConfigMap or Secret reference is missing is looked at again. */
  static final java.time.Duration MISSING_REFERENCE_RETRY = java.time.Duration.ofSeconds(15);

  @Override
  public List<EventSource<?, ComposeProject>> prepareEventSources(
      EventSourceContext<ComposeProject> context) {
    return CacheObserver.eventSources(context, served);
  }

  @Override
  public UpdateControl<ComposeProject> reconcile(
      ComposeProject project, Context<ComposeProject> context) {
    String name = project.getMetadata().getName();
    References references = CacheObserver.references(context, context.getClient(), project);
    Outcome outcome;
    int written = 0;
    List<String> pruned = List.of();
    Translation translation = null;
    boolean waitingForReference = false;
    Optional<ComposeProjectValidator.Refusal> refusal =
        ComposeProjectValidator.validate(project, settings.maxSecurityProfile());
    try {
      if (refusal.isPresent()) {
        outcome = Outcome.refused(refusal.get().reason(), refusal.get().message());
      } else {
        translation = render(project, references);
        // objects of a kind the cluster does not serve (no CRD) are left out and reported
        List<HasMetadata> desired = translation.objects().stream().filter(served::serves).toList();
        Plan plan =
            Planner.plan(
                desired, CacheObserver.labelled(context, served), project, retention(project));
        ApplyResult result = applier.apply(plan, project);
        written = result.written();
        pruned = pruner.prune(plan.prune());
        List<String> problems = new ArrayList<>(plan.problems());
        problems.addAll(result.problems());
        List<String> conflicts = new ArrayList<>(plan.conflicts());
        conflicts.addAll(result.conflicts());
        conflicts.sort(null);
        outcome =
            Outcome.applied(translation, conflicts, problems)
                .withMissingKinds(served.problems(translation.objects()));
      }
    } catch (ComposeException e) {
      outcome = Outcome.refused(reason(e), e.getMessage());
      waitingForReference = e.kind() == ComposeException.Kind.MISSING_SECRET;
    } catch (MissingReference e) {
      outcome = Outcome.refused(e.reason(), e.getMessage());
      // an unlabelled ConfigMap or Secret is not watched: look again soon rather than at the
      // longest reconcile interval, so that creating it is picked up quickly
      waitingForReference = true;
    }
    Observed observed =
        new Observed(
            CacheObserver.owned(context, project, served),
            CacheObserver.pods(context),
            missingSecrets(translation, references));
    long generation = Objects.requireNonNullElse(project.getMetadata().getGeneration(), 0L);
    ComposeProjectStatus status =
        StatusCalculator.calculate(project.getStatus(), generation, outcome, observed, clock);
    events.announce(project, status, written, pruned);
    UpdateControl<ComposeProject> control;
    if (status.equals(project.getStatus())) {
      control = UpdateControl.noUpdate();
    } else {
      LOG.debug("status of {}/{} changed", project.getMetadata().getNamespace(), name);
      control = UpdateControl.patchStatus(statusPatch(project, status));
    }
    return waitingForReference ? control.rescheduleAfter(MISSING_REFERENCE_RETRY) : control;
  }

  /**
   * An unexpected failure (the API server unreachable, a bug) goes to JOSDK's retry with backoff;
   * it is logged and counted in the reconcile metrics. Status keeps the last known conditions, so a
   * passing outage does not flip Ready.
   */
  @Override
  public ErrorStatusUpdateControl<ComposeProject> updateErrorStatus(
      ComposeProject project, Context<ComposeProject> context, Exception e) {
    LOG.warn(
        "reconcile of {}/{} failed: {}",
        project.getMetadata().getNamespace(),
        project.getMetadata().getName(),
        e.toString());
    LOG.debug("reconcile failure", e);
    long generation = Objects.requireNonNullElse(project.getMetadata().getGeneration(), 0L);
    Observed observed =
        new Observed(
            CacheObserver.owned(context, project, served),
            CacheObserver.pods(context),
            new TreeSet<>());
    ComposeProjectStatus status =
        StatusCalculator.calculate(
            project.getStatus(),
            generation,
            Outcome.refused(Reasons.RECONCILE_ERROR, errorMessage(e)),
            observed,
            clock);
    if (status.equals(project.getStatus())) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    return ErrorStatusUpdateControl.patchStatus(statusPatch(project, status));
  }

  /** The failure for the condition message: the exception's own words, bounded in length. */
  private static String errorMessage(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = "the operator failed and retries: " + message;
    return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
  }

  /** Loads and translates a project that {@link ComposeProjectValidator} accepted. */
  private Translation render(ComposeProject project, References references) {
    ProjectOptions options =
        SpecOptions.from(
            project.getMetadata().getName(),
            project.getMetadata().getNamespace(),
            project.getSpec(),
            settings.waitImage());
    SecurityProfile profile =
        ComposeProjectValidator.effectiveProfile(project.getSpec(), settings.maxSecurityProfile());
    return renderer.render(
        InputResolver.resolve(project, references), options.withSecurityProfile(profile));
  }

  private static String reason(ComposeException e) {
    return switch (e.kind()) {
      case FORBIDDEN -> Reasons.FORBIDDEN;
      case MISSING_SECRET -> Reasons.WAITING_FOR_SECRET;
      case INVALID -> Reasons.INVALID_COMPOSE;
    };
  }

  private static VolumeRetention retention(ComposeProject project) {
    VolumeRetention retention =
        project.getSpec() == null ? null : project.getSpec().getVolumeRetention();
    return retention == null ? VolumeRetention.Retain : retention;
  }

  private static TreeSet<String> missingSecrets(Translation translation, References references) {
    TreeSet<String> missing = new TreeSet<>();
    if (translation != null) {
      for (String secret : translation.requiredSecrets()) {
        if (references.secret(secret).isEmpty()) {
          missing.add(secret);
        }
      }
    }
    return missing;
  }

  private static ComposeProject statusPatch(ComposeProject project, ComposeProjectStatus status) {
    ComposeProject patch = new ComposeProject();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(project.getMetadata().getName())
            .withNamespace(project.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
