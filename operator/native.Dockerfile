# The operator image as releases ship it: the native executable (no JVM) on UBI minimal. Build it
# with hack/images after the native build (`./mvnw -Pnative -DskipTests package -pl operator -am`
# with a GraalVM, see docs/native.md), from the repository root as the build context:
#   hack/images --registry quay.io/my-domain --push          (releases: .github/workflows/release.yml)
# operator/Dockerfile builds the JVM image instead (hack/images --jar), for builds without GraalVM.
# BASE_IMAGE needs only glibc: the executable links nothing else when a real GraalVM builds it. The
# tests (no registry outside reaches them) build this same file on a base assembled from the shared
# libraries the executable links (hack/images --test-base): everything above the base is what ships.
# A numeric non-root user so the restricted SCC accepts it; OpenShift runs it as an arbitrary UID
# with GID 0, and nothing here depends on either (no home, no writes outside /tmp).
ARG BASE_IMAGE=registry.access.redhat.com/ubi9/ubi-minimal:latest
FROM ${BASE_IMAGE}
ARG VERSION=0.1.0
ARG RELEASE=1
# The executable, relative to the build context (hack/images passes the one it was given).
ARG EXECUTABLE=operator/target/foo-operator
# What Red Hat's certification reads; without them the base image's values (its vendor) show. The
# same as operator/Dockerfile's (hack/images checks that they agree).
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
COPY ${EXECUTABLE} /usr/local/bin/foo-operator
USER 1001
EXPOSE 8443 8081
ENTRYPOINT ["/usr/local/bin/foo-operator"]
