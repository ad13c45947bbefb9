package io.composeoperator.compose.model;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's labels and annotations, the keys {@code translate/Workloads} reads (they become the
 * workload's annotations). Never null; each map sorted.
 *
 * @param labels {@code labels} (list or map form) over {@code label_file} entries
 * @param deployLabels {@code deploy.labels}
 * @param annotations {@code annotations}
 */
public record MetadataConfig(
    SortedMap<String, String> labels,
    SortedMap<String, String> deployLabels,
    SortedMap<String, String> annotations) {

  /** No labels and no annotations. */
  public static final MetadataConfig NONE = new MetadataConfig(null, null, null);

  public MetadataConfig {
    labels = ComposeModel.frozen(labels == null ? new TreeMap<>() : labels);
    deployLabels = ComposeModel.frozen(deployLabels == null ? new TreeMap<>() : deployLabels);
    annotations = ComposeModel.frozen(annotations == null ? new TreeMap<>() : annotations);
  }

  /** This metadata with {@code labels} replaced. */
  public MetadataConfig withLabels(SortedMap<String, String> value) {
    return new MetadataConfig(value, deployLabels, annotations);
  }

  /** This metadata with {@code deploy.labels} replaced. */
  public MetadataConfig withDeployLabels(SortedMap<String, String> value) {
    return new MetadataConfig(labels, value, annotations);
  }

  /** This metadata with {@code annotations} replaced. */
  public MetadataConfig withAnnotations(SortedMap<String, String> value) {
    return new MetadataConfig(labels, deployLabels, value);
  }
}
