/* Docent walkthroughs: the simulated console, live in the guide page.
 *
 * For each <section class="docent-walkthrough"> the page carries the guide's steps as JSON
 * (.docent-walkthrough-data) and a static rendering of each step's screen (.docent-walkthrough-static,
 * what readers without JavaScript see). This script loads the console (ConsoleWasm.wasm, data-wasm), starts a
 * session in the walkthrough's starting state (data-state) and replaces the static screens with a live
 * console that the reader can drive: clicking, typing, choosing, or "Do this step". The guide's own list
 * items (li[data-walkthrough-step]) show progress.
 *
 * This script draws screens and forwards the reader's events; it does not judge them. Whether an action did the
 * current step, which control a step names (the highlight), whether a screen shows what a step expects: the
 * wasm answers (walkthrough_judge), with the same Swift rule `docent check` runs (WalkthroughContract).
 *
 * Every text from the console or the reader goes into the page as text (textContent, attribute values),
 * never as HTML. If the console cannot load, the static screens stay and the status line says why.
 *
 * The script is made of the files of walkthrough-runtime/js/, one concept each, joined in a fixed order by
 * scripts/embed-walkthrough-runtime.py inside one function (one scope, one request): the console module (the wasm
 * bridge), helpers, the screen, menus, the phone sheet, the hotspot, the Simulation drawer, one walkthrough (its
 * shell and rendering), then the parts that add the Walkthrough's methods by concern (the step runner, the guide
 * sync, the reader's input) and the start.
 */
