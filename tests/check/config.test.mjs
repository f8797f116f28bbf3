// Check files that are wrong: each mistake is reported with the file, line, column and
// field before any check runs, with exit status 2 and nothing on stdout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks, startServer, reply } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer({ '/hit': (req, res) => reply(res, 200, 'ok') });
});
after(() => srv.close());

/** Runs a check file expected to be rejected; returns its one-line error (without "assay: "). */
async function rejected(yaml) {
  const r = await runChecks(yaml);
  assert.equal(r.status, 2, `status for:\n${yaml}\n${r.err}`);
  assert.equal(r.out, '');
  const lines = r.err.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.err);
  assert.match(lines[0], /^assay: /);
  return lines[0].slice('assay: '.length);
}

const CASES = [
  ['unknown top-level field', 'checks: []\nretry: 3\n', 'checks.yaml:2:1: unknown field "retry" (expected timeout, retries, backoff, parallel, checks)'],
  [
    'unknown expect field',
    'checks:\n  - name: api\n    type: http\n    url: http://x\n    expect:\n      stauts: 200\n',
    'checks.yaml:6:7: checks[0].expect: unknown field "stauts" (expected for http checks: status, body, json)',
  ],
  ['unknown check type', 'checks:\n  - name: a\n    type: tcp\n', 'checks.yaml:3:11: checks[0].type: unknown check type: "tcp" (expected http, prometheus or script)'],
  [
    'field of another check type',
    'checks:\n  - name: a\n    type: script\n    file: a.lua\n    query: up\n',
    'checks.yaml:5:5: checks[0]: unknown field "query" (expected for script checks: name, type, timeout, retries, backoff, file, env)',
  ],
  ['expect on a script check', 'checks:\n  - name: a\n    type: script\n    file: a.lua\n    expect: {}\n', 'checks.yaml:5:5: checks[0]: unknown field "expect" (expected for script checks: name, type, timeout, retries, backoff, file, env)'],
  ['invalid YAML', 'checks:\n  - name: a\n   type: http\n', /^checks\.yaml:3:\d+: invalid YAML: /],
  ['unclosed flow', 'checks: [\n', /^checks\.yaml:2:1: invalid YAML: /],
  ['duplicate key', 'checks: []\nchecks: []\n', 'checks.yaml:2:1: invalid YAML: Map keys must be unique'],
  ['empty file', '', 'checks.yaml:1:1: missing required field "checks"'],
  ['no checks', 'timeout: 10s\n', 'checks.yaml:1:1: missing required field "checks"'],
  ['top level not a mapping', '- a\n- b\n', 'checks.yaml:1:1: expected a mapping (timeout, retries, backoff, parallel, checks) at the top level'],
  ['checks not a list', 'checks: {a: 1}\n', 'checks.yaml:1:9: checks: expected a list, got a mapping'],
  ['missing name', 'checks:\n  - type: script\n    file: a.lua\n', 'checks.yaml:2:5: checks[0]: missing required field "name"'],
  ['missing type', 'checks:\n  - name: a\n', 'checks.yaml:2:5: checks[0]: missing required field "type"'],
  ['http without url', 'checks:\n  - name: a\n    type: http\n', "checks.yaml:2:5: checks[0]: http check requires a 'url' field"],
  ['prometheus without query', 'checks:\n  - name: a\n    type: prometheus\n    url: http://p\n', "checks.yaml:2:5: checks[0]: prometheus check requires a 'query' field"],
  ['script without file', 'checks:\n  - name: a\n    type: script\n', "checks.yaml:2:5: checks[0]: script check requires a 'file' field"],
  ['hours', 'timeout: 2h\nchecks: []\n', `checks.yaml:1:10: timeout: unsupported duration format: "2h" (use e.g. '120s', '5m', '500ms')`],
  ['bare number', 'backoff: 30\nchecks: []\n', `checks.yaml:1:10: backoff: unsupported duration format: "30" (use e.g. '120s', '5m', '500ms')`],
  ['fractional seconds', 'timeout: 1.5s\nchecks: []\n', `checks.yaml:1:10: timeout: invalid seconds value: "1.5s" (use e.g. '120s', '5m', '500ms')`],
  [
    'check duration',
    'checks:\n  - name: a\n    type: script\n    file: a.lua\n    timeout: soon\n',
    `checks.yaml:5:14: checks[0].timeout: unsupported duration format: "soon" (use e.g. '120s', '5m', '500ms')`,
  ],
  ['negative retries', 'retries: -1\nchecks: []\n', 'checks.yaml:1:10: retries: expected a non-negative integer, got "-1"'],
  ['float retries', 'retries: 2.0\nchecks: []\n', 'checks.yaml:1:10: retries: expected a non-negative integer, got "2.0"'],
  ['parallel yes', 'parallel: yes\nchecks: []\n', 'checks.yaml:1:11: parallel: expected true or false, got "yes"'],
  ['status range', 'checks:\n  - name: a\n    type: http\n    url: http://x\n    expect: {status: 42}\n', 'checks.yaml:5:22: checks[0].expect.status: expected an HTTP status (100 to 599), got 42'],
  ['min not a number', 'checks:\n  - name: a\n    type: prometheus\n    url: http://x\n    query: up\n    expect: {min: low}\n', 'checks.yaml:6:19: checks[0].expect.min: expected a number, got "low"'],
  ['env not a mapping', 'checks:\n  - name: a\n    type: script\n    file: a.lua\n    env: [A]\n', 'checks.yaml:5:10: checks[0].env: expected a mapping, got a list'],
  ['header value a list', 'checks:\n  - name: a\n    type: http\n    url: http://x\n    headers:\n      X: [1]\n', 'checks.yaml:6:10: checks[0].headers.X: expected a string, got a list'],
  ['bad method', 'checks:\n  - name: a\n    type: http\n    url: http://x\n    method: FETCH\n', 'checks.yaml:5:13: checks[0].method: unsupported method "FETCH" (expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)'],
  ['second check', 'checks:\n  - name: a\n    type: script\n    file: a.lua\n  - name: b\n    type: script\n    file: b.lua\n    nmae: c\n', 'checks.yaml:8:5: checks[1]: unknown field "nmae" (expected for script checks: name, type, timeout, retries, backoff, file, env)'],
];

for (const [what, yaml, want] of CASES) {
  test(`rejected: ${what}`, async () => {
    const msg = await rejected(yaml);
    if (want instanceof RegExp) assert.match(msg, want);
    else assert.equal(msg, want);
  });
}

test('nothing runs when a later check is invalid', async () => {
  const before = srv.log.length;
  await rejected(`checks:\n  - {name: a, type: http, url: "${srv.url}/hit"}\n  - {name: b, type: nope}\n`);
  assert.equal(srv.log.length, before);
});

test('defaults and durations that are accepted', async () => {
  const r = await runChecks(`timeout: " 2m "\nbackoff: 0ms\nretries: 0\nparallel: false\nchecks:\n  - {name: a, type: http, url: "${srv.url}/hit", timeout: 500ms}\n`);
  assert.equal(r.status, 0, r.err);
  assert.match(r.err, /configuration loaded file=checks\.yaml checks=1 parallel=false timeout=2m/);
  const defaults = await runChecks(`checks:\n  - {name: a, type: http, url: "${srv.url}/hit"}\n`);
  assert.match(defaults.err, /timeout=120s/);
  // anchors and aliases
  const aliased = await runChecks(`checks:\n  - &hit {name: a, type: http, url: "${srv.url}/hit", headers: &h {X-A: "1"}}\n  - *hit\n  - {name: c, type: http, url: "${srv.url}/hit", headers: *h}\n`);
  assert.equal(aliased.status, 0, aliased.err);
  assert.deepEqual(aliased.report.checks.map((c) => c.name), ['a', 'a', 'c']);
});

test('an unreadable check file and bad options are usage errors (2)', async () => {
  const { spawnSync } = await import('node:child_process');
  const { assayBin } = await import('../helpers.mjs');
  const r = spawnSync(assayBin, ['/nonexistent/checks.yml'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'assay: cannot open /nonexistent/checks.yml: No such file or directory\n');
  const fmt = await runChecks('checks: []\n', { args: ['--format', 'xml'] });
  assert.equal(fmt.status, 2);
  assert.equal(fmt.err, 'assay: --format: expected json or junit, got "xml"\n');
  const opt = await runChecks('checks: []\n', { args: ['--bogus'] });
  assert.equal(opt.status, 2);
  assert.match(opt.err, /unknown option '--bogus'/);
});
