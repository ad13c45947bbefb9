package io.composeoperator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large, realistic Compose file for benchmarks: groups of ten services, each group a
 * Postgres database (healthcheck, named volume) and nine API services that publish a port, mount a
 * named volume, carry a healthcheck, limits and environment, and wait for their database with
 * {@code depends_on: service_healthy}.
 *
 * <p>Run: {@code java -cp <test classpath> io.composeoperator.bench.ComposeGenerator 1000
 * /tmp/big/compose.yaml}
 */
public final class ComposeGenerator {
  private ComposeGenerator() {}

  public static void main(String[] args) throws IOException {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path out = Path.of(args.length > 1 ? args[1] : "compose.yaml");
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, generate(services), StandardCharsets.UTF_8);
  }

  /** A Compose file with {@code services} services. */
  public static String generate(int services) {
    StringBuilder sb = new StringBuilder("name: bench\nservices:\n");
    StringBuilder volumes = new StringBuilder("volumes:\n");
    for (int i = 0; i < services; i++) {
      int group = i / 10;
      if (i % 10 == 0) {
        database(sb, group);
        volumes.append("  db-data-").append(group).append(":\n");
      } else {
        api(sb, i, group);
        volumes.append("  api-cache-").append(i).append(":\n");
      }
    }
    return sb.append(volumes).toString();
  }

  private static void database(StringBuilder sb, int group) {
    sb.append(
        """
          db-%1$d:
            image: postgres:16-alpine
            environment:
              POSTGRES_USER: app
              POSTGRES_PASSWORD: secret-%1$d
            volumes:
              - db-data-%1$d:/var/lib/postgresql/data
            healthcheck:
              test: ["CMD-SHELL", "pg_isready -U app"]
              interval: 5s
              timeout: 3s
              retries: 10
            deploy:
              resources:
                limits: {cpus: "1", memory: 512M}
                reservations: {cpus: "0.25", memory: 256M}
        """
            .formatted(group));
  }

  private static void api(StringBuilder sb, int index, int group) {
    sb.append(
        """
          api-%1$d:
            image: ghcr.io/example/api:1.%1$d
            command: ["serve", "--port", "8080"]
            ports:
              - "%3$d:8080"
            environment:
              - DATABASE_URL=postgres://app@db-%2$d:5432/app
              - LOG_LEVEL=info
            volumes:
              - api-cache-%1$d:/var/cache/api
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://localhost:8080/health"]
              interval: 10s
              start_period: 20s
            depends_on:
              db-%2$d:
                condition: service_healthy
            stop_grace_period: 30s
            deploy:
              resources:
                limits: {cpus: "0.5", memory: 256M}
        """
            .formatted(index, group, 20000 + index));
  }
}
