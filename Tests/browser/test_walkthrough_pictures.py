"""Step pictures that read (#20 item 5): the seed guide shows each picture Docent made as a <picture> with a dark
variant chosen by prefers-color-scheme, an explicit width and height (no layout shift) matching the file at device
scale factor 2, and the alt text the guide's writer gave (the step's sentence only where they gave none). Fixtures are in conftest.py; helpers in test_walkthrough.py."""

import pytest
from selenium.webdriver.common.by import By

from conftest import GUIDE
from test_walkthrough import wait_for


# The alt texts content/insomnia/enterprise.md gives its six pictures.
WRITTEN_ALT = ["upgrade account", "fill in activation code", "create organization", "create organization",
               "manage organization enter", "manage organization"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_have_their_size_alt_text_and_a_dark_variant(driver, base_url, out_dir, scheme, built_site):
    """On a built site only: the <picture> markup is the build's (the fixture pages have plain images)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(base_url + GUIDE)
    pictures = driver.find_elements(By.CSS_SELECTOR, "picture.docent-step-shot")
    assert len(pictures) == 6, f"{len(pictures)} step pictures"
    for picture, written in zip(pictures, WRITTEN_ALT):
        image = picture.find_element(By.TAG_NAME, "img")
        driver.execute_script("arguments[0].loading = 'eager'; arguments[0].scrollIntoView()", image)
        wait_for(driver, lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image),
                 f"{image.get_attribute('src')} did not load")
        width, height = int(image.get_dom_attribute("width")), int(image.get_dom_attribute("height"))
        natural = driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)
        assert natural == [2 * width, 2 * height], f"{image.get_attribute('src')}: {natural} for {width}×{height}"
        current = driver.execute_script("return arguments[0].currentSrc", image)
        assert current.endswith("-dark.jpg") == (scheme == "dark"), current
        assert image.get_attribute("alt") == written, "the writer's alt text was not kept"
    third = pictures[2]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", third)
    third.screenshot(str(out_dir / f"picture-{scheme}.png"))
