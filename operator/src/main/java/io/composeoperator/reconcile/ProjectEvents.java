package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.composeoperator.api.v1alpha1.ComposeProjectStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Events a reconcile deserves: {@code Applied} when objects were written, {@code
 * Pruned} when objects were deleted, and a Warning with the Reconciled reason when it turns False
 * or its message changes. A reconcile that changes nothing announces nothing.
 */
final class ProjectEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectEvents.class);

  private final EventPublisher publisher;

  ProjectEvents(EventPublisher publisher) {
    this.publisher = publisher;
  }

  void announce(
      ComposeProject project, ComposeProjectStatus status, int written, List<String> pruned) {
    String name = project.getMetadata().getNamespace() + "/" + project.getMetadata().getName();
    if (written > 0) {
      LOG.info("project {}: applied {} objects", name, written);
      publisher.publish(
          project, EventPublisher.NORMAL, Reasons.APPLIED, "applied " + written + " objects");
    }
    if (!pruned.isEmpty()) {
      LOG.info("project {}: pruned {}", name, pruned);
      publisher.publish(
          project, EventPublisher.NORMAL, Reasons.PRUNED, "pruned " + String.join(", ", pruned));
    }
    Condition now = Conditions.find(status.getConditions(), Conditions.RECONCILED).orElseThrow();
    Optional<Condition> before =
        project.getStatus() == null
            ? Optional.empty()
            : Conditions.find(project.getStatus().getConditions(), Conditions.RECONCILED);
    boolean changed =
        before.isEmpty()
            || !Objects.equals(before.get().getReason(), now.getReason())
            || !Objects.equals(before.get().getMessage(), now.getMessage());
    if ("False".equals(now.getStatus()) && changed) {
      LOG.info("project {}: {}", name, now.getReason());
      publisher.publish(project, EventPublisher.WARNING, now.getReason(), now.getMessage());
    }
    Optional<Condition> readyBefore =
        project.getStatus() == null
            ? Optional.empty()
            : Conditions.find(project.getStatus().getConditions(), Conditions.READY);
    Condition ready = Conditions.find(status.getConditions(), Conditions.READY).orElseThrow();
    if (readyBefore.isPresent() && !readyBefore.get().getStatus().equals(ready.getStatus())) {
      LOG.info("project {}: Ready is now {} ({})", name, ready.getStatus(), ready.getReason());
    }
  }
}
