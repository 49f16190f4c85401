"""Browser tests of the walkthrough console: real headless Chromium through Selenium.

    pytest Tests/browser --site _site            a site built by `docent build` (what `make browser-test` does)
    pytest Tests/browser                         the hand-written fixture page in Tests/browser/fixture/,
                                                 served with this repo's assets/ (fast: no Swift build)

The site is served by `python3 -m http.server` on 127.0.0.1 (a free port); .wasm goes out as application/wasm.
Screenshots and the axe report go to --out (default .build/browser-test/).
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
GUIDE = "/insomnia/enterprise/"


def pytest_addoption(parser):
    parser.addoption("--site", default=None, help="a built site folder to serve (default: the fixture page)")
    parser.addoption("--out", default=str(REPO / ".build" / "browser-test"), help="screenshots and reports")


@pytest.fixture(scope="session")
def out_dir(pytestconfig):
    path = Path(pytestconfig.getoption("--out")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _wasm_file():
    for candidate in (REPO / "assets/vendor/ConsoleWasm.wasm", REPO / ".build-wasm/ConsoleWasm.wasm"):
        if candidate.is_file():
            return candidate
    pytest.fail("No ConsoleWasm.wasm: run `make wasm` (or `make browser-test`, which copies it to assets/vendor/).")


def docent_binary():
    """The docent under test: the DOCENT environment variable (`make browser-test` sets it), else the newest debug
    build of the repo; the test is skipped without one."""
    given = os.environ.get("DOCENT")
    if given:
        return Path(given)
    candidates = sorted(REPO.glob(".build*/debug/docent"), key=lambda p: p.stat().st_mtime, reverse=True)
    if not candidates:
        pytest.skip("no docent binary: set DOCENT or build one (make browser-test does)")
    return candidates[0]


def wasm_file():
    return _wasm_file()


@pytest.fixture(scope="session")
def site_dir(pytestconfig, out_dir):
    given = pytestconfig.getoption("--site")
    if given:
        site = Path(given).resolve()
        page = site / GUIDE.strip("/") / "index.html"
        if not page.is_file():
            pytest.fail(f"{page} does not exist: build the site first")
        if "docent-walkthrough" not in page.read_text(encoding="utf-8"):
            pytest.fail(f"{page} has no walkthrough (no .docent-walkthrough section)")
        if not (site / "assets/vendor/ConsoleWasm.wasm").is_file():
            pytest.fail(f"{site}/assets/vendor/ConsoleWasm.wasm is missing: copy it before building the site")
        return site
    # The fixture: its pages plus this repo's assets (the JS and CSS under test) and the wasm.
    site = out_dir / "fixture-site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(FIXTURE, site)
    shutil.copytree(REPO / "assets", site / "assets", dirs_exist_ok=True)
    (site / "assets/vendor").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_wasm_file(), site / "assets/vendor/ConsoleWasm.wasm")
    return site


@pytest.fixture()
def built_site(pytestconfig):
    """For tests of what Docent's build writes (not the hand-written fixture pages): skipped without --site."""
    if not pytestconfig.getoption("--site"):
        pytest.skip("tests the markup Docent's build writes: run with --site")


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(directory, probe, check=None):
    """`directory` served by `python3 -m http.server` on 127.0.0.1 (a free port) until the block ends; yields the
    base URL once `probe` (a path) answers, after `check(response)` if given."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(directory), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(url + probe, timeout=2) as response:
                    if check:
                        check(response)
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


def _served_as_wasm(response):
    kind = response.headers.get("Content-Type", "")
    assert kind.startswith("application/wasm"), f"the wasm is served as {kind!r}"


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serving(site_dir, "/assets/vendor/ConsoleWasm.wasm", _served_as_wasm) as url:
        yield url


@pytest.fixture()
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1400",
        "--force-prefers-reduced-motion",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    browser.set_script_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()
