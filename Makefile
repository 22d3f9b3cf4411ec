# ties — the two commands of the README are `make demo` and `make test`; both set up what they need.
SWIFT   ?= swift
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE := .build/release/ties
DEBIAN_PACKAGES := libcmark-dev pkg-config
# What `make install`'s static binary links for `ties sync` (Foundation's networking and XML).
STATIC_PACKAGES := libcurl4-openssl-dev libxml2-dev

.PHONY: all deps test-deps build release static demo test bench fuzz mutate install uninstall fmt lint clean

all: build

# libcmark (via pkg-config) is the one system library ties needs. Installed only when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing $(DEBIAN_PACKAGES) with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES); \
	fi

# The tests also parse every page of the built sample site as HTML5 (python3-html5lib), open it
# in headless Chromium, and read the calendar and vCard exports and the feeds with real parsers
# and validators.
# Every kind of page is checked with axe-core (Deque's accessibility rules, MPL-2.0), whose
# axe.min.js comes from PyPI inside axe-playwright-python: the file alone is taken from the wheel.
# `ties sync` is tested against real CardDAV servers: Radicale and Xandikos, started on 127.0.0.1.
TEST_PACKAGES := python3-html5lib python3-icalendar python3-feedparser python3-jsonschema python3-vobject chromium radicale xandikos
AXE_WHEEL := axe-playwright-python==0.1.8
AXE := .build/test-deps/axe.min.js
test-deps: deps $(AXE)
	@if ! /usr/bin/python3 -c "import html5lib, icalendar, feedparser, jsonschema, vobject" >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 || ! command -v radicale >/dev/null 2>&1 || ! command -v xandikos >/dev/null 2>&1; then \
		echo "Installing $(TEST_PACKAGES) with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES); \
	fi

$(AXE):
	@mkdir -p .build/test-deps/wheel
	python3 -m pip download --quiet --no-deps --dest .build/test-deps/wheel "$(AXE_WHEEL)"
	python3 -c "import glob, zipfile; zipfile.ZipFile(glob.glob('.build/test-deps/wheel/*.whl')[0]).extract('axe_playwright_python/axe.min.js', '.build/test-deps/wheel')"
	mv .build/test-deps/wheel/axe_playwright_python/axe.min.js $(AXE)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the bundled sample journal: its private site. A debug build: half the time of
# a release build on a fresh machine (177 s against 340 s on 2 cores, most of it swift-crypto's
# C), which `make test` then builds on, and the sample site takes under a second either way.
DEBUG := .build/debug/ties
demo: build
	$(DEBUG) build --journal journal-template
	@echo
	@echo "The sample journal's site is in journal-template/_site/: open journal-template/_site/index.html in a browser."

# Tests make their temporary folders inside one scratch folder, removed afterwards whatever the
# outcome, so runs do not pile up folders in /tmp.
test: test-deps
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins
	$(SWIFT) build --build-tests
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/ties-test.XXXXXX") && \
		TMPDIR="$$scratch" $(SWIFT) test; status=$$?; rm -rf "$$scratch"; exit $$status

# Generates journals of 1k, 10k and 100k records and measures check, due, build, rebuild and Hugo on the
# same files (Debian's hugo, installed when missing); see docs/PERFORMANCE.md. Takes several minutes.
# It measures the binary `make install` installs: calls into a runtime linked in skip the dynamic
# linker's stubs, which makes every command 10-15% faster than `make release`'s.
bench: static
	@command -v hugo >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
	python3 bench/run.py --binary $(STATIC)

# Coverage-guided fuzzing (libFuzzer, address sanitizer) of the record, ties.yaml, wiki-link,
# template and import parsers, FUZZ_SECONDS in all (docs/SECURITY.md). A separate build in .build-fuzz/
FUZZ_SECONDS ?= 300
fuzz: deps
	TIES_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product TiesFuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Mutation testing (Tests/Mutations): small plausible bugs, each of which some test must catch.
# Not part of `make test` (it rebuilds once per mutation); run it before a refactor of the code it
# mutates and record the result in docs/ARCHITECTURE.md. MUTATE_FULL=1 runs the whole suite per
# mutation instead of the tests each one names.
mutate: test-deps
	python3 Tests/Mutations/run.py

# The installed binary carries the Swift runtime and Foundation (--static-swift-stdlib), so it runs
# on a machine without the toolchain (it needs libcmark only). Built apart, in .build-static/, so
# that `make release` and `make bench` stay incremental.
STATIC := .build-static/release/ties
static: deps
	@if ! dpkg -s $(STATIC_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(STATIC_PACKAGES); \
	fi
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product ties

install: static
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(STATIC) $(DESTDIR)$(PREFIX)/bin/ties

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ties

fmt:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Plugins

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins

clean:
	rm -rf .build .build-static
