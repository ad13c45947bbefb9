package io.composeoperator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the caches show of a project after applying: its objects, its pods, and the Secrets its pods
 * need that do not exist.
 *
 * @param owned the project's own objects ({@link Ownership})
 * @param pods pods labelled with the project
 * @param missingSecrets names of required Secrets that were not found
 */
public record Observed(List<HasMetadata> owned, List<Pod> pods, SortedSet<String> missingSecrets) {
  public Observed {
    owned = List.copyOf(owned);
    pods = List.copyOf(pods);
    missingSecrets = Collections.unmodifiableSortedSet(new TreeSet<>(missingSecrets));
  }
}
