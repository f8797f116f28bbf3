// Check mode's script checks: a Lua file run in a fresh `assay run` per attempt, with the
// check's `env` seen by env.get only; passing, failing by assertion, raising, timing out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runChecks, startServer, reply } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer({ '/ready': (req, res) => reply(res, 200, { ready: true }) });
});
after(() => srv.close());

/** Waits (up to 3 s) until no process runs with `name` in its arguments. */
async function gone(name) {
  for (let i = 0; ; i++) {
    const procs = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    if (!procs.split('\n').some((l) => l.includes(name))) return;
    assert.ok(i < 30, `a ${name} process is still running`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const check = (name, file, extra = '') => `  - name: ${name}\n    type: script\n    file: ${file}\n${extra}`;

test('pass, fail by assertion, raise: messages are the script errors, without traceback', async () => {
  const r = await runChecks(
    'retries: 0\nchecks:\n' + check('ok', 'ok.lua') + check('assertion', 'assertion.lua') + check('raise', 'raise.lua') + check('syntax', 'syntax.lua') + check('table', 'table.lua'),
    {
      files: {
        'ok.lua': '#!/usr/bin/env assay\nlog.info("all good")\nprint("printed text")\nassert.eq(1 + 1, 2)\n',
        'assertion.lua': 'local n = 3\nassert.eq(n, 4)\n',
        'raise.lua': 'local function connect()\n  error("database unreachable")\nend\nconnect()\n',
        'syntax.lua': 'local x = = 1\n',
        'table.lua': 'error({code = 1})\n',
      },
    },
  );
  assert.equal(r.status, 1);
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.message, c.attempts]),
    [
      ['ok', true, null, 1],
      ['assertion', false, 'assertion.lua:2: assert.eq failed: "3" != "4"', 1],
      ['raise', false, 'raise.lua:2: database unreachable', 1],
      ['syntax', false, "syntax.lua:1: unexpected symbol near '='", 1],
      ['table', false, '(error object is a table value)', 1],
    ],
  );
  // what the scripts log and print goes to stderr; stdout holds only the report
  assert.match(r.err, /INFO all good\n/);
  assert.match(r.err, /^printed text$/m);
  assert.doesNotMatch(r.err, /stack traceback/);
  assert.doesNotMatch(r.err, /^assay: /m);
});

test('-v logs the traceback of a failing script at debug level', async () => {
  const r = await runChecks('retries: 0\nchecks:\n' + check('raise', 'raise.lua'), { args: ['-v'], files: { 'raise.lua': 'local t = nil\nlocal x = t.field\n' } });
  assert.match(r.report.checks[0].message, /^raise\.lua:2: attempt to index a nil value/);
  assert.match(r.err, /DEBUG script check error check=raise traceback="stack traceback:\\n\\traise\.lua:2: in main chunk/);
});

test('env overrides reach env.get only; the process environment is untouched', async () => {
  const script = [
    'assert.eq(env.get("TARGET"), "staging")',
    'assert.eq(env.get("PORT"), "8080")',
    'assert.eq(env.get("RATIO"), "1.0")',
    'assert.eq(env.get("SHARED"), "from-check")',
    'assert.eq(env._check_env.TARGET, "staging")',
    'assert(env._process_get("TARGET") == nil, "process env has TARGET")',
    'assert(os.getenv("TARGET") == nil, "os.getenv sees TARGET")',
    'assert.eq(os.getenv("SHARED"), "from-process")',
    'assert.eq(env.get("ONLY_PROCESS"), "p")',
    'assert(env.get("ASSAY_CHECK_ENV") == nil, "the hand-over variable is visible")',
  ].join('\n');
  const r = await runChecks('checks:\n' + check('env', 'env.lua', '    env:\n      TARGET: staging\n      PORT: 8080\n      RATIO: 1.0\n      SHARED: from-check\n') + check('plain', 'plain.lua'), {
    files: { 'env.lua': script, 'plain.lua': 'assert(env.get("TARGET") == nil)\nassert(next(env._check_env) == nil)\n' },
    env: { SHARED: 'from-process', ONLY_PROCESS: 'p' },
  });
  assert.equal(r.status, 0, r.out + r.err);
});

test('the file is relative to the working directory, not to the check file', async () => {
  const r = await runChecks('checks:\n' + check('rel', 'scripts/probe.lua'), {
    file: 'conf/checks.yaml',
    files: { 'scripts/probe.lua': 'log.info("found")\n' },
  });
  assert.equal(r.status, 0, r.out + r.err);
  const missing = await runChecks('retries: 0\nchecks:\n' + check('missing', 'nope.lua'));
  assert.equal(missing.report.checks[0].message, 'failed to read Lua script "nope.lua": No such file or directory (os error 2)');
});

test('a script check can use every builtin, async ones included', async () => {
  const script = [
    'local h = async.spawn(function() sleep(0.01); return 42 end)',
    'assert.eq(h:await()[1], 42)',
    `local res = http.get("${srv.url}/ready")`,
    'assert.eq(res.status, 200)',
    'assert.eq(json.parse(res.body).ready, true)',
    'local mock = http.listen(0, { GET = { ["/ping"] = function() return { body = "pong" } end } })',
    'assert.eq(http.get("http://127.0.0.1:" .. mock.port .. "/ping").body, "pong")',
    'mock:close()',
  ].join('\n');
  const r = await runChecks('checks:\n' + check('async', 'async.lua'), { files: { 'async.lua': script } });
  assert.equal(r.status, 0, r.out + r.err);
});

test('each attempt is a fresh runtime; exit statuses without a message', async () => {
  // fails on the first attempt (a counter file), passes on the second; globals do not survive
  const flaky = ['assert(_G.seen == nil, "state survived")', '_G.seen = true', 'local n = tonumber(fs.exists("n") and fs.read("n") or "0") + 1', 'fs.write("n", tostring(n))', 'if n < 2 then error("not yet: " .. n) end'].join('\n');
  const r = await runChecks('retries: 2\nbackoff: 0ms\nchecks:\n' + check('flaky', 'flaky.lua') + check('exit3', 'exit3.lua') + check('exit0', 'exit0.lua', '    retries: 0\n'), {
    files: { 'flaky.lua': flaky, 'exit3.lua': 'os.exit(3)\n', 'exit0.lua': 'os.exit(0)\nerror("not reached")\n' },
  });
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.message, c.attempts]),
    [
      ['flaky', true, null, 2],
      ['exit3', false, 'script exited with status 3', 3],
      ['exit0', true, null, 1],
    ],
  );
  assert.match(r.err, /check failed, retrying check=flaky attempt=1 of=3 message="flaky\.lua:5: not yet: 1"/);
});

test('a check timeout kills a script that never ends', async () => {
  const r = await runChecks('retries: 1\nbackoff: 0ms\nchecks:\n' + check('spin', 'check-spin-forever.lua', '    timeout: 500ms\n') + check('after', 'after.lua'), {
    files: { 'check-spin-forever.lua': 'while true do end\n', 'after.lua': 'log.info("after ran")\n' },
  });
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.message, c.attempts]),
    [
      ['spin', false, 'check timed out after 500ms', 2],
      ['after', true, null, 1],
    ],
  );
  await gone('check-spin-forever.lua');
});

test('the global timeout ends a running script', async () => {
  const r = await runChecks('timeout: 1s\nchecks:\n' + check('spin', 'check-spin-global.lua'), { files: { 'check-spin-global.lua': 'while true do end\n' } });
  assert.deepEqual(r.report.checks.map((c) => [c.passed, c.message, c.duration_ms]), [[false, 'global timeout of 1s exceeded', 0]]);
  await gone('check-spin-global.lua');
});
