"""A walkthrough whose steps are inside tabs ({% tabs %}): the SSO page, whose connection types are tabs and whose
main path runs the first one (SAML 2.0). When the guide's current step is in a tab the reader has not chosen, or
the reader runs a step that is in one, the tab that holds the step is selected (for this page only: the reader's
own choice stays remembered). On a built site only: the fixture has no page with tabs. Fixtures are in
conftest.py; helpers in test_walkthrough.py."""

from selenium.webdriver.common.by import By

from test_walkthrough import axe_violations, wait_for

SSO = "/insomnia/sso/"
GROUP_KEY = "docent-tabs:sso-connection"


def selected_tab(driver):
    return driver.find_element(By.CSS_SELECTOR, "[role=tab][aria-selected=true]").text


def current_step(driver):
    return driver.find_element(By.CSS_SELECTOR, "li.docent-step-current")


def test_the_tab_holding_the_current_step_is_selected(driver, base_url, out_dir, built_site):
    # A reader who chose OIDC before (on this page or another of the group's): the page opens on OIDC.
    driver.get(base_url + SSO)
    driver.execute_script("localStorage.setItem(arguments[0], 'OIDC')", GROUP_KEY)
    driver.get(base_url + SSO)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), "the console is not live")
    assert selected_tab(driver) == "OIDC"
    do = driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do")
    saml_first = driver.find_element(By.CSS_SELECTOR, "li[data-walkthrough-step='wt-4']")
    assert not saml_first.is_displayed(), "the SAML tab's first step shows before its tab is chosen"

    # The steps before the tabs: the tab set is left as the reader chose it.
    for _ in range(3):
        assert selected_tab(driver) == "OIDC", "a step outside the tabs changed the tab"
        do.click()
    # The guide's current step is now the SAML tab's first: its tab is selected.
    wait_for(driver, lambda d: current_step(d).get_attribute("data-walkthrough-step") == "wt-4", "not at wt-4")
    wait_for(driver, lambda d: selected_tab(d) == "SAML 2.0", "the tab holding the current step was not selected")
    assert saml_first.is_displayed()
    assert driver.execute_script("return localStorage.getItem(arguments[0])", GROUP_KEY) == "OIDC", (
        "showing the step overwrote the reader's remembered choice")

    # The reader goes back to OIDC to read, then runs the current step: its tab is shown again.
    driver.find_element(By.XPATH, "//*[@role='tab'][normalize-space()='OIDC']").click()
    assert not saml_first.is_displayed()
    do.click()
    wait_for(driver, lambda d: selected_tab(d) == "SAML 2.0", "running a step in a hidden tab did not show its tab")
    wait_for(driver, lambda d: current_step(d).get_attribute("data-walkthrough-step") == "wt-5", "wt-4 was not done")
    assert current_step(driver).is_displayed()

    serious, report = axe_violations(driver, out_dir, "walkthrough-tabs")
    assert not serious, f"axe (SSO page, console and tabs): critical or serious violations:\n{report}"
