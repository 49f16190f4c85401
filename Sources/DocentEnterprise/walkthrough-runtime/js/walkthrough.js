/* One walkthrough: its console shell (toolbar, current step, status), session and rendering. The step runner,
 * the guide sync and the reader input add their methods to it (step-runner.js, guide-sync.js, reader-input.js). */

class Walkthrough {
  constructor(root) {
    this.root = root;
    const data = JSON.parse(root.querySelector(".docent-walkthrough-data").textContent);
    this.state = root.dataset.state || data.state;
    this.procedures = (data.procedures || []).filter((p) => Array.isArray(p.steps));
    this.procedure = 0;
    this.stepIndex = 0;
    this.inputs = new Map(); // normalized field label → the reader's last non-empty value
    this.handle = 0;
    this.screen = null;
    this.module = null;
    this.pointerDown = false;
    this.renderPending = false;
    this.downloadURL = null;
    this.queued = []; // reader actions waiting for the wasm (see attempt)
    this.wasmError = null;
    this.buildShell();
  }

  get steps() {
    const procedure = this.procedures[this.procedure];
    return procedure ? procedure.steps : [];
  }

  currentStep() {
    return this.steps[this.stepIndex] || null;
  }

  buildShell() {
    const root = this.root;
    this.status = el("p", { class: "docent-walkthrough-status", role: "status", "aria-live": "polite" }, [
      "Loading the simulated console…",
    ]);
    const toolbar = el("div", { class: "docent-walkthrough-toolbar" });
    if (this.procedures.length > 1) {
      this.chooser = el(
        "select",
        { class: "docent-walkthrough-procedure" },
        this.procedures.map((p, i) => el("option", { value: String(i) }, [p.title || "Procedure " + (i + 1)]))
      );
      toolbar.append(
        el("label", { class: "docent-walkthrough-chooser" }, [el("span", null, ["Procedure"]), " ", this.chooser])
      );
      this.chooser.addEventListener("change", () => {
        const index = Number(this.chooser.value);
        this.attempt(() => this.startProcedure(index, "Started"));
      });
    }
    this.doButton = el("button", { type: "button", class: "docent-walkthrough-do" }, ["Do this step"]);
    this.resetButton = el("button", { type: "button", class: "docent-walkthrough-reset" }, ["Reset"]);
    this.progress = el("span", { class: "docent-walkthrough-progress" });
    toolbar.append(this.doButton, this.resetButton, this.progress);
    this.doButton.addEventListener("click", () => this.attempt(() => this.doStep()));
    this.resetButton.addEventListener("click", () =>
      this.attempt(() => this.startProcedure(this.procedure, "Started over"))
    );

    this.stepText = el("span", { class: "docent-walkthrough-step-text" });
    this.stepLabel = el("span", { class: "docent-walkthrough-current-label" }, ["Current step: "]);
    this.current = el("p", { class: "docent-walkthrough-current" }, [this.stepLabel, this.stepText]);
    this.host = el("div", { class: "docent-walkthrough-screen" });
    // "Do this step" on another screen: where the step happens, and a way there.
    this.wanderText = el("span", { class: "docent-walkthrough-wander-text" });
    this.takeButton = el("button", { type: "button", class: "docent-walkthrough-take" }, ["Take me there"]);
    this.wander = el("p", { class: "docent-walkthrough-wander", hidden: true }, [this.wanderText, " ", this.takeButton]);
    this.takeButton.addEventListener("click", () => this.attempt(() => this.takeMeThere()));
    // The guide's step the reader is reading, when the console is at another one.
    this.readingText = el("span", { class: "docent-walkthrough-reading-text" });
    this.readingButton = el("button", { type: "button", class: "docent-walkthrough-reading-go" });
    this.reading = el("p", { class: "docent-walkthrough-reading", hidden: true }, [this.readingText, " ", this.readingButton]);
    this.readingButton.addEventListener("click", () => this.attempt(() => this.goToReadStep()));
    this.body = el("div", { class: "docent-walkthrough-body", id: this.uniqueID("docent-walkthrough-body") }, [
      toolbar,
      this.current,
      this.wander,
      this.reading,
      this.host,
    ]);
    this.sheet = new Sheet(this.body, () => this.hotspot.place());
    this.live = el("div", { class: "docent-walkthrough-live", hidden: true }, [this.sheet.bar, this.body]);

    const staticScreens = root.querySelector(".docent-walkthrough-static");
    root.insertBefore(this.live, staticScreens);
    root.insertBefore(this.status, staticScreens);
    this.hotspot = new Hotspot(this.host);

    // Reader input inside the live screen.
    this.host.addEventListener("click", (event) => this.onClick(event));
    this.host.addEventListener("keydown", (event) => this.onKeydown(event));
    this.host.addEventListener("change", (event) => this.onChange(event));
    // A field's change fires when it loses focus, often at the pointerdown of a click on a button: render
    // after that click, not before it, so the button under the pointer is still there when it lands.
    root.addEventListener("pointerdown", () => (this.pointerDown = true), true);
    document.addEventListener("pointerup", () => this.afterPointer(), true);
    document.addEventListener("pointercancel", () => this.afterPointer(), true);
  }

  uniqueID(base) {
    let id = base;
    for (let n = 2; document.getElementById(id); n++) id = base + "-" + n;
    return id;
  }

  /**
   * Draws the console. With the documented path the build precomputed (PathModule), at once: the guide's steps
   * work from its table while the wasm loads (`docent-walkthrough-ready`); the wasm then takes over, the steps
   * done so far replayed into it, and does whatever the reader queued meanwhile (`docent-walkthrough-simulation-live`).
   * Without the table, once the wasm has loaded (both classes at once).
   */
  async load() {
    const wasm = loadModule(this.root.dataset.wasm);
    wasm.catch(() => {}); // answered below, whichever way the console starts
    const path = this.pathModule();
    if (path) {
      try {
        this.module = path;
        this.startProcedure(0, null, { quiet: true }); // show() draws it
      } catch (error) {
        this.module = null;
      }
    }
    if (this.module) this.show();
    let module;
    try {
      module = await wasm;
    } catch (error) {
      if (this.module) this.explorationUnavailable(error);
      else this.fail(error);
      return;
    }
    if (this.module) {
      this.takeOver(module);
      return;
    }
    try {
      this.module = module;
      this.startProcedure(0, null, { quiet: true }); // show() draws it
    } catch (error) {
      this.fail(error);
      return;
    }
    this.show();
    this.root.classList.add("docent-walkthrough-simulation-live");
  }

  /** The precomputed documented path (WalkthroughPath.swift), or null. */
  pathModule() {
    const data = this.root.querySelector(".docent-walkthrough-path");
    if (!data) return null;
    try {
      return new PathModule(JSON.parse(data.textContent));
    } catch (error) {
      return null;
    }
  }

  /** The console drawn in place of the static screens, its first screen ready for the reader. */
  show() {
    const staticScreens = this.root.querySelector(".docent-walkthrough-static");
    if (staticScreens) staticScreens.hidden = true;
    // Live, the status line belongs with the console (in the bottom sheet on phones).
    this.body.insertBefore(this.status, this.wander);
    this.live.hidden = false;
    this.root.classList.add("docent-walkthrough-ready");
    this.dock = new Dock(this.root, () => this.stepItems());
    this.follower = new StepFollower(() => this.stepItems(), (index) => this.onReading(index));
    this.sheet.openOnLinksTo(this.root.id);
    this.render(null);
    this.setStatus("The simulated console is ready: you are on “" + this.screen.title + "”.");
  }

  /**
   * The wasm takes over from the precomputed path: a session of its own taken through the actions done so far
   * (the same screen, which the switch does not redraw), then the reader's queued actions, in order.
   */
  takeOver(module) {
    const path = this.module;
    let handle = 0;
    let screen;
    try {
      const started = module.start(this.state);
      handle = started.handle;
      screen = started.screen;
      for (const action of path.actions(this.handle)) {
        const result = module.perform(handle, action);
        if (!result.ok) throw new Error(errorText(result.error) || "the simulation refused a step of the guide");
        screen = result.screen;
      }
    } catch (error) {
      if (handle) module.close(handle);
      this.explorationUnavailable(error);
      return;
    }
    path.close(this.handle);
    this.module = module;
    this.handle = handle;
    const redraw = this.redrawWhenLive || canonical(screen) !== canonical(this.screen);
    this.redrawWhenLive = false;
    this.screen = screen;
    this.root.classList.add("docent-walkthrough-simulation-live");
    this.root.classList.remove("docent-walkthrough-waiting");
    const queued = this.queued;
    this.queued = [];
    if (redraw) this.render(null);
    for (const run of queued) run();
  }

  /** The wasm could not load: the documented path goes on from its table, and the status line says so. */
  explorationUnavailable(error) {
    this.wasmError = whyNotLoaded(error);
    this.root.classList.add("docent-walkthrough-path-only");
    this.root.classList.remove("docent-walkthrough-waiting");
    const queued = this.queued.length > 0;
    this.queued = [];
    this.setStatus(
      (queued ? "That needs the full simulation, which " : "The full simulation ") +
        "could not be loaded (" +
        this.wasmError +
        "): free exploration is unavailable. The guide's steps still work: use the highlighted control or “Do this step”.",
      queued ? "error" : null
    );
  }

  /**
   * Runs a reader's action. Before the wasm has taken over, an action the precomputed path has no answer for
   * (NeedsSimulation) leaves everything as it was and waits for the wasm, as does any action after it (their
   * order is kept); once the wasm failed to load, it is refused with a word why.
   */
  attempt(run) {
    if (!this.module || !this.module.path) return run();
    if (this.queued.length) {
      this.queued.push(run);
      return;
    }
    const saved = {
      sessions: this.module.save(),
      handle: this.handle,
      screen: this.screen,
      procedure: this.procedure,
      stepIndex: this.stepIndex,
      inputs: new Map(this.inputs),
      renderPending: this.renderPending,
    };
    try {
      run();
    } catch (error) {
      if (!(error instanceof NeedsSimulation)) throw error;
      this.module.restore(saved.sessions);
      this.handle = saved.handle;
      this.screen = saved.screen;
      this.procedure = saved.procedure;
      if (this.chooser) this.chooser.value = String(saved.procedure);
      this.stepIndex = saved.stepIndex;
      this.inputs = saved.inputs;
      this.renderPending = saved.renderPending;
      if (this.wasmError) {
        this.setStatus(
          "That needs the full simulation, which could not be loaded (" +
            this.wasmError +
            "): free exploration is unavailable. The guide's steps still work: use the highlighted control or “Do this step”.",
          "error"
        );
        return;
      }
      this.queued.push(run);
      this.root.classList.add("docent-walkthrough-waiting");
      this.setStatus("Loading the simulation… Your action is done as soon as it is ready.");
    }
  }

  fail(error) {
    this.live.hidden = true;
    this.root.classList.add("docent-walkthrough-failed");
    const why = whyNotLoaded(error);
    this.setStatus(
      "The simulated console could not be loaded (" +
        why +
        "). The guide's pictures and the screens below show each step instead."
    );
  }

  setStatus(text, kind) {
    this.status.textContent = text;
    this.status.classList.toggle("docent-walkthrough-status-error", kind === "error");
  }

  /** Starts procedure `index` over from the starting state. */
  startProcedure(index, verb, options) {
    const opts = options || {};
    if (this.handle) this.module.close(this.handle);
    this.handle = 0;
    let started;
    try {
      started = this.module.start(this.state);
    } catch (error) {
      if (!verb || error instanceof NeedsSimulation) throw error; // the first start: load() shows the static screens instead
      this.setStatus("The console could not start over: " + ((error && error.message) || String(error)), "error");
      return;
    }
    this.handle = started.handle;
    this.screen = started.screen;
    this.procedure = index;
    if (this.chooser) this.chooser.value = String(index);
    this.stepIndex = 0;
    this.inputs.clear();
    this.renderPending = false;
    // Nothing is done before the reader acts: the steps that need nothing pass at their first action.
    if (!opts.quiet) this.render(null);
    if (verb && !opts.quiet) {
      const title = this.procedures[index] ? this.procedures[index].title : "";
      this.setStatus(verb + (title ? ": “" + title + "”" : "") + ". You are on “" + this.screen.title + "”.");
    }
  }

  /* Rendering ---------------------------------------------------------------------------------------- */

  /** Re-renders the live screen, the step line, the progress and the guide's step list. */
  render(focusHint) {
    this.renderPending = false;
    const active = document.activeElement;
    const focusWasInScreen = active && this.host.contains(active) && active !== this.host;
    const key = focusWasInScreen ? controlKey(active) : focusHint;
    const restore = focusWasInScreen || Boolean(focusHint);

    const step = this.currentStep();
    const pending = this.steps[this.pendingIndex()];
    const target = pending && pending.kind === "action" && pending.action ? this.nextAction(pending) : null;
    const highlight = new Set(target ? this.judge({ targets: target }).controls || [] : []);
    if (this.downloadURL) URL.revokeObjectURL(this.downloadURL);
    this.downloadURL = null;
    const download = this.screen.download;
    if (download && typeof Blob !== "undefined") {
      this.downloadURL = URL.createObjectURL(
        new Blob([download.content || ""], { type: download.mediaType || "application/octet-stream" })
      );
    }
    const drawer = this.host.querySelector("details.docent-simulation");
    this.host.replaceChildren(renderScreen(this.screen, highlight, this.downloadURL, drawer && drawer.open));

    const total = this.steps.length;
    if (step) {
      this.progress.textContent = "Step " + (this.stepIndex + 1) + " of " + total;
      this.stepLabel.textContent = "Current step: ";
      this.stepText.textContent = step.text;
      this.current.classList.remove("docent-walkthrough-complete");
    } else {
      this.progress.textContent = "All " + total + " steps done";
      this.stepLabel.textContent = "Walkthrough complete: ";
      this.stepText.textContent = "you have done every step. Reset to start over, or keep exploring the console.";
      this.current.classList.add("docent-walkthrough-complete");
    }
    this.markGuide();
    this.sheet.update(this.progress.textContent, this.stepText.textContent);
    this.hideWandered();
    if (step !== this.shownStep) {
      // The guide's current step is shown, even in a tab the reader had not chosen (guide-sync.js).
      revealInGuide(this.stepItems()[this.stepIndex]);
      if (this.shownStep !== undefined && this.dock && this.dock.isDocked()) followInGuide(this.stepItems()[this.stepIndex]);
      this.shownStep = step;
    }
    this.updateReading();
    this.hotspot.show(target ? pending.text : "");

    if (restore) this.restoreFocus(key);
  }

  restoreFocus(key) {
    let focusable = null;
    if (key) {
      for (const control of this.host.querySelectorAll(".docent-control")) {
        if (controlKey(control) !== key) continue;
        const inner = control.matches("label") ? control.querySelector("input, select") : control;
        if (inner && !inner.disabled) focusable = inner;
        break;
      }
    }
    if (!focusable) focusable = this.host.querySelector(".docent-screen-title");
    if (focusable) focusable.focus({ preventScroll: focusable.matches(".docent-screen-title") ? false : true });
  }

  /** The guide's list items: done, current (aria-current="step") or neither. */
  markGuide() {
    const ids = new Set();
    for (const procedure of this.procedures) for (const step of procedure.steps) ids.add(step.id);
    const status = new Map();
    this.steps.forEach((step, index) => {
      if (index < this.stepIndex) status.set(step.id, "done");
      else if (index === this.stepIndex) status.set(step.id, "current");
    });
    for (const item of document.querySelectorAll("li[data-walkthrough-step]")) {
      const id = item.getAttribute("data-walkthrough-step");
      if (!ids.has(id)) continue;
      const state = status.get(id);
      item.classList.toggle("docent-step-done", state === "done");
      item.classList.toggle("docent-step-current", state === "current");
      if (state === "current") item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
    }
  }
}

/** Why the wasm did not load, for the status line. */
function whyNotLoaded(error) {
  // A page opened from disk (a site built with relative_urls) may not fetch the console: browsers forbid it.
  return location.protocol === "file:"
    ? "it needs the site served over HTTP (docent serve, or any web server): browsers do not let a page opened from disk load it"
    : (error && error.message) || String(error);
}
