package io.composeoperator.reconcile;

import io.composeoperator.api.v1alpha1.ComposeProject;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about a ComposeProject (create, or patch when the same event exists: the
 * operator's RBAC allows only these two). The reconciler calls it only when something changed, so a
 * steady state writes no Events. A failure to write an Event is logged, never thrown.
 */
public class EventPublisher {
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  /**
   * The component that reports the Events ({@code source.component}, {@code reportingComponent}).
   */
  public static final String COMPONENT = "compose-operator";

  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final Clock clock;

  public EventPublisher(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void publish(ComposeProject project, String type, String reason, String message) {
    String namespace = project.getMetadata().getNamespace();
    String name = project.getMetadata().getName() + "." + digest(reason + "\n" + message);
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(project.getApiVersion())
            .withKind(project.getKind())
            .withName(project.getMetadata().getName())
            .withNamespace(namespace)
            .withUid(project.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(text)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      try {
        client.v1().events().inNamespace(namespace).resource(event).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        client
            .v1()
            .events()
            .inNamespace(namespace)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"lastTimestamp\":\"" + now + "\"}");
      }
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}: HTTP {}", reason, name, e.getCode());
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
