"""Site search in real Chromium, against this repository's built site: words deep in a page, FAQ answers, an
environment variable and a typo each find the right page and heading, through the chunked index (a manifest,
the shards of the query's words, the page groups of the results). Needs a built site (`--site`)."""

import json
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 10


@pytest.fixture()
def search_site(site_dir):
    if not (site_dir / "search/manifest.json").is_file():
        pytest.skip("the hand-written fixture has no search index: run with --site (make browser-test)")
    return site_dir


def search(driver, base_url, query):
    """Types the query in the header search box; returns the results as (title, heading, href) once shown."""
    driver.get(base_url + "/insomnia/")
    box = WebDriverWait(driver, WAIT).until(
        lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, "input.search__input") if e.is_displayed()), None)
    )
    box.click()
    box.send_keys(query)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script(
            "return [...document.querySelectorAll('.search__results:not([hidden])')]"
            ".some(list => list.getAttribute('data-query') === arguments[0])",
            query,
        ),
        f"no results list for {query!r}",
    )
    results = []
    for option in driver.find_elements(By.CSS_SELECTOR, ".search__results:not([hidden]) .search__result"):
        title = option.find_element(By.CSS_SELECTOR, ".search__result-title").text
        context = option.find_elements(By.CSS_SELECTOR, ".search__result-context")
        heading = re.sub(r"^§\s*", "", context[0].text) if context else ""
        results.append((title, heading, option.get_attribute("data-anchor")))
    return box, results


@pytest.mark.parametrize(
    "query, title, heading, anchor",
    [
        ("cumulative", "Enterprise user management", "User types", "user-types"),
        ("automatic updates", "Enterprise user management", "Can my organization’s IT department centrally manage Insomnia software updates?", None),
        ("INSOMNIA_DISABLE_AUTOMATIC_UPDATES", "Enterprise user management", "Can my organization’s IT department centrally manage Insomnia software updates?", None),
        ("scim tokn", "SCIM provisioning", "Enable SCIM", "enable-scim"),
        # A typo in the first three letters: the word is in a neighbouring shard ("cum", not "cmu").
        ("cmulative", "Enterprise user management", "User types", "user-types"),
    ],
)
def test_query_finds_the_page_and_heading(driver, base_url, search_site, query, title, heading, anchor):
    box, results = search(driver, base_url, query)
    assert results, f"{query!r} found nothing"
    first_title, first_heading, first_anchor = results[0]
    assert first_title == title, f"{query!r}: {results}"
    if heading is not None:
        assert first_heading == heading, f"{query!r}: {results}"
    else:
        assert first_heading, f"{query!r} shows no heading: {results}"
    if anchor is not None:
        assert first_anchor == anchor
    # Enter opens the page at the heading's anchor.
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: "#" in d.current_url or first_anchor == "")
    if first_anchor:
        assert driver.current_url.endswith("#" + first_anchor)
        assert driver.find_elements(By.ID, first_anchor), f"no element with id {first_anchor}"


def test_a_query_fetches_the_manifest_its_shards_and_result_pages_only(driver, base_url, search_site):
    search(driver, base_url, "cumulative")
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/search/'))"
    )
    paths = sorted(re.sub(r"^.*?/search/", "", name) for name in fetched)
    assert "manifest.json" in paths
    assert "shards/cum.json" in paths
    assert all(p == "manifest.json" or p.startswith("shards/cu") or p.startswith("pages/") for p in paths), paths


def test_filter_narrows_results(driver, base_url, search_site):
    _, everything = search(driver, base_url, "insomnia")
    _, free_only = search(driver, base_url, "insomnia tier:free")
    assert everything
    assert len(free_only) == 1 and len(everything) > 1, (everything, free_only)


def test_keyboard_moves_through_results(driver, base_url, search_site):
    box, results = search(driver, base_url, "domain")
    assert len(results) > 1
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    assert active and active.endswith("-option-1")
    assert box.get_attribute("aria-expanded") == "true"


def test_a_result_shows_the_text_around_the_words_found(driver, base_url, search_site):
    # "mandates" is 175 characters into its section (What people see, on the storage page): the snippet starts
    # near it, not at the section's start. (A word past the text the index keeps of a section, 240 bytes, shows
    # the section's start.)
    search(driver, base_url, "mandates")
    snippet = driver.find_element(By.CSS_SELECTOR, ".search__results:not([hidden]) .search__result-snippet")
    marks = [mark.text.lower() for mark in snippet.find_elements(By.TAG_NAME, "mark")]
    assert "mandates" in marks, snippet.text
    assert snippet.text.startswith("…"), snippet.text
