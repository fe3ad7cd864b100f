# BudgetPerf — build, test and developer tasks.  `make help` lists the targets.
# Works as root and as a normal user (package installs use sudo when needed).

SHELL       := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# Use the Go in /usr/local/go when none is on PATH.
ifeq ($(shell command -v go 2>/dev/null),)
ifneq ($(wildcard /usr/local/go/bin/go),)
export PATH := $(PATH):/usr/local/go/bin
endif
endif

GO       ?= go
BIN      := bin/budgetperf
# The version is the one in FyneApp.toml ([Details] Version), stamped into main.version.
VERSION  := $(or $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -n1),dev)
LDFLAGS  := -X main.version=$(VERSION)
ARGS     ?=
FUZZTIME ?= 60s
BENCH    ?= .
PKGS     ?= ./...
TESTFLAGS ?=

# GUI packages may need an X server in tests: use a virtual one when there is no display.
ifeq ($(strip $(DISPLAY)$(WAYLAND_DISPLAY)),)
XVFB_RUN := xvfb-run -a -s "-screen 0 1440x900x24"
else
XVFB_RUN :=
endif

# Go sources to format: everything but testdata (which may hold deliberately odd files).
FIND_GO  := find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*' -not -path './bin/*' -not -path './dist/*' -print0

.PHONY: help deps deps-test build run test vet unit smoke fuzz bench fmt lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

deps: ## install missing build packages (Debian) and check Go
	scripts/install-deps.sh

deps-test: ## install missing build and test packages (Xvfb, xdotool, ImageMagick, poppler-utils, qpdf)
	scripts/install-deps.sh --test

build: deps ## build bin/budgetperf, version from FyneApp.toml
	$(GO) build -o $(BIN) -ldflags "$(LDFLAGS)" ./app
	@echo "built $(BIN) $(VERSION)"

run: build ## build and run: make run ARGS='--db /tmp/x.db'
	./$(BIN) $(ARGS)

test: deps-test ## everything CI runs: vet, unit tests, then the end-to-end smoke test of the binary
	$(GO) vet $(PKGS)
	$(XVFB_RUN) $(GO) test $(TESTFLAGS) $(PKGS)
	$(GO) build -o $(BIN) -ldflags "$(LDFLAGS)" ./app
	BUDGETPERF_BIN=$(BIN) scripts/smoke-test.sh

vet: ## go vet only
	$(GO) vet $(PKGS)

unit: ## go test only (under Xvfb when there is no display)
	$(XVFB_RUN) $(GO) test $(TESTFLAGS) $(PKGS)

smoke: build ## the end-to-end smoke test only
	BUDGETPERF_BIN=$(BIN) scripts/smoke-test.sh

fuzz: ## run every Fuzz target for FUZZTIME each (default 60s)
	scripts/fuzz.sh $(FUZZTIME)

bench: ## run benchmarks (BENCH=regexp, PKGS=./internal/...)
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem $(PKGS)

fmt: ## format all Go files
	$(FIND_GO) | xargs -0 -r gofmt -w

lint: ## gofmt must report nothing, and go vet must pass
	@unformatted=$$($(FIND_GO) | xargs -0 -r gofmt -l); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run make fmt):"; echo "$$unformatted"; exit 1; \
	fi
	$(GO) vet $(PKGS)

clean: ## remove build outputs (keeps the Go build cache)
	rm -rf bin dist

.PHONY: bench-monitor
bench-monitor: ## month-end monitor benchmark (issue 5): Go against the sqlite3 shell, 1,000,000 lines
	bench/monitor.sh

# `make bench` runs the month-end monitor comparison as well.
bench: bench-monitor
