#!/usr/bin/env bash
# Parity for `make test`: builds ConsoleWasm.wasm if it is missing or older than the sources, then runs every
# script in Tests/wasm/scripts through it with node and compares with the native transcripts in Tests/wasm/expected
# (the native side is ScriptParityTests in EnterpriseConsoleTests). WASM_OUT picks the build folder, as for build.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasm="${WASM_OUT:-.build-wasm}/ConsoleWasm.wasm"
if [[ ! -f "$wasm" ]] || [[ -n "$(find Sources/EnterpriseDomain Sources/EnterpriseConsole Sources/ConsoleWasm Sources/CConsoleShim -newer "$wasm" -type f | head -1)" ]]; then
    scripts/wasm/build.sh
fi
node Tests/wasm/parity.mjs "$wasm"
