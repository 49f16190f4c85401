"""A stranger's first walkthrough: the site `docent init` writes (its own small theme, not Docent's), built by the
docent under test and served on 127.0.0.1. The console and the tabs are styled with Docent's theme tokens, which
such a theme does not define: the binary carries their defaults, so the console's buttons are buttons, its parts
spaced and bordered, its colours following the page's scheme, in light and dark, with no serious axe finding.
"""

import os
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import docent_binary, serving, wasm_file
from test_walkthrough import axe_violations, wait_for

PAGE = "/first-walkthrough/"


@pytest.fixture(scope="module")
def starter_url(out_dir):
    source = out_dir / "starter-source"
    site = out_dir / "starter-site"
    for folder in (source, site):
        shutil.rmtree(folder, ignore_errors=True)
    docent = str(docent_binary())
    subprocess.run([docent, "init", str(source)], check=True, timeout=60, stdout=subprocess.DEVNULL)
    environment = dict(os.environ, DOCENT_CONSOLE_WASM=str(wasm_file()))
    subprocess.run(
        [docent, "build", "--source", str(source), "--output", str(site), "--quiet"],
        check=True,
        timeout=120,
        env=environment,
    )
    with serving(site, PAGE) as url:
        yield url


def open_console(driver, url, scheme):
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    driver.get(url + PAGE)
    wait_for(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready, .docent-walkthrough-failed"),
        "the walkthrough never became live nor failed",
    )
    assert not driver.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-failed"), "the console failed to load"


def style(driver, selector, prop):
    element = driver.find_element(By.CSS_SELECTOR, selector)
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, prop)


def luminance(css_colour):
    """Relative luminance (0 black to 1 white) of an rgb()/rgba() computed colour."""
    parts = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].replace(",", " ").split()
    red, green, blue = (float(value) / 255 for value in parts[:3])

    def linear(channel):
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_console_on_a_starter_site_is_styled_and_follows_the_scheme(driver, starter_url, out_dir, scheme):
    open_console(driver, starter_url, scheme)
    button = ".docent-walkthrough-do"
    background = style(driver, button, "background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), f"'Do this step' has no background ({background})"
    assert float(style(driver, button, "padding-left").rstrip("px")) >= 8, "'Do this step' has no padding"
    assert float(style(driver, button, "border-top-left-radius").rstrip("px")) > 0, "'Do this step' is square"
    # The console's frame: the section, or beside the steps (wide screens) its live part.
    framed = [
        selector
        for selector in (".docent-walkthrough", ".docent-walkthrough-live")
        if float(style(driver, selector, "border-top-width").rstrip("px")) >= 3
    ]
    assert framed, "the console has no accent border"
    console = luminance(style(driver, framed[0], "background-color"))
    assert (console < 0.2) if scheme == "dark" else (console > 0.8), f"the console's background ({scheme}): {console}"
    driver.save_screenshot(str(out_dir / f"starter-walkthrough-{scheme}.png"))
    serious, report = axe_violations(driver, out_dir, f"starter-walkthrough-{scheme}")
    assert not serious, f"axe ({scheme}, starter site): critical or serious violations:\n{report}"
