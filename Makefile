# Named entry points; `make help` lists them.
SHELL := /bin/bash
MVN ?= ./mvnw -B --no-transfer-progress
RUN_CP = local-run/target/local-run-0.1.0-SNAPSHOT.jar:local-run/target/lib/*
BENCH_CP = bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*

.PHONY: help build test unit control-plane olm lint run bench cds-classlist fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: ## compile and package every module (no tests)
	$(MVN) -DskipTests install

unit: ## unit tests only (no control plane needed)
	$(MVN) -DskipITs install

control-plane: ## build (or find cached) etcd, kube-apiserver and kubectl
	@hack/timed "control plane" hack/control-plane

# Sources of OLM and opm: FOO_THIRD_PARTY_DIR (a folder with their release tarballs), else GitHub.
# hack/olm exits 3 where neither can be had: `make olm` then fails, `make test` skips the OLM tier.
olm: ## build (or find cached) OLM (olm, catalog), opm, kube-controller-manager, kube-scheduler and kwok; the OLM tests need them
	@hack/timed olm hack/olm

# The real node (issue #22): kubelet, kube-proxy, kube-controller-manager, kube-scheduler and the
# pause image; the container runtime comes from Debian packages (.ci/run installs them).
.PHONY: node image deploy
node: ## build (or find cached) kubelet, kube-proxy, kube-controller-manager, kube-scheduler and the pause image; the real-node tests need them
	@hack/timed node hack/node

image: ## build the operator image with hack/images: native (what releases ship) when operator/target/foo-operator exists, NATIVE=1 builds it first (a GraalVM), JAR=1 the jar image (REGISTRY, TAG, PUSH=1; TEST_BASE=1: on a base assembled here instead of UBI)
	@if [ -n "$(NATIVE)" ]; then home=$$(hack/native-toolchain) || { echo "NATIVE=1 needs a native-image toolchain: set GRAALVM_HOME to a GraalVM (docs/native.md)" >&2; exit 2; }; \
	  GRAALVM_HOME="$$home" $(MVN) -q -Pnative -DskipTests package -pl operator -am; \
	else $(MVN) -q -DskipTests package -pl operator -am; fi
	hack/images $(if $(JAR),--jar) $(if $(REGISTRY),--registry $(REGISTRY)) $(if $(TAG),--tag $(TAG)) $(if $(PUSH),--push) $(if $(TEST_BASE),--test-base)

deploy: control-plane node ## a local cluster with a real node: the operator image built (hack/images, test base) and pushed to its registry, the shipped manifests applied; Ctrl-C stops it
	$(MVN) -q -DskipTests install -pl local-run -am
	exec java -cp "$(RUN_CP)" my.domain.tutorial.localrun.NodeDeploy

lint: ## check the GitHub Actions workflows with actionlint (built and cached on first use)
	@hack/timed actionlint hack/actionlint

# The native tier runs when hack/native-toolchain finds a GraalVM (GRAALVM_HOME, JAVA_HOME or native-image on PATH).
NATIVE_HOME = $(shell hack/native-toolchain)
BANNER = echo "[test] ************************************************************************************************"

test: control-plane node lint ## THE test command: lint, then unit + integration tests, the native tier when a native toolchain is found and the OLM tier where OLM's sources can be had; prints each phase's time and a summary
	@since=$$(date +%s000); olm_rc=0; rc=0; TIMED_SKIP_EXIT=3 hack/timed olm hack/olm || olm_rc=$$?; \
	if [ $$olm_rc -eq 3 ]; then olm="SKIPPED: OLM's sources cannot be had on this machine (banner above); OlmInstallIT, OlmUpgradeIT, CatalogIT reported as skipped"; \
	elif [ $$olm_rc -ne 0 ]; then echo "[test] the OLM tier's provisioning is broken (hack/olm exit $$olm_rc, its FAILED line above names the step)" >&2; exit $$olm_rc; \
	else olm="runs (OlmInstallIT, OlmUpgradeIT, CatalogIT)"; fi; \
	if [ -z "$(NATIVE_HOME)" ]; then \
	  $(BANNER); \
	  echo "[test] NO NATIVE TOOLCHAIN (GRAALVM_HOME, JAVA_HOME or native-image on PATH): NATIVE TIER SKIPPED"; \
	  $(BANNER); \
	  native="SKIPPED: no native-image toolchain"; \
	  hack/timed maven $(MVN) install || rc=$$?; \
	else \
	  echo "[test] native toolchain in $(NATIVE_HOME): the plugin's ITs also run against the native plugin, ShippedOperatorIT against the native operator"; \
	  native="runs (toolchain $(NATIVE_HOME))"; \
	  GRAALVM_HOME="$(NATIVE_HOME)" hack/timed "maven (with the native tier)" $(MVN) -Pnative install || rc=$$?; \
	fi; \
	if [ -n "$${FOO_REQUIRE_REAL_NODE:-}" ]; then node="required here (FOO_REQUIRE_REAL_NODE=1)"; else node="runs where this machine can run a node (root, containerd, podman), skipped with a banner elsewhere"; fi; \
	java hack/TestSummary.java --since $$since "OLM=$$olm" "native=$$native" "real-node=$$node"; \
	exit $$rc

run: control-plane $(if $(OLM),olm) ## run the operator in the foreground (current cluster, else a local control plane; FRESH=1 wipes it; OLM=1: installed by OLM)
	$(MVN) -q -DskipTests install -pl local-run -am
	exec java -cp "$(RUN_CP)" my.domain.tutorial.localrun.LocalRun $(if $(FRESH),--fresh) $(if $(LOCAL),--local) $(if $(OLM),--olm)

fmt: ## format the Java sources (google-java-format through Spotless; every build checks it)
	$(MVN) -q spotless:apply

clean: ## remove build outputs (the control-plane cache and local cluster data stay)
	$(MVN) clean

# The OLM bundle. Optional overrides: VERSION (semver; default from the Maven version),
# CHANNELS (comma-separated), DEFAULT_CHANNEL, IMG (operator image), REPLACES, SKIP_RANGE.
K8S_MINOR = $(shell sed -n 's:.*<k8s.version>\([0-9]*\.[0-9]*\).*:\1:p' pom.xml)
BUNDLE_PROPS = $(if $(VERSION),-Dbundle.version=$(VERSION)) $(if $(CHANNELS),-Dbundle.channels=$(CHANNELS)) \
  $(if $(DEFAULT_CHANNEL),-Dbundle.defaultChannel=$(DEFAULT_CHANNEL)) $(if $(IMG),-Dbundle.image=$(IMG)) \
  $(if $(REPLACES),-Dbundle.replaces=$(REPLACES)) $(if $(SKIP_RANGE),'-Dbundle.skipRange=$(SKIP_RANGE)')
.PHONY: bundle bundle-validate catalog

bundle: ## write the OLM bundle to bundle/target/bundle/ and bundle/target/bundle.Dockerfile
	$(MVN) -q -DskipTests package -pl bundle -am $(BUNDLE_PROPS)

catalog: ## the file-based catalog of the bundle in bundle/target/catalog/, validated with opm (PREVIOUS=older bundle dirs, comma-separated, oldest first)
	@opm=$$(hack/olm --only-opm --print-paths | sed -n 's/^opm=//p'; exit $${PIPESTATUS[0]}) || { echo "make catalog needs opm, which hack/olm could not provision (see above)" >&2; exit 2; }; \
	$(MVN) -q -DskipTests package -pl bundle -am $(BUNDLE_PROPS) -Dcatalog.opm="$$opm" $(if $(PREVIOUS),-Dcatalog.previous=$(PREVIOUS))

bundle-validate: bundle ## run the Operator Framework's validators on the bundle (zero errors and warnings)
	hack/bundle-validate -k8s-version $(K8S_MINOR) bundle/target/bundle

bench: control-plane ## benchmarks against a local control plane, then the operator image on a real node where one can run (FOO_BENCH_NODE=0 skips it, =only runs just it): prints a table, writes bench/target/results.json
	$(MVN) -q -DskipTests install -pl bench,kubectl-foo -am
	java -cp "$(BENCH_CP)" my.domain.tutorial.bench.Benchmark $(BENCH_OUT)

cds-classlist: control-plane ## rewrites operator/src/main/cds/operator.classlist, what the jar image's class-data archive holds, from the jar's run in the bench (1,000 Foos + 10,000 Pods, then a restart)
	$(MVN) -q -DskipTests install -pl bench -am
	FOO_BENCH_CLASS_LIST=$(CURDIR)/operator/src/main/cds/operator.classlist FOO_BENCH_NATIVE=0 FOO_BENCH_NODE=0 \
	  FOO_BENCH_LARGE_ONLY=1 FOO_BENCH_LARGE=1000x10000 FOO_BENCH_LARGE_PLUGIN=0 \
	  java -cp "$(BENCH_CP)" my.domain.tutorial.bench.Benchmark $(BENCH_OUT)

# The kubectl plugin (kubectl-foo module).
.PHONY: plugin native

plugin: ## build the JVM kubectl plugin into kubectl-foo/target/jvm/bin/ (kubectl-foo, kubectl_complete-foo); put that folder on PATH
	$(MVN) -q -DskipTests install -pl kubectl-foo -am
	@echo "kubectl-foo built; add it to PATH:  export PATH=\"$(CURDIR)/kubectl-foo/target/jvm/bin:\$$PATH\"  then: kubectl foo --help"

native: ## the native kubectl plugin into kubectl-foo/target/native/bin/ and the native operator operator/target/foo-operator (needs a GraalVM: GRAALVM_HOME, JAVA_HOME or native-image on PATH)
	@home=$$(hack/native-toolchain) || { echo "no native-image toolchain: set GRAALVM_HOME to a GraalVM (JDK 17+)" >&2; exit 2; }; \
	GRAALVM_HOME="$$home" $(MVN) -Pnative -DskipTests -Dcds.archive=false install -pl kubectl-foo,operator -am
	@echo "native kubectl-foo built; add it to PATH:  export PATH=\"$(CURDIR)/kubectl-foo/target/native/bin:\$$PATH\""
	@echo "native operator built: operator/target/foo-operator (make image puts it in the operator image)"
