/* The step runner: what the current step asks, whether the reader did it, "Do this step", "Take me there". */

Object.assign(Walkthrough.prototype, {
  /* Steps -------------------------------------------------------------------------------------------- */

  /** Asks the wasm's walkthrough rule about the current screen; a failure answers no. */
  judge(question) {
    try {
      return this.module.judge(this.handle, question);
    } catch (error) {
      if (error instanceof NeedsSimulation) throw error;
      return { answer: false, error: (error && error.message) || String(error) };
    }
  },

  /** The label of the field a fill action addresses (an empty label: the screen's only text field). */
  fieldLabel(label) {
    const found = this.judge({ targets: { fill: label || "", value: "" } }).controls || [];
    const control = found.length === 1 ? (this.screen.controls || [])[found[0]] : null;
    return control ? control.label : label || "";
  },

  /** The reader's value for a field, when they filled it themselves. */
  input(label) {
    return label ? this.inputs.get(norm(label)) : undefined;
  },

  /** A step's action with the reader's own values put in (rowInput). */
  resolvedAction(step) {
    const action = Object.assign({}, step.action);
    const typed = this.input(step.rowInput);
    if (typed !== undefined && action.row != null) action.row = typed;
    return action;
  },

  expectationHolds(expect) {
    if (!expect) return true;
    const question = {};
    if (expect.title != null) question.title = expect.title;
    if (expect.listed != null) {
      const typed = this.input(expect.input);
      question.listed = typed !== undefined ? typed : expect.listed;
    }
    return this.judge({ holds: question }).answer === true;
  },

  /** True when the reader's action, about to be done on the current screen, does what the step says. */
  matches(step, action) {
    if (!step || step.kind !== "action" || !step.action) return false;
    return this.judge({ did: this.resolvedAction(step), action: action }).answer === true;
  },

  /**
   * True for a step that goes where the console already is ("Navigate to your account dashboard" on the
   * Account Dashboard): going there, tried on a copy of the session, leaves the screen as it is.
   */
  alreadyThere(step) {
    if (step.kind !== "action" || !step.action || !("navigate" in step.action)) return false;
    if (this.judge({ holds: { title: step.action.navigate } }).answer === true) return true;
    return this.module.stays(this.handle, step.action, this.screen);
  },

  /**
   * True for a select or a switch step whose control on this screen already shows what the step sets
   * ("Choose Unique verification record" where it is the default): there is nothing left to choose.
   */
  alreadySet(step) {
    if (step.kind !== "action" || !step.action) return false;
    return this.judge({ alreadySet: step.action }).answer === true;
  },

  /** True when the current screen has an enabled control that the action addresses. */
  onScreen(action) {
    return this.judge({ targets: action }).answer === true;
  },

  /**
   * The action the reader should do next for an action step: the step's own, or, while its control is not on
   * this screen, the first of the step's `before` actions ("From the Enterprise Controls, click Domains":
   * "before":[{"navigate":"Enterprise Controls"}]) whose control is.
   */
  nextAction(step) {
    const main = this.resolvedAction(step);
    if (this.onScreen(main)) return main;
    for (const first of beforeOf(step)) if (this.onScreen(first)) return first;
    return main;
  },

  /**
   * True for a step with nothing left to do on this screen: narrative, an expectation that holds, navigation
   * to the screen already shown, a choice already made (unknown kinds never block the reader either).
   */
  needsNothing(step) {
    if (step.kind !== "action" && step.kind !== "expect") return true;
    return (
      (step.kind === "expect" && this.expectationHolds(step.expect)) || this.alreadyThere(step) || this.alreadySet(step)
    );
  },

  /** The index of the first step from the current one that needs the reader (steps.length when none does). */
  pendingIndex() {
    let index = this.stepIndex;
    while (index < this.steps.length && this.needsNothing(this.steps[index])) index++;
    return index;
  },

  /** Moves past the steps that need nothing (see needsNothing). */
  advance() {
    this.stepIndex = this.pendingIndex();
  },

  /** Performs an action in the console, updates the steps and (unless deferred) the screen. */
  perform(action, options) {
    const opts = options || {};
    const before = this.stepIndex;
    this.advance(); // the reader acts: the steps that needed nothing are done
    const step = this.currentStep();
    // The label of "the only text field" is known before the action, on the screen it addresses.
    const filled = verbOf(action) === "fill" ? this.fieldLabel(action.fill) : null;
    // Judged on the screen the action is done on, before it changes.
    const didStep = this.matches(step, action);
    let result;
    try {
      result = this.module.perform(this.handle, action);
    } catch (error) {
      if (error instanceof NeedsSimulation) throw error;
      this.setStatus("The console failed: " + ((error && error.message) || String(error)), "error");
      return false;
    }
    this.screen = result.screen || this.screen;
    const screenErrors = (this.screen.messages || []).filter((m) => m.kind === "error");
    const succeeded = result.ok && screenErrors.length === 0;
    if (succeeded) {
      if (filled && String(action.value || "").trim() !== "") this.inputs.set(norm(filled), action.value);
      if (didStep) this.stepIndex++;
    }
    this.advance();
    if (opts.quiet) return succeeded;

    let text;
    if (!result.ok) text = errorText(result.error) || "That did not work.";
    else if (screenErrors.length) text = screenErrors.map((m) => m.text).join(" ");
    else {
      const said = (this.screen.messages || []).map((m) => m.text).join(" ");
      text = said || describe(action) + " You are on “" + this.screen.title + "”.";
    }
    if (this.stepIndex > before) text += " " + this.doneText();
    this.setStatus(text, succeeded ? null : "error");

    if (opts.defer) this.scheduleRender();
    else this.render(opts.focus || null);
    return succeeded;
  },

  /** "Step 4 of 12 done.": the last step done, counted as the progress counts ("Step 5 of 12"). */
  doneText() {
    return this.currentStep()
      ? "Step " + this.stepIndex + " of " + this.steps.length + " done."
      : "That was the last step: the walkthrough is complete.";
  },

  doStep() {
    if (!this.module || !this.screen) return;
    // The reader runs the current step: where it is written is shown, in whichever tab holds it.
    revealInGuide(this.stepItems()[this.stepIndex]);
    if (!this.currentStep()) {
      this.setStatus("Every step is done. Reset to start over, or keep exploring the console.");
      return;
    }
    if (this.pendingIndex() > this.stepIndex) {
      // Nothing to do for this step here (the console is already there): it is done.
      this.advance();
      this.render(null);
      this.setStatus("Already so on “" + this.screen.title + "”. " + this.doneText());
      return;
    }
    const step = this.currentStep();
    if (step.kind === "action" && step.action) {
      if (!this.onScreen(this.nextAction(step))) {
        this.render(null);
        this.showWandered(step);
        return;
      }
      this.runAction(step, {});
      return;
    }
    const expect = step.expect || {};
    const wants = [];
    if (expect.title != null) wants.push("the screen “" + expect.title + "”");
    if (expect.listed != null) {
      const typed = this.input(expect.input);
      wants.push("“" + (typed !== undefined ? typed : expect.listed) + "” listed");
    }
    this.setStatus(
      "This step is a check, not an action: it is done once the console shows " +
        (wants.join(" with ") || "what the step says") +
        ". You are on “" + this.screen.title + "”."
    );
  },

  /**
   * Does an action step in the console: first the screens it goes through ("From the Enterprise Controls, …")
   * when its control is not here, then its own action. Returns true when it went through.
   */
  runAction(step, options) {
    const main = this.resolvedAction(step);
    if (!this.onScreen(main)) {
      for (const first of beforeOf(step)) {
        let tried;
        try {
          tried = this.module.perform(this.handle, first);
        } catch (error) {
          if (error instanceof NeedsSimulation) throw error;
          tried = { ok: false, error: (error && error.message) || String(error) };
        }
        if (tried.screen) this.screen = tried.screen;
        if (!tried.ok) {
          if (!options.quiet) {
            this.render(null);
            this.setStatus(errorText(tried.error) || "That did not work.", "error");
          }
          return false;
        }
      }
    }
    return this.perform(main, options) !== false;
  },

  /* Wandering off and coming back ------------------------------------------------------------------------ */

  /** The reader is elsewhere than the step's screen: say where it happens, in the guide's words, and offer a way. */
  showWandered(step) {
    const where = step.screen ? "This step happens on “" + step.screen + "”" : "This step happens on another screen";
    this.wanderText.textContent = where + "; you are on “" + this.screen.title + "”.";
    this.wander.hidden = false;
    this.setStatus(this.wanderText.textContent + " Take me there replays the steps before this one.");
    this.takeButton.focus();
  },

  hideWandered() {
    this.wander.hidden = true;
  },

  /** Starts over and does the steps before the current one, so the console is where the current step happens. */
  takeMeThere() {
    const target = this.stepIndex;
    this.replayTo(target);
    this.render(null);
    this.setStatus("You are on “" + this.screen.title + "”, ready for step " + (this.stepIndex + 1) + ".");
    const title = this.host.querySelector(".docent-screen-title");
    if (title) title.focus({ preventScroll: true });
  },

  /** The console started over and taken through the steps before `target` (the guide's values). */
  replayTo(target) {
    this.startProcedure(this.procedure, "Replayed", { quiet: true });
    for (let guard = 0; this.stepIndex < target && guard <= this.steps.length; guard++) {
      if (this.pendingIndex() > this.stepIndex) {
        this.stepIndex = Math.min(this.pendingIndex(), target);
        continue;
      }
      const step = this.currentStep();
      if (step.kind !== "action" || !this.runAction(step, { quiet: true })) break;
    }
  },
});
