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
    const key = this.clickControl(button);
    // A menu button of the product (the team switcher) that is now open: its first item takes the focus.
    const menu = menuOf(this.controlByKey(key));
    if (menu) focusMenuItem(menu, "first");
  },

  /** Does what a click on a control of the screen does; returns the control's key (see controlKey). */
  clickControl(button) {
    const d = button.dataset;
    let action;
    if (d.kind === "toggle") {
      action = { toggle: d.label, on: button.getAttribute("aria-checked") !== "true" };
    } else {
      action = { click: d.label };
      if (d.row != null) action.row = d.row;
      if (d.section != null) action.section = d.section;
    }
    const key = controlKey(button);
    this.act(action, { focus: key });
    return key;
  },

  /** The control of the live screen with that key (see controlKey), or null. */
  controlByKey(key) {
    if (!key) return null;
    for (const control of this.host.querySelectorAll(".docent-control")) if (controlKey(control) === key) return control;
    return null;
  },

  onKeydown(event) {
    if (this.onMenuKey(event)) return;
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
      this.act({ select: label, option: target.value }, { focus: controlKey(target) });
    } else if (target instanceof HTMLInputElement && target.closest(".docent-field")) {
      if (target.value === target.docentCommitted) return;
      // Changed by leaving the field (Tab, or pressing a button): render once focus has moved on.
      this.commitField(target, true);
    }
  },

  commitField(input, deferred) {
    const label = input.closest(".docent-control").dataset.label;
    input.docentCommitted = input.value;
    this.act({ fill: label, value: input.value }, { defer: deferred, focus: controlKey(input) });
  },

  /** A reader's action on the screen, done now or, off the precomputed path, once the wasm is there (attempt). */
  act(action, options) {
    this.attempt(() => this.perform(action, options));
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
    if (!this.renderPending) return;
    try {
      this.render(null);
    } catch (error) {
      // The precomputed path has no answer for this screen: the wasm draws it when it takes over.
      if (!(error instanceof NeedsSimulation)) throw error;
      this.redrawWhenLive = true;
    }
  },

  /* Menus with the keyboard (the WAI-ARIA menu button pattern, see menus.js) --------------------------------- */

  /** Handles a key for a menu button or inside its menu; true when it did. */
  onMenuKey(event) {
    const target = event.target;
    if (!target.closest || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return false;
    const menu = target.closest('[role="menu"]');
    if (menu && this.host.contains(menu)) {
      const button = menuButtonOf(menu);
      switch (event.key) {
        case "ArrowDown":
        case "ArrowUp":
        case "Home":
        case "End":
          event.preventDefault();
          moveInMenu(menu, event.key, target);
          return true;
        case "Escape":
          event.preventDefault();
          event.stopPropagation(); // the phone sheet closes on Escape too: this one was the menu's
          this.closeMenu(button);
          return true;
        case "Tab":
          // Closed, with the focus back on its button, from where Tab's own move goes on.
          this.closeMenu(button);
          return true;
        default:
          return false;
      }
    }
    const button = target.closest('button[aria-haspopup="menu"]');
    if (!button || !this.host.contains(button) || button.disabled) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.openMenu(button, event.key === "ArrowUp" ? "last" : "first");
      return true;
    }
    if (event.key === "Escape" && menuOf(button)) {
      event.preventDefault();
      event.stopPropagation();
      this.closeMenu(button);
      return true;
    }
    return false;
  },

  /** Opens a menu button's menu (the team switcher's in the simulation) and focuses its first or last item. */
  openMenu(button, where) {
    if (button.classList.contains("docent-menu-button")) {
      openRowMenu(button, true, where);
      return;
    }
    const menu = menuOf(button) || menuOf(this.controlByKey(this.clickControl(button)));
    if (menu) focusMenuItem(menu, where);
  },

  /** Closes a menu button's menu (the team switcher's in the simulation) and focuses the button. */
  closeMenu(button) {
    if (!button) return;
    if (button.classList.contains("docent-menu-button")) {
      openRowMenu(button, false);
      button.focus();
      return;
    }
    if (!menuOf(button)) {
      button.focus();
      return;
    }
    const again = this.controlByKey(this.clickControl(button));
    if (again) again.focus();
  },
});
