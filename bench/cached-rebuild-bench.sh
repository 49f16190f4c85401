#!/usr/bin/env bash
# Benchmark (not a test): `docent build` after a one-page edit with a warm build cache (.docent-cache/) against a
# clean build (--no-cache) of the same site, and the first build that fills an empty cache (no previous site
# either) against the same clean build, interleaved round-robin in one run (../shared/bench/interleave.py), with
# the paired ratios cached/clean, cached/cold and cold/clean per round.
#
#   bench/cached-rebuild-bench.sh [PAGES]        default: 10000
#
# Env: DOCENT (release binary, default .build/release/docent), ROUNDS (default 3), WARMUP (default 1), WORK (corpus
# and results; default /tmp/docent-build-bench), OUT (where the sites are written; default a tmpfs,
# /dev/shm/docent-build-bench, when there is one, else $WORK).
# The corpus (see build-bench.sh) is copied once to $WORK/cached-site-PAGES, which gets the cache and the edits.
# Before each cached run, untimed: a cached build of the site as it is (so the cache is warm and the output folder
# holds the last site, as after an author's previous build), then one page gets a new sentence. Before each clean
# run the output folder is deleted, as in build-bench.sh. Each run's inputs are read, untimed, right before it (see
# build-bench.sh for why).
set -euo pipefail
cd "$(dirname "$0")/.."
DEFAULT_ROUNDS=3 DEFAULT_WARMUP=1
source bench/settings.sh
pages=${1:-10000}
corpus="$WORK/corpus-$pages"
if [[ ! -f "$corpus/manifest.json" ]]; then
    python3 "$SHARED/bench/make-corpus.py" --pages "$pages" --out "$corpus" --concat "$corpus/bodies.md" --force --quiet
fi
site="$WORK/cached-site-$pages"
if [[ ! -d "$site" ]]; then cp -r "$corpus/jekyll" "$site"; fi
cold_site="$WORK/cold-site-$pages"
if [[ ! -d "$cold_site" ]]; then cp -r "$corpus/jekyll" "$cold_site"; fi
page=$(find "$site" -name '*.md' -not -path '*/_*' | sort | sed -n 2p)
out="$OUT/cached-$pages"
mkdir -p "$out"
read_inputs="find $site -path '*/.docent-cache' -prune -o -type f -exec cat {} + > /dev/null; cat $DOCENT > /dev/null"
echo "== $pages pages: a one-page edit ($page) with a warm cache, against a clean build"
python3 "$SHARED/bench/interleave.py" --rounds "$ROUNDS" --warmup "$WARMUP" --ref clean \
    --json "$WORK/result-cached-$pages.json" --log "$WORK/log-cached-$pages.txt" \
    --cmd "clean=$DOCENT build --quiet --no-cache --source $site --output $out/clean" \
    --pre "clean=rm -rf $out/clean; sync; sleep 1; $read_inputs" \
    --cmd "cached=$DOCENT build --quiet --cache --source $site --output $out/cached" \
    --pre "cached=$DOCENT build --quiet --cache --source $site --output $out/cached; echo \"Edited at \$(date +%s%N).\" >> $page; sync; sleep 1; $read_inputs" \
    --cmd "cold=$DOCENT build --quiet --cache --source $cold_site --output $out/cold" \
    --pre "cold=rm -rf $out/cold $cold_site/.docent-cache; sync; sleep 1; $read_inputs"
python3 - "$WORK/result-cached-$pages.json" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["runs"]
timed = {name: {r["round"]: r["wall"] for r in rs if not r["warmup"]} for name, rs in runs.items()}
cpu = {name: {r["round"]: r["user"] + r["sys"] for r in rs if not r["warmup"]} for name, rs in runs.items()}
# The rebuild against a clean build, and against the first build that filled the cache ("the second build costs a
# tenth of the first"); the first build against a clean one.
for name, ref in (("cached", "clean"), ("cached", "cold"), ("cold", "clean")):
    for label, table in (("wall", timed), ("cpu", cpu)):
        ratios = sorted(table[name][k] / table[ref][k] for k in table[name] if k in table[ref])
        print("%s/%s %s %.3f median (%.3f-%.3f) over %d paired rounds: %s" % (
            name, ref, label, statistics.median(ratios), ratios[0], ratios[-1], len(ratios),
            " ".join("%.3f" % r for r in ratios)))
PY
# The cached site is the clean build's, byte for byte (the page edited last is in both).
$DOCENT build --quiet --cache --source "$site" --output "$out/cached"
$DOCENT build --quiet --no-cache --source "$site" --output "$out/clean"
if diff -r "$out/cached" "$out/clean" > /dev/null; then echo "cached and clean outputs: identical"; else
    echo "cached and clean outputs DIFFER"; exit 1; fi
rm -rf "$out"
