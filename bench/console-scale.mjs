// How the wasm console's work grows with its state: creates N organizations (named in reverse order, the worst
// case for sorting the dashboard) through the shipped ConsoleWasm.wasm, as a reader's page would, and prints the
// time of each hundredth. Linear state operations keep the 1,000th about as fast as the first.
// Usage: node bench/console-scale.mjs [path/to/ConsoleWasm.wasm] [N]
import { readFileSync } from "node:fs";

const wasmPath = process.argv[2] ?? ".build-wasm/ConsoleWasm.wasm";
const count = Number(process.argv[3] ?? 1000);
const x = (await WebAssembly.instantiate(readFileSync(wasmPath), {})).instance.exports;
const encoder = new TextEncoder();
function perform(handle, action) {
  const bytes = encoder.encode(JSON.stringify(action));
  const pointer = x.console_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
  const status = x.console_perform(handle, pointer, bytes.length);
  x.console_free(pointer);
  return status;
}
const name = encoder.encode("enterprise-admin");
const pointer = x.console_alloc(name.length);
new Uint8Array(x.memory.buffer, pointer, name.length).set(name);
const handle = x.console_start(pointer, name.length);
// Creating (the form's three actions) is timed apart from showing the dashboard, which lists every organization.
const creating = [];
const listing = [];
for (let i = 0; i < count; i++) {
  let started = performance.now();
  perform(handle, { click: "New Organization" });
  perform(handle, { fill: "Name", value: `Org ${String(count - i).padStart(6, "0")}` });
  perform(handle, { click: "Create Organization" });
  creating.push(performance.now() - started);
  started = performance.now();
  perform(handle, { navigate: "Organization Dashboard" });
  listing.push(performance.now() - started);
}
const at = (times, n) => times.slice(Math.max(0, n - 10), n).reduce((a, b) => a + b, 0) / Math.min(10, n);
for (const n of [10, 100, 300, 1000, count].filter((n, i, all) => n <= count && all.indexOf(n) === i)) {
  console.log(
    `organization ${n}: create ${at(creating, n).toFixed(2)} ms, dashboard of ${n} rows ${at(listing, n).toFixed(2)} ms` +
      " (means of the 10 before it)",
  );
}
console.log(`create ${count}th/10th: ${(at(creating, count) / at(creating, 10)).toFixed(1)}`);
