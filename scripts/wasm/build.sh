#!/usr/bin/env bash
# Builds .build-wasm/ConsoleWasm.wasm: WalkthroughContract + EnterpriseDomain + EnterpriseConsole + ConsoleWasm with Embedded Swift
# for wasm32-unknown-none-wasm (release, -Osize), linked with the C shim. Direct swiftc → clang → wasm-ld, so
# the package's native `swift build` is untouched. Prints the raw and gzipped sizes.
#   scripts/wasm/build.sh            build
#   scripts/wasm/build.sh --check    only compile WalkthroughContract, EnterpriseDomain and EnterpriseConsole for wasm
#                                    (no link)
#   scripts/wasm/build.sh --testing  build ConsoleWasmTesting.wasm instead: the same console plus the exports only
#                                    the parity test uses (console_state, console_run_script); not size-checked
#   scripts/wasm/build.sh --size     only print and check the size of the ConsoleWasm.wasm already built
# The budget is 300 KB raw and 120 KB gzipped; WASM_STRICT_SIZE=1 turns the over-budget warning into a failure
# (`make test` runs `--size` with it).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLCHAIN="${SWIFT_TOOLCHAIN:-$(dirname "$(dirname "$(command -v swiftc)")")}"
BIN="$TOOLCHAIN/bin"
TRIPLE=wasm32-unknown-none-wasm
OUT="${WASM_OUT:-.build-wasm}"
OBJ="$OUT/obj"
mkdir -p "$OBJ"
# -inline-threshold=0 keeps LLVM from inlining runtime calls (swift_retain…) into every call site: ~8% smaller.
# Without the closure-specialize SIL pass, a function taking a closure (Array+Outlined.swift) is compiled once
# per element type rather than once per closure literal: ~3 KB smaller.
SWIFTFLAGS=(-target "$TRIPLE" -enable-experimental-feature Embedded -wmo -Osize -Xfrontend -disable-stack-protector
    -Xllvm -inline-threshold=0 -Xllvm -sil-disable-pass=closure-specialize -parse-as-library -swift-version 6
    -package-name docent -I "$OBJ")

compile() {  # module name, then sources
    local module="$1"; shift
    "$BIN/swiftc" "${SWIFTFLAGS[@]}" -module-name "$module" -emit-module -emit-module-path "$OBJ/$module.swiftmodule" \
        -c "$@" -o "$OBJ/$module.o"
}

# Prints the raw and gzipped sizes; over budget, warns (or fails with WASM_STRICT_SIZE=1) for the shipped wasm.
report_size() {
    local raw gz
    raw=$(wc -c < "$1")
    gz=$(gzip -9 -c "$1" | wc -c)
    echo "$1: $raw bytes ($((raw / 1024)) KB), gzipped $gz bytes ($((gz / 1024)) KB)"
    if [[ "$(basename "$1")" == ConsoleWasm.wasm ]] && (( raw > 300 * 1024 || gz > 120 * 1024 )); then
        if [[ "${WASM_STRICT_SIZE:-0}" == 1 ]]; then
            echo "error: over the size budget (300 KB raw, 120 KB gzipped)" >&2
            exit 1
        fi
        echo "warning: over the size budget (300 KB raw, 120 KB gzipped)" >&2
    fi
}

if [[ "${1:-}" == "--size" ]]; then
    report_size "$OUT/ConsoleWasm.wasm"
    exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
    # The three library targets, as the separate modules SwiftPM makes of them.
    compile WalkthroughContract Sources/WalkthroughContract/*.swift
    compile EnterpriseDomain Sources/EnterpriseDomain/*.swift
    compile EnterpriseConsole Sources/EnterpriseConsole/*.swift
    echo "WalkthroughContract, EnterpriseDomain and EnterpriseConsole build for $TRIPLE"
    exit 0
fi
NAME=ConsoleWasm
if [[ "${1:-}" == "--testing" ]]; then
    NAME=ConsoleWasmTesting
    SWIFTFLAGS+=(-D CONSOLE_WASM_TESTING)
    OBJ="$OBJ/testing"
    mkdir -p "$OBJ"
fi
# For the product, one whole-module compile of all four folders lets the optimizer drop everything the
# exports never reach (separate modules keep every public function): the imports between them are removed.
SRC="$OBJ/src"
rm -rf "$SRC" && mkdir -p "$SRC"
for dir in WalkthroughContract EnterpriseDomain EnterpriseConsole ConsoleWasm; do
    for file in Sources/$dir/*.swift; do
        sed -E '/^import (WalkthroughContract|EnterpriseDomain|EnterpriseConsole)$/d' "$file" > "$SRC/${dir}_$(basename "$file")"
    done
done
"$BIN/swiftc" "${SWIFTFLAGS[@]}" -module-name ConsoleWasm -c "$SRC"/*.swift -o "$OBJ/$NAME.o"
"$BIN/clang" --target="$TRIPLE" -Os -ffreestanding -fno-builtin -nostdlib -c Sources/CConsoleShim/shim.c -o "$OBJ/shim.o"
# The standard library's Unicode data tables (libswiftUnicodeDataTables.a) are not linked: the modules compare,
# case-fold and walk strings by their UTF-8 bytes (EnterpriseDomain/String+Bytes.swift), so an undefined
# _swift_stdlib_* symbol here means new code reached String ==, <, lowercased() or Character through the standard
# library; see that file for the replacements.
"$BIN/wasm-ld" --no-entry --gc-sections --strip-all -z stack-size=1048576 \
    "$OBJ/$NAME.o" "$OBJ/shim.o" -o "$OUT/$NAME.wasm"
# binaryen's wasm-opt (Debian `binaryen`), when present, takes another ~17% off. wasm-ld starts the data at
# address 1024, so --low-memory-unused holds and lets it fold constant addresses into loads and stores (~5 KB).
# Not inlining functions into their only caller (one-caller-inline-max-function-size=0) costs ~2.5 KB raw but saves
# ~1.8 KB gzipped, the tighter of the two budgets; --converge repeats the passes until nothing changes (~0.3 KB).
if command -v wasm-opt >/dev/null; then
    wasm-opt -Oz --converge --one-caller-inline-max-function-size=0 --low-memory-unused --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
        "$OUT/$NAME.wasm" -o "$OUT/$NAME.opt.wasm"
    mv "$OUT/$NAME.opt.wasm" "$OUT/$NAME.wasm"
fi
report_size "$OUT/$NAME.wasm"
