#!/usr/bin/env python3
"""Benchmark (not a test): the bytes a site's first search query fetches, from the built index alone.

    bench/search-first-query.py SITE [WORDS...]

A one-word query fetches the manifest, the word's shard and the page groups of its best 8 results (see
assets/js/search.js). For every word of the index (or the words given), this adds up those files' sizes and
prints the largest, the median and the words costing most; a query of n words costs at most n shards more.
"""
import json
import os
import statistics
import sys

site = sys.argv[1]
folder = os.path.join(site, "search")
manifest_path = os.path.join(folder, "manifest.json")
manifest = json.load(open(manifest_path))
manifest_bytes = os.path.getsize(manifest_path)
group = manifest["pageGroup"]
costs = []
for name in sorted(os.listdir(os.path.join(folder, "shards"))):
    path = os.path.join(folder, "shards", name)
    shard_bytes = os.path.getsize(path)
    shard = json.load(open(path))
    wanted = sys.argv[2:]
    for word, term in shard["words"].items():
        if wanted and word not in wanted:
            continue
        flat = shard["terms"][term]
        hits = []
        i = 0
        while i < len(flat):
            hits.append((flat[i + 1], flat[i]))
            i += 3 + flat[i + 2]
        best = sorted(hits, key=lambda h: (-h[0], h[1]))[:8]
        groups = {page // group for _, page in best}
        group_bytes = sum(os.path.getsize(os.path.join(folder, "pages", f"{g}.json")) for g in groups)
        costs.append((manifest_bytes + shard_bytes + group_bytes, word, manifest_bytes, shard_bytes, group_bytes))
costs.sort()
print(f"pages: {manifest['pages']}, shards: {len(manifest['shards'])}, manifest: {manifest_bytes} bytes")
print(f"words measured: {len(costs)}")
print(f"first query (one word): median {statistics.median(c[0] for c in costs):,.0f} bytes, max {costs[-1][0]:,} bytes")
for cost, word, m, s, g in costs[-5:]:
    print(f"  {word!r}: {cost:,} = manifest {m:,} + shard {s:,} + page groups {g:,}")
