# The operator's jar image, for builds without GraalVM; releases ship the native image
# (operator/Dockerfile). Build it with hack/images (after `./mvnw -pl operator -am package`),
# from the repository root as the build context:
#   hack/images --jar --registry quay.io/my-domain --push
# BASE_IMAGE is a Java 17 runtime with `java` on PATH. The default is UBI, so the image is supported
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
USER 185
EXPOSE 8443 8081
ENTRYPOINT ["java", "-jar", "/deployments/operator.jar"]
