"""The tabs component ({% tabs %}) in real headless Chromium: a copy of this repo's site with a page of several tab
sets, built by the docent under test (the DOCENT environment variable, which `make browser-test` sets; else the
newest .build*/debug/docent), served on 127.0.0.1. Keyboard (Left/Right/Home/End, roving tabindex), sync across
the sets of a group, the choice remembered across reloads (a set without the remembered title keeps its first),
unique ids, every panel with its title without JavaScript, a link into a hidden panel, and axe in light and dark.
"""

import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import REPO, docent_binary, serving
from test_walkthrough import axe_violations, wait_for

PAGE = "/tabs-demo/"

DEMO = """---
title: Tabs demo
layout: article-detail
content_type: how_to
products:
  - insomnia
---

Text before the tabs.

{% tabs group="os" %}
{% tab "macOS" %}
## Install on macOS

1. Open the **Downloads** folder.
2. Drag the app to **Applications**.
{% endtab %}
{% tab "Linux" %}
    ## Install on Linux

    ```sh
    sudo dpkg -i app.deb
    ```
{% endtab %}
{% tab "Windows" %}
Run the installer.
{% endtab %}
{% endtabs %}

Some text between the sets.

{% tabs group="os" %}
{% tab "macOS" %}
Second set, macOS.
{% endtab %}
{% tab "Linux" %}
Second set, Linux.
{% endtab %}
{% endtabs %}

{% tabs group="os" %}
{% tab "macOS" %}
Third set has no Linux tab.
{% endtab %}
{% tab "Windows" %}
Third set, Windows.
{% endtab %}
{% endtabs %}

{% tabs %}
{% tab "One" %}
Ungrouped one.
{% endtab %}
{% tab "Two" %}
Ungrouped two.
{% endtab %}
{% endtabs %}
"""


@pytest.fixture(scope="module")
def tabs_site(out_dir):
    """The repo's site plus the demo page, built by docent into out_dir/tabs-site."""
    source = out_dir / "tabs-source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    for name in ("docent.yml", "content", "templates", "assets"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copyfile
        copy(REPO / name, source / name)
    (source / "content/tabs-demo.md").write_text(DEMO, encoding="utf-8")
    site = out_dir / "tabs-site"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [str(docent_binary()), "build", "--source", str(source), "--output", str(site), "--quiet"],
        check=True,
        timeout=300,
    )
    return site


@pytest.fixture(scope="module")
def tabs_url(tabs_site):
    with serving(tabs_site, PAGE) as url:
        yield url


def sets(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".docent-tabs")


def tabs_of(tab_set):
    return tab_set.find_elements(By.CSS_SELECTOR, "[role=tab]")


def selected_title(tab_set):
    chosen = [t for t in tabs_of(tab_set) if t.get_attribute("aria-selected") == "true"]
    assert len(chosen) == 1, "exactly one tab of a set is selected"
    return chosen[0].text


def visible_panels(tab_set):
    return [p for p in tab_set.find_elements(By.CSS_SELECTOR, "[role=tabpanel]") if p.is_displayed()]


def open_page(driver, url, fresh=True):
    driver.get(url + PAGE)
    if fresh:
        driver.execute_script("window.localStorage.clear()")
        driver.get(url + PAGE)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[role=tablist]"), "the tabs were not set up")


def test_without_javascript_every_panel_shows_with_its_title(driver, tabs_url):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(tabs_url + PAGE)
    assert not driver.find_elements(By.CSS_SELECTOR, "[role=tablist]")
    panels = driver.find_elements(By.CSS_SELECTOR, ".docent-tab")
    assert len(panels) == 9
    for panel in panels:
        assert panel.is_displayed()
        label = panel.find_element(By.CSS_SELECTOR, ".docent-tab-label")
        assert label.is_displayed() and label.text == panel.get_attribute("data-tab-title")
        assert driver.execute_script("return arguments[0].closest('[hidden], [inert]') === null", panel)
    # The Markdown inside the tabs is rendered: a list, a heading and the indented code fence.
    first = panels[0]
    assert first.find_element(By.CSS_SELECTOR, "h2").get_attribute("id") == "install-on-macos"
    assert len(first.find_elements(By.CSS_SELECTOR, "ol > li")) == 2
    assert "sudo dpkg -i app.deb" in panels[1].find_element(By.CSS_SELECTOR, "pre").text
    assert panels[1].find_element(By.CSS_SELECTOR, "h2").text == "Install on Linux"
    # The stylesheet and script are linked on this page only.
    head = driver.find_element(By.TAG_NAME, "head").get_attribute("innerHTML")
    assert "tabs.css" in head and "tabs.js" in head
    driver.get(tabs_url + "/insomnia/scim/")
    head = driver.find_element(By.TAG_NAME, "head").get_attribute("innerHTML")
    assert "tabs.css" not in head and "tabs.js" not in head


def test_wai_aria_roles_and_unique_ids(driver, tabs_url):
    open_page(driver, tabs_url)
    ids = driver.execute_script("return Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert len(ids) == len(set(ids)), "ids are unique on the page"
    for tab_set in sets(driver):
        assert tab_set.find_element(By.CSS_SELECTOR, "[role=tablist]")
        for tab in tabs_of(tab_set):
            panel = driver.find_element(By.ID, tab.get_attribute("aria-controls"))
            assert panel.get_attribute("role") == "tabpanel"
            assert panel.get_attribute("aria-labelledby") == tab.get_attribute("id")
            selected = tab.get_attribute("aria-selected") == "true"
            assert tab.get_attribute("tabindex") == ("0" if selected else "-1")
            assert panel.is_displayed() == selected
        assert len(visible_panels(tab_set)) == 1
        # The title shows on the tab, not again in the panel.
        assert not [l for l in tab_set.find_elements(By.CSS_SELECTOR, ".docent-tab-label") if l.is_displayed()]


def test_keyboard_moves_and_selects(driver, tabs_url):
    open_page(driver, tabs_url)
    first = sets(driver)[0]
    tabs = tabs_of(first)
    tabs[0].click()
    active = lambda: driver.switch_to.active_element
    active().send_keys(Keys.ARROW_RIGHT)
    assert active() == tabs[1] and selected_title(first) == "Linux"
    assert visible_panels(first)[0].text.startswith("Install on Linux")
    active().send_keys(Keys.END)
    assert active() == tabs[2] and selected_title(first) == "Windows"
    active().send_keys(Keys.ARROW_RIGHT)
    assert active() == tabs[0] and selected_title(first) == "macOS"
    active().send_keys(Keys.ARROW_LEFT)
    assert active() == tabs[2] and selected_title(first) == "Windows"
    active().send_keys(Keys.HOME)
    assert active() == tabs[0] and selected_title(first) == "macOS"
    # Tab leaves the tablist for the selected panel (one tab stop per tablist).
    active().send_keys(Keys.TAB)
    assert active().get_attribute("role") == "tabpanel"


def test_a_choice_syncs_the_group_and_is_remembered(driver, tabs_url):
    open_page(driver, tabs_url)
    first, second, third, ungrouped = sets(driver)
    assert [selected_title(s) for s in sets(driver)] == ["macOS", "macOS", "macOS", "One"]
    tabs_of(first)[1].click()
    # The same title in every set of the group; a set without it keeps its tab; other sets are left alone.
    assert [selected_title(s) for s in sets(driver)] == ["Linux", "Linux", "macOS", "One"]
    assert visible_panels(second)[0].text == "Second set, Linux."
    tabs_of(third)[1].click()
    assert [selected_title(s) for s in sets(driver)] == ["Windows", "Linux", "Windows", "One"]
    assert driver.execute_script("return localStorage.getItem('docent-tabs:os')") == "Windows"
    tabs_of(second)[1].click()
    assert [selected_title(s) for s in sets(driver)] == ["Linux", "Linux", "Windows", "One"]
    # Across a reload: Linux where a set has it, the first tab where it does not.
    open_page(driver, tabs_url, fresh=False)
    assert [selected_title(s) for s in sets(driver)] == ["Linux", "Linux", "macOS", "One"]


def test_a_link_into_a_hidden_panel_opens_it(driver, tabs_url):
    open_page(driver, tabs_url)
    driver.get(tabs_url + PAGE + "#install-on-linux")
    wait_for(driver, lambda d: selected_title(sets(d)[0]) == "Linux", "the linked panel was not opened")
    assert driver.find_element(By.ID, "install-on-linux").is_displayed()


def test_the_sso_page_offers_its_connection_types_as_tabs(driver, tabs_url):
    driver.get(tabs_url + "/insomnia/sso/")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[role=tablist]"), "the tabs were not set up")
    titles = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "[role=tab]")]
    assert titles == ["SAML 2.0", "OIDC"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility(driver, tabs_url, out_dir, scheme):
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    open_page(driver, tabs_url)
    serious, report = axe_violations(driver, out_dir, f"tabs-{scheme}")
    assert not serious, f"axe ({scheme}, tabs): critical or serious violations:\n{report}"
    tabs_of(sets(driver)[0])[1].click()
    serious, report = axe_violations(driver, out_dir, f"tabs-{scheme}-linux")
    assert not serious, f"axe ({scheme}, second tab): critical or serious violations:\n{report}"
