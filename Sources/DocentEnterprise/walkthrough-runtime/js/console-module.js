/* The console module: ConsoleWasm.wasm loaded once per URL, its exports called with JSON as UTF-8 text. */

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

  /**
   * True when doing the action leaves the session on its current screen (`screen`: title and breadcrumbs),
   * tried on a copy of the session ("Navigate to your account dashboard" on the Account Dashboard).
   */
  stays(handle, action, screen) {
    const copy = this.fork(handle);
    if (!copy) return false;
    try {
      const tried = this.perform(copy, action);
      return (
        tried.ok &&
        tried.screen.title === screen.title &&
        JSON.stringify(tried.screen.breadcrumbs) === JSON.stringify(screen.breadcrumbs)
      );
    } catch (error) {
      return false;
    } finally {
      this.close(copy);
    }
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
