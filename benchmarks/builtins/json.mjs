#!/usr/bin/env node
// json.parse / json.encode against Node's JSON.parse / JSON.stringify on the same ~20 MB
// document (records with strings, non-ASCII text and escapes, integers, floats, booleans,
// nulls, nested objects and arrays).
//
//   node benchmarks/builtins/json.mjs [--mb 20] [--runs 5] [--pretty] [--clock wall|cpu]
//
// assay runs a Lua script (bin/assay, memory limit off) that reads the document and times
// json.parse and json.encode itself, so start-up and file reading are not counted; Node
// times its own functions in this process. Both sides report the best of --runs runs with
// the same clock: wall time when the Lua side has `time()` (a float with sub-second
// precision), otherwise CPU time (os.clock / process.cpuUsage, which counts the garbage
// collector's threads too); `--clock cpu` forces CPU time, steadier on a busy machine.
// Ratios are assay / Node.
// ASSAY_BIN=/path/to/bin/assay overrides the CLI under test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const ASSAY = process.env.ASSAY_BIN ? path.resolve(process.env.ASSAY_BIN) : path.join(REPO, 'bin', 'assay');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const MB = Number(opt('--mb', 20));
const RUNS = Number(opt('--runs', 5));
const PRETTY = args.includes('--pretty');
const CLOCK = opt('--clock', 'wall');

// ---- the document (deterministic) ----

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet',
  'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango'];
const INTL = ['café', 'naïve', 'Zürich', 'Ελλάδα', '日本語', 'emoji 😀', 'straße', 'tab\there', 'quote "q"', 'line\nbreak'];
const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function record(i) {
  return {
    id: i,
    uuid: Math.floor(rand() * 2 ** 52).toString(16).padStart(13, '0'),
    name: words(2),
    email: `${pick(WORDS)}.${pick(WORDS)}${i}@example.com`,
    active: rand() < 0.5,
    score: Math.round(rand() * 1e6) / 1e3 + 0.001,
    balance: Math.floor(rand() * 1e12) - 5e11,
    ratio: rand(),
    tags: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(WORDS)),
    address: { street: `${Math.floor(rand() * 999)} ${words(2)} st`, city: pick(INTL), zip: String(10000 + Math.floor(rand() * 89999)) },
    history: Array.from({ length: Math.floor(rand() * 6) }, () => ({ t: 1700000000 + Math.floor(rand() * 1e7), v: Math.round(rand() * 1000) / 10 + 0.5, ok: rand() < 0.9 })),
    note: rand() < 0.3 ? `${words(8)} ${pick(INTL)}` : null,
    matrix: [[1, 2, 3], [4.5, 5.5, 6.5]],
  };
}

const data = { generated: 'benchmarks/builtins/json.mjs', version: 1, items: [] };
let approx = 0;
for (let i = 0; approx < MB * 1e6; i++) {
  const r = record(i);
  data.items.push(r);
  if (i % 1000 === 999) approx = JSON.stringify(data).length;
}
const text = JSON.stringify(data);
const bytes = Buffer.byteLength(text);

const dir = mkdtempSync(path.join(tmpdir(), 'assay-json-bench-'));
const docPath = path.join(dir, 'doc.json');
writeFileSync(docPath, text);

// ---- assay ----

const lua = `
local path, runs, pretty, clock = arg[1], tonumber(arg[2]), arg[3] == "pretty", arg[4]
local f = assert(io.open(path, "rb"))
local text = f:read("a")
f:close()
local wall = clock == "wall" and type(time) == "function"
local now = wall and time or os.clock
local best_parse, best_encode = math.huge, math.huge
local v, out
local eopts = pretty and { indent = 2 } or nil
for i = 1, runs do
  v = nil
  collectgarbage()
  local t0 = now()
  v = json.parse(text)
  local t1 = now()
  out = json.encode(v, eopts)
  local t2 = now()
  best_parse = math.min(best_parse, t1 - t0)
  best_encode = math.min(best_encode, t2 - t1)
end
print(wall and "wall" or "cpu", best_parse, best_encode, #out, #v.items)
`;
const luaPath = path.join(dir, 'bench.lua');
writeFileSync(luaPath, lua);
const r = spawnSync(ASSAY, ['run', '--memory-limit', '0', luaPath, docPath, String(RUNS), PRETTY ? 'pretty' : 'compact', CLOCK], { encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const [clock, aParse, aEncode, outLen, items] = r.stdout.trim().split('\t');

// ---- Node ----

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const now = clock === 'wall' ? () => performance.now() / 1000 : cpu;
let nParse = Infinity;
let nEncode = Infinity;
let parsed;
let nOut = '';
for (let i = 0; i < RUNS; i++) {
  parsed = undefined;
  globalThis.gc?.();
  const t0 = now();
  parsed = JSON.parse(text);
  const t1 = now();
  nOut = PRETTY ? JSON.stringify(parsed, null, 2) : JSON.stringify(parsed);
  const t2 = now();
  nParse = Math.min(nParse, t1 - t0);
  nEncode = Math.min(nEncode, t2 - t1);
}
rmSync(dir, { recursive: true, force: true });

const ms = (s) => `${(Number(s) * 1000).toFixed(1)} ms`;
console.log(`document: ${(bytes / 1e6).toFixed(1)} MB, ${items} records${PRETTY ? ', pretty output (indent 2)' : ''}; best of ${RUNS}, ${clock === 'wall' ? 'wall' : 'CPU'} time`);
console.log(`assay output ${(Number(outLen) / 1e6).toFixed(1)} MB, Node output ${(Buffer.byteLength(nOut) / 1e6).toFixed(1)} MB`);
console.log(`parse   assay ${ms(aParse).padStart(10)}   node ${ms(nParse).padStart(10)}   ratio ${(Number(aParse) / nParse).toFixed(2)}x`);
console.log(`encode  assay ${ms(aEncode).padStart(10)}   node ${ms(nEncode).padStart(10)}   ratio ${(Number(aEncode) / nEncode).toFixed(2)}x`);
