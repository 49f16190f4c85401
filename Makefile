# Docent: two commands do everything on a fresh machine.
#   make site   installs what is missing, builds Docent and writes the site to _site/
#   make test   installs what is missing and runs every test
# Also: make serve-less preview is `make site` + any static server; make wasm, make bench, make fuzz, make format.

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libjs-highlight.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOCENT := .build/release/docent

.PHONY: site test deps build release wasm wasm-check format fuzz bench liquid-spec clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

release: deps
	$(SWIFT) build -c release --product docent

# highlight.js comes from Debian's libjs-highlight.js, copied into assets/vendor/ (not in git): no CDN.
assets/vendor/highlight.min.js: | deps
	mkdir -p assets/vendor && cp /usr/share/javascript/highlight.js/highlight.min.js $@

site: release assets/vendor/highlight.min.js
	$(DOCENT) build --source .

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

format:
	swift-format format -i -r Sources Tests Package.swift

liquid-spec:
	$(SWIFT) run -c release liquid-spec-runner ../shared/liquid-spec/specs/basics ../shared/liquid-spec/specs/partials

clean:
	rm -rf .build .build-* _site
