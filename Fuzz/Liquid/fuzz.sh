#!/usr/bin/env bash
# Builds the Liquid fuzz target with libFuzzer and AddressSanitizer and runs it: fuzz.sh [SECONDS] [extra libFuzzer flags]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${1:-60}
shift || true
build=${TMPDIR:-/tmp}/liquid-fuzz
mkdir -p "$build/corpus" "$here/crashes"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name Liquid \
    "$repo"/Sources/Liquid/*.swift "$here/FuzzMain.swift" -o "$build/liquid-fuzz"
# The working corpus grows in $build/corpus; the hand-written seeds in seeds/ are read, never written.
# Leak detection is off: Swift keeps enum tags in spare pointer bits, so LeakSanitizer cannot see that cached
# partials (reachable from the engine) are still referenced and reports them at exit. Crashes and ASan errors are on.
ASAN_OPTIONS=detect_leaks=0 "$build/liquid-fuzz" -max_total_time="$seconds" -max_len=2048 -timeout=10 -detect_leaks=0 \
    -artifact_prefix="$here/crashes/" -dict="$here/liquid.dict" "$@" "$build/corpus" "$here/seeds"
