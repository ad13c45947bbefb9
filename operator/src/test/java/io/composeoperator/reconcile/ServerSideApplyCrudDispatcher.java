package io.composeoperator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fabric8 mock server's CRUD dispatcher, taught server-side apply: an {@code
 * application/apply-patch+yaml} PATCH creates the object when it is absent, otherwise merges it in
 * (maps recursively, lists of named items by name, other lists replaced), removes the fields the
 * same manager applied before and no longer sends, keeps an {@code Apply} entry in {@code
 * metadata.managedFields}, and leaves the object (and its resourceVersion) alone when nothing
 * changes. It also records every mutating request, so tests can count writes.
 */
public class ServerSideApplyCrudDispatcher extends KubernetesCrudDispatcher {
  private static final String APPLY = "application/apply-patch+yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<String> writes = new CopyOnWriteArrayList<>();

  /** A mock server (plain HTTP) that uses this dispatcher; call {@code init()} to start it. */
  public static KubernetesMockServer server(ServerSideApplyCrudDispatcher dispatcher) {
    return new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
  }

  /** Every create, update, patch and delete seen so far, as {@code METHOD path}. */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  public void clearWrites() {
    writes.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method)) {
      writes.add(method + " " + request.getPath());
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith(APPLY)) {
      return super.handlePatch(request);
    }
    try {
      return apply(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized MockResponse apply(RecordedRequest request) throws IOException {
    String fullPath = request.getPath();
    int query = fullPath.indexOf('?');
    String path = query < 0 ? fullPath : fullPath.substring(0, query);
    String manager = queryParam(fullPath, "fieldManager");
    boolean status = path.endsWith("/status");
    String objectPath = status ? path.substring(0, path.length() - "/status".length()) : path;
    ObjectNode applied = (ObjectNode) YAML.readTree(request.getUtf8Body());
    MockResponse current = handleGet(objectPath);
    if (current.code() == 404) {
      if (status) {
        return current;
      }
      ObjectNode created = applied.deepCopy();
      setEntry(created, manager, fieldsOf(applied, true));
      String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
      return handleCreate(request(HttpMethod.POST, collection, created));
    }
    ObjectNode live = (ObjectNode) JSON.readTree(current.getBody().readUtf8());
    if (status) {
      ObjectNode merged = live.deepCopy();
      merged.set("status", applied.get("status"));
      if (merged.equals(live)) {
        return new MockResponse().setResponseCode(200).setBody(live.toString());
      }
      return handleUpdate(request(HttpMethod.PUT, path, merged));
    }
    ObjectNode newFields = fieldsOf(applied, true);
    ObjectNode merged = live.deepCopy();
    JsonNode oldFields = entryFields(live, manager);
    if (oldFields != null) {
      removeNoLongerApplied(merged, oldFields, newFields);
    }
    merge(merged, stripIdentity(applied));
    if (!newFields.equals(oldFields)) {
      setEntry(merged, manager, newFields);
    }
    if (merged.equals(live)) {
      return new MockResponse().setResponseCode(200).setBody(live.toString());
    }
    return handleUpdate(request(HttpMethod.PUT, path, merged));
  }

  private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest(
        "HTTP/1.1", method, path, headers, new Buffer().writeUtf8(body.toString()));
  }

  private static String queryParam(String path, String name) {
    int query = path.indexOf('?');
    if (query >= 0) {
      for (String pair : path.substring(query + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals(name) && kv.length == 2) {
          return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        }
      }
    }
    return "unknown";
  }

  private static ObjectNode stripIdentity(ObjectNode applied) {
    ObjectNode copy = applied.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("resourceVersion");
      metadata.remove("managedFields");
    }
    return copy;
  }

  private static JsonNode entryFields(ObjectNode live, String manager) {
    JsonNode entries = live.path("metadata").path("managedFields");
    for (JsonNode entry : entries) {
      if (manager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())) {
        return entry.get("fieldsV1");
      }
    }
    return null;
  }

  private static void setEntry(ObjectNode object, String manager, ObjectNode fields) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (JsonNode entry : metadata.path("managedFields")) {
      if (!(manager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText()))) {
        entries.add(entry);
      }
    }
    ObjectNode entry = entries.addObject();
    entry.put("apiVersion", object.path("apiVersion").asText());
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", fields);
    entry.put("manager", manager);
    entry.put("operation", "Apply");
    entry.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    metadata.set("managedFields", entries);
  }

  /** The fieldsV1 set of an applied object: named list items by name, other lists atomic. */
  static ObjectNode fieldsOf(JsonNode node, boolean top) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (top && (key.equals("apiVersion") || key.equals("kind") || key.equals("status"))) {
          continue;
        }
        if (top && key.equals("metadata")) {
          ObjectNode metadata = ((ObjectNode) field.getValue()).deepCopy();
          metadata.remove(List.of("name", "namespace", "resourceVersion", "managedFields"));
          metadata.remove(List.of("uid", "creationTimestamp", "generation"));
          if (!metadata.isEmpty()) {
            fields.set("f:metadata", fieldsOf(metadata, false));
          }
          continue;
        }
        fields.set("f:" + key, fieldsOf(field.getValue(), false));
      }
    } else if (node.isArray() && named(node)) {
      for (JsonNode item : node) {
        ObjectNode sub = fieldsOf(item, false);
        ObjectNode keyed = JsonNodeFactory.instance.objectNode();
        keyed.set(".", JsonNodeFactory.instance.objectNode());
        keyed.setAll(sub);
        fields.set("k:{\"name\":" + item.get("name").toString() + "}", keyed);
      }
    }
    return fields;
  }

  private static boolean named(JsonNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode item : array) {
      if (!item.isObject() || !item.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static void removeNoLongerApplied(JsonNode node, JsonNode oldFields, JsonNode newFields)
      throws IOException {
    List<String> keys = new ArrayList<>();
    oldFields.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (key.equals(".")) {
        continue;
      }
      JsonNode newSub = newFields == null ? null : newFields.get(key);
      if (key.startsWith("f:") && node instanceof ObjectNode object) {
        String name = key.substring(2);
        if (newSub == null) {
          object.remove(name);
        } else if (object.has(name)) {
          removeNoLongerApplied(object.get(name), oldFields.get(key), newSub);
        }
      } else if (key.startsWith("k:") && node instanceof ArrayNode array) {
        String name = JSON.readTree(key.substring(2)).path("name").asText();
        for (int i = array.size() - 1; i >= 0; i--) {
          if (name.equals(array.get(i).path("name").asText())) {
            if (newSub == null) {
              array.remove(i);
            } else {
              removeNoLongerApplied(array.get(i), oldFields.get(key), newSub);
            }
          }
        }
      }
    }
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      JsonNode existing = target.get(field.getKey());
      JsonNode value = field.getValue();
      if (existing instanceof ObjectNode e && value instanceof ObjectNode v) {
        merge(e, v);
      } else if (existing instanceof ArrayNode e && value instanceof ArrayNode v && named(v)) {
        target.set(field.getKey(), mergeNamed(e, v));
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static ArrayNode mergeNamed(ArrayNode existing, ArrayNode patch) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : patch) {
      JsonNode match = null;
      for (JsonNode old : existing) {
        if (old.path("name").equals(item.get("name"))) {
          match = old;
        }
      }
      if (match instanceof ObjectNode m) {
        ObjectNode merged = m.deepCopy();
        merge(merged, (ObjectNode) item);
        result.add(merged);
      } else {
        result.add(item.deepCopy());
      }
    }
    for (JsonNode old : existing) {
      boolean applied = false;
      for (JsonNode item : patch) {
        applied |= old.path("name").equals(item.get("name"));
      }
      if (!applied) {
        result.add(old.deepCopy());
      }
    }
    return result;
  }
}
