#!/usr/bin/env python3
"""Differential test: each site under Tests/jekyll-compat/ is built by Debian's `jekyll` and by `docent build`;
every file Jekyll writes must be written by Docent with the same text (whitespace runs collapsed). Docent's own
additions (the search index under search/, a sitemap.xml where the site has none, the .docent-site marker) are not
compared, nor is the build time jekyll-feed writes as the feed's <updated> (Docent writes the newest post's date). A site's
EXPECTED-DIFFERENCES file lists output paths where Docent differs on purpose, one per line: `path  reason`.

    scripts/jekyll-compat.py DOCENT_BINARY [SITE...]
"""
import os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "jekyll-compat")
DOCENT_ONLY = {".docent-site"}
DOCENT_ONLY_FOLDERS = ("search/",)  # the search index


def files(folder):
    out = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            out[os.path.relpath(path, folder)] = path
    return out


def normal(path):
    """The text with whitespace runs collapsed, and the two places a generator names itself made alike."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8", "replace")
    text = re.sub(r'<meta name="generator" content="[^"]*" />', '<meta name="generator" />', text)
    text = re.sub(r"<!-- Begin Jekyll SEO tag [^>]*-->", "<!-- Begin Jekyll SEO tag -->", text)
    # jekyll-feed's feed-level <updated> is the build's time in Jekyll, the newest post's date in Docent.
    text = re.sub(r'(<link href="[^"]*" rel="alternate" type="text/html" */>)<updated>[^<]*</updated>', r"\1", text)
    text = re.sub(r'<generator uri="https://jekyllrb.com/" version="[^"]*">', '<generator uri="https://jekyllrb.com/">', text)
    return re.sub(r"\s+", " ", text).strip()


def main():
    docent = os.path.abspath(sys.argv[1])
    sites = sys.argv[2:] or sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)))
    failures = 0
    for name in sites:
        with tempfile.TemporaryDirectory() as work:
            source = os.path.join(work, "site")
            shutil.copytree(os.path.join(ROOT, name), source)
            expected = {}
            notes = os.path.join(source, "EXPECTED-DIFFERENCES")
            if os.path.exists(notes):
                for line in open(notes):
                    if line.strip() and not line.startswith("#"):
                        path, _, reason = line.strip().partition(" ")
                        expected[path] = reason.strip()
                os.remove(notes)
            jekyll_out, docent_out = os.path.join(work, "jekyll"), os.path.join(work, "docent")
            run = subprocess.run(["jekyll", "build", "-q", "-s", source, "-d", jekyll_out],
                                 capture_output=True, text=True, timeout=120)
            if run.returncode != 0:
                print(f"{name}: jekyll failed: {run.stderr.strip()}")
                failures += 1
                continue
            run = subprocess.run([docent, "build", "--quiet", "--source", source, "--output", docent_out],
                                 capture_output=True, text=True, timeout=120)
            if run.returncode != 0:
                print(f"{name}: docent failed:\n{run.stderr.strip()}")
                failures += 1
                continue
            theirs, ours = files(jekyll_out), files(docent_out)
            problems = []
            for path, file in sorted(theirs.items()):
                if path in expected:
                    if path in ours and normal(file) == normal(ours[path]):
                        problems.append(f"  {path}: now the same as Jekyll: remove it from EXPECTED-DIFFERENCES")
                    continue
                if path not in ours:
                    problems.append(f"  {path}: Jekyll writes it, Docent does not")
                elif normal(file) != normal(ours[path]):
                    problems.append(f"  {path}:\n    jekyll: {normal(file)[:300]}\n    docent: {normal(ours[path])[:300]}")
            for path in sorted(set(ours) - set(theirs) - DOCENT_ONLY - set(expected)):
                if path == "sitemap.xml" or path.startswith(DOCENT_ONLY_FOLDERS):
                    continue
                problems.append(f"  {path}: Docent writes it, Jekyll does not")
            if problems:
                failures += 1
                print(f"{name}: differs from Jekyll\n" + "\n".join(problems))
            else:
                known = f", {len(expected)} known difference(s)" if expected else ""
                print(f"{name}: same as Jekyll ({len(theirs) - len(expected)} files{known})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
