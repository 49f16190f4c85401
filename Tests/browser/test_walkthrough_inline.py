"""A walkthrough page carries what its console's first screen waits for inline (InlineHead.swift): the site's
stylesheets and the console's script, so that on a slow network the console is ready one round trip after the HTML
rather than two. With every stylesheet and script file blocked (the wasm aside), the seed guide's console still
gets ready, styled by the site's and the console's styles, and goes live; a page without a walkthrough still links
its files (cached from page to page).

Needs a site built by Docent (--site).
"""

from selenium.webdriver.common.by import By

from conftest import GUIDE
from test_walkthrough import wait_for


def test_the_console_gets_ready_with_the_linked_files_blocked(driver, base_url, built_site):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.css", "*.js"]})
    driver.get(base_url + GUIDE)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), "not ready")
    # docent.css: the page is a column of header, main and footer; walkthrough.css: the console's highlight ring.
    assert driver.execute_script("return getComputedStyle(document.body).flexDirection") == "column"
    ring = driver.execute_script(
        "return getComputedStyle(document.querySelector('.docent-walkthrough')).getPropertyValue('--wt-highlight')"
    )
    assert ring.strip(), "the console's styles are not there"
    wait_for(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-simulation-live"),
        "the wasm did not take over",
    )
    linked = driver.execute_script(
        "return [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map(e => e.href || e.src)"
        ".filter(u => /walkthrough\\.(js|css)$|docent\\.css$/.test(u))"
    )
    assert linked == [], f"the page still links {linked}"


def test_a_page_without_a_walkthrough_links_its_files(driver, base_url, built_site):
    driver.get(base_url + "/")
    links = driver.execute_script(
        "return [...document.querySelectorAll('link[rel=stylesheet]')].map(l => new URL(l.href).pathname)"
    )
    assert "/assets/css/docent.css" in links, links
    assert not driver.find_elements(By.CSS_SELECTOR, "head style, script[type=module]")
