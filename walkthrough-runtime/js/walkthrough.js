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
      this.chooser.addEventListener("change", () => this.startProcedure(Number(this.chooser.value), "Started"));
    }
    this.doButton = el("button", { type: "button", class: "docent-walkthrough-do" }, ["Do this step"]);
    this.resetButton = el("button", { type: "button", class: "docent-walkthrough-reset" }, ["Reset"]);
    this.progress = el("span", { class: "docent-walkthrough-progress" });
    toolbar.append(this.doButton, this.resetButton, this.progress);
    this.doButton.addEventListener("click", () => this.doStep());
    this.resetButton.addEventListener("click", () => this.startProcedure(this.procedure, "Started over"));

    this.stepText = el("span", { class: "docent-walkthrough-step-text" });
    this.stepLabel = el("span", { class: "docent-walkthrough-current-label" }, ["Current step: "]);
    this.current = el("p", { class: "docent-walkthrough-current" }, [this.stepLabel, this.stepText]);
    this.host = el("div", { class: "docent-walkthrough-screen" });
    // "Do this step" on another screen: where the step happens, and a way there.
    this.wanderText = el("span", { class: "docent-walkthrough-wander-text" });
    this.takeButton = el("button", { type: "button", class: "docent-walkthrough-take" }, ["Take me there"]);
    this.wander = el("p", { class: "docent-walkthrough-wander", hidden: true }, [this.wanderText, " ", this.takeButton]);
    this.takeButton.addEventListener("click", () => this.takeMeThere());
    // The guide's step the reader is reading, when the console is at another one.
    this.readingText = el("span", { class: "docent-walkthrough-reading-text" });
    this.readingButton = el("button", { type: "button", class: "docent-walkthrough-reading-go" });
    this.reading = el("p", { class: "docent-walkthrough-reading", hidden: true }, [this.readingText, " ", this.readingButton]);
    this.readingButton.addEventListener("click", () => this.goToReadStep());
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

  async load() {
    try {
      this.module = await loadModule(this.root.dataset.wasm);
      this.startProcedure(0, null);
    } catch (error) {
      this.fail(error);
      return;
    }
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

  fail(error) {
    this.live.hidden = true;
    this.root.classList.add("docent-walkthrough-failed");
    // A page opened from disk (a site built with relative_urls) may not fetch the console: browsers forbid it.
    const why =
      location.protocol === "file:"
        ? "it needs the site served over HTTP (docent serve, or any web server): browsers do not let a page opened from disk load it"
        : (error && error.message) || String(error);
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
      if (!verb) throw error; // the first start: load() shows the static screens instead
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
