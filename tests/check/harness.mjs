// Shared by the check-mode tests: running `assay` on a check file without blocking this
// process's event loop (the HTTP servers the checks call live in it), and a recording HTTP
// server. Not a test file (see tests/helpers.mjs).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { assayBin, tempDir, writeFiles } from '../helpers.mjs';

/**
 * Writes `yaml` to DIR/checks.yaml (and `files`, { 'name': text }, next to it) in a new temp
 * directory and runs `assay checks.yaml ARGS...` there (`command: ['check']` puts the
 * subcommand first); resolves to { out, err, status, report, dir } — `report` is stdout
 * parsed as JSON when it is JSON. Options: env (added to process.env), kill (ms before
 * SIGKILL; default 60 s, a hang fails), file (the check file's name).
 */
export function runChecks(yaml, { files = {}, args = [], command = [], env = {}, kill = 60_000, file = 'checks.yaml' } = {}) {
  const dir = tempDir('check');
  writeFiles(dir, { [file]: yaml, ...files }, 'utf8');
  const child = spawn(assayBin, [...command, file, ...args], { cwd: dir, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), kill);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      let report;
      try {
        report = JSON.parse(out);
      } catch {
        report = undefined;
      }
      resolve({ out, err, status, report, dir });
    });
  });
}

/**
 * An HTTP server on 127.0.0.1 with `routes` ({ '/path': (req, res, body) => ... }); every
 * request is recorded in `log` as { path, method, headers, body, at, inFlight } (at: ms since
 * start; inFlight: requests being answered when it arrived, itself included). Resolves to
 * { url, log, maxInFlight(), close() }.
 */
export async function startServer(routes) {
  const log = [];
  const t0 = performance.now();
  let inFlight = 0;
  let max = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      inFlight++;
      max = Math.max(max, inFlight);
      res.on('close', () => inFlight--);
      const path = req.url.split('?')[0];
      log.push({ path, url: req.url, method: req.method, headers: req.headers, body, at: performance.now() - t0, inFlight });
      const route = routes[path];
      if (!route) {
        res.writeHead(404).end('not found');
        return;
      }
      route(req, res, body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    log,
    maxInFlight: () => max,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/** Answers with `status` and `body` (objects as JSON). */
export function reply(res, status, body = '') {
  const json = typeof body !== 'string';
  res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/plain' });
  res.end(json ? JSON.stringify(body) : body);
}

/** A route that fails (503) `failures` times, then answers 200 "ok". */
export function flaky(failures) {
  let n = 0;
  return (req, res) => (++n <= failures ? reply(res, 503, `failure ${n}`) : reply(res, 200, 'ok'));
}

export { join };
