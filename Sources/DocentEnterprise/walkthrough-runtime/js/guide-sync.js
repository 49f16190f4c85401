/* The console and the guide follow each other: the dock beside the steps, the step in view, the tab that holds
 * the current step. */

const reducedMotion = () => window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Shows a step of the guide that may be inside a hidden tab panel ({% tabs %}): a "docent-reveal" event from the
 * step's list item asks the page's tabs (assets/js/tabs.js) to select the tab that holds it. Without tabs on the
 * page nothing listens, and nothing happens.
 */
function revealInGuide(item) {
  if (!item || typeof CustomEvent === "undefined") return;
  if (!item.closest("[hidden]")) return;
  item.dispatchEvent(new CustomEvent("docent-reveal", { bubbles: true }));
}

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

Object.assign(Walkthrough.prototype, {
  /* Following the reader's reading ------------------------------------------------------------------------ */

  /** The guide's list items of the current procedure's steps, in step order. */
  stepItems() {
    return this.steps.map((step) => document.querySelector('li[data-walkthrough-step="' + step.id + '"]'));
  },

  /** The reader reads step `index`: when the console is elsewhere, offer to take it there. */
  onReading(index) {
    this.readIndex = index;
    this.updateReading();
  },

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
  },

  goToReadStep() {
    if (this.readIndex == null) return;
    this.replayTo(this.readIndex);
    this.render(null);
    this.setStatus("You are on “" + this.screen.title + "”, ready for step " + (this.stepIndex + 1) + ".");
  },
});
