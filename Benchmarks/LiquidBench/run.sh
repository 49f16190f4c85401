#!/usr/bin/env bash
# Builds the Liquid render benchmark with the Liquid sources (optimised) and runs it: run.sh [ITERATIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${TMPDIR:-/tmp}/liquid-bench-$$
mkdir -p "$out"
swiftc -O -wmo -module-name Liquid -emit-module -emit-module-path "$out/Liquid.swiftmodule" -parse-as-library \
    -emit-library -static -o "$out/libLiquid.a" "$repo"/Sources/Liquid/*.swift
swiftc -O -I "$out" -L "$out" -lLiquid "$here/main.swift" -o "$out/liquid-bench"
"$out/liquid-bench" "${1:-10000}"
rm -rf "$out"
