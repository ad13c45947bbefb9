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
@AdditionalPrinterColumn(
    name = "Services",
    jsonPath = ".status.servicesReady",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
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
