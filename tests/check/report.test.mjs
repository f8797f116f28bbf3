// What check mode prints: the JSON report (SPEC B§3.4) byte for byte apart from durations,
// JUnit XML, --only, `assay check`, the progress log and the terminal summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { runChecks, startServer, reply } from './harness.mjs';
import { assayBin, tempDir, writeFiles } from '../helpers.mjs';

let srv;
let yaml;
before(async () => {
  srv = await startServer({ '/ok': (req, res) => reply(res, 200, 'ok'), '/bad': (req, res) => reply(res, 500, 'no') });
  yaml =
    'retries: 0\nchecks:\n' +
    `  - {name: api-health, type: http, url: "${srv.url}/ok"}\n` +
    `  - {name: "high <cpu> & \\"more\\"", type: http, url: "${srv.url}/bad"}\n` +
    `  - {name: third, type: http, url: "${srv.url}/ok"}\n`;
});
after(() => srv.close());

const zeroDurations = (text) => text.replace(/"duration_ms": \d+/g, '"duration_ms": 0');

test('the JSON report: SPEC key order, 2-space indent, message null when none, attempts last', async () => {
  const r = await runChecks(yaml);
  assert.equal(r.status, 1);
  assert.equal(
    zeroDurations(r.out),
    `{
  "passed": false,
  "checks": [
    {
      "name": "api-health",
      "passed": true,
      "duration_ms": 0,
      "message": null,
      "attempts": 1
    },
    {
      "name": "high <cpu> & \\"more\\"",
      "passed": false,
      "duration_ms": 0,
      "message": "expected 2xx, got 500",
      "attempts": 1
    },
    {
      "name": "third",
      "passed": true,
      "duration_ms": 0,
      "message": null,
      "attempts": 1
    }
  ],
  "duration_ms": 0
}
`,
  );
});

test('an empty list passes (exit 0)', async () => {
  const r = await runChecks('checks: []\n');
  assert.equal(r.status, 0);
  assert.deepEqual({ ...r.report, duration_ms: 0 }, { passed: true, checks: [], duration_ms: 0 });
});

test('--format junit', async () => {
  const r = await runChecks(yaml, { args: ['--format', 'junit'] });
  assert.equal(r.status, 1);
  const xml = r.out.replace(/time="[\d.]+"/g, 'time="T"').replace(/timestamp="[^"]+"/, 'timestamp="S"');
  assert.equal(
    xml,
    `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="assay" tests="3" failures="1" errors="0" time="T">
  <testsuite name="checks.yaml" tests="3" failures="1" errors="0" skipped="0" time="T" timestamp="S">
    <testcase name="api-health" classname="http" time="T"/>
    <testcase name="high &lt;cpu&gt; &amp; &quot;more&quot;" classname="http" time="T">
      <failure message="expected 2xx, got 500" type="http">expected 2xx, got 500 (1 attempt)</failure>
    </testcase>
    <testcase name="third" classname="http" time="T"/>
  </testsuite>
</testsuites>
`,
  );
  assert.match(r.out, /timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"/);
});

test('--only, repeated or comma-separated; an unknown name is a usage error', async () => {
  const one = await runChecks(yaml, { args: ['--only', 'third'] });
  assert.equal(one.status, 0);
  assert.deepEqual(one.report.checks.map((c) => c.name), ['third']);
  const two = await runChecks(yaml, { args: ['--only', 'third,api-health'] });
  assert.deepEqual(two.report.checks.map((c) => c.name), ['api-health', 'third']);
  const rep = await runChecks(yaml, { args: ['--only=third', '--only', ' api-health '] });
  assert.deepEqual(rep.report.checks.map((c) => c.name), ['api-health', 'third']);
  const bad = await runChecks(yaml, { args: ['--only', 'third,nope'] });
  assert.equal(bad.status, 2);
  assert.equal(bad.err, 'assay: --only: no check named "nope" in checks.yaml\n');
  assert.equal(bad.out, '');
});

test('`assay check FILE` is the same command; .yml works too', async () => {
  const r = await runChecks(yaml, { command: ['check'], args: ['--only', 'api-health'], file: 'health.yml' });
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(r.report.checks.map((c) => c.name), ['api-health']);
  const opts = await runChecks(yaml, { command: ['check', '--format', 'junit', '--only', 'third'] });
  assert.equal(opts.status, 0, opts.err);
  assert.match(opts.out, /^<\?xml/);
  const help = spawnSync(assayBin, ['check', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format <format>/);
  assert.match(help.stdout, /--only <names>/);
});

test('progress lines follow ASSAY_LOG_FORMAT and ASSAY_LOG_LEVEL', async () => {
  const r = await runChecks(yaml, { env: { ASSAY_LOG_FORMAT: 'json' } });
  const lines = r.err.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines[0].fields, { file: 'checks.yaml', checks: 3, parallel: false, timeout: '120s' });
  assert.equal(lines[0].message, 'configuration loaded');
  const done = lines.filter((l) => l.message === 'check completed').map((l) => [l.fields.check, l.fields.result]);
  assert.deepEqual(done, [
    ['api-health', 'PASS'],
    ['high <cpu> & "more"', 'FAIL'],
    ['third', 'PASS'],
  ]);
  const quiet = await runChecks(yaml, { env: { ASSAY_LOG_LEVEL: 'off' } });
  assert.equal(quiet.err, '');
});

test('a summary goes to stderr when it is a terminal (and never when it is not)', { skip: spawnSync('script', ['--version']).status !== 0 && 'no script(1) for a pseudo-terminal' }, async () => {
  const piped = await runChecks(yaml, { env: { ASSAY_LOG_LEVEL: 'off' } });
  assert.equal(piped.err, '');
  const dir = tempDir('check-tty');
  writeFiles(dir, { 'checks.yaml': yaml }, 'utf8');
  // script(1) gives assay a terminal; stdout goes to a file, stderr stays on the terminal
  const child = spawn('script', ['-qec', `${assayBin} checks.yaml > report.json`, '/dev/null'], { cwd: dir, env: { ...process.env, ASSAY_LOG_LEVEL: 'off', NO_COLOR: '1' } });
  let tty = '';
  child.stdout.on('data', (d) => (tty += d));
  await new Promise((r) => child.on('close', r));
  const text = tty.replace(/\r/g, '').replace(/\d+ ms/g, 'N ms');
  assert.match(text, /^ {2}PASS {2}api-health {11} +N ms$/m);
  assert.match(text, /^ {2}FAIL {2}high <cpu> & "more" +N ms {2}expected 2xx, got 500$/m);
  assert.match(text, /^1 of 3 checks failed in N ms$/m);
  assert.doesNotMatch(text, /\x1b\[/);
});
