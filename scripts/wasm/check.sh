#!/usr/bin/env bash
# The wasm build-check for `make test`: EnterpriseDomain and EnterpriseConsole still compile with Embedded Swift
# (and the walkthrough contract they build on) for wasm32-unknown-none-wasm (stdlib only: no Foundation, Codable, Mirror, existentials, untyped throws).
set -euo pipefail
cd "$(dirname "$0")/../.."
WASM_OUT="${WASM_OUT:-.build-wasm/check}" scripts/wasm/build.sh --check
