#!/usr/bin/env node
// crypto.hash over a large input: assay (a Lua string hashed by the builtin) against node:crypto
// hashing the same bytes directly, from a Buffer and from a latin1 JS string.
//
//   node benchmarks/builtins/crypto.mjs [--mb 50] [--runs 5] [--algs sha256,sha512,...] [--json]
//
// Times are hash-only (the input is built before the clock starts), best of --runs, in ms.
// The assay side times itself with time() around crypto.hash inside one process; the Node
// side runs in this process. ratio = assay / node (Buffer): 1.00 means no overhead.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const ASSAY = process.env.ASSAY_BIN ? path.resolve(process.env.ASSAY_BIN) : path.join(REPO, 'bin', 'assay');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const MB = Number(opt('mb', '50'));
const RUNS = Number(opt('runs', '5'));
const ALGS = opt('algs', 'sha256,sha512,sha3-256,md5,sha1').split(',');
const JSON_OUT = args.includes('--json');
const SIZE = Math.round(MB * 1048576);

// the input: bytes 0..255 cycling with a stride, the same on both sides
const UNIT = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7 + 3) & 255));
const unitLua = [...UNIT].map((b) => `\\${b}`).join('');

function assayTimes() {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-bench-crypto-'));
  const file = path.join(dir, 'bench.lua');
  writeFileSync(file, `
local unit = "${unitLua}"
local s = string.rep(unit, ${Math.floor(SIZE / 256)}) .. unit:sub(1, ${SIZE % 256})
assert(#s == ${SIZE})
crypto.hash(s:sub(1, 1000))  -- warm up
for _, alg in ipairs({ ${ALGS.map((a) => `"${a}"`).join(', ')} }) do
  local best, digest = math.huge, nil
  for _ = 1, ${RUNS} do
    local t0 = time()
    digest = crypto.hash(s, alg)
    best = math.min(best, time() - t0)
  end
  print(alg, string.format("%.3f", best * 1000), digest)
end
`);
  const r = spawnSync(ASSAY, ['--memory-limit', '0', 'run', file], { encoding: 'utf8', timeout: 600000 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`assay failed: ${r.stderr || r.stdout}`);
  const out = {};
  for (const line of r.stdout.trim().split('\n')) {
    const [alg, ms, digest] = line.split('\t');
    out[alg] = { ms: Number(ms), digest };
  }
  return out;
}

function best(fn) {
  let b = Infinity;
  let v;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    v = fn();
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: b, digest: v };
}

const buf = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i += 256) UNIT.copy(buf, i, 0, Math.min(256, SIZE - i));
const str = buf.toString('latin1');
crypto.createHash('sha256').update(buf.subarray(0, 1000)).digest('hex');

const assay = assayTimes();
const rows = ALGS.map((alg) => {
  const nodeBuf = best(() => crypto.createHash(alg).update(buf).digest('hex'));
  const nodeStr = best(() => crypto.createHash(alg).update(str, 'latin1').digest('hex'));
  const a = assay[alg];
  if (a.digest !== nodeBuf.digest) throw new Error(`${alg}: digests differ: assay ${a.digest}, node ${nodeBuf.digest}`);
  return {
    alg,
    assay_ms: a.ms,
    node_buffer_ms: nodeBuf.ms,
    node_string_ms: nodeStr.ms,
    ratio_vs_buffer: a.ms / nodeBuf.ms,
    ratio_vs_string: a.ms / nodeStr.ms,
    assay_mb_per_s: (SIZE / 1048576) / (a.ms / 1000),
  };
});

if (JSON_OUT) {
  console.log(JSON.stringify({ mb: MB, runs: RUNS, node: process.version, rows }, null, 2));
} else {
  console.log(`crypto.hash over ${MB} MB, best of ${RUNS} (node ${process.version})`);
  console.log('alg        assay ms   node Buffer ms   node string ms   ratio (vs Buffer)   ratio (vs string)   assay MB/s');
  for (const r of rows) {
    console.log(
      `${r.alg.padEnd(10)} ${r.assay_ms.toFixed(1).padStart(8)}   ${r.node_buffer_ms.toFixed(1).padStart(14)}   ${r.node_string_ms.toFixed(1).padStart(14)}   ${r.ratio_vs_buffer.toFixed(2).padStart(17)}   ${r.ratio_vs_string.toFixed(2).padStart(17)}   ${r.assay_mb_per_s.toFixed(0).padStart(10)}`,
    );
  }
}
