""""Copy page as Markdown" in real Chromium: the button appears with JavaScript, copies the page's Markdown twin
(index.md beside index.html, served as text/markdown) to the clipboard. Needs a built site (`--site`)."""

import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PAGE = "/insomnia/enterprise-user-management/"


def test_copy_page_as_markdown_copies_the_twin(driver, base_url, site_dir):
    if not (site_dir / PAGE.strip("/") / "index.md").is_file():
        pytest.skip("the hand-written fixture has no Markdown twins: run with --site (make browser-test)")
    twin = urllib.request.urlopen(base_url + PAGE + "index.md").read().decode("utf-8")
    assert twin.startswith("# Enterprise user management\n")
    assert "INSOMNIA_DISABLE_AUTOMATIC_UPDATES=true" in twin

    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    driver.get(base_url + PAGE)
    button = WebDriverWait(driver, 10).until(
        lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, ".copy-page-button") if b.is_displayed()), None),
        "the Copy page as Markdown button never appeared",
    )
    assert button.text == "Copy page as Markdown"
    button.click()
    WebDriverWait(driver, 10).until(lambda d: button.text != "Copy page as Markdown", "the button never reacted")
    assert button.text == "Copied"
    copied = driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e))"
    )
    assert copied == twin
