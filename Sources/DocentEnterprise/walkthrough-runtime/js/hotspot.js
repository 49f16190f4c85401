/**
 * The callout on the highlighted control: the step's sentence in a small box beside the control, never over
 * it nor over another control where there is room. A control in a table that scrolls sideways is scrolled into
 * view first.
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

  /**
   * Beside the control where it covers neither the control nor any other visible control of the screen: below
   * it, above it, to its right, to its left (each aligned a few ways), inside the screen's box if it can, else
   * just past another control. Where no place is free, the one that covers the least of the other controls
   * (never the highlighted one when any place avoids it). Inside the console's width, so on a narrow screen
   * nothing is pushed sideways.
   */
  place() {
    if (!this.control || this.box.hidden || !this.control.isConnected || !this.host.clientWidth) return;
    scrollSideways(this.control);
    const origin = this.host.getBoundingClientRect();
    const relative = (r) => ({
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    });
    const control = relative(this.control.getBoundingClientRect());
    const screen = this.host.querySelector(".docent-screen");
    const bounds = screen ? relative(screen.getBoundingClientRect()) : { left: 0, top: 0, bottom: this.host.scrollHeight };
    bounds.left = 0;
    bounds.right = this.host.clientWidth;
    const others = visibleControls(this.host, this.box)
      .filter((node) => node !== this.control && !this.control.contains(node) && !node.contains(this.control))
      .map((node) => relative(visibleRect(node, this.host)));
    const width = this.box.offsetWidth;
    const height = this.box.offsetHeight;
    const spot = candidateSpots(control, others, width, height, 8, this.host.clientWidth - width).map((p) => ({
      left: p.left,
      top: p.top,
      right: p.left + width,
      bottom: p.top + height,
    }));
    const across = (r) => r.left >= bounds.left - 0.5 && r.right <= bounds.right + 0.5;
    const within = (r) => r.top >= bounds.top - 0.5 && r.bottom <= bounds.bottom + 0.5;
    // In order of what matters: inside the console's width (nothing pushed sideways), off the step's control, off
    // every other control, inside the screen's box (past its top or bottom is better than over a control).
    let best = null;
    let bestCost = Infinity;
    spot.forEach((r, order) => {
      const cost =
        (across(r) ? 0 : 1e15) +
        (overlapArea(r, control) > 0 ? 1e13 : 0) +
        others.reduce((sum, o) => sum + overlapArea(r, o), 0) * 1e6 +
        (within(r) ? 0 : 1e5) +
        order;
      if (cost < bestCost) [best, bestCost] = [r, cost];
    });
    const left = Math.max(0, Math.min(best.left, this.host.clientWidth - width));
    this.box.style.top = Math.round(best.top) + "px";
    this.box.style.left = Math.round(left) + "px";
  }
}

/**
 * The places a callout of width × height may take around a control's box, in order of preference: right below
 * it, right above it, to its right, to its left; then further down (just under each control below it) and
 * further up. Below and above are kept between 0 and maxLeft.
 */
function candidateSpots(c, others, width, height, gap, maxLeft) {
  const across = [c.left, c.right - width, (c.left + c.right - width) / 2].map((x) => Math.max(0, Math.min(x, maxLeft)));
  const along = [c.top, c.bottom - height, (c.top + c.bottom - height) / 2];
  const spots = [];
  for (const left of across) spots.push({ left: left, top: c.bottom + gap }); // below
  for (const left of across) spots.push({ left: left, top: c.top - gap - height }); // above
  for (const top of along) spots.push({ left: c.right + gap, top: top }); // right
  for (const top of along) spots.push({ left: c.left - gap - width, top: top }); // left
  const under = others.filter((o) => o.top >= c.bottom).map((o) => o.bottom + gap).sort((a, b) => a - b);
  const over = others.filter((o) => o.bottom <= c.top).map((o) => o.top - gap - height).sort((a, b) => b - a);
  for (const top of under) for (const left of across) spots.push({ left: left, top: top });
  for (const top of over) for (const left of across) spots.push({ left: left, top: top });
  return spots;
}

/** The controls a reader can see and use in a box (buttons, links, fields and their labels' text, the drawer's summary). */
function visibleControls(root, except) {
  const selector = "button, a[href], input, select, textarea, summary, [role='menuitem'], .docent-field-label";
  return [...root.querySelectorAll(selector)].filter((node) => {
    if (node === except || except.contains(node)) return false;
    const r = visibleRect(node, root);
    return r.right - r.left > 0 && r.bottom - r.top > 0;
  });
}

/**
 * A node's box, cut at the sides of the boxes between it and `root` that scroll sideways (a wide table): what of it
 * can be seen without scrolling that box. Boxes that scroll up and down (the docked console) do not cut it: the
 * reader scrolls there, and the callout must not cover what comes into view.
 */
function visibleRect(node, root) {
  if (!node.getClientRects().length) return { left: 0, top: 0, right: 0, bottom: 0 };
  const box = node.getBoundingClientRect();
  const r = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  for (let up = node.parentElement; up && up !== root; up = up.parentElement) {
    if (window.getComputedStyle(up).overflowX === "visible") continue;
    const clip = up.getBoundingClientRect();
    r.left = Math.max(r.left, clip.left);
    r.right = Math.min(r.right, clip.right);
  }
  return r;
}

function overlapArea(a, b) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
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
