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
