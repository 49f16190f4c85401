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
 */
(function () {
  "use strict";

  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8");

  /* The console module -------------------------------------------------------------------------------- */

  /** The wasm exports, with strings passed as UTF-8 through linear memory (see Tests/wasm/parity.mjs). */
  class ConsoleModule {
    constructor(exports) {
      this.x = exports;
    }

    result() {
      const x = this.x;
      return decoder.decode(new Uint8Array(x.memory.buffer, x.console_result_ptr(), x.console_result_len()));
    }

    /** Calls fn(...leading, pointer, length) with text in linear memory; returns [status, result text]. */
    withText(fn, leading, text) {
      const x = this.x;
      const bytes = encoder.encode(text);
      const pointer = x.console_alloc(bytes.length || 1);
      // console_alloc may grow memory: take the buffer after it.
      new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
      let status;
      try {
        status = fn(...leading, pointer, bytes.length);
      } finally {
        x.console_free(pointer);
      }
      return [status, this.result()];
    }

    /** Starts a session: { handle, screen } or throws with the console's error message. */
    start(state) {
      const [handle, text] = this.withText(this.x.console_start, [], state);
      const answer = JSON.parse(text);
      if (handle <= 0) throw new Error(errorText(answer.error) || "The console could not start “" + state + "”.");
      return { handle: handle, screen: answer };
    }

    /** Performs an action: { ok, error, screen }. */
    perform(handle, action) {
      const [, text] = this.withText(this.x.console_perform, [handle], JSON.stringify(action));
      return JSON.parse(text);
    }

    /**
     * Asks the walkthrough rule about the session's current screen (see WalkthroughRule+JSON.swift):
     * {did: stepAction, action}, {holds: {title, listed}}, {targets: action}, {alreadySet: stepAction}.
     * Returns { answer, controls?, error? }.
     */
    judge(handle, question) {
      const [, text] = this.withText(this.x.walkthrough_judge, [handle], JSON.stringify(question));
      return JSON.parse(text);
    }

    /** A copy of a session (to try an action without doing it); 0 if there is none. */
    fork(handle) {
      return this.x.console_fork(handle);
    }

    close(handle) {
      if (handle > 0) this.x.console_close(handle);
    }
  }

  const modules = new Map();

  async function instantiate(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
    if (WebAssembly.instantiateStreaming) {
      try {
        return (await WebAssembly.instantiateStreaming(response.clone(), {})).instance;
      } catch (error) {
        // Served with another media type than application/wasm: fall back to the bytes.
      }
    }
    return (await WebAssembly.instantiate(await response.arrayBuffer(), {})).instance;
  }

  function loadModule(url) {
    if (!modules.has(url)) {
      modules.set(url, instantiate(url).then((instance) => new ConsoleModule(instance.exports)));
    }
    return modules.get(url);
  }

  /* Small helpers ------------------------------------------------------------------------------------- */

  function norm(text) {
    return String(text == null ? "" : text).trim().replace(/\s+/g, " ").toLowerCase();
  }

  function errorText(error) {
    if (!error) return "";
    return typeof error === "string" ? error : error.message || "";
  }

  /** Creates an element with attributes (null/undefined/false skipped) and children (strings become text). */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    if (attributes) {
      for (const name of Object.keys(attributes)) {
        const value = attributes[name];
        if (value === null || value === undefined || value === false) continue;
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    if (children) {
      for (const child of children) {
        if (child === null || child === undefined || child === false) continue;
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  /** The verb an action addresses a control with: navigate is a click on a link or button. */
  function verbOf(action) {
    if (!action) return null;
    if ("click" in action || "navigate" in action) return "click";
    if ("fill" in action) return "fill";
    if ("toggle" in action) return "toggle";
    if ("select" in action) return "select";
    return null;
  }

  function labelOf(action) {
    if (!action) return "";
    for (const verb of ["click", "navigate", "fill", "toggle", "select"]) {
      if (verb in action) return action[verb];
    }
    return "";
  }

  function describe(action) {
    const label = "“" + labelOf(action) + "”";
    switch (verbOf(action)) {
      case "click":
        return "Clicked " + label + (action.row ? " for “" + action.row + "”" : "") + ".";
      case "fill":
        return "Entered “" + action.value + "” in " + label + ".";
      case "toggle":
        return "Turned " + label + (action.on === false ? " off." : action.on === true ? " on." : " over.");
      case "select":
        return "Chose “" + action.option + "” in " + label + ".";
      default:
        return "Done.";
    }
  }

  /** The actions a step goes through before its own (`before`: the screens its "From the …" names). */
  function beforeOf(step) {
    const list = step.before;
    return Array.isArray(list) ? list : [];
  }

  /* The screen ---------------------------------------------------------------------------------------- */

  /**
   * Where a control with a row goes: the first table (in screen order) with a row whose first cell is the
   * control's row, in the first such row (the static renderer's rule too). Returns
   * Map(control index → { table, row }) for the controls that have such a row.
   */
  function placeRowControls(screen) {
    const placed = new Map();
    const tables = screen.tables || [];
    (screen.controls || []).forEach((control, index) => {
      if (control.row == null) return;
      for (let t = 0; t < tables.length; t++) {
        const r = (tables[t].rows || []).findIndex((row) => row.length > 0 && row[0] === control.row);
        if (r >= 0) {
          placed.set(index, { table: t, row: r });
          return;
        }
      }
    });
    return placed;
  }

  /** Attributes of a control's element, but its class: what it is, where it is and, in a table row, its name. */
  function controlData(control) {
    return {
      "data-kind": control.kind,
      "data-label": control.label,
      "data-row": control.row,
      "data-section": control.section,
    };
  }

  function renderControl(control, highlighted) {
    const role = control.role || "secondary";
    const classes = (kind) =>
      "docent-control docent-" + kind + (highlighted ? " docent-highlight" : "") +
      (kind === "button" && role !== "menuItem" ? " docent-role-" + role : "");
    const common = controlData(control);
    const disabled = control.enabled === false;
    switch (control.kind) {
      case "textField": {
        const input = el("input", { type: "text", value: control.value || "", disabled: disabled });
        input.value = control.value || "";
        input.docentCommitted = input.value;
        return el("label", Object.assign({ class: classes("field") }, common), [
          el("span", { class: "docent-field-label" }, [control.label]),
          " ",
          input,
        ]);
      }
      case "select": {
        const select = el("select", { disabled: disabled });
        for (const option of control.options || []) {
          const node = el("option", { selected: option === control.value }, [option]);
          node.selected = option === control.value;
          select.append(node);
        }
        return el("label", Object.assign({ class: classes("select") }, common), [
          el("span", { class: "docent-field-label" }, [control.label]),
          " ",
          select,
        ]);
      }
      case "toggle":
        return el(
          "button",
          Object.assign(
            {
              type: "button",
              role: role === "checkbox" ? "checkbox" : "switch",
              "aria-checked": control.value === "on" ? "true" : "false",
              class: classes("toggle") + (role === "checkbox" ? " docent-checkbox" : ""),
            },
            common,
            { disabled: disabled }
          ),
          [control.label]
        );
      default: {
        const kind = control.kind === "link" ? "link" : "button";
        const attributes = { type: "button", class: classes(kind) };
        if (role === "menuItem") attributes.role = "menuitem";
        // A row's action is announced with its row ("Manage Organization Cargo"); a link naming its row is enough.
        if (control.row != null && control.row !== control.label) {
          attributes["aria-label"] = control.label + " " + control.row;
        }
        return el(
          "button",
          Object.assign(attributes, common, { "data-kind": kind, disabled: disabled }),
          [control.label]
        );
      }
    }
  }

  /**
   * Where each control of a screen goes (the static renderer, ScreenHTML.swift, follows the same rules):
   * a control with a row in that row of the first table that has it (a menu item there in the row's menu); a
   * sidebar control in the sidebar; a menu item without a row in the menu of the control before it (its
   * trigger); a simulation control in the Simulation drawer; a control whose section is a text section or a
   * table's section with that section; any other in the screen's own controls.
   */
  function layoutOf(screen) {
    const controls = screen.controls || [];
    const rows = placeRowControls(screen);
    const sectionTitles = new Set((screen.sections || []).map((s) => s.title));
    const tableSections = new Set((screen.tables || []).map((t) => t.section).filter((s) => s != null));
    const layout = { rows: rows, sidebar: [], menus: new Map(), simulation: [], sections: new Map(), loose: [] };
    let trigger = null;
    controls.forEach((control, index) => {
      const role = control.role || "secondary";
      if (rows.has(index)) return;
      if (role === "menuItem" && trigger != null) {
        layout.menus.get(trigger).push(index);
        return;
      }
      trigger = role === "menu" ? index : null;
      if (trigger != null) layout.menus.set(index, []);
      if (control.section === "Sidebar") layout.sidebar.push(index);
      else if (control.section === "Simulation") layout.simulation.push(index);
      else if (control.section != null && (sectionTitles.has(control.section) || tableSections.has(control.section))) {
        if (!layout.sections.has(control.section)) layout.sections.set(control.section, []);
        layout.sections.get(control.section).push(index);
      } else layout.loose.push(index);
    });
    return layout;
  }

  /**
   * The live rendering of a console screen as an admin app: a sidebar (navigation, the team switcher's
   * dropdown menu), a header (breadcrumbs, title, badge), sections holding their tables and controls, row
   * actions in each row (named with the row; a row's submenu), then a separate Simulation drawer for what only
   * the simulation has. The same structure and classes as the static screens Docent renders at build time.
   * `highlight` holds the indexes of the controls the current step names (as the wasm's rule says).
   */
  function renderScreen(screen, highlight, download) {
    const controls = screen.controls || [];
    const layout = layoutOf(screen);
    const highlighted = (index) => highlight.has(index);
    const control = (index) => {
      const node = renderControl(controls[index], highlighted(index));
      const items = layout.menus.get(index);
      if (!items) return node;
      node.setAttribute("aria-haspopup", "menu");
      node.setAttribute("aria-expanded", items.length ? "true" : "false");
      return el("div", { class: "docent-menu-host" }, [
        node,
        items.length
          ? el("div", { class: "docent-menu", role: "menu", "aria-label": controls[index].label }, items.map(control))
          : null,
      ]);
    };
    const group = (indexes, section) =>
      indexes && indexes.length
        ? el("div", { class: "docent-screen-controls", "data-section": section }, indexes.map(control))
        : null;
    const appendGroup = (parent, indexes, section) => {
      const node = group(indexes, section);
      if (node) parent.append(node);
    };

    const root = el("div", { class: "docent-screen", "data-screen-title": screen.title });
    const app = el("div", { class: "docent-app" });
    root.append(app);
    if (layout.sidebar.length) {
      app.append(
        el("nav", { class: "docent-app-sidebar", "aria-label": "Console navigation" }, layout.sidebar.map(control))
      );
    }
    const main = el("div", { class: "docent-app-main" });
    app.append(main);
    const header = el("header", { class: "docent-app-header" });
    main.append(header);
    const breadcrumbs = screen.breadcrumbs || [];
    if (breadcrumbs.length) {
      header.append(
        el("nav", { class: "docent-screen-breadcrumbs", "aria-label": "Console breadcrumbs" }, [
          el("ol", null, breadcrumbs.map((crumb) => el("li", null, [crumb]))),
        ])
      );
    }
    header.append(el("h3", { class: "docent-screen-title", tabindex: "-1" }, [screen.title]));
    for (const section of screen.sections || []) {
      if (section.title !== "Badge") continue;
      for (const line of section.lines || []) header.append(el("span", { class: "docent-app-badge" }, [line]));
    }
    if (screen.banner) main.append(el("p", { class: "docent-screen-banner", role: "note" }, [screen.banner]));
    const messages = screen.messages || [];
    if (messages.length) {
      main.append(
        el(
          "ul",
          { class: "docent-screen-messages" },
          messages.map((m) => el("li", { class: "docent-message docent-message-" + (m.kind || "info") }, [m.text]))
        )
      );
    }
    const tables = screen.tables || [];
    const tableNode = (table, t) => {
      const here = [...layout.rows.entries()].filter(([, p]) => p.table === t);
      const head = (table.columns || []).map((column) => el("th", { scope: "col" }, [column]));
      if (here.length) head.push(el("th", { scope: "col" }, ["Actions"]));
      const body = (table.rows || []).map((row, r) => {
        const cells = row.map((cell) => el("td", null, [cell]));
        if (here.length) {
          const mine = here.filter(([, p]) => p.row === r).map(([index]) => index);
          const direct = mine.filter((index) => controls[index].role !== "menuItem");
          const menu = mine.filter((index) => controls[index].role === "menuItem");
          const children = direct.map(control);
          if (menu.length) {
            const open = menu.some(highlighted);
            const name = "Actions for " + row[0];
            children.push(
              el("div", { class: "docent-row-menu" }, [
                el(
                  "button",
                  {
                    type: "button",
                    class: "docent-menu-button",
                    "aria-haspopup": "menu",
                    "aria-expanded": open ? "true" : "false",
                    "aria-label": name,
                  },
                  ["⋯"]
                ),
                el("div", { class: "docent-menu", role: "menu", "aria-label": name, hidden: !open }, menu.map(control)),
              ])
            );
          }
          cells.push(el("td", { class: "docent-row-controls" }, children));
        }
        return el("tr", null, cells);
      });
      return el("table", { class: "docent-screen-table", "data-section": table.section }, [
        el("caption", null, [table.title]),
        el("thead", null, [el("tr", null, head)]),
        el("tbody", null, body),
      ]);
    };
    const drawn = new Set();
    for (const section of screen.sections || []) {
      if (section.title === "Badge") continue;
      const children = [el("h4", null, [section.title]), ...(section.lines || []).map((line) => el("p", null, [line]))];
      tables.forEach((table, t) => {
        if (table.section !== section.title || drawn.has(t)) return;
        drawn.add(t);
        children.push(tableNode(table, t));
      });
      const mine = layout.sections.get(section.title);
      layout.sections.delete(section.title);
      children.push(group(mine, section.title));
      main.append(el("section", { class: "docent-screen-section" }, children));
    }
    tables.forEach((table, t) => {
      if (drawn.has(t)) return;
      main.append(tableNode(table, t));
      if (table.section == null) return;
      appendGroup(main, layout.sections.get(table.section), table.section);
      layout.sections.delete(table.section);
    });
    main.append(el("div", { class: "docent-screen-controls" }, layout.loose.map(control)));
    if (screen.download) {
      const name = screen.download.filename;
      const link = download ? el("a", { href: download, download: name }, [name]) : name;
      main.append(el("p", { class: "docent-screen-download" }, ["Download ready: ", link]));
    }
    const notes = screen.notes || [];
    if (notes.length || layout.simulation.length) {
      root.append(
        el("details", { class: "docent-simulation" }, [
          el("summary", null, ["Simulation"]),
          ...notes.map((note) => el("p", { class: "docent-screen-note" }, [note])),
          group(layout.simulation, "Simulation"),
        ])
      );
    }
    return root;
  }

  /** Opens or closes a table row's submenu (the reader's own doing: no step, nothing asked of the simulation). */
  function openRowMenu(opener, open) {
    const menu = opener.nextElementSibling;
    opener.setAttribute("aria-expanded", open ? "true" : "false");
    if (!menu) return;
    menu.hidden = !open;
    if (open) {
      const first = menu.querySelector("button:not([disabled])");
      if (first) first.focus();
    }
  }

  /** Identifies a control across re-renders: kind, label, row and section. */
  function controlKey(node) {
    const control = node && node.closest ? node.closest(".docent-control") : null;
    if (!control) return null;
    const d = control.dataset;
    return [d.kind, d.label, d.row || "", d.section || ""].join("\u0000");
  }

  /* Layout helpers: the dock beside the steps, the phone sheet, the hotspot, the step in view --------------- */

  const reducedMotion = () => window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /** Scrolls the guide's step into view when it is out of it (the console moved on to it). */
  function followInGuide(item) {
    if (!item) return;
    const box = item.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    item.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  }

  /**
   * On wide screens the walkthrough docks beside the guide's steps: its parent becomes a two-column grid (see
   * walkthrough.css) and the section spans the rows from the first step's block to the last one's, where the
   * console is sticky. Nothing happens when no step is inside one of the section's siblings.
   */
  class Dock {
    constructor(root, items) {
      this.root = root;
      this.host = root.parentElement;
      this.media = window.matchMedia("(min-width: 1100px)");
      // The section's siblings, one grid row each in their order, then the host's ::after spacer (walkthrough.css).
      const blocks = [...this.host.children].filter((block) => block !== root);
      const rows = items()
        .filter(Boolean)
        .map((item) => blocks.findIndex((block) => block.contains(item)))
        .filter((row) => row >= 0);
      if (!rows.length) return;
      this.host.classList.add("docent-walkthrough-host");
      for (const block of blocks) block.classList.add("docent-walkthrough-beside");
      // From the first step's row to the spacer's: the console stays in view down to the last step.
      this.root.style.setProperty("--docent-dock-rows", Math.min(...rows) + 1 + " / " + (blocks.length + 2));
    }

    isDocked() {
      return this.host.classList.contains("docent-walkthrough-host") && this.media.matches;
    }
  }

  /**
   * On phones the console is a bottom sheet: a bar with the counter and the current step's sentence, and a
   * button that opens and closes the console (walkthrough.css shows the bar below 700 px only).
   */
  class Sheet {
    constructor(body, onToggle) {
      this.body = body;
      this.onToggle = onToggle;
      this.progress = el("span", { class: "docent-walkthrough-sheet-progress" });
      this.sentence = el("span", { class: "docent-walkthrough-sheet-step" });
      this.toggle = el(
        "button",
        { type: "button", class: "docent-walkthrough-sheet-toggle", "aria-expanded": "false", "aria-controls": body.id },
        ["Open console"]
      );
      this.bar = el("div", { class: "docent-walkthrough-sheet-bar" }, [
        el("p", { class: "docent-walkthrough-sheet-text" }, [this.progress, " ", this.sentence]),
        this.toggle,
      ]);
      this.toggle.addEventListener("click", () => this.setOpen(!this.isOpen()));
      body.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && this.isOpen() && this.isSheet()) {
          this.setOpen(false);
          this.toggle.focus();
        }
      });
    }

    isSheet() {
      return window.getComputedStyle(this.bar).display !== "none";
    }

    isOpen() {
      return this.toggle.getAttribute("aria-expanded") === "true";
    }

    setOpen(open) {
      this.toggle.setAttribute("aria-expanded", open ? "true" : "false");
      this.toggle.textContent = open ? "Close console" : "Open console";
      this.bar.parentElement.classList.toggle("docent-walkthrough-sheet-open", open);
      this.onToggle();
    }

    /** Links to the walkthrough (the table of contents, the "Try it" note) open the sheet on phones. */
    openOnLinksTo(id) {
      document.addEventListener("click", (event) => {
        const link = event.target.closest ? event.target.closest('a[href="#' + id + '"]') : null;
        if (!link || !this.isSheet()) return;
        event.preventDefault();
        this.setOpen(true);
        this.toggle.focus();
      });
    }

    update(progress, sentence) {
      this.progress.textContent = progress + ":";
      this.sentence.textContent = sentence;
    }
  }

  /**
   * The callout on the highlighted control: the step's sentence in a small box beside the control, never over
   * it. A control in a table that scrolls sideways is scrolled into view first.
   */
  class Hotspot {
    constructor(host) {
      this.host = host;
      this.box = el("p", { class: "docent-hotspot", "aria-hidden": "true", hidden: true });
      window.addEventListener("resize", () => this.place());
      host.addEventListener("scroll", () => this.place(), true);
    }

    show(text) {
      this.control = this.host.querySelector(".docent-highlight");
      this.box.textContent = text;
      if (!this.control || !text) {
        this.box.hidden = true;
        return;
      }
      this.host.append(this.box);
      this.box.hidden = false;
      this.place();
    }

    /** Below the control, or above it when there is no room below; its left edge kept inside the console. */
    place() {
      if (!this.control || this.box.hidden || !this.control.isConnected || !this.host.clientWidth) return;
      scrollSideways(this.control);
      const host = this.host.getBoundingClientRect();
      const control = this.control.getBoundingClientRect();
      const gap = 8;
      const below = control.bottom - host.top + gap;
      const height = this.box.offsetHeight;
      const top = below + height <= this.host.scrollHeight ? below : control.top - host.top - gap - height;
      const left = Math.max(0, Math.min(control.left - host.left, this.host.clientWidth - this.box.offsetWidth));
      this.box.style.top = Math.round(top) + "px";
      this.box.style.left = Math.round(left) + "px";
    }
  }

  /** Scrolls the nearest sideways-scrolling box around a control so that the control is inside it. */
  function scrollSideways(control) {
    for (let box = control.parentElement; box; box = box.parentElement) {
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const outer = box.getBoundingClientRect();
      const inner = control.getBoundingClientRect();
      if (inner.right > outer.right) box.scrollLeft += inner.right - outer.right + 16;
      else if (inner.left < outer.left) box.scrollLeft -= outer.left - inner.left + 16;
      return;
    }
  }

  /**
   * The guide's step in view (the reader's place while reading): of the step items in the upper half of the
   * window, the one whose top is nearest to the reading line (30% down), reported by index when it changes.
   */
  class StepFollower {
    constructor(items, onChange) {
      if (typeof IntersectionObserver === "undefined") return;
      this.items = items;
      this.visible = new Set();
      this.current = null;
      this.observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) this.visible.add(entry.target);
            else this.visible.delete(entry.target);
          }
          const line = window.innerHeight * 0.3;
          let index = -1;
          let nearest = Infinity;
          this.items().forEach((item, i) => {
            if (!item || !this.visible.has(item)) return;
            const distance = Math.abs(item.getBoundingClientRect().top - line);
            if (distance < nearest) [index, nearest] = [i, distance];
          });
          if (index >= 0 && index !== this.current) {
            this.current = index;
            onChange(index);
          }
        },
        { rootMargin: "-15% 0px -45% 0px" }
      );
      // Every procedure's steps: the reader may choose another procedure later.
      for (const item of document.querySelectorAll("li[data-walkthrough-step]")) this.observer.observe(item);
    }
  }

  /* One walkthrough ------------------------------------------------------------------------------------ */

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

    /* Steps -------------------------------------------------------------------------------------------- */

    /** Asks the wasm's walkthrough rule about the current screen; a failure answers no. */
    judge(question) {
      try {
        return this.module.judge(this.handle, question);
      } catch (error) {
        return { answer: false, error: (error && error.message) || String(error) };
      }
    }

    /** The label of the field a fill action addresses (an empty label: the screen's only text field). */
    fieldLabel(label) {
      const found = this.judge({ targets: { fill: label || "", value: "" } }).controls || [];
      const control = found.length === 1 ? (this.screen.controls || [])[found[0]] : null;
      return control ? control.label : label || "";
    }

    /** The reader's value for a field, when they filled it themselves. */
    input(label) {
      return label ? this.inputs.get(norm(label)) : undefined;
    }

    /** A step's action with the reader's own values put in (rowInput). */
    resolvedAction(step) {
      const action = Object.assign({}, step.action);
      const typed = this.input(step.rowInput);
      if (typed !== undefined && action.row != null) action.row = typed;
      return action;
    }

    expectationHolds(expect) {
      if (!expect) return true;
      const question = {};
      if (expect.title != null) question.title = expect.title;
      if (expect.listed != null) {
        const typed = this.input(expect.input);
        question.listed = typed !== undefined ? typed : expect.listed;
      }
      return this.judge({ holds: question }).answer === true;
    }

    /** True when the reader's action, about to be done on the current screen, does what the step says. */
    matches(step, action) {
      if (!step || step.kind !== "action" || !step.action) return false;
      return this.judge({ did: this.resolvedAction(step), action: action }).answer === true;
    }

    /**
     * True for a step that goes where the console already is ("Navigate to your account dashboard" on the
     * Account Dashboard): going there, tried on a copy of the session, leaves the screen as it is.
     */
    alreadyThere(step) {
      if (step.kind !== "action" || !step.action || !("navigate" in step.action)) return false;
      if (this.judge({ holds: { title: step.action.navigate } }).answer === true) return true;
      const copy = this.module.fork(this.handle);
      if (!copy) return false;
      try {
        const tried = this.module.perform(copy, step.action);
        return (
          tried.ok &&
          tried.screen.title === this.screen.title &&
          JSON.stringify(tried.screen.breadcrumbs) === JSON.stringify(this.screen.breadcrumbs)
        );
      } catch (error) {
        return false;
      } finally {
        this.module.close(copy);
      }
    }

    /**
     * True for a select or a switch step whose control on this screen already shows what the step sets
     * ("Choose Unique verification record" where it is the default): there is nothing left to choose.
     */
    alreadySet(step) {
      if (step.kind !== "action" || !step.action) return false;
      return this.judge({ alreadySet: step.action }).answer === true;
    }

    /** True when the current screen has an enabled control that the action addresses. */
    onScreen(action) {
      return this.judge({ targets: action }).answer === true;
    }

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
    }

    /**
     * True for a step with nothing left to do on this screen: narrative, an expectation that holds, navigation
     * to the screen already shown, a choice already made (unknown kinds never block the reader either).
     */
    needsNothing(step) {
      if (step.kind !== "action" && step.kind !== "expect") return true;
      return (
        (step.kind === "expect" && this.expectationHolds(step.expect)) || this.alreadyThere(step) || this.alreadySet(step)
      );
    }

    /** The index of the first step from the current one that needs the reader (steps.length when none does). */
    pendingIndex() {
      let index = this.stepIndex;
      while (index < this.steps.length && this.needsNothing(this.steps[index])) index++;
      return index;
    }

    /** Moves past the steps that need nothing (see needsNothing). */
    advance() {
      this.stepIndex = this.pendingIndex();
    }

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
    }

    /** "Step 4 of 12 done.": the last step done, counted as the progress counts ("Step 5 of 12"). */
    doneText() {
      return this.currentStep()
        ? "Step " + this.stepIndex + " of " + this.steps.length + " done."
        : "That was the last step: the walkthrough is complete.";
    }

    doStep() {
      if (!this.module || !this.screen) return;
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
    }

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
    }

    /* Wandering off and coming back ------------------------------------------------------------------------ */

    /** The reader is elsewhere than the step's screen: say where it happens, in the guide's words, and offer a way. */
    showWandered(step) {
      const where = step.screen ? "This step happens on “" + step.screen + "”" : "This step happens on another screen";
      this.wanderText.textContent = where + "; you are on “" + this.screen.title + "”.";
      this.wander.hidden = false;
      this.setStatus(this.wanderText.textContent + " Take me there replays the steps before this one.");
      this.takeButton.focus();
    }

    hideWandered() {
      this.wander.hidden = true;
    }

    /** Starts over and does the steps before the current one, so the console is where the current step happens. */
    takeMeThere() {
      const target = this.stepIndex;
      this.replayTo(target);
      this.render(null);
      this.setStatus("You are on “" + this.screen.title + "”, ready for step " + (this.stepIndex + 1) + ".");
      const title = this.host.querySelector(".docent-screen-title");
      if (title) title.focus({ preventScroll: true });
    }

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
    }

    /* Following the reader's reading ------------------------------------------------------------------------ */

    /** The guide's list items of the current procedure's steps, in step order. */
    stepItems() {
      return this.steps.map((step) => document.querySelector('li[data-walkthrough-step="' + step.id + '"]'));
    }

    /** The reader reads step `index`: when the console is elsewhere, offer to take it there. */
    onReading(index) {
      this.readIndex = index;
      this.updateReading();
    }

    updateReading() {
      const index = this.readIndex;
      const elsewhere = index != null && index !== this.stepIndex && index < this.steps.length;
      this.reading.hidden = !elsewhere;
      if (!elsewhere) return;
      const total = this.steps.length;
      this.readingText.textContent =
        "You are reading step " + (index + 1) + " of " + total + "; " +
        (this.stepIndex < total ? "the console is at step " + (this.stepIndex + 1) + "." : "the console has done every step.");
      this.readingButton.textContent = "Go to step " + (index + 1);
    }

    goToReadStep() {
      if (this.readIndex == null) return;
      this.replayTo(this.readIndex);
      this.render(null);
      this.setStatus("You are on “" + this.screen.title + "”, ready for step " + (this.stepIndex + 1) + ".");
    }

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
    }

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
    }

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
    }

    commitField(input, deferred) {
      const label = input.closest(".docent-control").dataset.label;
      input.docentCommitted = input.value;
      this.perform({ fill: label, value: input.value }, { defer: deferred, focus: controlKey(input) });
    }

    scheduleRender() {
      this.renderPending = true;
      if (!this.pointerDown) window.setTimeout(() => this.flushRender(), 0);
    }

    afterPointer() {
      if (!this.pointerDown) return;
      // The click that follows pointerup is dispatched before this timeout runs.
      window.setTimeout(() => {
        this.pointerDown = false;
        this.flushRender();
      }, 0);
    }

    flushRender() {
      if (this.renderPending) this.render(null);
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
      this.host.replaceChildren(renderScreen(this.screen, highlight, this.downloadURL));

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

  function start() {
    for (const root of document.querySelectorAll(".docent-walkthrough")) {
      if (root.docentWalkthrough) continue;
      let walkthrough;
      try {
        walkthrough = new Walkthrough(root);
      } catch (error) {
        // Unreadable step data: leave the static screens, say so.
        const status = el("p", { class: "docent-walkthrough-status", role: "status" }, [
          "The simulated console could not start (" + ((error && error.message) || String(error)) + ").",
        ]);
        root.insertBefore(status, root.querySelector(".docent-walkthrough-static"));
        continue;
      }
      root.docentWalkthrough = walkthrough;
      walkthrough.load();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
