package io.composeoperator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in CRDs must equal the generated one. Refresh both with: {@code mvn -B -pl operator
 * process-classes && cp
 * operator/target/classes/META-INF/fabric8/composeprojects.composeoperator.io-v1.yml crds/ && cp
 * crds/composeprojects.composeoperator.io-v1.yml helm/compose-operator/crds/}.
 */
class CrdDriftTest {
  static final String FILE = "composeprojects.composeoperator.io-v1.yml";
  static final String REFRESH =
      "refresh with: mvn -B -pl operator process-classes && cp operator/target/classes/META-INF/"
          + "fabric8/"
          + FILE
          + " crds/ && cp crds/"
          + FILE
          + " helm/compose-operator/crds/";

  static Path root() {
    return Path.of(System.getProperty("project.root", ".."));
  }

  static String generated() throws IOException {
    Path path = Path.of("target/classes/META-INF/fabric8/" + FILE);
    if (!Files.exists(path)) {
      path = root().resolve("operator/target/classes/META-INF/fabric8/" + FILE);
    }
    return Files.readString(path);
  }

  @Test
  void checkedInCrdEqualsGenerated() throws IOException {
    String checkedIn = Files.readString(root().resolve("crds/" + FILE));
    assertThat(checkedIn)
        .as("crds/" + FILE + " differs from the generated CRD; " + REFRESH)
        .isEqualTo(generated());
  }

  @Test
  void helmChartCrdEqualsGenerated() throws IOException {
    Path helm = root().resolve("helm/compose-operator/crds/" + FILE);
    assertThat(helm).as("the Helm chart ships the CRD").exists();
    assertThat(Files.readString(helm))
        .as("helm/compose-operator/crds/" + FILE + " differs from the generated CRD; " + REFRESH)
        .isEqualTo(generated());
  }

  @Test
  void printerColumnsAreServicesReadyAge() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(generated(), CustomResourceDefinition.class);
    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Services", "Ready", "Age");
  }

  @Test
  void specDefaultsAndShortNameAreDeclared() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(generated(), CustomResourceDefinition.class);
    var spec =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("cproj");
    assertThat(spec.getProperties().get("volumeRetention").getDefault().asText())
        .isEqualTo("Retain");
    assertThat(spec.getProperties().get("securityProfile").getEnum())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("\"restricted\"", "\"baseline\"", "\"privileged\"");
    assertThat(spec.getXKubernetesValidations()).isNotEmpty();
    assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
  }
}
