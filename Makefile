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
STATICCHECK ?= v0.8.2
# The service and command-line packages run a second time with every test
# database on the PostgreSQL test server (one package at a time: server
# logins are shared by its databases).
SERVER_PKGS ?= ./internal/budgeting ./internal/execution ./internal/evaluation ./internal/users ./internal/demo ./internal/services ./internal/cli

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

# The tests' PostgreSQL half runs against a throw-away server that
# scripts/with-test-server.sh starts and removes; BUDGETPERF_TEST_PG=skip
# leaves that half out, a URL of your own server is used as it is.
# The binary is built before the unit tests: the crash-safety test runs it
# (BUDGETPERF_BIN) instead of building its own. The Linux package reuses it
# (a few seconds); the Windows installer does not fit here (a cold
# cross-build takes 10-14 minutes): run `make package-windows` for releases.
test: deps-test ## everything CI runs: vet, unit tests, the end-to-end smoke test, the Linux package
	$(GO) vet $(PKGS)
	$(GO) build -o $(BIN) -ldflags "$(LDFLAGS)" ./app
	BUDGETPERF_BIN=$(CURDIR)/$(BIN) scripts/with-test-server.sh bash -c '$(XVFB_RUN) $(GO) test $(TESTFLAGS) $(PKGS) && BUDGETPERF_TEST_ENGINE=postgres $(GO) test -p 1 $(TESTFLAGS) $(SERVER_PKGS)'
	BUDGETPERF_BIN=$(BIN) scripts/smoke-test.sh
	$(MAKE) --no-print-directory package-linux XZ_LEVEL=1

vet: ## go vet only
	$(GO) vet $(PKGS)

unit: ## go test only (under Xvfb when there is no display; with a throw-away PostgreSQL server), then the server pass
	scripts/with-test-server.sh bash -c '$(XVFB_RUN) $(GO) test $(TESTFLAGS) $(PKGS) && BUDGETPERF_TEST_ENGINE=postgres $(GO) test -p 1 $(TESTFLAGS) $(SERVER_PKGS)'

smoke: build ## the end-to-end smoke test only
	BUDGETPERF_BIN=$(BIN) scripts/smoke-test.sh

fuzz: ## run every Fuzz target for FUZZTIME each (default 60s)
	scripts/fuzz.sh $(FUZZTIME)

bench: ## run benchmarks (BENCH=regexp, PKGS=./internal/...)
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem $(PKGS)

fmt: ## format all Go files
	$(FIND_GO) | xargs -0 -r gofmt -w

lint: ## gofmt must report nothing; go vet and staticcheck must pass
	@unformatted=$$($(FIND_GO) | xargs -0 -r gofmt -l); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run make fmt):"; echo "$$unformatted"; exit 1; \
	fi
	$(GO) vet $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) $(PKGS)

clean: ## remove build outputs (keeps the Go build cache)
	rm -rf bin dist

# ---------------------------------------------------------------- packages (packaging/README.md)
DIST      := dist
# FyneApp.toml's Build number: the fourth part of the Windows file version.
BUILDNUM  := $(or $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml 2>/dev/null | head -n1),0)
VERSION4  := $(VERSION).$(BUILDNUM)
comma     := ,
# Windows: cgo through MinGW-w64; libssp linked statically so that the exe
# needs only DLLs that come with Windows. Keep these flags stable: the Go
# build cache (the cold cross-build takes 10-14 minutes) is keyed on them.
WIN_ENV   := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CGO_LDFLAGS=-l:libssp.a
WIN_STAGE := $(DIST)/windows
WIN_SETUP := $(DIST)/BudgetPerf-$(VERSION)-windows-amd64-setup.exe
# Windows DLLs the programs may import (all part of Windows itself).
WIN_DLLS  := ADVAPI32.dll bcrypt.dll GDI32.dll IMM32.dll KERNEL32.dll msvcrt.dll ntdll.dll ole32.dll \
	OLEAUT32.dll OPENGL32.dll SHELL32.dll SHLWAPI.dll USER32.dll WINMM.dll WS2_32.dll dwmapi.dll \
	api-ms-win-core-synch-l1-2-0.dll api-ms-win-core-path-l1-1-0.dll powrprof.dll userenv.dll
LINUX_NAME  := budgetperf-$(VERSION)-linux-amd64
LINUX_STAGE := $(DIST)/linux
LINUX_TAR   := $(DIST)/$(LINUX_NAME).tar.xz
LINUX_DEB   := $(DIST)/budgetperf_$(VERSION)_amd64.deb
# xz level of the Linux packages: 6 for releases; `make test` uses 1 (3 s
# instead of 30 s per package on 2 cores, 12 % larger).
XZ_LEVEL    ?= 6

.PHONY: deps-package package package-windows package-linux

deps-package: ## install missing packaging tools (MinGW-w64, NSIS, 7-Zip, osslsigncode, dpkg-deb, xz)
	scripts/install-deps.sh --package

package: package-linux package-windows ## both packages

package-windows: deps-package ## dist/BudgetPerf-VERSION-windows-amd64-setup.exe (NSIS installer of budgetperf.exe + budgetperf-cli.exe)
	rm -rf $(WIN_STAGE) && mkdir -p $(WIN_STAGE)/app $(WIN_STAGE)/res
	$(GO) build -o $(DIST)/iconset ./packaging/iconset
	$(DIST)/iconset -ico $(WIN_STAGE)/app/budgetperf.ico
	cp $(WIN_STAGE)/app/budgetperf.ico packaging/windows/budgetperf.manifest $(WIN_STAGE)/res/
	sed 's/$$/\r/' packaging/windows/README.txt > $(WIN_STAGE)/app/README.txt
	@# Icon, manifest and version resources, one object per program (OriginalFilename differs).
	for exe in budgetperf budgetperf-cli; do \
		sed -e 's/@VERSION@/$(VERSION)/g' -e 's/@VERSION_COMMAS@/$(subst .,$(comma),$(VERSION4))/g' -e "s/@EXE@/$$exe.exe/g" \
			packaging/windows/budgetperf.rc.in > $(WIN_STAGE)/res/$$exe.rc; \
		(cd $(WIN_STAGE)/res && x86_64-w64-mingw32-windres -c 65001 -i $$exe.rc -O coff -o $$exe.o); \
	done
	@# The window: GUI subsystem, no console flashing up. The same program for
	@# scripts: console subsystem, so that its output shows in cmd.exe. -s -w
	@# leaves out the debug tables (a third of the size).
	$(WIN_ENV) $(GO) build -trimpath -o $(WIN_STAGE)/app/budgetperf.exe \
		-ldflags "$(LDFLAGS) -s -w -H=windowsgui -linkmode=external -extldflags=$(CURDIR)/$(WIN_STAGE)/res/budgetperf.o" ./app
	$(WIN_ENV) $(GO) build -trimpath -o $(WIN_STAGE)/app/budgetperf-cli.exe \
		-ldflags "$(LDFLAGS) -s -w -linkmode=external -extldflags=$(CURDIR)/$(WIN_STAGE)/res/budgetperf-cli.o" ./app
	@for exe in budgetperf budgetperf-cli; do \
		for dll in $$(x86_64-w64-mingw32-objdump -p $(WIN_STAGE)/app/$$exe.exe | sed -n 's/.*DLL Name: //p'); do \
			case " $(WIN_DLLS) " in *" $$dll "*) ;; \
			*) echo "package-windows: $$exe.exe needs $$dll, which Windows does not ship: link it statically" >&2; exit 1 ;; esac; \
		done; \
	done
	@if [ -n "$${WINDOWS_SIGN_PFX:-}" ]; then \
		packaging/windows/sign.sh $(WIN_STAGE)/app/budgetperf.exe && packaging/windows/sign.sh $(WIN_STAGE)/app/budgetperf-cli.exe; fi
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$(VERSION) -DVERSION4=$(VERSION4) \
		-DSRCDIR=$(CURDIR)/$(WIN_STAGE)/app -DOUTFILE=$(CURDIR)/$(WIN_SETUP) \
		$$([ -n "$${WINDOWS_SIGN_PFX:-}" ] && echo "-DSIGNCMD=$(CURDIR)/packaging/windows/sign.sh") \
		packaging/windows/installer.nsi
	@echo "built $(WIN_SETUP) ($$(du -h $(WIN_SETUP) | cut -f1))"

package-linux: build ## dist/budgetperf-VERSION-linux-amd64.tar.xz and dist/budgetperf_VERSION_amd64.deb from bin/budgetperf (stripped)
	scripts/install-deps.sh --package-linux >/dev/null
	rm -rf $(LINUX_STAGE) && mkdir -p $(LINUX_STAGE)/$(LINUX_NAME)/bin $(LINUX_STAGE)/deb/DEBIAN
	$(GO) build -o $(DIST)/iconset ./packaging/iconset
	@# The tarball: bin/, share/ and install.sh (into ~/.local or, as root, /usr/local).
	t=$(LINUX_STAGE)/$(LINUX_NAME); \
	strip -o $$t/bin/budgetperf $(BIN) && chmod 755 $$t/bin/budgetperf; \
	install -D -m 644 packaging/linux/budgetperf.desktop $$t/share/applications/budgetperf.desktop; \
	install -D -m 644 packaging/linux/budgetperf-mime.xml $$t/share/mime/packages/budgetperf.xml; \
	for size in 48 64 128 256 512; do \
		mkdir -p $$t/share/icons/hicolor/$${size}x$${size}/apps; \
		$(DIST)/iconset -png $$size -o $$t/share/icons/hicolor/$${size}x$${size}/apps/budgetperf.png; \
	done; \
	install -m 755 packaging/linux/install.sh $$t/install.sh; \
	tar -C $(LINUX_STAGE) --owner=0 --group=0 --numeric-owner -I "xz -T0 -$(XZ_LEVEL)" -cf $(LINUX_TAR) $(LINUX_NAME)
	@# The .deb: the same files under /usr.
	d=$(LINUX_STAGE)/deb; t=$(LINUX_STAGE)/$(LINUX_NAME); \
	install -D -m 755 $$t/bin/budgetperf $$d/usr/bin/budgetperf; \
	mkdir -p $$d/usr/share && cp -r $$t/share/applications $$t/share/icons $$t/share/mime $$d/usr/share/; \
	install -D -m 644 packaging/linux/deb/copyright $$d/usr/share/doc/budgetperf/copyright; \
	sed -e 's/@VERSION@/$(VERSION)/' -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $$d | cut -f1)/" \
		packaging/linux/deb/control.in > $$d/DEBIAN/control; \
	dpkg-deb --build --root-owner-group -Zxz -z$(XZ_LEVEL) $$d $(LINUX_DEB) >/dev/null
	@echo "built $(LINUX_TAR) ($$(du -h $(LINUX_TAR) | cut -f1)) and $(LINUX_DEB) ($$(du -h $(LINUX_DEB) | cut -f1))"

.PHONY: bench-monitor
bench-monitor: ## month-end monitor benchmark (issue 5): Go against the sqlite3 shell, 1,000,000 lines
	bench/monitor.sh

# `make bench` runs the month-end monitor comparison as well.
bench: bench-monitor
