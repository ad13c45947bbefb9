package io.composeoperator.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input is a {@link ComposeException}, never a crash: corpus files with random edits either
 * load or are refused with a message, and nothing else escapes the loader.
 */
class RobustnessTest {

  private static final String ALPHABET = " :-[]{}\"'&*!<>,#|\n$0123456789abcxyz.\\/=@~";

  @Test
  void randomlyDamagedFilesOnlyEverFailWithComposeException()
      throws IOException, URISyntaxException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files =
        Files.walk(Path.of(RobustnessTest.class.getResource("/corpus").toURI()))) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().equals("compose.yaml")).sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    Random random = new Random(42);
    List<String> crashes = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder(texts.get(i % texts.size()));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      try {
        ComposeLoader.load(
            new ComposeSource(
                "compose.yaml",
                text.toString(),
                Map.of(),
                Variables.of(Map.of("X", "1")),
                List.of("*")));
      } catch (ComposeException expected) {
        refused++;
        assertThat(expected.getMessage()).startsWith("compose.yaml: ");
      } catch (RuntimeException | StackOverflowError crash) {
        crashes.add(crash + "\n--- input ---\n" + text);
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(refused).isPositive();
  }

  private static final String RICH =
      """
      name: rich
      services:
        web:
          image: nginx
          build: {context: ., dockerfile: Dockerfile, target: t}
          command: ["a", "b"]
          entrypoint: /bin/sh -c
          environment: {A: "1", B: null}
          env_file: [{path: app.env, required: false}]
          ports: ["8080:80", {target: 81, published: "8081"}]
          expose: [3000]
          volumes: ["data:/data", {type: bind, source: ., target: /app, bind: {create_host_path: true}}]
          tmpfs: ["/tmp:size=1m"]
          secrets: [s, {source: s, target: t, mode: 0400}]
          configs: [c]
          healthcheck: {test: [CMD, x], interval: 5s, retries: 2}
          depends_on: {db: {condition: service_healthy, required: true}}
          links: ["db:d"]
          restart: on-failure:2
          deploy: {replicas: 1, labels: {a: b}, resources: {limits: {cpus: "1", memory: 1g}}, restart_policy: {condition: any}}
          user: "1000"
          cap_add: [NET_ADMIN]
          networks: {front: {aliases: [w]}}
          extra_hosts: ["h:1.2.3.4"]
          dns: 8.8.8.8
          labels: [a=b]
          sysctls: {a: "1"}
          stop_grace_period: 5s
          shm_size: 64m
          profiles: [p1]
          x-kubernetes: {expose: NodePort}
        db:
          image: postgres
          healthcheck: {test: pg_isready}
          extends: {service: base}
        base:
          image: b
      volumes:
        data: {x-kubernetes: {size: 1Gi, accessModes: [ReadWriteOnce]}}
      networks:
        front: {internal: true}
      secrets:
        s: {file: s.txt}
      configs:
        c: {content: x}
      """;

  private static final List<Object> REPLACEMENTS =
      java.util.Arrays.asList(
          null,
          7L,
          -1L,
          1.5,
          true,
          "",
          "x:y:z",
          List.of(),
          List.of(1L, "a"),
          Map.of(),
          Map.of("k", List.of()));

  @Test
  void everyValueReplacedByEveryTypeOnlyEverFailsWithComposeException() {
    assertThat(
            ComposeLoader.load(
                    new ComposeSource(
                        "compose.yaml", RICH, Map.of("s.txt", "x"), Variables.NONE, List.of("p1")))
                .model()
                .services())
        .containsOnlyKeys("web", "db", "base");
    Object root = YamlReader.read("compose.yaml", RICH);
    List<String> crashes = new ArrayList<>();
    int[] runs = {0};
    mutate(root, root, crashes, runs);
    assertThat(crashes).isEmpty();
    assertThat(runs[0]).isGreaterThan(1000);
  }

  @SuppressWarnings("unchecked") // YamlReader trees
  private static void mutate(Object root, Object node, List<String> crashes, int[] runs) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      for (String key : new ArrayList<>(m.keySet())) {
        Object original = m.get(key);
        for (Object replacement : REPLACEMENTS) {
          m.put(key, replacement);
          tryLoad(root, crashes, runs);
        }
        m.put(key, original);
        mutate(root, original, crashes, runs);
      }
    } else if (node instanceof List<?> list) {
      List<Object> l = (List<Object>) list;
      for (int i = 0; i < l.size(); i++) {
        Object original = l.get(i);
        for (Object replacement : REPLACEMENTS) {
          l.set(i, replacement);
          tryLoad(root, crashes, runs);
        }
        l.set(i, original);
        mutate(root, original, crashes, runs);
      }
    }
  }

  private static void tryLoad(Object root, List<String> crashes, int[] runs) {
    String text =
        new org.snakeyaml.engine.v2.api.Dump(
                org.snakeyaml.engine.v2.api.DumpSettings.builder().build())
            .dumpToString(root);
    runs[0]++;
    try {
      ComposeLoader.load(
          new ComposeSource(
              "compose.yaml", text, Map.of("s.txt", "x"), Variables.NONE, List.of("p1")));
    } catch (ComposeException expected) {
      assertThat(expected.getMessage()).startsWith("compose.yaml: ");
    } catch (RuntimeException crash) {
      crashes.add(crash + "\n--- input ---\n" + text);
    }
  }
}
