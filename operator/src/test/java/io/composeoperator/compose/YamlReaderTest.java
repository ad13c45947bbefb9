package io.composeoperator.compose;

import static io.composeoperator.compose.Loading.assertError;
import static io.composeoperator.compose.Loading.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.composeoperator.compose.model.EnvVar;
import io.composeoperator.compose.model.ServiceConfig;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void mergeKeyCopiesAnchoredMapping() {
    ServiceConfig web =
        service(
            """
            x-common: &common
              image: nginx
              restart: always
            services:
              web:
                <<: *common
                hostname: web1
            """,
            "web");
    assertThat(web.image().reference()).isEqualTo("nginx");
    assertThat(web.restart().kind().name()).isEqualTo("ALWAYS");
    assertThat(web.dns().hostname()).isEqualTo("web1");
  }

  @Test
  void localKeysWinOverMergedOnes() {
    ServiceConfig web =
        service(
            """
            x-common: &common
              image: nginx
            services:
              web:
                image: httpd
                <<: *common
            """,
            "web");
    assertThat(web.image().reference()).isEqualTo("httpd");
  }

  @Test
  void listOfMergesTakesEarlierFirst() {
    ServiceConfig web =
        service(
            """
            x-a: &a {image: first, user: "1000"}
            x-b: &b {image: second, hostname: b}
            services:
              web:
                <<: [*a, *b]
            """,
            "web");
    assertThat(web.image().reference()).isEqualTo("first");
    assertThat(web.security().user()).isEqualTo("1000");
    assertThat(web.dns().hostname()).isEqualTo("b");
  }

  @Test
  void anchorsAndAliasesShareValues() {
    ServiceConfig web =
        service(
            """
            x-env: &env
              A: "1"
            services:
              web:
                image: nginx
                environment: *env
            """,
            "web");
    assertThat(web.environment()).containsExactly(EnvVar.of("A", "1"));
  }

  @Test
  void yaml12ReadsNoAsString() {
    assertThat(
            service("services: {web: {image: nginx, restart: no}}", "web").restart().kind().name())
        .isEqualTo("NO");
  }

  @Test
  void duplicateKeyIsRefusedWithPathAndLines() {
    assertError(
        """
        services:
          web:
            image: nginx
            image: httpd
        """,
        "compose.yaml: services.web.image: duplicate key (lines 3 and 4)");
  }

  @Test
  void syntaxErrorNamesTheLine() {
    assertError(
        """
        services:
          web:
            image: [nginx
        """,
        "compose.yaml: line 4: invalid YAML: while parsing a flow sequence: expected ',' or ']',"
            + " but got <stream end>");
  }

  @Test
  void emptyDocumentIsRefused() {
    assertError("# nothing\n", "compose.yaml: the file is empty");
  }

  @Test
  void nonMappingRootIsRefused() {
    assertError("- a\n- b\n", "compose.yaml: the top level must be a mapping");
  }

  @Test
  void unknownTagIsRefused() {
    assertError(
        "services: {web: {image: !!binary aGVsbG8=}}\n",
        "compose.yaml: services.web.image: unsupported YAML tag tag:yaml.org,2002:binary");
  }

  @Test
  void resetTagRemovesMergedKey() {
    ServiceConfig web =
        service(
            """
            x-base: &base
              image: nginx
              command: ["run"]
            services:
              web:
                <<: *base
                command: !reset null
            """,
            "web");
    assertThat(web.process().command()).isNull();
  }

  @Test
  void overrideTagIsAccepted() {
    ServiceConfig web =
        service("services: {web: {image: nginx, command: !override [a, b]}}", "web");
    assertThat(web.process().command()).containsExactly("a", "b");
  }

  @Test
  void plainNumbersAreReadAsNumbersAndLeadingZeroKeepsText() {
    ServiceConfig web =
        service(
            """
            services:
              web:
                image: nginx
                ports: [8080]
                secrets:
                  - source: s
                    mode: 0440
            secrets:
              s: {file: s.txt}
            """,
            "web");
    assertThat(web.ports().get(0).target()).isEqualTo(8080);
    assertThat(web.secrets().get(0).mode()).isEqualTo(0440);
  }
}
