// The db benchmark written directly on the drivers (what bench.lua is compared with): pg for
// postgres:// URLs, better-sqlite3 for sqlite: URLs. The same work as bench.lua: 10,000
// parameterised inserts in one transaction, then a 100,000-row select whose ids are summed.
// Usage: node raw.mjs URL [inserts] [select_rows]; prints JSON timings (ms): wall time, and
// CPU time of the whole process (process.cpuUsage: every thread, the garbage collector's too).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** CPU time of the process so far (ms) */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const [url, inserts = 10000, selected = 100000] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a)));

async function postgres() {
  const pg = require('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('DROP TABLE IF EXISTS bench_ins; DROP TABLE IF EXISTS bench_sel');
  await c.query('CREATE TABLE bench_ins (id integer, name text, score double precision)');
  await c.query('CREATE TABLE bench_sel (id integer, name text, score double precision)');
  await c.query(`INSERT INTO bench_sel SELECT g, 'name-' || g, g * 0.5 FROM generate_series(1, ${selected}) g`);
  const t0 = performance.now();
  const c0 = cpu();
  await c.query('BEGIN');
  for (let i = 1; i <= inserts; i++) {
    await c.query('INSERT INTO bench_ins (id, name, score) VALUES ($1, $2, $3)', [i, `name-${i}`, i * 0.5]);
  }
  await c.query('COMMIT');
  const t1 = performance.now();
  const c1 = cpu();
  const { rows } = await c.query('SELECT id, name, score FROM bench_sel');
  let sum = 0;
  for (const r of rows) sum += r.id;
  const t2 = performance.now();
  const c2 = cpu();
  if (rows.length !== selected || sum !== (selected * (selected + 1)) / 2) throw new Error('wrong result');
  await c.end();
  return [t1 - t0, t2 - t1, c1 - c0, c2 - c1];
}

function sqlite() {
  const Database = require('better-sqlite3');
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const db = new Database(file === ':memory:' ? ':memory:' : file);
  db.exec('DROP TABLE IF EXISTS bench_ins; DROP TABLE IF EXISTS bench_sel');
  db.exec('CREATE TABLE bench_ins (id integer, name text, score double precision)');
  db.exec('CREATE TABLE bench_sel (id integer, name text, score double precision)');
  db.exec(`WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${selected}) INSERT INTO bench_sel SELECT g, 'name-' || g, g * 0.5 FROM s`);
  const t0 = performance.now();
  const c0 = cpu();
  const ins = db.prepare('INSERT INTO bench_ins (id, name, score) VALUES (?, ?, ?)');
  db.exec('BEGIN');
  for (let i = 1; i <= inserts; i++) ins.run(i, `name-${i}`, i * 0.5);
  db.exec('COMMIT');
  const t1 = performance.now();
  const c1 = cpu();
  const rows = db.prepare('SELECT id, name, score FROM bench_sel').all();
  let sum = 0;
  for (const r of rows) sum += r.id;
  const t2 = performance.now();
  const c2 = cpu();
  if (rows.length !== selected || sum !== (selected * (selected + 1)) / 2) throw new Error('wrong result');
  db.close();
  return [t1 - t0, t2 - t1, c1 - c0, c2 - c1];
}

const ms = (x) => Math.round(x * 10) / 10;
const [ins, sel, insCpu, selCpu] = url.startsWith('postgres') ? await postgres() : sqlite();
console.log(JSON.stringify({ insert_ms: ms(ins), select_ms: ms(sel), insert_cpu_ms: ms(insCpu), select_cpu_ms: ms(selCpu) }));
