# Docent: two commands do everything on a fresh machine.
#   make site    installs what is missing, builds Docent (release) and writes this repo's docs site to _site/
#   make test    installs what is missing and runs every test (unit, whole-site, wasm build-check, size budget
#                and parity, the walkthrough in real Chromium, and Shopify's liquid-spec suites)
# Also: make serve (preview with live reload), make wasm, make browser-test, make bench, make fuzz,
# make liquid-spec, make format.

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config nodejs binaryen \
	libmimalloc-dev libsass-dev zlib1g-dev
BENCH_PACKAGES := hugo jekyll ruby-html-proofer wrk time
# Debian's Jekyll is the reference the compatibility corpus (Tests/jekyll-compat/) is compared with.
COMPAT_PACKAGES := jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-redirect-from \
	ruby-jekyll-include-cache ruby-jekyll-titles-from-headings ruby-jekyll-optional-front-matter ruby-jekyll-default-layout ruby-jekyll-relative-links
BROWSER_PACKAGES := chromium chromium-driver python3-venv
BROWSER_VENV := .venv-browser
BROWSER_PIP := 'selenium>=4.10' axe-selenium-python axe-core-python pytest
# The SwiftPM scratch folder browser-test builds docent in (`make browser-test SCRATCH=.build-mine` beside others).
SCRATCH ?= .build
BROWSER_OUT := $(SCRATCH)/browser-test
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOCENT := .build/release/docent
FUZZ_SECONDS ?= 60

.PHONY: jekyll-compat site test deps release serve wasm wasm-check wasm-size parity browser-deps browser-test format fuzz bench bench-deps workflow-test \
	liquid-spec clean

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

# The binary carries the console's script and styles; its WebAssembly build goes beside it, where docent finds it
# to write into any site whose pages have a walkthrough.
release: deps .build-wasm/ConsoleWasm.wasm
	$(SWIFT) build -c release --product docent
	cp .build-wasm/ConsoleWasm.wasm $$($(SWIFT) build -c release --show-bin-path)/ConsoleWasm.wasm

# The console for walkthrough pages, built from the Swift sources when they are newer, copied likewise.
WASM_SOURCES := $(wildcard Sources/WalkthroughContract/*.swift Sources/EnterpriseDomain/*.swift Sources/EnterpriseConsole/*.swift \
	Sources/ConsoleWasm/*.swift Sources/CConsoleShim/*.c Sources/CConsoleShim/include/*.h) scripts/wasm/build.sh
.build-wasm/ConsoleWasm.wasm: $(WASM_SOURCES) | deps
	scripts/wasm/build.sh

assets/vendor/ConsoleWasm.wasm: .build-wasm/ConsoleWasm.wasm
	mkdir -p assets/vendor && cp $< $@

site: release assets/vendor/ConsoleWasm.wasm
	$(DOCENT) build --source .

serve: release assets/vendor/ConsoleWasm.wasm
	$(DOCENT) serve --source .

# browser-deps first: the Swift tests of `docent screenshots` drive the real headless Chromium too. The console's
# wasm is built first and put beside the debug binaries, where an installed docent finds it (the whole-site,
# deployment and tutorial tests build walkthrough pages with their console).
test: deps browser-deps assets/vendor/ConsoleWasm.wasm
	$(SWIFT) build --build-tests
	cp .build-wasm/ConsoleWasm.wasm $$($(SWIFT) build --show-bin-path)/ConsoleWasm.wasm
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory wasm-check wasm-size parity jekyll-compat browser-test liquid-spec workflow-test

# Each site of Tests/jekyll-compat/ built by Debian's jekyll and by docent (debug build): the same files, the
# same text, but where a site's EXPECTED-DIFFERENCES says why not.
jekyll-compat:
	$(call apt_install,$(COMPAT_PACKAGES))
	$(SWIFT) build --product docent
	python3 scripts/jekyll-compat.py $$($(SWIFT) build --show-bin-path)/docent

# ConsoleWasm.wasm: the simulated console for the browser (Embedded Swift → wasm32-unknown-none-wasm).
wasm: deps
	scripts/wasm/build.sh

# The shipped ConsoleWasm.wasm within its budget (300 KB, 120 KB gzipped), built first when it is stale.
wasm-size: .build-wasm/ConsoleWasm.wasm
	WASM_STRICT_SIZE=1 scripts/wasm/build.sh --size

# WalkthroughContract, EnterpriseDomain and EnterpriseConsole still compile for wasm32-unknown-none-wasm (stdlib only).
wasm-check:
	scripts/wasm/check.sh

# The same console scripts through the wasm (node) and natively give byte-identical JSON.
parity: deps
	scripts/wasm/parity.sh

# Chromium and chromedriver from Debian; Selenium, axe and pytest in a venv of their own.
browser-deps:
	$(call apt_install,$(BROWSER_PACKAGES))
	@if ! $(BROWSER_VENV)/bin/python -c "import selenium, axe_selenium_python, axe_core_python, pytest" 2>/dev/null; then \
	  echo 'Setting up $(BROWSER_VENV): Selenium, axe, pytest'; \
	  python3 -m venv --clear $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q $(BROWSER_PIP); \
	fi

# The walkthrough in real headless Chromium: this repo's site built with the debug docent (which `make test`
# has just built), served on 127.0.0.1, the seed guide's steps performed in the embedded console, axe-core.
# Screenshots and axe reports: $(BROWSER_OUT)/. Tests/browser/fixture/ alone: $(BROWSER_VENV)/bin/pytest Tests/browser
browser-test: deps browser-deps assets/vendor/ConsoleWasm.wasm
	$(SWIFT) build --scratch-path $(SCRATCH) --product docent
	rm -rf $(BROWSER_OUT)/site
	$(SCRATCH)/debug/docent build --source . --output $(BROWSER_OUT)/site --quiet
	DOCENT=$(abspath $(SCRATCH))/debug/docent $(BROWSER_VENV)/bin/pytest Tests/browser -v -p no:cacheprovider --site $(BROWSER_OUT)/site --out $(BROWSER_OUT)

# The GitHub Actions workflow shipped in .github/workflows/docs.yml, its `run:` steps run here in order (a
# release build of docent, `docent check --format github`, `docent build` under a project site's base path).
workflow-test:
	$(call apt_install,python3-yaml)
	python3 scripts/ci/run-workflow.py .github/workflows/docs.yml --job build --output pages.base_path=/docs
	grep -q 'href="/docs/assets/css/docent.css"' _site/index.html

format:
	swift-format format -i -r Sources Tests Fuzz Package.swift

# Bounded fuzzing of the parsers (not part of `make test`): the Liquid lexer/parser and the page parsing.
# libFuzzer on Liquid and on Markdown + front matter, then random hostile whole sites through the real pipeline
# (Tests/DocentSiteTests/HostileSiteFuzzTests; a failure prints its seed).
fuzz: deps
	Fuzz/Liquid/fuzz.sh $(FUZZ_SECONDS)
	Fuzz/Site/run.sh $(FUZZ_SECONDS)
	$(SWIFT) build --build-tests
	DOCENT_SITE_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --skip-build --filter 'HostileSiteFuzzTests/randomSeeds'

# Shopify's Liquid conformance specs (they live outside the repo, in ../shared).
# Shopify's liquid-spec suites, copied into Tests/liquid-spec/ (MIT, see its LICENSE.txt): fails below each suite's
# pass rate, skipped specs counted as failures.
LIQUID_SPECS := Tests/liquid-spec
liquid-spec:
	$(SWIFT) build --product liquid-spec-runner
	@runner=$$($(SWIFT) build --show-bin-path)/liquid-spec-runner; \
	$$runner --show 0 --min-pass-rate 95 $(LIQUID_SPECS)/liquid_ruby && \
	$$runner --show 0 --min-pass-rate 100 $(LIQUID_SPECS)/basics && \
	$$runner --show 0 --min-pass-rate 100 $(LIQUID_SPECS)/partials

bench-deps: deps
	$(call apt_install,$(BENCH_PACKAGES))

# Docent against Hugo, Jekyll and the cmark-gfm floor on generated corpora; Docent alone at 100,000 pages (linear
# time, peak memory); the cached rebuild after a one-page edit paired against a clean build (not part of
# `make test`).
bench: bench-deps release
	bench/build-bench.sh
	bench/scale-bench.sh
	bench/cached-rebuild-bench.sh 10000

clean:
	rm -rf .build .build-* _site
