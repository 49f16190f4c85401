#!/usr/bin/env bash
# Builds the site-parsing fuzzer (with the highlighter's lexers) with libFuzzer + AddressSanitizer and runs it for a bounded time.
#   Fuzz/Site/run.sh [SECONDS]   (default 60). Crashes are written to fuzz-artifacts/site/; each one found
#   becomes a regression test in Tests/DocentMarkdownTests or Tests/DocentSiteTests.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=.build-fuzz/site
mkdir -p "$out" fuzz-artifacts/site "$out/corpus"
cp content/insomnia/*.md "$out/corpus/" 2>/dev/null || true
clang -c -O1 -fsanitize=fuzzer-no-link,address Sources/CCmarkGFMThreadSafety/thread_safety.c \
  -I Sources/CCmarkGFMThreadSafety/include -o "$out/thread_safety.o"
clang -c -O1 -fsanitize=fuzzer-no-link,address Sources/CCmarkGFMNodes/nodes.c \
  -I Sources/CCmarkGFMNodes/include -o "$out/nodes.o"
# SwiftPM writes the C targets' module maps itself; outside SwiftPM we write them.
mkdir -p "$out/modules"
for target in CCmarkGFMThreadSafety CCmarkGFMNodes; do
  printf 'module %s {\n  header "%s"\n  export *\n}\n' \
    "$target" "$PWD/Sources/$target/include/$target.h"
done > "$out/modules/module.modulemap"
# DocentMarkdown imports Highlight: compiled first, as a module of its own.
swiftc -O -sanitize=fuzzer,address -parse-as-library -wmo -module-name Highlight -emit-module \
  -emit-module-path "$out/modules/Highlight.swiftmodule" -c Sources/Highlight/*.swift -o "$out/Highlight.o"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SiteFuzz \
  -I Sources/CCmarkGFM -I "$out/modules" \
  Fuzz/Site/main.swift Sources/DocentSite/Pages/FrontMatter.swift Sources/DocentMarkdown/*.swift \
  "$out/Highlight.o" "$out/thread_safety.o" "$out/nodes.o" -lcmark-gfm -lcmark-gfm-extensions -ldl \
  -o "$out/site-fuzzer"
"$out/site-fuzzer" -max_total_time="$seconds" -max_len=65536 -artifact_prefix=fuzz-artifacts/site/ "$out/corpus"
