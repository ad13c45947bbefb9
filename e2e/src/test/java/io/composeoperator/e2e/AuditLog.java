package io.composeoperator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API server's audit log (written by the local control plane, e2e/cluster/audit-policy.yaml):
 * the honest count of a user's writes, taken from the server rather than from the operator.
 */
final class AuditLog {
  static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One audited request. */
  record Event(
      String user,
      String verb,
      String resource,
      String subresource,
      String namespace,
      String name,
      int code) {
    @Override
    public String toString() {
      return verb
          + " "
          + resource
          + (subresource.isEmpty() ? "" : "/" + subresource)
          + " "
          + namespace
          + "/"
          + name
          + " ("
          + code
          + ")";
    }
  }

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The current end of the log: events after it are read by {@link #since}. */
  long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every event logged after {@code mark}. */
  List<Event> since(long mark) {
    List<Event> events = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(mark);
      byte[] rest = new byte[(int) (in.length() - mark)];
      in.readFully(rest);
      // The API server may be writing the last line right now: read complete lines only.
      String text = new String(rest, StandardCharsets.UTF_8);
      text = text.substring(0, text.lastIndexOf('\n') + 1);
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = MAPPER.readTree(line);
        JsonNode ref = event.path("objectRef");
        events.add(
            new Event(
                event.path("user").path("username").asText(),
                event.path("verb").asText(),
                ref.path("resource").asText(),
                ref.path("subresource").asText(),
                ref.path("namespace").asText(),
                ref.path("name").asText(),
                event.path("responseStatus").path("code").asInt()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  /** The writes {@code user} made after {@code mark}, leases (leader election) left out. */
  List<Event> writesSince(long mark, String user) {
    return since(mark).stream()
        .filter(e -> e.user().equals(user))
        .filter(e -> WRITE_VERBS.contains(e.verb()))
        .filter(e -> !e.resource().equals("leases"))
        .toList();
  }
}
