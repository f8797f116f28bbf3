// Unattended runs (issue #13): run events as JSON lines on stderr with the json log format,
// the termination log, the documented exit codes, signals in worker mode, and colour rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assayBin, runAssay, tempDir, writeFiles } from './helpers.mjs';
import { runChecks } from './check/harness.mjs';

const dir = writeFiles(tempDir('events'), {
  'ok.lua': 'log.info("working", {step = 1})\nprint("data")\n',
  'fail.lua': 'local function connect()\n  error("database unreachable")\nend\nconnect()\n',
  'syntax.lua': 'local x = = 1\n',
  'exit7.lua': 'print("before")\nos.exit(7)\n',
  'exit-true.lua': 'os.exit(true)\n',
  'exit-false.lua': 'os.exit(false)\n',
  'colour.lua': 'log.warn("careful")\n',
});
const termLog = join(dir, 'termination-log');

/** Runs assay in `dir` with ASSAY_TERMINATION_LOG at a fresh temp path (unless env sets it). */
function assay(args, env = {}) {
  rmSync(termLog, { force: true });
  return runAssay(args, { cwd: dir, env: { ASSAY_TERMINATION_LOG: termLog, ASSAY_LOG_FORMAT: '', NO_COLOR: '', FORCE_COLOR: '', ...env } });
}

const jsonLines = (text) => text.trim().split('\n').map((l) => JSON.parse(l));
const events = (text) => jsonLines(text).filter((l) => l.fields.event !== undefined);
const termination = () => (existsSync(termLog) ? readFileSync(termLog, 'latin1') : null);

test('--log-format json: start and end events around the log lines, in the log builtin\'s shape', () => {
  const r = assay(['--log-format', 'json', 'ok.lua']);
  assert.equal(r.status, 0);
  assert.equal(r.out, 'data\n');
  const lines = jsonLines(r.err);
  for (const l of lines) {
    assert.deepEqual(Object.keys(l), ['time', 'level', 'message', 'fields']);
    assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  }
  assert.deepEqual(lines.map((l) => [l.level, l.message]), [['info', 'run started'], ['info', 'working'], ['info', 'run finished']]);
  const [start, , end] = lines;
  assert.deepEqual(Object.keys(start.fields), ['event', 'script', 'version', 'pid']);
  assert.equal(start.fields.script, 'ok.lua');
  assert.match(start.fields.version, /^\d+\.\d+\.\d+$/);
  assert.equal(typeof start.fields.pid, 'number');
  assert.equal(end.fields.event, 'end');
  assert.equal(end.fields.exit_code, 0);
  assert.ok(end.fields.duration_ms >= 0 && end.fields.duration_ms < 10_000);
  assert.equal(termination(), null, 'no termination log on success');
});

test('ASSAY_LOG_FORMAT=json does the same; an uncaught error is an event with its Lua traceback', () => {
  const r = assay(['run', 'fail.lua'], { ASSAY_LOG_FORMAT: 'json' });
  assert.equal(r.status, 1);
  const [start, error, end] = events(r.err);
  assert.equal(start.fields.event, 'start');
  assert.equal(error.level, 'error');
  assert.equal(error.message, 'fail.lua:2: database unreachable');
  assert.equal(error.fields.event, 'error');
  assert.match(error.fields.traceback, /^stack traceback:\n\t\[C\]: in function 'error'\n\tfail\.lua:2: in local 'connect'\n\tfail\.lua:4: in main chunk/);
  assert.deepEqual([end.level, end.fields.exit_code], ['error', 1]);
  assert.equal(termination(), 'fail.lua:2: database unreachable');
});

test('the human format: no events; the termination log is written on failure, and "" turns it off', () => {
  const r = assay(['fail.lua']);
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: fail\.lua:2: database unreachable\nstack traceback:\n/);
  assert.equal(termination(), 'fail.lua:2: database unreachable');
  const off = assay(['fail.lua'], { ASSAY_TERMINATION_LOG: '' });
  assert.equal(off.status, 1);
  assert.equal(termination(), null);
});

test('exit codes: 0 ok, 1 script error, 2 usage or compile error, os.exit(n) passes n through', () => {
  const status = (args) => assay(args).status;
  assert.equal(status(['ok.lua']), 0);
  assert.equal(status(['fail.lua']), 1);
  assert.equal(status(['syntax.lua']), 2);
  assert.equal(termination(), "syntax.lua:1: unexpected symbol near '='");
  assert.equal(status(['missing.lua']), 2);
  assert.equal(status(['--no-such-option']), 2);
  assert.equal(status(['--memory-limit', 'lots', 'ok.lua']), 2);
  assert.equal(status(['--log-format', 'xml', 'ok.lua']), 2);
  assert.equal(status(['exit7.lua']), 7);
  assert.equal(termination(), null, 'os.exit(n) has no message to leave');
  assert.equal(status(['exit-true.lua']), 0);
  assert.equal(status(['exit-false.lua']), 1);
  assert.equal(status(['-e', 'error("x")']), 1);
});

test('a compile error is an error event without traceback, and exit code 2', () => {
  const r = assay(['syntax.lua'], { ASSAY_LOG_FORMAT: 'json' });
  assert.equal(r.status, 2);
  const [, error, end] = events(r.err);
  assert.deepEqual([error.message, error.fields], ["syntax.lua:1: unexpected symbol near '='", { event: 'error' }]);
  assert.equal(end.fields.exit_code, 2);
});

test('os.exit(n) ends with an end event carrying n', () => {
  const r = assay(['exit7.lua'], { ASSAY_LOG_FORMAT: 'json' });
  assert.equal(r.status, 7);
  assert.equal(r.out, 'before\n');
  assert.deepEqual(events(r.err).map((e) => e.fields.event), ['start', 'end']);
  assert.equal(events(r.err)[1].fields.exit_code, 7);
});

test('ASSAY_RUN_EVENTS=0 keeps JSON log lines but no events, and the human error report', () => {
  const r = assay(['fail.lua'], { ASSAY_LOG_FORMAT: 'json', ASSAY_RUN_EVENTS: '0' });
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: fail\.lua:2: database unreachable\n/);
});

test('check mode\'s script checks still read the script\'s error with the json log format', async () => {
  const r = await runChecks('retries: 0\nchecks:\n  - name: raise\n    type: script\n    file: raise.lua\n', {
    files: { 'raise.lua': 'error("database unreachable")\n' },
    env: { ASSAY_LOG_FORMAT: 'json', ASSAY_TERMINATION_LOG: termLog },
  });
  assert.equal(r.status, 1);
  assert.equal(r.report.checks[0].message, 'raise.lua:1: database unreachable');
});

/** Starts `assay run FILE` in worker mode; sends `signals` once stdout shows "ready". */
function runSignalled(file, signals, env = {}) {
  rmSync(termLog, { force: true });
  return new Promise((resolve) => {
    const p = spawn(assayBin, ['run', file], { cwd: dir, env: { ...process.env, ASSAY_WORKER: '1', ASSAY_TERMINATION_LOG: termLog, ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
      if (signals.length && out.includes('ready')) signals.splice(0).forEach((s, i) => setTimeout(() => p.kill(s), i * 200));
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ out, err, code }));
  });
}

test('worker mode: SIGTERM gives 143 after <close> handlers ran, with events and the termination log', async () => {
  writeFiles(dir, {
    'term.lua': 'local guard <close> = setmetatable({}, {__close = function() print("cleaned up") end})\nprint("ready")\nsleep(30)\n',
  });
  const r = await runSignalled('term.lua', ['SIGTERM'], { ASSAY_LOG_FORMAT: 'json' });
  assert.equal(r.code, 143);
  assert.equal(r.out, 'ready\ncleaned up\n');
  const [, error, end] = events(r.err);
  assert.equal(error.message, 'interrupted (SIGTERM)');
  assert.equal(end.fields.exit_code, 143);
  assert.equal(termination(), 'interrupted (SIGTERM)');
});

test('worker mode: SIGINT gives 130', async () => {
  writeFiles(dir, { 'int.lua': 'print("ready")\nsleep(30)\n' });
  const r = await runSignalled('int.lua', ['SIGINT']);
  assert.equal(r.code, 130);
  assert.match(r.err, /^assay: interrupted \(SIGINT\)\n/);
});

test('worker mode: a program ended by a second signal still gets its end event and termination message', async () => {
  writeFiles(dir, { 'busy.lua': 'print("ready")\nio.stdout:flush()\nwhile true do end\n' });
  const r = await runSignalled('busy.lua', ['SIGTERM', 'SIGTERM'], { ASSAY_LOG_FORMAT: 'json' });
  assert.equal(r.code, 143);
  const evs = events(r.err);
  assert.deepEqual(evs.map((e) => e.fields.event), ['start', 'error', 'end']);
  assert.equal(evs[2].fields.exit_code, 143);
  assert.equal(termination(), 'SIGTERM: the program did not stop; ended');
});

test('colours only on a terminal, unless NO_COLOR; FORCE_COLOR forces them (NO_COLOR wins)', () => {
  const ESC = '\x1b[';
  assert.ok(!assay(['colour.lua']).err.includes(ESC), 'none when stderr is a pipe');
  assert.ok(assay(['colour.lua'], { FORCE_COLOR: '1' }).err.includes(ESC));
  assert.ok(!assay(['colour.lua'], { FORCE_COLOR: '0' }).err.includes(ESC));
  assert.ok(!assay(['colour.lua'], { FORCE_COLOR: '1', NO_COLOR: '1' }).err.includes(ESC));
  if (spawnSync('script', ['--version']).status !== 0) return;
  const tty = (env) =>
    spawnSync('script', ['-qfc', `${assayBin} colour.lua`, '/dev/null'], { cwd: dir, encoding: 'latin1', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm', ...env } }).stdout;
  assert.ok(tty({}).includes(ESC), 'colours on a terminal');
  assert.ok(!tty({ NO_COLOR: '1' }).includes(ESC), 'NO_COLOR turns them off');
  assert.ok(!tty({ TERM: 'dumb' }).includes(ESC), 'as TERM=dumb does');
});

const canUnshare = spawnSync('unshare', ['-fpr', '--mount-proc', 'true']).status === 0;

test('as process 1 (a container entrypoint): SIGTERM reaches the program, <close> runs, exit 143', { skip: !canUnshare && 'no PID namespaces here (unshare)' }, async () => {
  writeFiles(dir, { 'pid1.lua': 'local guard <close> = setmetatable({}, {__close = function() print("cleaned up") end})\nprint("ready")\nsleep(30)\n' });
  const r = await new Promise((resolve) => {
    const env = { ...process.env, ASSAY_WORKER: '', ASSAY_LOG_FORMAT: 'json', ASSAY_TERMINATION_LOG: '' };
    const p = spawn('unshare', ['-fpr', '--mount-proc', assayBin, 'run', 'pid1.lua'], { cwd: dir, env });
    let out = '';
    let err = '';
    let sent = false;
    p.stdout.on('data', (d) => {
      out += d;
      if (sent || !out.includes('ready')) return;
      sent = true;
      // the forked child of unshare is process 1 of the new namespace
      const child = Number(readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8').trim().split(' ')[0]);
      process.kill(child, 'SIGTERM');
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ out, err, code }));
  });
  assert.equal(r.code, 143);
  assert.equal(r.out, 'ready\ncleaned up\n');
  const [start, error, end] = events(r.err);
  assert.equal(start.fields.pid, 1);
  assert.equal(error.message, 'interrupted (SIGTERM)');
  assert.equal(end.fields.exit_code, 143);
});
