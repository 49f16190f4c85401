#!/usr/bin/env python3
"""Benchmark (not a test): how soon search results appear in real Chromium once a query's files have arrived.

    .venv-browser/bin/python bench/search-latency.py SITE [--queries N] [--seed S]

SITE is a site Docent built with its search index (`search: {index: true}`; the README reports the 10,000-page
corpus of bench/build-bench.sh with that line added to its `_config.yml`). The site is served over HTTP on a real socket; a page
holding the search box of Docent's theme and this repository's assets/js/search.js (written beside the site's
files, in a folder of this run's own, and removed after) is opened in headless Chromium. For each of N queries
(words of the index, drawn at random with a fixed seed: whole words, three-letter prefixes, and for words of five
letters or more a typo one edit away) it types the query once, which fetches the manifest, the shards and the
result pages, then clears the box and types it again: the time from that input event to the results shown for
that query is the search's own time, what issue #21 asks to be at most 100 ms. The first, fetching run's time is
reported too. Needs chromium and chromedriver (`make browser-deps`).
"""
import argparse
import functools
import http.server
import json
import os
import random
import shutil
import statistics
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
HARNESS = "search-latency-bench"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search latency</title></head>
<body>
<form class="search" role="search" data-search-index="/search/manifest.json" hidden>
<label for="q">Search the docs</label>
<input id="q" class="search__input" type="search" name="q" autocomplete="off" role="combobox"
 aria-autocomplete="list" aria-expanded="false" aria-controls="q-results">
<ul id="q-results" class="search__results" role="listbox" aria-label="Search results" hidden></ul>
<p class="search__status" role="status" aria-live="polite"></p>
</form>
<script src="search.js"></script>
</body></html>
"""

# Types `query` into the box (an input event, as a keystroke gives) and waits for the list to show that query's
# results; returns the milliseconds in between.
TYPE_AND_WAIT = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('q');
const list = document.getElementById('q-results');
input.value = '';
input.dispatchEvent(new Event('input'));
list.removeAttribute('data-query');
const shown = () => list.getAttribute('data-query') === query
    && (list.querySelector('.search__result') || /No results/.test(list.textContent));
let finished = false;
const finish = (ms) => {
  if (finished) return;
  finished = true;
  observer.disconnect();
  done({ms: ms, results: list.querySelectorAll('.search__result').length});
};
// Called as the list changes (a microtask after search.js writes it), not at the next frame.
const observer = new MutationObserver(() => { if (shown()) finish(performance.now() - started); });
observer.observe(list, {attributes: true, childList: true, subtree: true, characterData: true});
setTimeout(() => finish(-1), 20000);
const started = performance.now();
input.value = query;
input.dispatchEvent(new Event('input'));
"""


def words_of(site):
    """Every word of the index, from its shards."""
    folder = os.path.join(site, "search", "shards")
    words = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name)) as handle:
            words.extend(json.load(handle)["words"].keys())
    return words


def queries(words, count, seed):
    chosen = random.Random(seed)
    out = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for word in chosen.sample(words, min(count, len(words))):
        kind = chosen.choice(["word", "prefix", "typo"])
        if kind == "prefix" and len(word) > 3:
            out.append(word[:3])
        elif kind == "typo" and len(word) >= 5:
            at = chosen.randrange(1, len(word))
            out.append(word[:at] + chosen.choice(letters.replace(word[at], "")) + word[at + 1:])
        else:
            out.append(word)
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    if not os.path.isfile(os.path.join(site, "search", "manifest.json")):
        sys.exit(f"{site} has no search index (search/manifest.json): build it with `search: {{index: true}}`")
    harness = os.path.join(site, HARNESS)
    if os.path.exists(harness):
        sys.exit(f"{harness} exists: not this run's folder, left alone")
    os.mkdir(harness)
    server = None
    browser = None
    try:
        with open(os.path.join(harness, "index.html"), "w") as handle:
            handle.write(PAGE)
        shutil.copy(os.path.join(REPO, "assets", "js", "search.js"), os.path.join(harness, "search.js"))
        server = serve(site)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
            options.add_argument(argument)
        browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        browser.set_script_timeout(30)
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/{HARNESS}/")
        first, again, empty = [], [], 0
        for query in queries(words_of(site), args.queries, args.seed):
            fetching = browser.execute_async_script(TYPE_AND_WAIT, query)
            warm = browser.execute_async_script(TYPE_AND_WAIT, query)
            if fetching["ms"] < 0 or warm["ms"] < 0:
                sys.exit(f"no results list for {query!r} within 20 s")
            first.append(fetching["ms"])
            again.append(warm["ms"])
            empty += warm["results"] == 0
        def line(name, values):
            values = sorted(values)
            p90 = values[max(0, int(round(0.9 * len(values))) - 1)]
            return "%-34s median %6.1f ms  p90 %6.1f  max %6.1f" % (name, statistics.median(values), p90, values[-1])
        print(f"{len(again)} queries on {site} ({empty} with no result)")
        print(line("first run (fetching its files)", first))
        print(line("files arrived (the search itself)", again))
        print("results within 100 ms once the files arrived: %s (max %.1f ms)" % (
            "met" if max(again) <= 100 else "NOT met", max(again)))
    finally:
        if browser:
            browser.quit()
        if server:
            server.shutdown()
        shutil.rmtree(harness, ignore_errors=True)


if __name__ == "__main__":
    main()
