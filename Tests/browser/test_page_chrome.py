"""The chrome around every page of Docent's theme: the theme menu (auto, light, dark; remembered; applied before
the first paint), the section tabs, "Last updated", and a site built with `relative_urls: true` opened from disk.
Fixtures (the served site, the browser) are in conftest.py."""

import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import GUIDE, REPO
from test_walkthrough import axe_violations

SSO = "/insomnia/sso/"


def background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def test_the_theme_menu_overrides_the_system_and_is_remembered(driver, base_url, built_site, out_dir):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    driver.get(base_url + SSO)
    light = background(driver)
    menu = Select(driver.find_element(By.ID, "theme-select"))
    assert menu.first_selected_option.get_attribute("value") == "auto"
    menu.select_by_value("dark")
    dark = background(driver)
    assert dark != light, "choosing Dark on a light system changed nothing"
    serious, report = axe_violations(driver, out_dir, "chrome-forced-dark")
    assert not serious, f"axe (Dark chosen on a light system): critical or serious violations:\n{report}"

    # Remembered, and applied before the first paint: the head's script sets it before the stylesheet applies
    # (on the guide, a walkthrough page, the stylesheets are inline <style> elements).
    driver.get(base_url + GUIDE)
    assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    assert background(driver) == dark
    assert Select(driver.find_element(By.ID, "theme-select")).first_selected_option.get_attribute("value") == "dark"
    head = driver.execute_script(
        "const s = document.head.querySelector('script:not([src])'); const l = document.head.querySelector('link[rel=stylesheet], style');"
        "return !!s && !!l && (s.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"
    )
    assert head, "the theme is not set by an inline script before the first stylesheet"

    # Light on a dark system; Auto follows the system again.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    menu = Select(driver.find_element(By.ID, "theme-select"))
    menu.select_by_value("light")
    assert background(driver) == light
    serious, report = axe_violations(driver, out_dir, "chrome-forced-light")
    assert not serious, f"axe (Light chosen on a dark system): critical or serious violations:\n{report}"
    menu.select_by_value("auto")
    assert background(driver) == dark
    assert driver.execute_script("return localStorage.getItem('docent-theme')") is None


def test_section_tabs_mark_the_current_section_and_the_sidebar_lists_it(driver, base_url, built_site):
    driver.get(base_url + SSO)
    tabs = driver.find_elements(By.CSS_SELECTOR, ".section-tabs__link")
    assert len(tabs) >= 3
    current = [t.text for t in tabs if t.get_attribute("aria-current")]
    assert current == ["Identity and access"], current
    sections = [s.get_attribute("textContent").strip() for s in driver.find_elements(By.CSS_SELECTOR, ".nav-section__title")]
    assert sections == ["Identity and access"], sections


def test_the_page_says_when_it_last_changed(driver, base_url, built_site):
    driver.get(base_url + SSO)
    time = driver.find_element(By.CSS_SELECTOR, ".page-footer__updated time")
    assert time.get_attribute("datetime")[:4].isdigit()
    assert time.text.split()[-1] == time.get_attribute("datetime")[:4]


def test_a_site_with_relative_urls_opens_from_disk(driver, out_dir, built_site):
    """Built with relative_urls from this repository, opened with file://: styled, and its links lead to pages."""
    site = out_dir / "relative-site"
    extra = out_dir / "relative.yml"
    extra.write_text("relative_urls: true\n")
    docent = Path(REPO / ".build" / "debug" / "docent")
    binary = next((p for p in (out_dir.parent / "debug" / "docent", docent) if p.is_file()), None)
    assert binary, "no debug docent to build with"
    subprocess.run(
        [str(binary), "build", "--source", str(REPO), "--config", f"docent.yml,{extra}", "--output", str(site), "--quiet"],
        check=True,
    )
    driver.get((site / "index.html").as_uri())
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).position") == "sticky"
    link = driver.find_element(By.CSS_SELECTOR, f".section-tabs__link, .nav-link")
    href = link.get_attribute("href")
    assert href.startswith("file://") and href.endswith("index.html"), href
    link.click()
    assert driver.current_url.startswith("file://")
    assert driver.find_element(By.CSS_SELECTOR, "h1").text
    assert driver.execute_script("return getComputedStyle(document.body).fontFamily") != "Times New Roman"


def test_the_theme_menu_also_picks_the_pictures_variant(driver, base_url, built_site):
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    driver.get(base_url + GUIDE)
    picture = driver.find_element(By.CSS_SELECTOR, "picture img")
    driver.execute_script("arguments[0].scrollIntoView()", picture)

    def shows(dark):
        # The browser picks a <picture>'s source again after its media change, asynchronously.
        WebDriverWait(driver, 5).until(
            lambda d: ("-dark." in d.execute_script("return arguments[0].currentSrc", picture)) == dark,
            f"the picture should show its {'dark' if dark else 'light'} variant",
        )

    shows(True)
    menu = Select(driver.find_element(By.ID, "theme-select"))
    menu.select_by_value("light")
    shows(False)
    menu.select_by_value("auto")
    shows(True)
