package io.composeoperator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether applying a desired object would change anything, from the live object's {@code
 * metadata.managedFields}: only the fields our field manager applied are compared, so fields that
 * others set (an HPA's replicas) or the API server defaulted do not count. Like JOSDK's {@code
 * SSABasedGenericKubernetesResourceMatcher}, an object without an {@code Apply} entry for our
 * manager is treated as changed (it was created, or someone else owns it): applying once records
 * the entry.
 */
public final class ManagedFields {
  /** The one field manager the operator applies with. */
  public static final String FIELD_MANAGER = "compose-operator";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManagedFields() {}

  /** True when applying {@code desired} under our manager would leave {@code live} as it is. */
  public static boolean matches(HasMetadata desired, HasMetadata live) {
    Optional<ManagedFieldsEntry> entry = applyEntry(live);
    if (entry.isEmpty() || entry.get().getFieldsV1() == null) {
      return false;
    }
    JsonNode fields = tree(entry.get().getFieldsV1().getAdditionalProperties());
    JsonNode managed = extract(tree(live), fields);
    return comparable(tree(desired)).equals(NumericEquality.INSTANCE, managed);
  }

  /**
   * True when every field of {@code desired} has the same value in {@code live} (maps may have more
   * keys, lists must have the same length): what the API server defaults does not count.
   */
  public static boolean isSubset(Object desired, Object live) {
    return contains(tree(live), tree(desired));
  }

  private static boolean contains(JsonNode live, JsonNode desired) {
    if (desired == null || desired.isNull()) {
      return true;
    }
    if (live == null) {
      return false;
    }
    if (desired.isObject()) {
      if (!live.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : desired.properties()) {
        if (!contains(live.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired.isArray()) {
      if (!live.isArray() || live.size() != desired.size()) {
        return false;
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!contains(live.get(i), desired.get(i))) {
          return false;
        }
      }
      return true;
    }
    return desired.equals(NumericEquality.INSTANCE, live);
  }

  private static JsonNode tree(Object value) {
    return SERIALIZATION.convertValue(value, JsonNode.class);
  }

  /** True when our field manager wrote the object (any operation, not a subresource). */
  static boolean hasEntry(HasMetadata live) {
    return live.getMetadata().getManagedFields().stream()
        .filter(e -> FIELD_MANAGER.equals(e.getManager()))
        .anyMatch(e -> e.getSubresource() == null || e.getSubresource().isEmpty());
  }

  static Optional<ManagedFieldsEntry> applyEntry(HasMetadata live) {
    return live.getMetadata().getManagedFields().stream()
        .filter(e -> FIELD_MANAGER.equals(e.getManager()))
        .filter(e -> "Apply".equals(e.getOperation()))
        .filter(e -> e.getSubresource() == null || e.getSubresource().isEmpty())
        .findFirst();
  }

  /** The desired object without what managedFields never lists (kind, name, ...). */
  static JsonNode comparable(JsonNode desired) {
    ObjectNode copy = ((ObjectNode) desired).deepCopy();
    copy.remove("apiVersion");
    copy.remove("kind");
    copy.remove("status");
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("name");
      m.remove("namespace");
      m.remove("resourceVersion");
      m.remove("managedFields");
      if (m.isEmpty()) {
        copy.remove("metadata");
      }
    }
    return copy;
  }

  /** The part of {@code node} that the field set {@code fields} (fieldsV1 format) names. */
  static JsonNode extract(JsonNode node, JsonNode fields) {
    if (fields == null || !fields.isObject() || isLeaf(fields)) {
      return node;
    }
    if (node.isObject()) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : fields.properties()) {
        if (field.getKey().startsWith("f:")) {
          String name = field.getKey().substring(2);
          if (node.has(name)) {
            result.set(name, extract(node.get(name), field.getValue()));
          }
        }
      }
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : node) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
          if (itemMatches(item, field.getKey())) {
            result.add(extract(item, field.getValue()));
            break;
          }
        }
      }
      return result;
    }
    return node;
  }

  private static boolean isLeaf(JsonNode fields) {
    for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
      if (!it.next().equals(".")) {
        return false;
      }
    }
    return true;
  }

  /** {@code k:{"name":"web"}} matches an item with those key fields; {@code v:"x"} a value. */
  private static boolean itemMatches(JsonNode item, String key) {
    try {
      if (key.startsWith("k:")) {
        JsonNode keys = MAPPER.readTree(key.substring(2));
        for (Map.Entry<String, JsonNode> k : keys.properties()) {
          JsonNode value = item.get(k.getKey());
          if (value == null || !k.getValue().equals(NumericEquality.INSTANCE, value)) {
            return false;
          }
        }
        return true;
      }
      if (key.startsWith("v:")) {
        return MAPPER.readTree(key.substring(2)).equals(NumericEquality.INSTANCE, item);
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return false;
  }

  /** Compares numbers by value, so that an int and a long holding 1 are equal. */
  private static final class NumericEquality implements java.util.Comparator<JsonNode> {
    static final NumericEquality INSTANCE = new NumericEquality();

    @Override
    public int compare(JsonNode a, JsonNode b) {
      if (a.isNumber() && b.isNumber()) {
        return a.decimalValue().compareTo(b.decimalValue());
      }
      return a.equals(b) ? 0 : 1;
    }
  }
}
