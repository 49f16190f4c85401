#!/usr/bin/env bash
# Benchmark (not a test) of `docent serve`: the time from a file's write to the live-reload event, on the
# synthetic corpus, for a one-page edit and for an include used by every page; then a bounded load run with wrk.
#
#   bench/serve-latency.sh [PAGES...]          default: 1000 10000
#
# Env: DOCENT (a release docent binary; built with --scratch-path .build-serve if unset), ROUNDS (one-page
# edits, default 20), INCLUDE_ROUNDS (include edits, default 5), WRK_SECONDS (default 30; 0 skips wrk), WRK_CONNECTIONS (default 200), WORK (corpus folder).
# Servers bind 127.0.0.1 only and are always stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-20}
INCLUDE_ROUNDS=${INCLUDE_ROUNDS:-5}
WRK_SECONDS=${WRK_SECONDS:-30}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-200}
WORK=${WORK:-/tmp/docent-serve-bench}
PAGES=("${@:-1000 10000}")
[[ $# -eq 0 ]] && PAGES=(1000 10000)
if [[ -z "${DOCENT:-}" ]]; then
    swift build -c release --scratch-path .build-serve --product docent >&2
    DOCENT=$(swift build -c release --scratch-path .build-serve --show-bin-path)/docent
fi
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

for pages in "${PAGES[@]}"; do
    corpus="$WORK/corpus-$pages"
    if [[ ! -d "$corpus/jekyll" ]]; then
        python3 "${SHARED:-../shared}/bench/make-corpus.py" --pages "$pages" --out "$corpus" >/dev/null
    fi
    site="$WORK/site-$pages"
    rm -rf "$site" && cp -r "$corpus/jekyll" "$site"
    # The corpus layout includes nothing: give every page an include, to time an edit that touches them all.
    printf '<footer>Acme Cloud Docs</footer>\n' >"$site/_includes/footer.html"
    sed -i 's|</body>|{% include footer.html %}\n</body>|' "$site/_layouts/default.html"
    port=$((14000 + RANDOM % 1000))
    log="$WORK/serve-$pages.log"
    "$DOCENT" serve --source "$site" --port "$port" >"$log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do grep -q "^Serving" "$log" && break; sleep 0.2; done
    grep -q "^Serving" "$log" || { echo "server did not start"; cat "$log"; exit 1; }
    echo "== $pages pages: $(grep '^Built' "$log")"
    python3 - "$site" "$port" "$ROUNDS" "$INCLUDE_ROUNDS" <<'PY'
import os, socket, statistics, sys, time
site, port, rounds, include_rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def events():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__docent/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    s.settimeout(60)
    buf = b""
    while b": connected" not in buf:
        buf += s.recv(65536)
    return s

def wait_reload(s):
    buf = b""
    while b"event: reload" not in buf:
        chunk = s.recv(65536)
        if not chunk:
            raise SystemExit("event stream closed")
        buf += chunk
    return time.perf_counter()

def pick_page():
    for folder, _, names in sorted(os.walk(site)):
        if "/_" in folder or "/." in folder:
            continue
        for name in sorted(names):
            if name.endswith(".md") and name != "index.md":
                return os.path.join(folder, name)

def pick_include():
    # The include every page shows: the one the default layout includes first.
    layout = open(os.path.join(site, "_layouts", "default.html")).read()
    import re
    names = re.findall(r"{%-?\s*include\s+([\w./-]+)", layout)
    if not names:
        raise SystemExit("the default layout includes nothing")
    return os.path.join(site, "_includes", names[0])

def measure(path, label, appended, rounds):
    s = events()
    original = open(path).read()
    times = []
    for i in range(rounds):
        text = original + appended.format(i=i)
        time.sleep(0.25)
        start = time.perf_counter()
        with open(path, "w") as f:
            f.write(text)
        end = wait_reload(s)
        times.append((end - start) * 1000)
    with open(path, "w") as f:
        f.write(original)
    wait_reload(s)
    s.close()
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"{label}: p50 {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, min {times[0]:.1f}, max {times[-1]:.1f} ms ({rounds} edits)")

page = pick_page()
measure(page, f"one-page edit ({os.path.relpath(page, site)})", "\nEdited sentence number {i}.\n", rounds)
include = pick_include()
measure(include, f"include used by every page ({os.path.relpath(include, site)})", "\n<!-- edit {i} -->\n", include_rounds)
PY
    grep "pages rendered" "$log" | tail -3 | sed 's/^/   server: /'
    if [[ "$WRK_SECONDS" != 0 && "$pages" == "${PAGES[-1]}" ]]; then
        url_path=$(cd "$site" && find . -name '*.md' -not -path './_*' -not -name index.md | sort | sed -n 1p | sed 's|^\./||; s|\.md$|/|')
        echo "== wrk -t2 -c$WRK_CONNECTIONS -d${WRK_SECONDS}s http://127.0.0.1:$port/$url_path"
        wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" "http://127.0.0.1:$port/$url_path" | sed 's/^/   /'
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/$url_path")
        echo "   after the load run the server answers: HTTP $code"
    fi
    cleanup
    SERVER_PID=""
done
