package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProjectStatus;
import io.composeoperator.api.v1alpha1.ServiceStatus;
import io.composeoperator.compose.Warning;
import io.composeoperator.translate.Translation.ServiceSummary;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a ComposeProject's status from how the reconcile went and what the caches show: a pure
 * function. Messages are deterministic (sorted, no timestamps, no pod names), so an unchanged state
 * yields an equal status and no write.
 */
public final class StatusCalculator {
  private StatusCalculator() {}

  public static ComposeProjectStatus calculate(
      ComposeProjectStatus previous,
      long generation,
      Outcome outcome,
      Observed observed,
      Clock clock) {
    ComposeProjectStatus before = previous == null ? new ComposeProjectStatus() : previous;
    ComposeProjectStatus status = new ComposeProjectStatus();
    status.setObservedGeneration(generation);
    List<ServiceStatus> services;
    if (outcome.translation() == null) {
      services = before.getServices();
      status.setWarnings(before.getWarnings());
    } else {
      services = new ArrayList<>();
      for (ServiceSummary summary : outcome.translation().services()) {
        services.add(ServiceReadiness.of(summary, observed));
      }
      status.setWarnings(outcome.translation().warnings().stream().map(Warning::toString).toList());
    }
    status.setServices(services);
    long ready = services.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
    status.setServicesReady(ready + "/" + services.size());
    status.setConditions(
        List.of(
            reconciled(outcome, before, generation, clock),
            ready(outcome, services, ready, observed, before, generation, clock)));
    return status;
  }

  private static Condition reconciled(
      Outcome outcome, ComposeProjectStatus before, long generation, Clock clock) {
    Optional<Condition> previous = Conditions.find(before.getConditions(), Conditions.RECONCILED);
    Optional<Refusal> refusal = Refusal.of(outcome);
    if (refusal.isPresent()) {
      return Conditions.condition(
          Conditions.RECONCILED,
          false,
          refusal.get().reason(),
          refusal.get().message(),
          generation,
          previous,
          clock);
    }
    if (!outcome.problems().isEmpty() || !outcome.missingKinds().isEmpty()) {
      // an immutable field asks the user to act on an object; a missing CRD on the cluster
      List<String> messages = new ArrayList<>(outcome.problems());
      messages.addAll(outcome.missingKinds());
      return Conditions.condition(
          Conditions.RECONCILED,
          false,
          outcome.problems().isEmpty() ? Reasons.MISSING_CRD : Reasons.IMMUTABLE_FIELD,
          String.join("; ", messages),
          generation,
          previous,
          clock);
    }
    int objects = outcome.translation().objects().size();
    return Conditions.condition(
        Conditions.RECONCILED,
        true,
        Reasons.APPLIED,
        objects + " objects applied",
        generation,
        previous,
        clock);
  }

  private static Condition ready(
      Outcome outcome,
      List<ServiceStatus> services,
      long ready,
      Observed observed,
      ComposeProjectStatus before,
      long generation,
      Clock clock) {
    Optional<Condition> previous = Conditions.find(before.getConditions(), Conditions.READY);
    Optional<Refusal> refusal = Refusal.of(outcome);
    if (refusal.isPresent()) {
      return Conditions.condition(
          Conditions.READY,
          false,
          refusal.get().reason(),
          refusal.get().message(),
          generation,
          previous,
          clock);
    }
    String count = ready + "/" + services.size() + " services ready";
    List<ServiceStatus> waiting =
        services.stream().filter(s -> !Boolean.TRUE.equals(s.getReady())).toList();
    if (waiting.isEmpty() && observed.missingSecrets().isEmpty()) {
      return Conditions.condition(
          Conditions.READY, true, Reasons.SERVICES_READY, count, generation, previous, clock);
    }
    String reason = Reasons.SERVICES_NOT_READY;
    StringBuilder message = new StringBuilder(count);
    if (!observed.missingSecrets().isEmpty()) {
      reason = Reasons.WAITING_FOR_SECRET;
      message
          .append("; waiting for Secret ")
          .append(String.join(", ", observed.missingSecrets()))
          .append(" (not found)");
    }
    if (!waiting.isEmpty()) {
      message.append("; waiting for ");
      List<String> parts = new ArrayList<>();
      for (ServiceStatus service : waiting) {
        String blocking = ServiceReadiness.blockingReason(service);
        if (blocking != null && reason.equals(Reasons.SERVICES_NOT_READY)) {
          reason = blocking;
        }
        parts.add(
            service.getMessage() == null || blocking == null
                ? service.getName()
                : service.getName() + " (" + service.getMessage() + ")");
      }
      message.append(String.join(", ", parts));
    }
    return Conditions.condition(
        Conditions.READY, false, reason, message.toString(), generation, previous, clock);
  }

  /**
   * Why the current spec is refused, or partly refused by a conflict: both Reconciled and Ready say
   * so, since nothing of the current generation can be ready then.
   */
  private record Refusal(String reason, String message) {
    static Optional<Refusal> of(Outcome outcome) {
      if (outcome.refused()) {
        return Optional.of(new Refusal(outcome.failureReason(), outcome.failureMessage()));
      }
      if (!outcome.conflicts().isEmpty()) {
        return Optional.of(new Refusal(Reasons.CONFLICT, String.join("; ", outcome.conflicts())));
      }
      return Optional.empty();
    }
  }
}
