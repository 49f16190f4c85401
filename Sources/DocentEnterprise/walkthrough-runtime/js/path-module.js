/* The documented path, before the wasm: the console module's interface answered from the table the build
 * precomputed with the native simulation (WalkthroughPath.swift: every state the guide's steps reach, its screen,
 * the walkthrough rule's answers there and the actions that lead on). Anything it has no answer for throws
 * NeedsSimulation: the walkthrough queues that reader action until the wasm has taken over. */

class NeedsSimulation extends Error {
  constructor() {
    super("This needs the simulation, which is still loading.");
  }
}

/** JSON with every object's keys sorted: the table's key for a question or an action. */
function canonical(value) {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (value && typeof value === "object") {
    return (
      "{" +
      Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort()
        .map((key) => JSON.stringify(key) + ":" + canonical(value[key]))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(value);
}

class PathModule {
  constructor(table) {
    this.path = true;
    this.screens = table.screens;
    this.table = table.nodes;
    this.nodes = []; // a node's questions and actions keyed when the reader first gets there (see node)
    this.sessions = new Map(); // handle → { node, actions: the actions done since the start, to replay }
    this.nextHandle = 1;
  }

  node(index) {
    if (!this.nodes[index]) {
      const node = this.table[index];
      this.nodes[index] = {
        screen: node.screen,
        ask: new Map(node.ask.map((pair) => [canonical(pair[0]), pair[1]])),
        next: new Map(node.next.map((pair) => [canonical(pair[0]), pair[1]])),
      };
    }
    return this.nodes[index];
  }

  screenOf(node) {
    // A copy: the walkthrough may keep it while the table stays as built.
    return JSON.parse(JSON.stringify(this.screens[this.node(node).screen]));
  }

  session(handle) {
    const session = this.sessions.get(handle);
    if (!session) throw new NeedsSimulation();
    return session;
  }

  start(state) {
    if (!this.table.length) throw new NeedsSimulation();
    const handle = this.nextHandle++;
    this.sessions.set(handle, { node: 0, actions: [], state: state });
    return { handle: handle, screen: this.screenOf(0) };
  }

  perform(handle, action) {
    const session = this.session(handle);
    const next = this.node(session.node).next.get(canonical(action));
    if (next === undefined) throw new NeedsSimulation();
    session.node = next;
    session.actions.push(action);
    return { ok: true, error: null, screen: this.screenOf(next) };
  }

  judge(handle, question) {
    const answer = this.node(this.session(handle).node).ask.get(canonical(question));
    if (answer === undefined) throw new NeedsSimulation();
    return answer;
  }

  stays(handle, action) {
    return this.judge(handle, { stays: action }).answer === true;
  }

  /** The actions done in a session since its start, for the wasm to replay. */
  actions(handle) {
    return this.session(handle).actions.slice();
  }

  close(handle) {
    this.sessions.delete(handle);
  }

  /** The sessions as they are, to put back when a reader action turns out to need the wasm. */
  save() {
    const saved = new Map();
    for (const [handle, session] of this.sessions) saved.set(handle, Object.assign({}, session, { actions: session.actions.slice() }));
    return saved;
  }

  restore(saved) {
    this.sessions = saved;
  }
}
