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
