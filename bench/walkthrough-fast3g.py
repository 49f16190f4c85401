#!/usr/bin/env python3
"""How soon the seed guide's console is usable on a slow phone: Chromium's "Fast 3G" profile (562.5 ms latency,
1.44 Mbit/s down, 675 kbit/s up) and a 4× CPU slowdown, the page served by `docent serve` (gzip, as a host would).

    .venv-browser/bin/python bench/walkthrough-fast3g.py [--docent .build/release/docent] [--rounds 5]

Prints, per round and as the median: the time from navigation start to the console being ready (the walkthrough
root gets `docent-walkthrough-ready`: the first screen drawn and the guide's documented path working, from the
path the build precomputed), to it being live (`docent-walkthrough-simulation-live`: the wasm fetched, compiled and taken
over, so free exploration works too; on a page without a precomputed path both come at once), to the page's load
event, and the bytes transferred. A benchmark to report, not a test: the machine's load moves it.
"""
import argparse
import os
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[1]
PAGE = "/insomnia/enterprise/"
READY = """
window.__docentReady = null;
window.__docentLive = null;
new MutationObserver(function (records, observer) {
  var now = performance.now();
  if (!window.__docentReady && document.querySelector(".docent-walkthrough-ready")) window.__docentReady = now;
  if (!window.__docentLive && document.querySelector(".docent-walkthrough-simulation-live")) window.__docentLive = now;
  if (window.__docentReady && window.__docentLive) observer.disconnect();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"], childList: true});
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docent", default=str(REPO / ".build/release/docent"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cpu", type=float, default=4)
    args = parser.parse_args()

    port = free_port()
    server = subprocess.Popen(
        [args.docent, "serve", "--source", str(REPO), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + PAGE, timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("docent serve did not answer")
                time.sleep(0.2)
        results = []
        for round in range(args.rounds):
            options = webdriver.ChromeOptions()
            options.binary_location = "/usr/bin/chromium"
            for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
                options.add_argument(argument)
            driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
            try:
                driver.execute_cdp_cmd("Network.enable", {})
                driver.execute_cdp_cmd(
                    "Network.emulateNetworkConditions",
                    {"offline": False, "latency": 562.5, "downloadThroughput": 1.44e6 / 8,
                     "uploadThroughput": 675e3 / 8},
                )
                driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": args.cpu})
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": READY})
                driver.set_page_load_timeout(120)
                driver.get(base + PAGE)
                end = time.monotonic() + 60
                ready = live = None
                while time.monotonic() < end:
                    ready, live = driver.execute_script("return [window.__docentReady, window.__docentLive]")
                    if ready and live:
                        break
                    time.sleep(0.05)
                # The load event may come after the console is live (the pictures below it).
                while time.monotonic() < end and not driver.execute_script(
                        "return performance.getEntriesByType('navigation')[0].loadEventEnd"):
                    time.sleep(0.05)
                load = driver.execute_script(
                    "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd")
                transferred = driver.execute_script(
                    "return performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0)"
                    " + performance.getEntriesByType('navigation')[0].transferSize")
            finally:
                driver.quit()
            if not ready or not live:
                raise SystemExit("the console never became ready and live")
            results.append((ready / 1000, live / 1000, load / 1000, transferred))
            print(f"round {round + 1}: console ready {ready / 1000:.2f} s, live {live / 1000:.2f} s, "
                  f"load {load / 1000:.2f} s, {transferred / 1024:.0f} KiB transferred", flush=True)
        median = [statistics.median(r[i] for r in results) for i in range(4)]
        print(f"median: console ready {median[0]:.2f} s, live {median[1]:.2f} s, load {median[2]:.2f} s, "
              f"{median[3] / 1024:.0f} KiB (Fast 3G, {args.cpu:g}x CPU slowdown, "
              f"ready range {min(r[0] for r in results):.2f}-{max(r[0] for r in results):.2f} s, "
              f"load average {os.getloadavg()[0]:.1f})")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
