package io.composeoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Compose project that the operator runs and keeps running in its namespace. */
@Group(ComposeProject.GROUP)
@Version(ComposeProject.VERSION)
@Plural("composeprojects")
@Singular("composeproject")
@ShortNames("cproj")
// The CRD generator orders printer columns by jsonPath (case-insensitive), not by annotation
// order. kubectl shows them in CRD order, and we want Services, Ready, Age: the recursive-descent
// paths ("..x") sort before ".metadata" and find the same single value (only the status has a
// servicesReady, and only the top-level status has conditions); CrdTest checks the order.
@AdditionalPrinterColumn(
    name = "Services",
    jsonPath = "..servicesReady",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = "..status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ComposeProject extends CustomResource<ComposeProjectSpec, ComposeProjectStatus>
    implements Namespaced {
  public static final String GROUP = "composeoperator.io";
  public static final String VERSION = "v1alpha1";
  private static final long serialVersionUID = 1L;
}
