// Parity: every script in Tests/wasm/scripts runs through the wasm and must produce, byte for byte, the transcript
// the native build wrote to Tests/wasm/expected (checked natively by ScriptParityTests). Whole transcripts come from
// ConsoleWasmTesting.wasm (the shipped console plus console_run_script and console_state); the same steps are then
// replayed through the shipped ConsoleWasm.wasm's console_start/console_perform/console_screen, which must agree
// with the transcript's screens.
// Usage: node Tests/wasm/parity.mjs [path/to/ConsoleWasm.wasm] [path/to/ConsoleWasmTesting.wasm]
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wasmPath = process.argv[2] ?? join(here, "../../.build-wasm/ConsoleWasm.wasm");
const testingPath = process.argv[3] ?? join(dirname(wasmPath), "ConsoleWasmTesting.wasm");
const load = async (path) => (await WebAssembly.instantiate(readFileSync(path), {})).instance.exports;
const x = await load(wasmPath);
const t = await load(testingPath);
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

function call(fn, ...leading) {
  const e = fn === t.console_run_script ? t : x;
  return (text) => {
    const bytes = encoder.encode(text);
    const pointer = e.console_alloc(bytes.length || 1);
    new Uint8Array(e.memory.buffer, pointer, bytes.length).set(bytes);
    const status = fn(...leading, pointer, bytes.length);
    e.console_free(pointer);
    return { status, text: result(e) };
  };
}
function result(e = x) {
  return decoder.decode(new Uint8Array(e.memory.buffer, e.console_result_ptr(), e.console_result_len()));
}

let failures = 0;
const scripts = readdirSync(join(here, "scripts")).filter((f) => f.endsWith(".json")).sort();
for (const file of scripts) {
  const script = readFileSync(join(here, "scripts", file), "utf8");
  const expected = readFileSync(join(here, "expected", file), "utf8");
  const transcript = call(t.console_run_script)(script).text;
  if (transcript !== expected) {
    failures++;
    let i = 0;
    while (i < transcript.length && transcript[i] === expected[i]) i++;
    console.log(`FAIL ${file}: differs at byte ${i}\n  wasm:   ${transcript.slice(i, i + 120)}\n  native: ${expected.slice(i, i + 120)}`);
    continue;
  }
  // Step by step through the session exports.
  const parsed = JSON.parse(script);
  const steps = JSON.parse(expected).steps;
  const started = call(x.console_start)(parsed.startingState);
  let ok = started.status > 0;
  const handle = started.status;
  parsed.actions.forEach((action, index) => {
    const answer = JSON.parse(call(x.console_perform, handle)(JSON.stringify(action)).text);
    const screen = (x.console_screen(handle), result());
    if (JSON.stringify(answer.screen) !== JSON.stringify(steps[index].screen) || screen !== JSON.stringify(steps[index].screen)) {
      ok = false;
      console.log(`FAIL ${file}: step ${index} screen differs through console_perform`);
    }
  });
  x.console_close(handle);
  if (!ok) failures++;
  else console.log(`ok   ${file} (${parsed.actions.length} steps, ${expected.length} bytes)`);
}
// The walkthrough rule through walkthrough_judge: the answers the native rule gives (JudgmentParityTests).
{
  const questions = JSON.parse(readFileSync(join(here, "judgments.json"), "utf8"));
  const expected = readFileSync(join(here, "expected", "judgments.json"), "utf8");
  const lines = questions.map((item) => {
    const started = call(x.console_start)(item.startingState);
    for (const action of item.actions) call(x.console_perform, started.status)(JSON.stringify(action));
    const judged = call(x.walkthrough_judge, started.status)(JSON.stringify(item.question));
    x.console_close(started.status);
    if ((judged.status === 1) !== judged.text.startsWith('{"answer":true')) {
      console.log(`FAIL judgments: the status ${judged.status} disagrees with ${judged.text}`);
      failures++;
    }
    return judged.text;
  });
  const answers = lines.join("\n") + "\n";
  if (answers !== expected) {
    failures++;
    console.log(`FAIL judgments.json: wasm answers\n${answers}native answers\n${expected}`);
  } else {
    console.log(`ok   judgments.json (${questions.length} questions through walkthrough_judge)`);
  }
}
// Numbers past 32 bits (the wasm's Int) in an action: an error the reader's page can show, never a trap, and the
// session goes on.
{
  let ok = true;
  const started = call(x.console_start)("enterprise-admin");
  for (const text of ['{"click":"New Organization","n":2147483648}', '{"navigate":"Licenses","n":-99999999999999999999}']) {
    try {
      const answer = call(x.console_perform, started.status)(text).text;
      if (!answer.includes("number too large")) {
        ok = false;
        console.log(`FAIL large numbers: ${text} answered ${answer.slice(0, 160)}`);
      }
    } catch (error) {
      ok = false;
      console.log(`FAIL large numbers: ${text} trapped: ${error}`);
    }
  }
  const after = JSON.parse(call(x.console_perform, started.status)('{"click":"New Organization"}').text);
  if (after.screen?.title !== "New Organization") {
    ok = false;
    console.log(`FAIL large numbers: the session did not go on (${JSON.stringify(after).slice(0, 160)})`);
  }
  x.console_close(started.status);
  if (!ok) failures++;
  else console.log("ok   numbers past 32 bits are an error, not a trap");
}
const raw = readFileSync(wasmPath).length;
console.log(`wasm ${raw} bytes`);
console.log(`parity: ${scripts.length + 2 - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
