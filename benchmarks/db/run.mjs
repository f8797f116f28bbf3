// The db benchmark: the same work under assay (bench.lua) and written directly on the drivers
// in Node (raw.mjs) — 10,000 parameterised inserts in one transaction, then a 100,000-row
// select — on PostgreSQL (pg) and SQLite (better-sqlite3). Prints the best of N runs of each
// phase and the ratio raw / assay (1.0 = as fast as the raw driver; the PostgreSQL target
// is ≥ 0.70), in wall time and in CPU time (every thread of the process: on a busy machine
// the steadier of the two).
//
//   node benchmarks/db/run.mjs [--runs N] [--pg URL] [--only postgres|sqlite] [--json]
//
// The PostgreSQL URL defaults to $ASSAY_TEST_PG_URL (eval "$(.ci/postgres.sh start)" starts a
// throwaway server); without one, only SQLite runs. Runs alternate between assay and raw so
// that a busy machine slows both alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const assay = join(here, '..', '..', 'bin', 'assay');

function option(name, def) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const runs = Number(option('--runs', 5));
const pgUrl = option('--pg', process.env.ASSAY_TEST_PG_URL);
const only = option('--only', undefined);
const asJson = process.argv.includes('--json');

/** One run of a command printing {insert_ms, select_ms}. */
function once(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function measure(url) {
  const sides = {
    assay: () => once(assay, ['run', '--memory-limit', '0', join(here, 'bench.lua'), url]),
    raw: () => once(process.execPath, [join(here, 'raw.mjs'), url]),
  };
  const keys = ['insert_ms', 'select_ms', 'insert_cpu_ms', 'select_cpu_ms'];
  const none = () => Object.fromEntries(keys.map((k) => [k, Infinity]));
  const best = { assay: none(), raw: none() };
  const all = { assay: [], raw: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 === 0 ? ['assay', 'raw'] : ['raw', 'assay']) {
      const t = sides[side]();
      all[side].push(t);
      for (const k of keys) best[side][k] = Math.min(best[side][k], t[k]);
    }
  }
  const ratio = (k) => best.raw[k] / best.assay[k];
  const total = (s, cpu) => (cpu ? best[s].insert_cpu_ms + best[s].select_cpu_ms : best[s].insert_ms + best[s].select_ms);
  return {
    best,
    all,
    ratio: { insert: ratio('insert_ms'), select: ratio('select_ms'), total: total('raw') / total('assay') },
    cpu_ratio: { insert: ratio('insert_cpu_ms'), select: ratio('select_cpu_ms'), total: total('raw', true) / total('assay', true) },
  };
}

const engines = [];
if (pgUrl && only !== 'sqlite') engines.push(['postgres', pgUrl, 'pg']);
const tmp = mkdtempSync(join(tmpdir(), 'assay-db-bench-'));
if (only !== 'postgres') engines.push(['sqlite', `sqlite://${join(tmp, 'bench.db')}`, 'better-sqlite3']);
if (!pgUrl && only !== 'sqlite') console.error('(no PostgreSQL: set ASSAY_TEST_PG_URL or pass --pg URL)');

const results = {};
try {
  for (const [name, url] of engines) results[name] = measure(url);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f = (ms) => `${ms.toFixed(0)} ms`.padStart(9);
  console.log(`best of ${runs} runs; ratio = raw / assay (higher is better, 1.00 = raw speed)`);
  for (const cpu of [false, true]) {
    const k = (phase) => (cpu ? `${phase}_cpu_ms` : `${phase}_ms`);
    console.log(`\n${cpu ? 'CPU time' : 'wall time'}\nengine    driver           phase                       assay        raw   ratio`);
    for (const [name, , driver] of engines) {
      const r = results[name];
      const q = cpu ? r.cpu_ratio : r.ratio;
      const row = (label, a, b, x) => console.log(`${name.padEnd(10)}${driver.padEnd(17)}${label.padEnd(26)}${f(a)}  ${f(b)}   ${x.toFixed(2)}`);
      row('10,000 inserts (1 tx)', r.best.assay[k('insert')], r.best.raw[k('insert')], q.insert);
      row('select 100,000 rows', r.best.assay[k('select')], r.best.raw[k('select')], q.select);
      row('both', r.best.assay[k('insert')] + r.best.assay[k('select')], r.best.raw[k('insert')] + r.best.raw[k('select')], q.total);
    }
  }
}
