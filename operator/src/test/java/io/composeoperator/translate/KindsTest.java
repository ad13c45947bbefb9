package io.composeoperator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KindsTest {

  @Test
  void goldenCasesProduceExactlyTheOwnedKinds() throws IOException {
    Set<String> produced = new TreeSet<>();
    for (String name : GoldenFileTest.cases().toList()) {
      Path dir = GoldenFileTest.goldenDir().resolve(name);
      if (Files.exists(dir.resolve("error.txt"))) {
        continue; // a case whose expected output is an error produces no objects
      }
      GoldenFileTest.Input input = GoldenFileTest.input(name, dir);
      Renderer.render(input.source(), input.options()).objects().stream()
          .map(HasMetadata::getKind)
          .forEach(produced::add);
    }
    List<String> owned = Kinds.OWNED.stream().map(HasMetadata::getKind).toList();

    assertThat(produced)
        .as(
            "every kind a translation produces is watched and pruned, and every owned kind is produced")
        .containsExactlyInAnyOrderElementsOf(owned);
  }

  @Test
  void kindOrderIsTheOwnedKindsInOrder() {
    assertThat(ProjectTranslator.KIND_ORDER)
        .containsExactly(
            "ConfigMap",
            "PersistentVolumeClaim",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "Service",
            "NetworkPolicy",
            "Ingress",
            "HTTPRoute",
            "Job",
            "Deployment",
            "DaemonSet");
  }
}
