package io.composeoperator.reconcile;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.Set;

/**
 * Names the operator's field manager on every write it makes, not only on server-side apply: a
 * create, an update or a status patch then records {@code compose-operator} in the object's {@code
 * metadata.managedFields} (fabric8 would record {@code fabric8-kubernetes-client}). That entry is
 * part of the proof that a retained claim is the operator's ({@link Ownership}), and a create
 * carries it at once: an operator killed between creating a claim and applying it still finds the
 * claim its own after a restart.
 */
final class FieldManagerInterceptor implements Interceptor {
  static final String NAME = "compose-operator-field-manager";
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (!WRITES.contains(request.method())) {
      return;
    }
    URI uri = request.uri();
    String query = uri.getRawQuery();
    if (query != null && (query.startsWith("fieldManager=") || query.contains("&fieldManager="))) {
      return;
    }
    String parameter = "fieldManager=" + ManagedFields.FIELD_MANAGER;
    builder.uri(URI.create(uri + (query == null ? "?" : "&") + parameter));
  }
}
