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
