# Named entry points; `make help` lists them.
SHELL := /bin/bash
MVN ?= ./mvnw -B --no-transfer-progress

.PHONY: help build test unit control-plane clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: ## compile and package every module (no tests)
	$(MVN) -DskipTests install

unit: ## unit tests only (no control plane needed)
	$(MVN) -DskipITs install

test: ## the test command: unit + integration tests, provisioning the control plane first
	$(MVN) install

clean: ## remove build outputs (the control-plane cache stays)
	$(MVN) clean
