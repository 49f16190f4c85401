#!/usr/bin/env bash
# Benchmark (not a test): does a build scale linearly and stay under 1 GB? `docent build` of the generated
# 10,000-page and 100,000-page corpora and the cmark-gfm floor at 100,000 pages, interleaved round-robin under
# /usr/bin/time (../shared/bench/interleave.py), so each ratio is paired within one run:
#   100k/10k wall   target at most 11 (issue #22): linear time with a little room for the larger file system work
#   100k peak RSS   target at most 1 GB (1,048,576 KB)
#   docent/floor    at 100,000 pages, wall and CPU
#
#   bench/scale-bench.sh
#
# Env: DOCENT (release binary), ROUNDS (default 2), WARMUP (default 0), WORK and OUT as bench/build-bench.sh.
# The 100,000-page corpus takes about 4 minutes to generate (once) and 2.4 GB of disk; each 100k build writes
# about 1.5 GB of HTML to OUT (a tmpfs by default, deleted after each round).
set -euo pipefail
cd "$(dirname "$0")/.."
DEFAULT_ROUNDS=2 DEFAULT_WARMUP=0
source bench/settings.sh
mkdir -p "$WORK" "$OUT"
args=(--rounds "$ROUNDS" --warmup "$WARMUP" --ref docent-10k --json "$WORK/result-scale.json" --log "$WORK/log-scale.txt")
for pages in 10000 100000; do
    corpus="$WORK/corpus-$pages"
    if [[ ! -f "$corpus/manifest.json" ]]; then
        python3 "$SHARED/bench/make-corpus.py" --pages "$pages" --out "$corpus" --concat "$corpus/bodies.md" --force --quiet
    fi
    name="docent-$((pages / 1000))k"
    args+=(--cmd "$name=$DOCENT build --quiet --no-cache --source $corpus/jekyll --output $OUT/$name"
        --pre "$name=rm -rf $OUT/$name; sync; sleep 1; find $corpus/jekyll $DOCENT -type f -exec cat {} + > /dev/null")
done
# The floor parses the same bodies in 16 MB parts (cut at line ends), one after the other: cmark-gfm holds a whole
# document's tree, so the 600 MB of 100,000 bodies in one document would take 12 GB and measure the swap, not
# the parser.
corpus="$WORK/corpus-100000"
if [[ ! -d "$corpus/floor-parts" ]]; then
    mkdir -p "$corpus/floor-parts" && split -C 16M "$corpus/bodies.md" "$corpus/floor-parts/part-"
fi
args+=(--cmd "floor-100k=for f in $corpus/floor-parts/part-*; do cmark-gfm -e table -e strikethrough -e autolink -e tasklist \$f > /dev/null; done"
    --pre "floor-100k=cat $corpus/floor-parts/part-* > /dev/null")
python3 "$SHARED/bench/interleave.py" "${args[@]}"
rm -rf "$OUT/docent-10k" "$OUT/docent-100k"
python3 - "$WORK/result-scale.json" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["runs"]
timed = {name: {r["round"]: r for r in rs if not r["warmup"]} for name, rs in runs.items()}
def paired(a, b, field):
    return sorted(timed[a][k][field] / timed[b][k][field] for k in timed[a] if k in timed[b])
def cpu(r): return r["user"] + r["sys"]
for r in timed.values():
    for run in r.values(): run["cpu"] = cpu(run)
scale = paired("docent-100k", "docent-10k", "wall")
print("100k/10k wall  %.2f median (%s)   target <= 11: %s" % (
    statistics.median(scale), " ".join("%.2f" % x for x in scale), "met" if statistics.median(scale) <= 11 else "NOT met"))
peak = max(r["maxrss_kb"] for r in timed["docent-100k"].values())
print("100k peak RSS  %d MB   target <= 1024 MB: %s" % (peak // 1024, "met" if peak <= 1048576 else "NOT met"))
for field in ("wall", "cpu"):
    ratios = paired("docent-100k", "floor-100k", field)
    print("100k docent/floor %-4s %.2f median (%s)" % (field, statistics.median(ratios), " ".join("%.2f" % x for x in ratios)))
PY
