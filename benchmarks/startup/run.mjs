#!/usr/bin/env node
// Start-up benchmark for the compile cache: a script requiring 15 stdlib-sized modules
// (modules.mjs generates them into a temp dir), run as `bin/assay run main.lua` with the
// program's directory as CWD:
//
//   cold      a fresh, empty ASSAY_CACHE_DIR for every run (compiles all 16 chunks and
//             writes the cache)
//   warm      the cache filled by a previous run
//   ...-nov8  the same with ASSAY_CACHE_V8=0 (no V8 code cache)
//   no cache  ASSAY_CACHE_DIR unusable (below a regular file): compiles, writes nothing
//   hello     a one-line script, warm: Node's and the runtime's own start-up (also cold,
//             with no cache, and in worker mode: ASSAY_WORKER=1, as process 1 in a
//             container runs)
//   node      `node -e 0` with the `node` bin/assay starts: Node's own start-up
//
// NODE_EXTRA_CA_CERTS is removed from the runs' environment: Node 20 reads that file at every
// start (~40 ms for a system bundle), which would hide how much of a hello world is ours.
//   node benchmarks/startup/run.mjs [--runs N] [--json]
//
// Runs are interleaved round-robin (run 1 of every case before run 2 of any) and the
// reported times are medians of N runs (default 9), process start-up included: wall time,
// and CPU time (user + sys, all threads) when /usr/bin/time is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, moduleSource, MODULE_COUNT } from './modules.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ASSAY = process.env.ASSAY_BIN ? path.resolve(process.env.ASSAY_BIN) : path.join(HERE, '..', '..', 'bin', 'assay');

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 9;
const json = argv.includes('--json');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-startup-'));
const prog = path.join(work, 'prog');
generate(prog);
fs.writeFileSync(path.join(prog, 'hello.lua'), 'print("hello")\n');
const blocker = path.join(work, 'not-a-dir');
fs.writeFileSync(blocker, '');

let fresh = 0;
const warmDir = path.join(work, 'cache-warm');
const warmDirNoV8 = path.join(work, 'cache-warm-nov8');
const helloDir = path.join(work, 'cache-hello');

/** case name → { script, env() giving the environment of one run } */
const CASES = {
  cold: { script: 'main.lua', env: () => ({ ASSAY_CACHE_DIR: path.join(work, `cold-${++fresh}`) }) },
  warm: { script: 'main.lua', env: () => ({ ASSAY_CACHE_DIR: warmDir }) },
  'cold-nov8': { script: 'main.lua', env: () => ({ ASSAY_CACHE_DIR: path.join(work, `cold-${++fresh}`), ASSAY_CACHE_V8: '0' }) },
  'warm-nov8': { script: 'main.lua', env: () => ({ ASSAY_CACHE_DIR: warmDirNoV8, ASSAY_CACHE_V8: '0' }) },
  'no cache': { script: 'main.lua', env: () => ({ ASSAY_CACHE_DIR: path.join(blocker, 'sub') }) },
  hello: { script: 'hello.lua', env: () => ({ ASSAY_CACHE_DIR: helloDir }) },
  'hello cold': { script: 'hello.lua', env: () => ({ ASSAY_CACHE_DIR: path.join(work, `cold-${++fresh}`) }) },
  'hello no cache': { script: 'hello.lua', env: () => ({ ASSAY_CACHE_DIR: path.join(blocker, 'sub') }) },
  'hello worker': { script: 'hello.lua', env: () => ({ ASSAY_CACHE_DIR: helloDir, ASSAY_WORKER: '1' }) },
  node: { node: true, env: () => ({}) },
};

const extraCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
delete process.env.NODE_EXTRA_CA_CERTS;

// /usr/bin/time, when there is one, also gives each run's CPU time (user + sys), which a
// busy machine disturbs less than wall time
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function runOnce(c) {
  const command = c.node ? ['node', '-e', '0'] : [ASSAY, 'run', c.script];
  const [cmd, args] = TIME ? [TIME, ['-f', 'cpu %U %S', ...command]] : [command[0], command.slice(1)];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: prog, env: { ...process.env, ...c.env() }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, out: r.stdout };
}

// fill the warm caches (and check the program's output once)
const expected = runOnce(CASES.warm).out;
if (!/^checksum\t\d+\n$/.test(expected)) throw new Error(`unexpected output: ${expected}`);
runOnce(CASES['warm-nov8']);
runOnce(CASES.hello);

const names = Object.keys(CASES);
const times = Object.fromEntries(names.map((n) => [n, []]));
const cpus = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < runs; i++) {
  for (let j = 0; j < names.length; j++) {
    const n = names[(i + j) % names.length];
    const r = runOnce(CASES[n]);
    if (CASES[n].script === 'main.lua' && r.out !== expected) throw new Error(`${n}: output differs: ${r.out}`);
    times[n].push(r.ms);
    cpus[n].push(r.cpu);
  }
}
fs.rmSync(work, { recursive: true, force: true });

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const med = Object.fromEntries(names.map((n) => [n, median(times[n])]));
const cpu = Object.fromEntries(names.map((n) => [n, median(cpus[n])]));
if (json) {
  console.log(JSON.stringify({ runs, wallMs: times, cpuMs: cpus, median: med, medianCpu: cpu }, null, 2));
} else {
  const lines = moduleSource(1).split('\n').length - 1;
  console.log(`main.lua requiring ${MODULE_COUNT} modules of ${lines} lines; ${runs} runs each; medians in ms`);
  if (extraCerts) console.log('(NODE_EXTRA_CA_CERTS is set here and was removed for the runs)');
  console.log('');
  console.log(`${'case'.padEnd(16)}${'wall'.padStart(8)}${'(min'.padStart(9)}${'max)'.padStart(8)}${'cpu'.padStart(9)}`);
  for (const n of names) {
    const t = times[n];
    console.log(`${n.padEnd(16)}${med[n].toFixed(1).padStart(8)}${Math.min(...t).toFixed(1).padStart(9)}${Math.max(...t).toFixed(1).padStart(8)}${cpu[n].toFixed(0).padStart(9)}`);
  }
  const ratio = (a, b) => `${(med[a] / med[b]).toFixed(2)}x wall, ${(cpu[a] / cpu[b]).toFixed(2)}x cpu`;
  console.log(`\ncold / warm:             ${ratio('cold', 'warm')}`);
  console.log(`cold / warm (no V8):     ${ratio('cold-nov8', 'warm-nov8')}`);
  console.log(`warm-nov8 / warm:        ${ratio('warm-nov8', 'warm')}`);
  console.log(`warm above hello:        ${(med.warm - med.hello).toFixed(1)} ms wall (no V8 code cache: ${(med['warm-nov8'] - med.hello).toFixed(1)} ms)`);
  console.log(`hello / node -e 0:       ${ratio('hello', 'node')}`);
  console.log(`hello worker / hello:    ${ratio('hello worker', 'hello')}`);
}
