# syntax=docker/dockerfile:1
#
# The compose-operator image: the operator (`run`, the default), the CLI, and the
# depends_on wait command (`wait`, used by init containers) in one shaded jar.
#
#   docker build -t ghcr.io/compose-operator/compose-operator:0.1.0 .
#
# The runtime base is pinned by digest so that a rebuild gets the same JRE. Refresh it
# (and review the JRE update) with:
#   docker buildx imagetools inspect eclipse-temurin:17-jre     # the "Digest:" line

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first: the dependency layer stays cached while only sources change.
COPY pom.xml ./
COPY operator/pom.xml operator/
COPY e2e/pom.xml e2e/
COPY operator/src/main operator/src/main
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl operator -am package -DskipTests

# eclipse-temurin:17-jre (Ubuntu, multi-arch index). The digest is the one BuildKit resolved
# the tag to in a public build log; refresh it as described above.
FROM eclipse-temurin:17-jre@sha256:696817d4fb79b9c442e84e18483d8345dd2d0b6710546344e5eb182bd3153333
# A named, numeric, non-root user: the chart's runAsUser and runAsNonRoot check this UID.
RUN groupadd --system --gid 10001 compose-operator \
 && useradd --system --uid 10001 --gid 10001 --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin compose-operator
COPY --from=build --chown=0:0 --chmod=0444 /src/operator/target/compose-operator.jar /opt/compose-operator/compose-operator.jar
USER 10001:10001
# /healthz, /readyz and /metrics. The root filesystem is read-only in the chart; /tmp is an emptyDir.
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/compose-operator/compose-operator.jar"]
CMD ["run"]

LABEL org.opencontainers.image.title="compose-operator" \
      org.opencontainers.image.description="Runs Compose projects on Kubernetes and keeps them running."
