#!/usr/bin/env bash
# Benchmark (not a test): `docent build` against Hugo, Jekyll and the cmark-gfm floor on the same generated
# corpus, interleaved round-robin under /usr/bin/time (../shared/bench/interleave.py), medians and paired ratios.
#
#   bench/build-bench.sh [PAGES...]        default: 1000 10000
#
# Env: DOCENT (release binary, default .build/release/docent), ROUNDS (default 3), WARMUP (default 1),
# WORK (corpus and outputs, default /tmp/docent-build-bench), SKIP (space-separated names to leave out, e.g. jekyll).
# Each run writes a fresh output folder; the previous one is deleted before it, untimed, followed by sync and a
# pause (on this disk a large rm -rf right before a build slows the build down).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DOCENT=${DOCENT:-$PWD/.build/release/docent}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-1}
WORK=${WORK:-/tmp/docent-build-bench}
SKIP=${SKIP:-}
PAGES=("$@")
[[ $# -eq 0 ]] && PAGES=(1000 10000)
mkdir -p "$WORK"

for pages in "${PAGES[@]}"; do
    corpus="$WORK/corpus-$pages"
    if [[ ! -f "$corpus/manifest.json" ]]; then
        python3 "$SHARED/bench/make-corpus.py" --pages "$pages" --out "$corpus" --concat "$corpus/bodies.md" --force --quiet
    fi
    out="$WORK/out-$pages"
    clean="sync; sleep 1"
    args=(--rounds "$ROUNDS" --warmup "$WARMUP" --ref hugo --json "$WORK/result-$pages.json" --log "$WORK/log-$pages.txt")
    add() {  # name, command, output folder
        [[ " $SKIP " == *" $1 "* ]] && return
        args+=(--cmd "$1=$2" --pre "$1=rm -rf $3; $clean")
    }
    add docent "$DOCENT build --quiet --source $corpus/jekyll --output $out/docent" "$out/docent"
    add hugo "hugo --quiet -s $corpus/hugo -d $out/hugo" "$out/hugo"
    add jekyll "jekyll build --quiet -s $corpus/jekyll -d $out/jekyll" "$out/jekyll"
    add floor "cmark-gfm -e table -e strikethrough -e autolink -e tasklist $corpus/bodies.md > /dev/null" "$out/floor"
    echo "== $pages pages ($(python3 -c "import json;m=json.load(open('$corpus/manifest.json'));print(m.get('total_pages', m.get('pages')))") with landings)"
    python3 "$SHARED/bench/interleave.py" "${args[@]}"
    # Correctness of the last Docent run: one page per source page, same links/ids/callouts as Jekyll.
    sources=$(find "$corpus/jekyll" -name '*.md' -not -path '*/_*' | wc -l)
    written=$(find "$out/docent" -name 'index.html' | wc -l)
    echo "pages: $sources sources, $written written by Docent"
    if [[ -d "$out/jekyll" ]]; then python3 "$SHARED/bench/compare-sites.py" "$out/jekyll" "$out/docent"; fi
done
