# Named entry points; `make help` lists them.
SHELL := /bin/bash
MVN ?= ./mvnw -B --no-transfer-progress
RUN_CP = local-run/target/local-run-0.1.0-SNAPSHOT.jar:local-run/target/lib/*
BENCH_CP = bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*

.PHONY: help build test unit control-plane lint run bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: ## compile and package every module (no tests)
	$(MVN) -DskipTests install

unit: ## unit tests only (no control plane needed)
	$(MVN) -DskipITs install

control-plane: ## build (or find cached) etcd, kube-apiserver and kubectl
	@hack/timed "control plane" hack/control-plane

lint: ## check the GitHub Actions workflows with actionlint (built and cached on first use)
	@hack/timed actionlint hack/actionlint

test: control-plane lint ## THE test command: lint, then unit + integration tests (provisions the control plane first); prints each phase's time
	@hack/timed maven $(MVN) install

run: control-plane ## run the operator in the foreground (current cluster, else a local control plane; FRESH=1 wipes it)
	$(MVN) -q -DskipTests install -pl local-run -am
	exec java -cp "$(RUN_CP)" my.domain.tutorial.localrun.LocalRun $(if $(FRESH),--fresh) $(if $(LOCAL),--local)

clean: ## remove build outputs (the control-plane cache and local cluster data stay)
	$(MVN) clean

# The OLM bundle. Optional overrides: VERSION (semver; default from the Maven version),
# CHANNELS (comma-separated), DEFAULT_CHANNEL, IMG (operator image), REPLACES, SKIP_RANGE.
K8S_MINOR = $(shell sed -n 's:.*<k8s.version>\([0-9]*\.[0-9]*\).*:\1:p' pom.xml)
BUNDLE_PROPS = $(if $(VERSION),-Dbundle.version=$(VERSION)) $(if $(CHANNELS),-Dbundle.channels=$(CHANNELS)) \
  $(if $(DEFAULT_CHANNEL),-Dbundle.defaultChannel=$(DEFAULT_CHANNEL)) $(if $(IMG),-Dbundle.image=$(IMG)) \
  $(if $(REPLACES),-Dbundle.replaces=$(REPLACES)) $(if $(SKIP_RANGE),'-Dbundle.skipRange=$(SKIP_RANGE)')
.PHONY: bundle bundle-validate

bundle: ## write the OLM bundle to bundle/target/bundle/ and bundle/target/bundle.Dockerfile
	$(MVN) -q -DskipTests package -pl bundle -am $(BUNDLE_PROPS)

bundle-validate: bundle ## run the Operator Framework's validators on the bundle (zero errors and warnings)
	hack/bundle-validate -k8s-version $(K8S_MINOR) bundle/target/bundle

bench: control-plane ## benchmarks against a local control plane: prints a table, writes bench/target/results.json
	$(MVN) -q -DskipTests install -pl bench,kubectl-foo -am
	java -cp "$(BENCH_CP)" my.domain.tutorial.bench.Benchmark $(BENCH_OUT)

# The kubectl plugin (kubectl-foo module).
NATIVE_METADATA = $(CURDIR)/kubectl-foo/src/main/resources/META-INF/native-image/my.domain.tutorial/kubectl-foo/reflect-config.json
.PHONY: plugin native native-metadata

plugin: ## build the kubectl plugin into kubectl-foo/target/ (kubectl-foo, kubectl_complete-foo); put that folder on PATH
	$(MVN) -q -DskipTests install -pl kubectl-foo -am
	@echo "kubectl-foo built; add it to PATH:  export PATH=\"$(CURDIR)/kubectl-foo/target:\$$PATH\"  then: kubectl foo --help"

native: ## the native kubectl-foo (needs a GraalVM JDK as JAVA_HOME or GRAALVM_HOME): kubectl-foo/target/kubectl-foo-native
	$(MVN) -Pnative -DskipTests -Dcds.archive=false install -pl kubectl-foo -am

native-metadata: ## regenerate kubectl-foo's native-image reflection metadata (when NativeMetadataTest asks for it)
	$(MVN) -q -DskipTests install -pl kubectl-foo -am
	$(MVN) -q -pl kubectl-foo test-compile exec:java -Dexec.mainClass=my.domain.tutorial.kubectl.NativeMetadata \
	  -Dexec.classpathScope=test -Dexec.args=$(NATIVE_METADATA)
