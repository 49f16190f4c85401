#!/usr/bin/env bash
# Benchmark (not a test): `docent build` against Hugo, Jekyll and the cmark-gfm floor on the same generated
# corpus, interleaved round-robin under /usr/bin/time (../shared/bench/interleave.py), medians and paired ratios.
#
#   bench/build-bench.sh [PAGES...]        default: 1000 10000
#
# Env: DOCENT (release binary, default .build/release/docent), BASELINE (another docent binary, e.g. an earlier
# commit's, timed in the same rounds as `baseline`: a before/after from one interleaved run), ROUNDS (default 3),
# WARMUP (default 1),
# WORK (corpus, logs, results; default /tmp/docent-build-bench), OUT (where the sites are written; default a
# tmpfs, /dev/shm/docent-build-bench, when there is one, else $WORK), SKIP (space-separated names to leave out,
# e.g. jekyll), KEEP=1 (keep the last sites written to a tmpfs; by default they are deleted at the end).
# Each run writes a fresh output folder; the previous one is deleted before it, untimed, followed by sync and a
# pause. Why a tmpfs by default: on an ext4 without a journal (this VM's disk) the deletion does not stay out of
# the timed part. ext4 then refuses to reuse an inode deleted in the last 60 s (360 s while its inode table
# block is dirty, which the next file created in that block makes it), and every new file and folder scans past
# all of them: after deleting one 10,000-page site, the next build of any of the tools spends 3-10 s more in
# the kernel, growing round after round (perf: recently_deleted, find_inode_bit under mkdir and open). The
# floor writes nothing, so it is unaffected. OUT=$WORK measures on the disk anyway.
# Each tool's inputs (and Docent's and Hugo's binaries) are read, untimed, right before its run: this VM pages
# out file data not touched for 60 s (DAMON proactive reclaim, kdamond), so without it a tool whose corpus was
# last read two rounds ago reads 10,000 small files from the disk, while the floor reads one file sequentially.
set -euo pipefail
cd "$(dirname "$0")/.."
DEFAULT_ROUNDS=3 DEFAULT_WARMUP=1
source bench/settings.sh
SKIP=${SKIP:-}
PAGES=("$@")
[[ $# -eq 0 ]] && PAGES=(1000 10000)
mkdir -p "$WORK" "$OUT"
echo "sites written under $OUT ($(stat -f -c %T "$OUT"))"

for pages in "${PAGES[@]}"; do
    corpus="$WORK/corpus-$pages"
    if [[ ! -f "$corpus/manifest.json" ]]; then
        python3 "$SHARED/bench/make-corpus.py" --pages "$pages" --out "$corpus" --concat "$corpus/bodies.md" --force --quiet
    fi
    out="$OUT/out-$pages"
    clean="sync; sleep 1"
    args=(--rounds "$ROUNDS" --warmup "$WARMUP" --ref hugo --json "$WORK/result-$pages.json" --log "$WORK/log-$pages.txt")
    add() {  # name, command, output folder, inputs to read before the run
        [[ " $SKIP " == *" $1 "* ]] && return
        args+=(--cmd "$1=$2" --pre "$1=rm -rf $3; $clean; find $4 -type f -exec cat {} + > /dev/null")
    }
    add docent "$DOCENT build --quiet --no-cache --source $corpus/jekyll --output $out/docent" "$out/docent" \
        "$corpus/jekyll $DOCENT"
    if [[ -n "${BASELINE:-}" ]]; then
        add baseline "$BASELINE build --quiet $("$BASELINE" build --help 2>/dev/null | grep -q -- --no-cache && echo --no-cache) --source $corpus/jekyll --output $out/baseline" "$out/baseline" \
            "$corpus/jekyll $BASELINE"
    fi
    add hugo "hugo --quiet -s $corpus/hugo -d $out/hugo" "$out/hugo" "$corpus/hugo $(command -v hugo || true)"
    add jekyll "jekyll build --quiet -s $corpus/jekyll -d $out/jekyll" "$out/jekyll" "$corpus/jekyll"
    add floor "cmark-gfm -e table -e strikethrough -e autolink -e tasklist $corpus/bodies.md > /dev/null" "$out/floor" \
        "$corpus/bodies.md"
    echo "== $pages pages ($(python3 -c "import json;m=json.load(open('$corpus/manifest.json'));print(m.get('total_pages', m.get('pages')))") with landings)"
    python3 "$SHARED/bench/interleave.py" "${args[@]}"
    # Docent against each of the others, paired by round (interleave.py pairs against one reference only).
    python3 - "$WORK/result-$pages.json" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["runs"]
timed = {name: {r["round"]: r["wall"] for r in rs if not r["warmup"]} for name, rs in runs.items()}
for other in ("hugo", "jekyll", "floor", "baseline"):
    if "docent" not in timed or other not in timed:
        continue
    ratios = sorted(timed["docent"][k] / timed[other][k] for k in timed["docent"] if k in timed[other])
    print("docent/%-7s wall %.3f median (%.3f-%.3f) over %d paired rounds: %s" % (
        other, statistics.median(ratios), ratios[0], ratios[-1], len(ratios),
        " ".join("%.2f" % r for r in ratios)))
PY
    # Correctness of the last Docent run: one page per source page, same links/ids/callouts as Jekyll.
    sources=$(find "$corpus/jekyll" -name '*.md' -not -path '*/_*' | wc -l)
    written=$(find "$out/docent" -name 'index.html' | wc -l)
    echo "pages: $sources sources, $written written by Docent"
    if [[ -d "$out/jekyll" ]]; then python3 "$SHARED/bench/compare-sites.py" "$out/jekyll" "$out/docent"; fi
    # Sites on a tmpfs take memory: they go unless KEEP=1.
    if [[ "${KEEP:-}" != 1 && "$(stat -f -c %T "$OUT")" == tmpfs ]]; then rm -rf "$out"; fi
done
