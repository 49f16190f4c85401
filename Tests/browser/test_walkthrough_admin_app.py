"""The console as a credible admin app (#20 item 2): the team switcher of seed 002 is a real dropdown menu in the
sidebar, row actions carry their row and the guide's "submenu" is a row menu, buttons are styled by role, and the
simulation's own controls and notes sit in a separate Simulation drawer outside the product's frame; axe finds
nothing serious with the menus open, in light and dark. Fixtures are in conftest.py; helpers in
test_walkthrough.py."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_walkthrough import axe_violations, live_screen, save_screenshots, screen_title, wait_for

SEED_002 = "/insomnia/enterprise-user-management/"


def open_live(driver, base_url, page):
    driver.get(base_url + page)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), f"{page}: not live")


def team_switcher(driver):
    return live_screen(driver).find_element(By.CSS_SELECTOR, ".docent-app-sidebar button[aria-haspopup='menu']")


def test_the_team_switcher_is_a_dropdown_menu_in_the_sidebar(driver, base_url, out_dir):
    open_live(driver, base_url, SEED_002)
    switcher = team_switcher(driver)
    assert switcher.text == "Kong"
    assert switcher.get_attribute("aria-expanded") == "false"
    assert not live_screen(driver).find_elements(By.CSS_SELECTOR, "[role='menu'][aria-label='Kong']")
    switcher.click()
    menu = wait_for(
        driver,
        lambda d: live_screen(d).find_elements(By.CSS_SELECTOR, ".docent-app-sidebar [role='menu'][aria-label='Kong']"),
        "the team switcher opened no menu",
    )[0]
    assert team_switcher(driver).get_attribute("aria-expanded") == "true"
    items = menu.find_elements(By.CSS_SELECTOR, "[role='menuitem']")
    assert [item.text for item in items] == ["Globex"]
    # A dropdown: the menu opens under its button, inside the sidebar.
    below = driver.execute_script(
        "return arguments[0].getBoundingClientRect().top >= arguments[1].getBoundingClientRect().bottom - 1",
        menu, team_switcher(driver))
    assert below, "the menu is not under the team's button"
    out_dir.mkdir(parents=True, exist_ok=True)
    save_screenshots(driver, out_dir, "team-switcher-dropdown")
    items[0].click()
    wait_for(driver, lambda d: team_switcher(d).text == "Globex", "choosing Globex did not switch the team")


def test_row_actions_carry_their_row_and_manage_organization_is_in_the_rows_submenu(driver, base_url):
    open_live(driver, base_url, SEED_002)
    screen = live_screen(driver)
    opener = screen.find_element(By.CSS_SELECTOR, "button.docent-menu-button[aria-label='Actions for Cargo']")
    assert opener.get_attribute("aria-haspopup") == "menu"
    assert opener.get_attribute("aria-expanded") == "false"
    item = screen.find_element(By.CSS_SELECTOR, "[role='menuitem'][aria-label='Manage Organization Cargo']")
    assert not item.is_displayed(), "the row's submenu is open before the reader opens it"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert item.is_displayed()
    assert driver.switch_to.active_element == item, "opening the submenu does not focus its first item"
    item.send_keys(Keys.ESCAPE)
    assert opener.get_attribute("aria-expanded") == "false" and not item.is_displayed()
    opener.click()
    item.click()
    wait_for(driver, lambda d: screen_title(d) == "Cargo", "Manage Organization Cargo did not open Cargo")


def test_buttons_are_styled_by_role(driver, base_url):
    open_live(driver, base_url, SEED_002)
    screen = live_screen(driver)
    primary = screen.find_elements(By.CSS_SELECTOR, ".docent-role-primary")
    assert [b.text for b in primary] == ["New Organization"]
    colours = driver.execute_script(
        "return [...arguments].map((b) => getComputedStyle(b).backgroundColor)",
        primary[0], team_switcher(driver))
    assert colours[0] != colours[1], "the primary action looks like a secondary one"


def test_simulation_notes_and_controls_are_in_a_drawer_outside_the_product(driver, base_url):
    open_live(driver, base_url, SEED_002)
    screen = live_screen(driver)
    drawers = screen.find_elements(By.CSS_SELECTOR, ":scope > details.docent-simulation")
    assert len(drawers) == 1
    assert drawers[0].find_element(By.CSS_SELECTOR, "summary").text == "Simulation"
    app = screen.find_element(By.CSS_SELECTOR, ":scope > .docent-app")
    assert "Simulated" not in app.text
    assert not app.find_elements(By.CSS_SELECTOR, "[data-section='Simulation']")
    drawers[0].find_element(By.CSS_SELECTOR, "summary").click()
    assert "Simulated:" in drawers[0].text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_menus_open_pass_axe(driver, base_url, out_dir, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    open_live(driver, base_url, SEED_002)
    team_switcher(driver).click()
    wait_for(driver, lambda d: team_switcher(d).get_attribute("aria-expanded") == "true", "the menu did not open")
    live_screen(driver).find_element(By.CSS_SELECTOR, "button.docent-menu-button").click()
    live_screen(driver).find_element(By.CSS_SELECTOR, "details.docent-simulation summary").click()
    serious, report = axe_violations(driver, out_dir, f"admin-app-menus-{scheme}")
    assert not serious, f"axe ({scheme}, menus and drawer open): critical or serious violations:\n{report}"


def active(driver):
    return driver.switch_to.active_element


def row_menu_opener(driver):
    return live_screen(driver).find_element(By.CSS_SELECTOR, "button.docent-menu-button[aria-label='Actions for Cargo']")


def test_the_team_switcher_follows_the_menu_button_pattern_with_the_keyboard(driver, base_url):
    open_live(driver, base_url, SEED_002)
    switcher = team_switcher(driver)
    driver.execute_script("arguments[0].focus()", switcher)
    for key in (Keys.ENTER, Keys.SPACE, Keys.ARROW_DOWN):
        active(driver).send_keys(key)
        wait_for(driver, lambda d: team_switcher(d).get_attribute("aria-expanded") == "true", f"{key!r} opened no menu")
        assert active(driver).get_attribute("role") == "menuitem" and active(driver).text == "Globex", (
            f"{key!r} did not focus the menu's first item")
        assert active(driver).get_attribute("tabindex") == "-1", "a menu item is a tab stop of its own"
        for move in (Keys.ARROW_DOWN, Keys.ARROW_UP, Keys.HOME, Keys.END):
            active(driver).send_keys(move)
            assert active(driver).text == "Globex", f"{move!r} left the menu"
        active(driver).send_keys(Keys.ESCAPE)
        wait_for(driver, lambda d: team_switcher(d).get_attribute("aria-expanded") == "false", "Escape did not close")
        assert active(driver) == team_switcher(driver), "Escape did not return the focus to the team switcher"
    # Tab closes the menu and moves on.
    active(driver).send_keys(Keys.ARROW_DOWN)
    wait_for(driver, lambda d: team_switcher(d).get_attribute("aria-expanded") == "true", "ArrowDown opened no menu")
    active(driver).send_keys(Keys.TAB)
    wait_for(driver, lambda d: team_switcher(d).get_attribute("aria-expanded") == "false", "Tab did not close")
    assert active(driver) != team_switcher(driver) and active(driver).get_attribute("role") != "menuitem"
    assert team_switcher(driver).text == "Kong", "closing the menu switched the team"


def test_a_rows_submenu_follows_the_menu_button_pattern_with_the_keyboard(driver, base_url):
    open_live(driver, base_url, SEED_002)
    opener = row_menu_opener(driver)
    menu = opener.find_element(By.XPATH, "following-sibling::*[@role='menu']")
    # A second and third item (copies of the first, inert) so that moving has somewhere to go.
    driver.execute_script(
        """const first = arguments[0].querySelector('[role=menuitem]');
           for (const name of ['Second', 'Third']) {
             const copy = first.cloneNode(false); copy.textContent = name; copy.className = 'docent-test-item';
             copy.removeAttribute('aria-label'); arguments[0].append(copy);
           }""",
        menu)
    opener.send_keys(Keys.ARROW_DOWN)
    assert opener.get_attribute("aria-expanded") == "true" and menu.is_displayed()
    assert active(driver).text == "Manage Organization", "ArrowDown did not focus the first item"
    moves = [(Keys.ARROW_DOWN, "Second"), (Keys.ARROW_DOWN, "Third"), (Keys.ARROW_DOWN, "Manage Organization"),
             (Keys.ARROW_UP, "Third"), (Keys.HOME, "Manage Organization"), (Keys.END, "Third")]
    for key, expected in moves:
        active(driver).send_keys(key)
        assert active(driver).text == expected, f"{key!r} moved to {active(driver).text!r}, not {expected!r}"
    active(driver).send_keys(Keys.ESCAPE)
    assert opener.get_attribute("aria-expanded") == "false" and not menu.is_displayed()
    assert active(driver) == opener, "Escape did not return the focus to the ⋯ button"
    opener.send_keys(Keys.ARROW_UP)
    assert active(driver).text == "Third", "ArrowUp on the button did not focus the last item"
    active(driver).send_keys(Keys.ESCAPE)
    for key in (Keys.ENTER, Keys.SPACE):
        opener.send_keys(key)
        assert menu.is_displayed() and active(driver).text == "Manage Organization", f"{key!r} did not open the menu"
        active(driver).send_keys(Keys.TAB)
        assert not menu.is_displayed() and opener.get_attribute("aria-expanded") == "false", "Tab did not close"
        assert active(driver) != opener and menu not in active(driver).find_elements(By.XPATH, "ancestor::*")
        driver.execute_script("arguments[0].focus()", opener)
    assert screen_title(driver) == "Organization Dashboard", "a key in the menu did something in the console"


SIMULATION_ONLY = ("Accept invitation", "Advance clock", "Provision user", "Provision team", "Delete group", "Simulated")


def test_the_products_frame_has_no_simulation_only_control(driver, base_url):
    open_live(driver, base_url, SEED_002)
    row_menu_opener(driver).click()
    live_screen(driver).find_element(By.CSS_SELECTOR, "[role='menuitem'][aria-label='Manage Organization Cargo']").click()
    wait_for(driver, lambda d: screen_title(d) == "Cargo", "Manage Organization Cargo did not open Cargo")
    # An invitation to someone who has an account: the simulation stands in for their accepting it.
    field = live_screen(driver).find_element(By.CSS_SELECTOR, ".docent-field[data-label='Invite'] input")
    field.send_keys("dan@kong.com", Keys.ENTER)
    live_screen(driver).find_element(By.CSS_SELECTOR, "button.docent-control[data-label='Invite']").click()
    wait_for(
        driver,
        lambda d: "dan@kong.com" in live_screen(d).find_element(By.CSS_SELECTOR, "table[data-section='Invitations']").text,
        "the invitation is not pending",
    )
    screen = live_screen(driver)
    app = screen.find_element(By.CSS_SELECTOR, ":scope > .docent-app")
    inside = driver.execute_script(
        "return [...arguments[0].querySelectorAll('button, input, select, a, [data-section]')]"
        ".map((e) => (e.dataset.section === 'Simulation' ? 'Simulation: ' : '') + (e.textContent || e.value || ''))",
        app)
    offenders = [text for text in inside if text.startswith("Simulation: ") or any(w in text for w in SIMULATION_ONLY)]
    assert not offenders, f"simulation-only controls inside the product's frame: {offenders}"
    drawer = screen.find_element(By.CSS_SELECTOR, ":scope > details.docent-simulation")
    drawer.find_element(By.CSS_SELECTOR, "summary").click()
    accept = drawer.find_element(By.CSS_SELECTOR, "button.docent-control[data-label='Accept invitation']")
    assert accept.text == "Accept invitation (dan@kong.com)"
    accept.click()
    wait_for(
        driver,
        lambda d: "dan@kong.com" in live_screen(d).find_element(By.CSS_SELECTOR, "table[data-section='Members']").text,
        "accepting from the drawer did not make dan@kong.com a member",
    )
    assert live_screen(driver).find_element(By.CSS_SELECTOR, ":scope > details.docent-simulation").get_attribute("open") is not None, (
        "the drawer the reader opened closed when the console re-rendered")
