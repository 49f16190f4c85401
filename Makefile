# Docent: two commands do everything on a fresh machine.
#   make site    installs what is missing, builds Docent (release) and writes this repo's docs site to _site/
#   make test    installs what is missing and runs every test (unit, whole-site, wasm build-check and parity)
# Also: make serve (preview with live reload), make wasm, make bench, make fuzz, make liquid-spec, make format.

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config libjs-highlight.js nodejs binaryen
BENCH_PACKAGES := hugo jekyll ruby-html-proofer wrk time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOCENT := .build/release/docent
FUZZ_SECONDS ?= 60

.PHONY: site test deps release serve wasm wasm-check parity format fuzz bench bench-deps liquid-spec clean

# Installs the Debian packages that are missing (apt-get update only when something is missing).
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

release: deps
	$(SWIFT) build -c release --product docent

# highlight.js comes from Debian's libjs-highlight.js, copied into assets/vendor/ (not in git): no CDN.
assets/vendor/highlight.min.js: | deps
	mkdir -p assets/vendor && cp /usr/share/javascript/highlight.js/highlight.min.js $@

site: release assets/vendor/highlight.min.js
	$(DOCENT) build --source .

serve: release assets/vendor/highlight.min.js
	$(DOCENT) serve --source .

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory wasm-check parity

# ConsoleWasm.wasm: the simulated console for the browser (Embedded Swift → wasm32-unknown-none-wasm).
wasm: deps
	scripts/wasm/build.sh

# EnterpriseDomain and EnterpriseConsole still compile for wasm32-unknown-none-wasm (stdlib only).
wasm-check:
	scripts/wasm/check.sh

# The same console scripts through the wasm (node) and natively give byte-identical JSON.
parity: deps
	scripts/wasm/parity.sh

format:
	swift-format format -i -r Sources Tests Fuzz Package.swift

# Bounded fuzzing of the parsers (not part of `make test`): the Liquid lexer/parser and the page parsing.
fuzz: deps
	Fuzz/Liquid/fuzz.sh $(FUZZ_SECONDS)
	Fuzz/Site/run.sh $(FUZZ_SECONDS)

# Shopify's Liquid conformance specs (they live outside the repo, in ../shared).
liquid-spec:
	$(SWIFT) run -c release liquid-spec-runner ../shared/liquid-spec/specs/basics ../shared/liquid-spec/specs/partials

bench-deps: deps
	$(call apt_install,$(BENCH_PACKAGES))

# Docent against Hugo, Jekyll and the cmark-gfm floor on generated corpora (not part of `make test`).
bench: bench-deps release
	bench/build-bench.sh

clean:
	rm -rf .build .build-* _site
