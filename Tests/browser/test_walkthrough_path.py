"""The console before its wasm: the documented path the build precomputed (WalkthroughPath.swift, the page's
`.docent-walkthrough-path`) drives the console until the wasm takes over.

- with the wasm blocked, every seed walkthrough's documented path works ("Do this step" through every step of every
  procedure, and on the seed 000 guide by clicking the highlighted control and typing the guide's values), and the
  status line says that free exploration is unavailable;
- an action off the path waits ("Loading the simulation…") and is done once the wasm has arrived;
- the precomputed screens and answers are the wasm's: every state of every seed page's table replayed into the wasm
  gives the same screen JSON and the same answer to every question.

Needs a site built by Docent (--site): the fixture pages have no precomputed path.
"""

import http.server
import json
import threading
from functools import partial

import pytest
from selenium.webdriver.common.by import By

from conftest import GUIDE, _free_port
from test_walkthrough import browser_log, status_text, wait_for

PAGES = ["/insomnia/enterprise/", "/insomnia/domains/", "/insomnia/sso/", "/insomnia/enterprise-user-management/"]

# In the page: the walkthrough object of the first console (root.docentWalkthrough).
WALKTHROUGH = "const w = document.querySelector('.docent-walkthrough').docentWalkthrough;"

CANONICAL = """
function canonical(value) {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (value && typeof value === "object") {
    return "{" + Object.keys(value).filter((k) => value[k] !== undefined).sort()
      .map((k) => JSON.stringify(k) + ":" + canonical(value[k])).join(",") + "}";
  }
  return JSON.stringify(value);
}
"""


def block_wasm(driver):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*ConsoleWasm.wasm"]})


def classes(driver):
    return driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough").get_attribute("class").split()


def progress(driver):
    return driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-progress").text


def open_without_wasm(driver, base_url, page):
    block_wasm(driver)
    driver.get(base_url + page)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), f"{page}: not ready")
    wait_for(
        driver,
        lambda d: "docent-walkthrough-path-only" in classes(d),
        f"{page}: the blocked wasm was not reported",
    )
    assert "docent-walkthrough-simulation-live" not in classes(driver)
    assert "free exploration is unavailable" in status_text(driver), status_text(driver)


def procedure_count(driver):
    data = json.loads(driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-data").get_attribute("textContent"))
    return len(data["procedures"])


@pytest.mark.parametrize("page", PAGES)
def test_documented_path_works_without_the_wasm(driver, base_url, built_site, page):
    open_without_wasm(driver, base_url, page)
    for procedure in range(procedure_count(driver)):
        if procedure:
            driver.execute_script(
                "const c = document.querySelector('.docent-walkthrough-procedure');"
                "c.value = String(arguments[0]); c.dispatchEvent(new Event('change'));",
                procedure,
            )
        for _ in range(60):
            if progress(driver).startswith("All "):
                break
            before = (progress(driver), driver.find_element(By.CSS_SELECTOR, ".docent-screen").get_attribute("outerHTML"))
            driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
            after = (progress(driver), driver.find_element(By.CSS_SELECTOR, ".docent-screen").get_attribute("outerHTML"))
            assert after != before, f"{page}, procedure {procedure + 1}: “Do this step” did nothing at {before[0]} " + (
                f"(status: {status_text(driver)!r})\n{browser_log(driver)}"
            )
        assert progress(driver).startswith("All "), f"{page}, procedure {procedure + 1}: stuck at {progress(driver)}"
    assert not driver.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-failed")


def test_highlighted_controls_work_without_the_wasm(driver, base_url, built_site):
    """The reader follows the seed guide by hand: clicks the highlighted control, types the guide's value."""
    open_without_wasm(driver, base_url, GUIDE)
    for _ in range(80):
        if progress(driver).startswith("All "):
            break
        target = driver.find_elements(By.CSS_SELECTOR, ".docent-screen .docent-highlight")
        if not target:
            # A check, or a step the reader does from the toolbar: "Do this step" (the judged path, too).
            driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
            continue
        control = target[0]
        field = control.find_elements(By.CSS_SELECTOR, "input[type=text], input:not([type]), input[type=email]")
        if field:
            value = driver.execute_script(
                WALKTHROUGH + "const s = w.steps[w.pendingIndex()]; return w.nextAction(s).value;"
            )
            field[0].clear()
            field[0].send_keys(value + "\n")
        else:
            if control.get_attribute("role") == "menuitem" or not control.is_displayed():
                opener = driver.execute_script(
                    "return arguments[0].closest('[role=menu]')?.previousElementSibling", control
                )
                if opener is not None:
                    opener.click()
            driver.execute_script("arguments[0].click()", control)
    assert progress(driver).startswith("All "), f"stuck at {progress(driver)}: {status_text(driver)}"
    assert "docent-walkthrough-simulation-live" not in classes(driver)


class GatedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; the wasm only once the gate opens."""

    gate = None

    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path.endswith("ConsoleWasm.wasm"):
            self.gate.wait(60)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture()
def gated_site(site_dir):
    gate = threading.Event()
    handler = type("Handler", (GatedHandler,), {"gate": gate})
    handler.extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map, **{".wasm": "application/wasm"})
    port = _free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", gate
    finally:
        gate.set()
        server.shutdown()
        server.server_close()


def off_path_button(driver):
    """An enabled button of the screen that the precomputed path has no action for."""
    return driver.execute_script(
        WALKTHROUGH
        + CANONICAL
        + """
        const table = JSON.parse(document.querySelector('.docent-walkthrough-path').textContent);
        const node = w.module.sessions.get(w.handle).node;
        const known = new Set(table.nodes[node].next.map((pair) => canonical(pair[0])));
        for (const button of w.host.querySelectorAll('button.docent-control:not([disabled])')) {
          const d = button.dataset;
          if (d.kind === 'toggle') continue;
          const action = {click: d.label};
          if (d.row != null) action.row = d.row;
          if (d.section != null) action.section = d.section;
          if (!known.has(canonical(action)) && button.offsetParent !== null) return button;
        }
        return null;
        """
    )


def test_off_path_action_waits_for_the_wasm(driver, built_site, gated_site):
    base, gate = gated_site
    driver.get(base + GUIDE)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".docent-walkthrough-ready"), "not ready")
    assert "docent-walkthrough-simulation-live" not in classes(driver)
    # One step along the path first (judged from the table), then off it.
    done_so_far = []
    for _ in range(4):
        driver.find_element(By.CSS_SELECTOR, ".docent-walkthrough-do").click()
        done_so_far = driver.execute_script(WALKTHROUGH + "return w.module.actions(w.handle)")
        if done_so_far:
            break
    screen_before = driver.execute_script(WALKTHROUGH + "return JSON.stringify(w.screen)")
    assert done_so_far, "the step did nothing in the console"
    button = off_path_button(driver)
    assert button is not None, "no control off the documented path on this screen"
    action = driver.execute_script(
        "const d = arguments[0].dataset; const a = {click: d.label};"
        "if (d.row != null) a.row = d.row; if (d.section != null) a.section = d.section; return a;",
        button,
    )
    button.click()
    assert "Loading the simulation" in status_text(driver), status_text(driver)
    assert "docent-walkthrough-waiting" in classes(driver)
    assert driver.execute_script(WALKTHROUGH + "return JSON.stringify(w.screen)") == screen_before
    gate.set()
    wait_for(driver, lambda d: "docent-walkthrough-simulation-live" in classes(d), "the wasm never took over")
    assert "docent-walkthrough-waiting" not in classes(driver)
    assert "Loading the simulation" not in status_text(driver), status_text(driver)
    # The queued click was done by the wasm after the steps were replayed into it: the page shows what a fresh
    # wasm session shows after the same actions.
    expected, shown = driver.execute_script(
        WALKTHROUGH
        + CANONICAL
        + """
        const m = w.module;
        const s = m.start(w.state);
        let screen = s.screen;
        for (const action of arguments[0]) screen = m.perform(s.handle, action).screen;
        m.close(s.handle);
        return [canonical(screen), canonical(w.screen)];
        """,
        done_so_far + [action],
    )
    assert shown == expected
    assert json.loads(expected)["title"] == driver.find_element(
        By.CSS_SELECTOR, ".docent-screen"
    ).get_attribute("data-screen-title")
    assert shown != driver.execute_script(CANONICAL + "return canonical(JSON.parse(arguments[0]))", screen_before), (
        "the off-path click changed nothing: pick a control that does"
    )


@pytest.mark.parametrize("page", PAGES)
def test_precomputed_path_is_the_wasms(driver, base_url, built_site, page):
    """Every state of the table, replayed into the wasm: the same screen, the same answer to every question."""
    driver.get(base_url + page)
    wait_for(driver, lambda d: "docent-walkthrough-simulation-live" in classes(d), f"{page}: the wasm never took over")
    problems = driver.execute_script(
        WALKTHROUGH
        + CANONICAL
        + """
        const m = w.module;
        const table = JSON.parse(document.querySelector('.docent-walkthrough-path').textContent);
        // The actions that reach each node, breadth first from the start.
        const paths = new Map([[0, []]]);
        const queue = [0];
        while (queue.length) {
          const node = queue.shift();
          for (const [action, next] of table.nodes[node].next) {
            if (!paths.has(next)) { paths.set(next, paths.get(node).concat([action])); queue.push(next); }
          }
        }
        const problems = [];
        if (paths.size !== table.nodes.length) problems.push('unreachable nodes: ' + (table.nodes.length - paths.size));
        let asked = 0;
        for (const [node, actions] of paths) {
          const s = m.start(w.state);
          let screen = s.screen;
          for (const action of actions) {
            const result = m.perform(s.handle, action);
            if (!result.ok) problems.push('node ' + node + ': refused ' + JSON.stringify(action));
            screen = result.screen;
          }
          if (canonical(screen) !== canonical(table.screens[table.nodes[node].screen])) {
            problems.push('node ' + node + ' (' + screen.title + '): the screen differs');
          }
          for (const [question, answer] of table.nodes[node].ask) {
            asked++;
            const wasm = 'stays' in question
              ? { answer: m.stays(s.handle, question.stays, screen) }
              : m.judge(s.handle, question);
            if (canonical(wasm) !== canonical(answer)) {
              problems.push('node ' + node + ': ' + JSON.stringify(question) + ' → ' + JSON.stringify(answer)
                + ', the wasm says ' + JSON.stringify(wasm));
            }
          }
          m.close(s.handle);
        }
        return {problems: problems.slice(0, 20), nodes: paths.size, asked: asked};
        """
    )
    assert problems["nodes"] > 1 and problems["asked"] > 0, problems
    assert not problems["problems"], f"{page}: " + "\n".join(problems["problems"])
