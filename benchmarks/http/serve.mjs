#!/usr/bin/env node
// http.serve throughput: requests per second with a trivial JSON handler, assay against a
// plain Node `http` server answering the same JSON, measured with autocannon (a dev
// dependency) in this process, one after the other, alternating, best of --runs.
//
//   node benchmarks/http/serve.mjs [--seconds 5] [--connections 50] [--runs 2]
//
// Both servers run in their own process; the load generator shares the machine with them
// (on a 2-core machine that matters: the figures are comparable, not absolute). On Linux it
// also gives each server's CPU time per request (all its threads, from /proc), which a
// machine busy with other work disturbs much less than the request rate.
// ASSAY_BIN=/path/to/bin/assay overrides the CLI under test.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const ASSAY = process.env.ASSAY_BIN ? path.resolve(process.env.ASSAY_BIN) : path.join(REPO, 'bin', 'assay');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SECONDS = opt('--seconds', 5);
const CONNECTIONS = opt('--connections', 50);
const RUNS = opt('--runs', 2);

const dir = mkdtempSync(path.join(tmpdir(), 'assay-bench-http-'));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function up(port) {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

const servers = {
  async assay(port) {
    const file = path.join(dir, 'serve.lua');
    writeFileSync(file, `http.serve(${port}, { GET = { ["/"] = function(req) return { json = { ok = true, n = 42, path = req.path } } end } })\n`);
    return spawn(ASSAY, ['run', file], { stdio: 'ignore' });
  },
  async node(port) {
    const file = path.join(dir, 'serve.mjs');
    writeFileSync(
      file,
      `import http from 'node:http';
http.createServer((req, res) => {
  const body = JSON.stringify({ n: 42, ok: true, path: req.url });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(${port}, '0.0.0.0');
`,
    );
    return spawn(process.execPath, [file], { stdio: 'ignore' });
  },
};

/** Clock ticks per second of /proc's CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system, every thread) process `pid` has used, or NaN without /proc. */
function cpuSeconds(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return NaN;
  // (the fields after the command name, which is in parentheses and may hold spaces)
  const f = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

async function measure(name) {
  const port = await freePort();
  const child = await servers[name](port);
  try {
    await up(port);
    // warm-up
    await autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, duration: 1 });
    const cpu0 = cpuSeconds(child.pid);
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, duration: SECONDS });
    const cpu = cpuSeconds(child.pid) - cpu0;
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    return { rps: r.requests.average, usPerRequest: (cpu / r.requests.total) * 1e6 };
  } finally {
    child.kill('SIGKILL');
  }
}

const best = { assay: 0, node: 0 };
const leastCpu = { assay: Infinity, node: Infinity };
for (let i = 0; i < RUNS; i++) {
  for (const name of i % 2 === 0 ? ['assay', 'node'] : ['node', 'assay']) {
    const { rps, usPerRequest } = await measure(name);
    best[name] = Math.max(best[name], rps);
    leastCpu[name] = Math.min(leastCpu[name], usPerRequest);
    const cpu = Number.isNaN(usPerRequest) ? '' : `, ${usPerRequest.toFixed(1)} µs CPU/request`;
    console.log(`run ${i + 1} ${name.padEnd(5)} ${rps.toFixed(0)} req/s${cpu}`);
  }
}
console.log(`\nbest of ${RUNS}, ${CONNECTIONS} connections, ${SECONDS} s:`);
console.log(`  assay http.serve  ${best.assay.toFixed(0)} req/s`);
console.log(`  node http         ${best.node.toFixed(0)} req/s`);
console.log(`  ratio             ${((best.assay / best.node) * 100).toFixed(1)}% of plain Node`);
if (!Number.isNaN(leastCpu.assay)) {
  console.log(`least CPU time per request (the server's threads, all of them):`);
  console.log(`  assay http.serve  ${leastCpu.assay.toFixed(1)} µs`);
  console.log(`  node http         ${leastCpu.node.toFixed(1)} µs`);
}
