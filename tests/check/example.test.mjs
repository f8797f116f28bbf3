// examples/checks.yaml is a valid check file, and its script check works against a mock API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, assayBin } from '../helpers.mjs';
import { runChecks, startServer, reply } from './harness.mjs';

function assay(args) {
  const child = spawn(assayBin, args, { cwd: root });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, err })));
}

test('examples/checks.yaml is valid (an unknown --only name is the only complaint)', async () => {
  const r = await assay(['examples/checks.yaml', '--only', 'no-such-check']);
  assert.equal(r.err, 'assay: --only: no check named "no-such-check" in examples/checks.yaml\n');
  assert.equal(r.status, 2);
});

test("the example's script check passes, then fails on replication lag", async () => {
  let lag = 3;
  const api = await startServer({ '/api/replication': (req, res) => reply(res, 200, { replicas: [{ name: 'db-1', lag_seconds: lag }] }) });
  try {
    const script = readFileSync(join(root, 'examples/checks/db-ready.lua'), 'utf8');
    const yaml = `retries: 0\nchecks:\n  - name: db-ready\n    type: script\n    file: db-ready.lua\n    env:\n      API_URL: ${api.url}\n      MAX_LAG_SECONDS: 30\n`;
    const ok = await runChecks(yaml, { files: { 'db-ready.lua': script } });
    assert.equal(ok.status, 0, ok.out + ok.err);
    assert.match(ok.err, /INFO replication ok replicas=1/);
    lag = 45;
    const bad = await runChecks(yaml, { files: { 'db-ready.lua': script } });
    assert.equal(bad.report.checks[0].message, 'db-ready.lua:14: replica db-1 lags 45s (at most 30s)');
  } finally {
    await api.close();
  }
});
