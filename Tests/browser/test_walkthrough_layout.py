"""Where the console meets the reader: beside the steps on wide screens, a bottom sheet on phones, the hotspot on
the highlighted control, "Take me there" for a reader who wandered off, nothing done before the reader acts, and
the static screens without JavaScript. Fixtures (the served site, the browser) are in conftest.py; the helpers
are the seed guide's (test_walkthrough.py)."""

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import GUIDE
from test_walkthrough import (
    axe_violations,
    find_button,
    guide_item,
    is_done,
    live_screen,
    open_walkthrough,
    screen_title,
    status_text,
    wait_for,
    walkthrough_pages,
)

def viewport(driver, width, height):
    """The page's viewport (not the window) at width × height, a phone's when narrow."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700},
    )


def rect(driver, element):
    return driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]", element)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def read_step(driver, step_id):
    """Scrolls the guide so the reader reads that step (in the upper part of the window, as after scrolling)."""
    driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); window.scrollBy(0, r.top - window.innerHeight * 0.3)",
        guide_item(driver, step_id),
    )


def progress(driver):
    return driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-progress").text


def console_in_view_beside(driver, step_id):
    panel = rect(driver, driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-live"))
    item = rect(driver, guide_item(driver, step_id))
    height = driver.execute_script("return window.innerHeight")
    assert panel[1] >= 0 and panel[3] <= height, f"the console {panel} is not in the window (height {height})"
    assert item[1] >= 0 and item[3] <= height, f"the step {item} is not in the window"
    assert panel[0] >= item[2], f"the console {panel} is not beside the step {item}"


def test_nothing_is_done_before_the_reader_acts(driver, base_url, site_dir):
    """On every walkthrough page at load: no step ticked, the first step current, the counter at step 1."""
    for page in walkthrough_pages(site_dir):
        driver.get(base_url + page)
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), f"{page}: not live")
        data = json.loads(driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-data").get_attribute("textContent"))
        steps = data["procedures"][0]["steps"]
        done = driver.find_elements(By.CSS_SELECTOR, "li.docent-step-done")
        assert not done, f"{page}: ticked at load: {[d.get_attribute('data-walkthrough-step') for d in done]}"
        current = driver.find_elements(By.CSS_SELECTOR, "li.docent-step-current")
        assert [c.get_attribute("data-walkthrough-step") for c in current] == [steps[0]["id"]], page
        assert progress(driver) == f"Step 1 of {len(steps)}", page
        # The reader's first "Do this step" does something: a step is done.
        driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
        wait_for(driver, lambda d: is_done(d, steps[0]["id"]), f"{page}: Do this step did not do the first step")


def test_the_console_stays_beside_the_step_being_read(driver, base_url, out_dir):
    viewport(driver, 1280, 900)
    steps = open_walkthrough(driver, base_url)
    assert len(steps) >= 3
    read_step(driver, steps[0]["id"])
    console_in_view_beside(driver, steps[0]["id"])

    # Reading step 3: the console is still in view, beside it, and offers to go there (guide → console).
    read_step(driver, steps[2]["id"])
    console_in_view_beside(driver, steps[2]["id"])
    go = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-reading-go")
    wait_for(driver, lambda d: go.is_displayed(), "reading step 3 did not offer to take the console there")
    assert go.text == "Go to step 3"
    go.click()
    wait_for(driver, lambda d: progress(d) == f"Step 3 of {len(steps)}", "the console did not go to step 3")
    assert "docent-step-current" in guide_item(driver, steps[2]["id"]).get_attribute("class")
    assert is_done(driver, steps[1]["id"]) and not is_done(driver, steps[2]["id"])
    console_in_view_beside(driver, steps[2]["id"])
    driver.save_screenshot(str(out_dir / "beside-step-3.png"))

    # Console → guide: the reader, back at the top, does steps in the console; the guide follows to the step.
    driver.execute_script("window.scrollTo(0, 0)")
    do = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do")
    for _ in range(3):
        do.click()
    current = driver.find_element(By.CSS_SELECTOR, "li.docent-step-current")
    top, bottom = rect(driver, current)[1], rect(driver, current)[3]
    assert 0 <= top and bottom <= 900, f"the guide did not follow the console to its current step ({top}, {bottom})"


def test_the_phone_sheet(driver, base_url, out_dir):
    viewport(driver, 390, 844)
    steps = open_walkthrough(driver, base_url)
    bar = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-sheet-bar")
    toggle = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-sheet-toggle")
    assert bar.is_displayed()
    sheet = rect(driver, driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-live"))
    assert round(sheet[3]) == 844 and sheet[2] - sheet[0] == 390, f"the sheet is not at the bottom: {sheet}"
    assert bar.text.startswith(f"Step 1 of {len(steps)}: {steps[0]['text']}"), bar.text
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not live_screen(driver).is_displayed(), "the closed sheet shows the console"
    driver.save_screenshot(str(out_dir / "phone-sheet-closed.png"))

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    wait_for(driver, lambda d: live_screen(d).is_displayed(), "the open sheet does not show the console")
    find_button(driver, "Upgrade").click()
    wait_for(driver, lambda d: is_done(d, steps[1]["id"]), "Upgrade in the sheet did not do the step")
    counter = progress(driver)
    assert counter != f"Step 1 of {len(steps)}" and bar.text.startswith(counter + ":"), (
        f"the sheet's counter {bar.text!r} does not follow the console's {counter!r}"
    )
    driver.save_screenshot(str(out_dir / "phone-sheet-open.png"))
    serious, report = axe_violations(driver, out_dir, "phone-sheet")
    assert not serious, f"axe (the phone sheet open): critical or serious violations:\n{report}"

    # Escape closes it and gives focus back to its button.
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert driver.switch_to.active_element == toggle


def highlighted_and_hotspot(driver):
    control = live_screen(driver).find_element(By.CSS_SELECTOR, ".docent-highlight")
    hotspot = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-live .docent-hotspot")
    return control, hotspot


def assert_hotspot_beside(driver, control, hotspot, step_text):
    assert hotspot.is_displayed() and hotspot.text == step_text, hotspot.text
    assert not overlap(rect(driver, control), rect(driver, hotspot)), "the hotspot covers its control"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", control)
    hit = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return arguments[0].contains(e)",
        control,
    )
    assert hit, "something covers the highlighted control"


def test_the_hotspot_never_covers_its_control(driver, base_url):
    viewport(driver, 1280, 900)
    steps = open_walkthrough(driver, base_url)
    control, hotspot = highlighted_and_hotspot(driver)
    assert control.get_attribute("data-label") == "Upgrade"
    assert_hotspot_beside(driver, control, hotspot, steps[1]["text"])

    # On a phone, a row's control in a table wider than the screen is scrolled into view.
    viewport(driver, 390, 844)
    driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-sheet-toggle").click()
    do = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do")
    for _ in range(len(steps)):
        found = live_screen(driver).find_elements(By.CSS_SELECTOR, ".docent-highlight[data-row]")
        if found:
            break
        do.click()
    else:
        raise AssertionError("no step highlights a table row's control")
    control, hotspot = highlighted_and_hotspot(driver)
    box = driver.execute_script(
        "let b = arguments[0].parentElement; while (b && b.scrollWidth <= b.clientWidth + 1) b = b.parentElement; return b",
        control,
    )
    assert box is not None, "the table does not scroll sideways at 390 px (nothing to test)"
    inner, outer = rect(driver, control), rect(driver, box)
    assert outer[0] <= inner[0] and inner[2] <= outer[2], f"the control {inner} is cut off by its table {outer}"
    current = driver.find_element(By.CSS_SELECTOR, "li.docent-step-current").get_attribute("data-walkthrough-step")
    text = next(s["text"] for s in steps if s["id"] == current)
    assert_hotspot_beside(driver, control, hotspot, text)


# The interactive elements of the screen the hotspot sits on (and the text of the fields' labels) that it covers,
# each cut at the sides of the boxes that scroll sideways (a wide table; not the docked console, which scrolls up
# and down), by their text.
COVERED_CONTROLS = """
const box = arguments[0].getBoundingClientRect();
const visible = (node) => {
  if (!node.getClientRects().length) return null;
  const b = node.getBoundingClientRect();
  let r = {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
  for (let up = node.parentElement; up && up !== arguments[1]; up = up.parentElement) {
    if (getComputedStyle(up).overflowX === 'visible') continue;
    const c = up.getBoundingClientRect();
    r = {left: Math.max(r.left, c.left), top: r.top, right: Math.min(r.right, c.right), bottom: r.bottom};
  }
  return r.right - r.left > 0 && r.bottom - r.top > 0 ? r : null;
};
const covered = [];
const selector = 'button, a[href], input, select, textarea, summary, [role=menuitem], [tabindex]:not([tabindex="-1"]), '
  + '.docent-field-label';
for (const node of arguments[1].querySelectorAll(selector)) {
  if (node === arguments[0]) continue;
  const r = visible(node);
  if (!r) continue;
  const w = Math.min(r.right, box.right) - Math.max(r.left, box.left);
  const h = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
  if (w > 0.5 && h > 0.5) covered.push((node.textContent || node.getAttribute('aria-label') || node.tagName).trim());
}
return covered;
"""


def assert_hotspot_covers_no_control(driver, where):
    hotspots = driver.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-live .docent-hotspot")
    if not hotspots or not hotspots[0].is_displayed():
        return False
    screen = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-live .docent-walkthrough-screen")
    covered = driver.execute_script(COVERED_CONTROLS, hotspots[0], screen)
    control = live_screen(driver).find_element(By.CSS_SELECTOR, ".docent-highlight")
    assert not covered, (
        f"{where}: the hotspot {rect(driver, hotspots[0])} covers {covered} "
        f"(the step's control {control.get_attribute('data-label')!r} at {rect(driver, control)})")
    left, _, right, _ = rect(driver, control)
    width = driver.execute_script("return document.documentElement.clientWidth")
    assert 0 <= left and right <= width, f"{where}: the highlighted control [{left}, {right}] is off a {width} px screen"
    assert driver.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
        f"{where}: the page scrolls sideways")
    return True


@pytest.mark.parametrize("page", [GUIDE, "/insomnia/enterprise-user-management/"])
def test_the_hotspot_covers_no_other_control_at_each_step(driver, base_url, page):
    """At 1280×900 (docked) and 390×844 (the bottom sheet), every step's callout clear of every control."""
    for width, height in ((1280, 900), (390, 844)):
        viewport(driver, width, height)
        driver.get(base_url + page)
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), f"{page}: not live")
        data = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-data").get_attribute("textContent")
        steps = json.loads(data)["procedures"][0]["steps"]
        if width < 700:
            driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-sheet-toggle").click()
        do = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do")
        checked = 0
        for index in range(len(steps)):
            where = f"{page} at {width}×{height}, step {index + 1} on {screen_title(driver)!r}"
            if assert_hotspot_covers_no_control(driver, where):
                checked += 1
            do.click()
        assert checked >= 3, f"{width}×{height}: only {checked} steps showed a hotspot"


def test_take_me_there(driver, base_url):
    """A reader who wandered off gets where the step happens in their words, and a way back to it."""
    open_walkthrough(driver, base_url)
    start = screen_title(driver)
    find_button(driver, "Upgrade").click()
    wait_for(driver, lambda d: screen_title(d) != start, "Upgrade did not open its screen")
    there = screen_title(driver)
    current = driver.find_element(By.CSS_SELECTOR, "li.docent-step-current").get_attribute("data-walkthrough-step")
    find_button(driver, "Cancel").click()
    wait_for(driver, lambda d: screen_title(d) != there, "Cancel did not leave the screen")
    elsewhere = screen_title(driver)

    driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
    said = status_text(driver)
    assert "No click control" not in said and "Available" not in said, said
    note = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-wander")
    assert note.is_displayed(), f"no wandering note; the status says {said!r}"
    assert f"This step happens on “{there}”" in note.text and f"you are on “{elsewhere}”" in note.text, note.text
    take = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-take")
    assert driver.switch_to.active_element == take, "focus did not move to Take me there"
    take.click()
    wait_for(driver, lambda d: screen_title(d) == there, "Take me there did not go where the step happens")
    assert not note.is_displayed()
    assert "docent-step-current" in guide_item(driver, current).get_attribute("class")
    driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
    wait_for(driver, lambda d: is_done(d, current), "the step could not be done after Take me there")


def test_without_javascript_the_static_screens_are_pictures(driver, base_url, site_dir, built_site):
    """No tab stops in the static screens of any walkthrough page, and copy that says what the reader can do."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    with_screens = []
    for page in walkthrough_pages(site_dir):
        driver.get(base_url + page)
        static = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-static")
        assert static.is_displayed(), page
        note = static.find_element(By.CSS_SELECTOR, ".docent-walkthrough-static-note").text
        assert "needs JavaScript" in note and "turn it on" in note, f"{page}: {note!r}"
        if static.find_elements(By.CSS_SELECTOR, ".docent-screen"):
            with_screens.append(page)
        live = [c for c in static.find_elements(By.CSS_SELECTOR, "button, input, select, a[href], [tabindex]")
                if not driver.execute_script("return arguments[0].closest('[inert]') !== null", c)]
        assert not live, f"{page}: {len(live)} live controls in the static screens"
    assert with_screens, "no page has static screens"
    # Tab through a whole page with screens: focus never lands in a static screen.
    driver.get(base_url + with_screens[0])
    driver.execute_script("window.scrollTo(0, 0)")
    seen = set()
    for _ in range(400):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        assert not driver.execute_script("return arguments[0].closest('.docent-walkthrough-static') !== null", active), (
            active.get_attribute("outerHTML")[:200]
        )
        if active.id in seen:
            break
        seen.add(active.id)
    assert len(seen) > 5, "Tab did not go through the page"


def test_the_guide_points_to_its_console(driver, base_url, built_site):
    """A table of contents entry and a "Try it" note near the top, both linking to the walkthrough."""
    driver.get(base_url + GUIDE)
    toc = driver.find_elements(By.CSS_SELECTOR, '.toc a[href="#walkthrough"]')
    assert toc, "no table of contents entry for the walkthrough"
    note = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-try")
    assert note.text.startswith("Try it:") and note.find_elements(By.CSS_SELECTOR, 'a[href="#walkthrough"]')
    first_step = driver.find_element(By.CSS_SELECTOR, "li[data-walkthrough-step]")
    assert rect(driver, note)[1] < rect(driver, first_step)[1], "the Try it note is not before the steps"
