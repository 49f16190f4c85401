/* The Simulation drawer: what only the simulation has (its notes, "Simulated: …", and its own controls, such as
 * "Advance clock 30 days" or an invitee's "Accept invitation"), in a <details> below the product's frame and
 * clearly not part of it. A control the current step names opens it; so does the reader, and it stays open
 * across the console's re-renders until they close it. */

const SIMULATION = "Simulation";

/** True for a control of the simulation itself (drawn in the drawer, even when it has a row). */
function isSimulationControl(control) {
  return control.section === SIMULATION;
}

/** A simulation control's visible text: away from its row, the row is part of it ("Accept invitation (dan@kong.com)"). */
function simulationControlText(control) {
  return control.row != null ? control.label + " (" + control.row + ")" : control.label;
}

/** The drawer with the screen's notes and the simulation's controls (already drawn), or null when it has neither. */
function simulationDrawer(notes, controlGroup, open) {
  if (!notes.length && !controlGroup) return null;
  return el("details", { class: "docent-simulation", open: open }, [
    el("summary", null, [SIMULATION]),
    ...notes.map((note) => el("p", { class: "docent-screen-note" }, [note])),
    controlGroup,
  ]);
}
