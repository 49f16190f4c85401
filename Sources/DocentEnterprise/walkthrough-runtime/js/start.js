/* Every walkthrough section of the page started once the document is parsed. */

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
