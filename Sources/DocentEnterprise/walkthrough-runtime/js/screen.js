/* The screen: a console screen (JSON from the wasm) drawn as an admin app in real HTML controls. */

/**
 * Where a control with a row goes: the first table (in screen order) with a row whose first cell is the
 * control's row, in the first such row (the static renderer's rule too). Returns
 * Map(control index → { table, row }) for the controls that have such a row.
 */
function placeRowControls(screen) {
  const placed = new Map();
  const tables = screen.tables || [];
  (screen.controls || []).forEach((control, index) => {
    if (control.row == null || isSimulationControl(control)) return;
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
      // A menu's items are reached with the arrow keys from its button, not with Tab (menus.js).
      if (role === "menuItem") Object.assign(attributes, { role: "menuitem", tabindex: "-1" });
      // A row's action is announced with its row ("Manage Organization Cargo"); a link naming its row is enough.
      if (control.row != null && control.row !== control.label && !isSimulationControl(control)) {
        attributes["aria-label"] = control.label + " " + control.row;
      }
      return el(
        "button",
        Object.assign(attributes, common, { "data-kind": kind, disabled: disabled }),
        [isSimulationControl(control) ? simulationControlText(control) : control.label]
      );
    }
  }
}

/**
 * Where each control of a screen goes (the static renderer, ScreenLayout.swift, follows the same rules): a
 * simulation control (even one with a row) in the Simulation drawer, outside the product's frame; a control
 * with a row in that row of the first table that has it (a menu item there in the row's menu); a sidebar control
 * in the sidebar; a menu item without a row in the menu of the control before it (its trigger); a control whose
 * section is a text section or a table's section with that section; any other in the screen's own controls.
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
    else if (isSimulationControl(control)) layout.simulation.push(index);
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
function renderScreen(screen, highlight, download, drawerOpen) {
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
  const drawer = simulationDrawer(
    notes,
    group(layout.simulation, SIMULATION),
    Boolean(drawerOpen) || layout.simulation.some(highlighted)
  );
  if (drawer) root.append(drawer);
  return root;
}

/** Identifies a control across re-renders: kind, label, row and section. */
function controlKey(node) {
  const control = node && node.closest ? node.closest(".docent-control") : null;
  if (!control) return null;
  const d = control.dataset;
  return [d.kind, d.label, d.row || "", d.section || ""].join("\u0000");
}
