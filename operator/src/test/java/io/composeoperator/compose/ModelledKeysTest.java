package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code ServiceNormalizer.MODELLED} (the keys that are not reported as unmodelled) is the union of
 * the key lists declared beside the code that reads each group; this test keeps those lists equal
 * to the keys the normalizer actually reads, so that a key cannot be read without being declared
 * (it would be warned about as unmodelled) nor declared without being read (it would be dropped
 * silently).
 */
class ModelledKeysTest {

  /** Read only to check its keys for typos; it stays unmodelled (and warned about). */
  private static final Set<String> READ_NOT_MODELLED = Set.of("logging");

  /** Carried by the model through the loader, which resolves it before normalizing. */
  private static final Set<String> RESOLVED_BEFORE = Set.of("extends");

  /** Read only to check its keys for typos; it stays unmodelled (and warned about). */
  private static final Set<String> DEPLOY_READ_NOT_MODELLED = Set.of("rollback_config");

  @Test
  void theModelledKeysAreExactlyTheKeysTheNormalizerReads() {
    Set<String> read = new TreeSet<>();
    LinkedHashMap<String, Object> service = recording(read);
    service.put("image", "nginx");
    normalize(service);

    read.removeIf(k -> k.startsWith("x-"));
    read.removeAll(READ_NOT_MODELLED);
    Set<String> declared = new TreeSet<>(ServiceNormalizer.MODELLED);
    declared.removeAll(RESOLVED_BEFORE);
    assertThat(read).isEqualTo(declared);
  }

  @Test
  void theModelledDeployKeysAreExactlyTheDeployKeysTheNormalizerReads() {
    Set<String> read = new TreeSet<>();
    LinkedHashMap<String, Object> deploy = recording(read);
    LinkedHashMap<String, Object> service = new LinkedHashMap<>();
    service.put("image", "nginx");
    service.put("deploy", deploy);
    normalize(service);

    read.removeIf(k -> k.startsWith("x-"));
    read.removeAll(DEPLOY_READ_NOT_MODELLED);
    assertThat(read).isEqualTo(new TreeSet<>(ServiceNormalizer.DEPLOY_MODELLED));
  }

  /** A mapping that records every key it is asked for. */
  private static LinkedHashMap<String, Object> recording(Set<String> read) {
    return new LinkedHashMap<>() {
      @Override
      public Object get(Object key) {
        read.add((String) key);
        return super.get(key);
      }

      @Override
      public Object getOrDefault(Object key, Object fallback) {
        read.add((String) key);
        return super.getOrDefault(key, fallback);
      }

      @Override
      public boolean containsKey(Object key) {
        read.add((String) key);
        return super.containsKey(key);
      }
    };
  }

  private static void normalize(LinkedHashMap<String, Object> service) {
    Fields fields = new Fields("compose.yaml");
    new ServiceNormalizer(
            fields,
            new Environment(
                fields,
                new LinkedHashMap<>(),
                Variables.NONE,
                new ArrayList<>(),
                java.util.Map.of()),
            new ArrayList<>(),
            Set.of(),
            Set.of("default"),
            Set.of(),
            Set.of())
        .normalize("web", service);
  }

  @Test
  void everyModelledKeyIsAServiceKeyComposeKnows() {
    assertThat(ComposeKeys.SERVICE_KEYS).containsAll(ServiceNormalizer.MODELLED);
  }

  @Test
  void noKeyIsDeclaredInTwoGroups() {
    int total =
        ServiceNormalizer.OTHER_KEYS.size()
            + ServiceNormalizer.IMAGE_KEYS.size()
            + ServiceNormalizer.PROCESS_KEYS.size()
            + ServiceNormalizer.SECURITY_KEYS.size()
            + ServiceNormalizer.NAMESPACES_KEYS.size()
            + ServiceNormalizer.DNS_KEYS.size()
            + ServiceNormalizer.STOP_KEYS.size()
            + ServiceNormalizer.METADATA_KEYS.size()
            + Resources.KEYS.size()
            + Hooks.KEYS.size();
    Set<String> union = new TreeSet<>(ServiceNormalizer.OTHER_KEYS);
    union.addAll(ServiceNormalizer.IMAGE_KEYS);
    union.addAll(ServiceNormalizer.PROCESS_KEYS);
    union.addAll(ServiceNormalizer.SECURITY_KEYS);
    union.addAll(ServiceNormalizer.NAMESPACES_KEYS);
    union.addAll(ServiceNormalizer.DNS_KEYS);
    union.addAll(ServiceNormalizer.STOP_KEYS);
    union.addAll(ServiceNormalizer.METADATA_KEYS);
    union.addAll(Resources.KEYS);
    union.addAll(Hooks.KEYS);
    assertThat(union).hasSize(total);
  }
}
