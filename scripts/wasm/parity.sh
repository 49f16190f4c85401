#!/usr/bin/env bash
# Parity for `make test`: builds ConsoleWasm.wasm (what the page ships) and ConsoleWasmTesting.wasm (the same
# console plus the script runner and state export) if they are missing or older than the sources, then runs every
# script in Tests/wasm/scripts through them with node and compares with the native transcripts in
# Tests/wasm/expected (the native side is ScriptParityTests in EnterpriseConsoleTests), then asks the walkthrough
# rule the questions in Tests/wasm/judgments.json through walkthrough_judge and compares with the native answers
# in Tests/wasm/expected/judgments.json (JudgmentParityTests). WASM_OUT picks the build folder, as for build.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${WASM_OUT:-.build-wasm}"
stale() {
    [[ ! -f "$1" ]] || [[ -n "$(find Sources/WalkthroughContract Sources/EnterpriseDomain Sources/EnterpriseConsole Sources/ConsoleWasm Sources/CConsoleShim scripts/wasm/build.sh -newer "$1" -type f | head -1)" ]]
}
if stale "$out/ConsoleWasm.wasm"; then scripts/wasm/build.sh; fi
if stale "$out/ConsoleWasmTesting.wasm"; then scripts/wasm/build.sh --testing; fi
node Tests/wasm/parity.mjs "$out/ConsoleWasm.wasm" "$out/ConsoleWasmTesting.wasm"
