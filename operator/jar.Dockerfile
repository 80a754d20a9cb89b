# The operator's jar image, for builds without GraalVM; releases ship the native image
# (operator/Dockerfile). Build it with hack/images (after `./mvnw -pl operator -am package`),
# from the repository root as the build context:
#   hack/images --jar --registry quay.io/my-domain --push
# BASE_IMAGE is a Java 17 runtime (17.0.9 or later: the Deployment's JAVA_TOOL_OPTIONS name
# -XX:TrimNativeHeapInterval) with `java` on PATH. The default is UBI, so the image is supported
# on OpenShift; the tests (no registry outside reaches them) build this same file on a base
# assembled from this machine's JDK (hack/images --test-base): everything above the base is what
# ships. A numeric non-root user so the restricted SCC accepts it; OpenShift runs it as an arbitrary
# UID with GID 0, so nothing here depends on that user.
ARG BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime:latest
FROM ${BASE_IMAGE}
ARG VERSION=0.1.0
ARG RELEASE=1
# What Red Hat's certification reads; without them the base image's values (its vendor) show.
LABEL name="my-domain/foo-operator" \
      vendor="my.domain" \
      version="${VERSION}" \
      release="${RELEASE}" \
      summary="foo-operator: makes each Foo happy when the Pod it names exists" \
      description="A Kubernetes operator that sets the Happy condition of each Foo (tutorial.my.domain/v1) from whether its friend Pod exists, with Events, metrics and leader election." \
      maintainer="foo-operator maintainers <foo-operator@my.domain>" \
      io.k8s.display-name="foo-operator" \
      io.k8s.description="Makes each Foo happy when the Pod it names exists" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY LICENSE /licenses/LICENSE
WORKDIR /deployments
COPY operator/target/lib/ /deployments/lib/
COPY operator/target/operator-*.jar /deployments/operator.jar
# A class-data archive (CDS) of the classes a running operator loads, dumped by the image's own
# JVM (an archive is valid only for the JVM build that made it) from the class list committed
# beside the sources (docs/footprint.md says how it is made): the JVM maps those classes ready-made
# instead of loading and parsing them from the jars, which saves memory (8 MiB of RSS at 1,000
# Foos among 100,000 Pods) and start-up time. Exec form: the test base has no shell. If a JVM
# cannot use the archive it runs without it. The tests run the jar with these same steps read
# from this file (JarImageArchive), so keep each on one line.
COPY operator/src/main/cds/operator.classlist /deployments/operator.classlist
USER 0
RUN ["java", "-Xshare:dump", "-XX:SharedClassListFile=/deployments/operator.classlist", "-XX:SharedArchiveFile=/deployments/operator.jsa", "-jar", "/deployments/operator.jar"]
USER 185
EXPOSE 8443 8081
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/deployments/operator.jsa", "-jar", "/deployments/operator.jar"]
