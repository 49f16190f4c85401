/* The reader's clicks, keys and typing in the live screen, turned into console actions. */

Object.assign(Walkthrough.prototype, {
  /* Reader input ------------------------------------------------------------------------------------- */

  onClick(event) {
    const opener = event.target.closest("button.docent-menu-button");
    if (opener && this.host.contains(opener)) {
      openRowMenu(opener, opener.getAttribute("aria-expanded") !== "true");
      return;
    }
    const button = event.target.closest("button.docent-control");
    if (!button || !this.host.contains(button) || button.disabled) return;
    const d = button.dataset;
    let action;
    if (d.kind === "toggle") {
      action = { toggle: d.label, on: button.getAttribute("aria-checked") !== "true" };
    } else {
      action = { click: d.label };
      if (d.row != null) action.row = d.row;
      if (d.section != null) action.section = d.section;
    }
    this.perform(action, { focus: controlKey(button) });
  },

  onKeydown(event) {
    if (event.key === "Escape") {
      const menu = event.target.closest && event.target.closest(".docent-row-menu");
      const opener = menu && menu.querySelector(".docent-menu-button");
      if (opener && opener.getAttribute("aria-expanded") === "true") {
        openRowMenu(opener, false);
        opener.focus();
      }
      return;
    }
    if (event.key !== "Enter" || event.isComposing) return;
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest(".docent-field")) return;
    event.preventDefault();
    this.commitField(input, false);
  },

  onChange(event) {
    const target = event.target;
    if (!target.isConnected) return; // an input replaced by a render (after Enter)
    if (target instanceof HTMLSelectElement && target.closest(".docent-select")) {
      const label = target.closest(".docent-control").dataset.label;
      this.perform({ select: label, option: target.value }, { focus: controlKey(target) });
    } else if (target instanceof HTMLInputElement && target.closest(".docent-field")) {
      if (target.value === target.docentCommitted) return;
      // Changed by leaving the field (Tab, or pressing a button): render once focus has moved on.
      this.commitField(target, true);
    }
  },

  commitField(input, deferred) {
    const label = input.closest(".docent-control").dataset.label;
    input.docentCommitted = input.value;
    this.perform({ fill: label, value: input.value }, { defer: deferred, focus: controlKey(input) });
  },

  scheduleRender() {
    this.renderPending = true;
    if (!this.pointerDown) window.setTimeout(() => this.flushRender(), 0);
  },

  afterPointer() {
    if (!this.pointerDown) return;
    // The click that follows pointerup is dispatched before this timeout runs.
    window.setTimeout(() => {
      this.pointerDown = false;
      this.flushRender();
    }, 0);
  },

  flushRender() {
    if (this.renderPending) this.render(null);
  },
});
