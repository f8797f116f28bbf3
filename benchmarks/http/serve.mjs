#!/usr/bin/env node
// http.serve throughput: requests per second with a trivial JSON handler, assay against a
// plain Node `http` server answering the same JSON, measured with autocannon (a dev
// dependency) in this process, one after the other, alternating, best of --runs.
//
//   node benchmarks/http/serve.mjs [--seconds 5] [--connections 50] [--runs 2]
//
// Both servers run in their own process; the load generator shares the machine with them
// (on a 2-core machine that matters: the figures are comparable, not absolute).
// ASSAY_BIN=/path/to/bin/assay overrides the CLI under test.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

async function measure(name) {
  const port = await freePort();
  const child = await servers[name](port);
  try {
    await up(port);
    // warm-up
    await autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, duration: 1 });
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, duration: SECONDS });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    return r.requests.average;
  } finally {
    child.kill('SIGKILL');
  }
}

const best = { assay: 0, node: 0 };
for (let i = 0; i < RUNS; i++) {
  for (const name of i % 2 === 0 ? ['assay', 'node'] : ['node', 'assay']) {
    const rps = await measure(name);
    best[name] = Math.max(best[name], rps);
    console.log(`run ${i + 1} ${name.padEnd(5)} ${rps.toFixed(0)} req/s`);
  }
}
console.log(`\nbest of ${RUNS}, ${CONNECTIONS} connections, ${SECONDS} s:`);
console.log(`  assay http.serve  ${best.assay.toFixed(0)} req/s`);
console.log(`  node http         ${best.node.toFixed(0)} req/s`);
console.log(`  ratio             ${((best.assay / best.node) * 100).toFixed(1)}% of plain Node`);
