// The REPL (issue #13): `assay -i` / `assay repl` driven through piped standard input, and
// `assay` alone on a pseudo-terminal (script(1)): expression printing, continuation lines,
// errors without leaving, one state across inputs, builtins, require and waits, -i after a
// script, history, Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assayBin, runAssay, tempDir, writeFiles } from './helpers.mjs';

const dir = writeFiles(tempDir('repl'), {
  'greet.lua': 'local M = {}\nfunction M.hello(who) return "hello " .. who end\nreturn M\n',
  'setup.lua': 'print("setup", arg[0], ...)\nready = 42\nlocal hidden = 1\n',
  'fails.lua': 'error("setup failed")\n',
});

const BANNER = /^assay \d+\.\d+\.\d+ \(Lua 5\.4\)\n/;

/** `assay ARGS` with `lines` on standard input; stdout without the banner. */
function repl(lines, args = ['-i'], env = {}) {
  const r = runAssay(args, { cwd: dir, input: lines.join('\n') + '\n', env: { ASSAY_HISTORY: '', ...env } });
  assert.match(r.out, BANNER);
  return { ...r, out: r.out.replace(BANNER, '') };
}

test('expressions print their values: bare, `= expr`, several, nil; statements print nothing', () => {
  const r = repl(['1 + 1', '= 2 * 3', '"a", nil, 3', 'x = 5', 'x', 'return x, x * 2', 'nil', 'print("said")']);
  assert.equal(r.out, '> 2\n> 6\n> a\tnil\t3\n> > 5\n> 5\t10\n> nil\n> said\n> \n');
  assert.equal(r.err, '');
  assert.equal(r.status, 0);
});

test('an incomplete statement continues on the next line, with the >> prompt', () => {
  const r = repl(['function f(n)', '  return n * 2', 'end', 'f(21)', 'for i = 1, 2 do', 'print(i)', 'end', 't = {', '1,', '}', '#t']);
  assert.equal(r.out, '> >> >> > 42\n> >> >> 1\n2\n> >> >> > 1\n> \n');
});

test('errors are reported with a traceback and the session goes on', () => {
  const r = repl(['error("boom")', 'x = = 1', 'local function g() error({}) end g()', 'print("still here")']);
  assert.equal(r.out, '> > > > still here\n> \n');
  assert.equal(r.status, 0);
  assert.match(r.err, /^stdin:1: boom\nstack traceback:\n\t\[C\]: in function 'error'\n\tstdin:1: in main chunk\n\t\[C\]: in \?\n/);
  assert.match(r.err, /\nstdin:1: unexpected symbol near '='\n/);
  assert.match(r.err, /\n\(error object is a table value\)\nstack traceback:\n\t\[C\]: in function 'error'\n\tstdin:1: in local 'g'/);
});

test('one Lua state: globals persist across inputs, locals do not (as lua -i)', () => {
  const r = repl(['counter = 1', 'counter = counter + 1', 'counter', 'local y = 5', 'y']);
  assert.equal(r.out, '> > > 2\n> > nil\n> \n');
});

test('builtins, require and waits work', () => {
  const r = repl(['require("greet").hello("ops")', 'sleep(0.05) print("slept")', 'json.encode({1, 2})', 'math.type(time())']);
  assert.equal(r.out, '> hello ops\n> slept\n> [1,2]\n> float\n> \n');
  assert.equal(r.err, '');
});

test('http.get waits for its answer inside the REPL', async () => {
  const server = createServer((req, res) => res.end('pong'));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const out = await new Promise((resolve) => {
    const p = spawn(assayBin, ['repl'], { cwd: dir, env: { ...process.env, ASSAY_HISTORY: '' } });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('close', () => resolve(text));
    p.stdin.end(`http.get("${url}").body\n`);
  });
  server.close();
  assert.equal(out.replace(BANNER, ''), '> pong\n> \n');
});

test('an incomplete statement at the end of input is reported', () => {
  const r = repl(['if true then']);
  assert.equal(r.out, '> >> \n');
  assert.equal(r.err, "stdin:1: 'end' expected near <eof>\n");
});

test('-i runs the script (and -e code) first, in the same state, then the prompt', () => {
  const r = repl(['ready', 'hidden'], ['-e', 'pre = "e"', '-i', 'setup.lua', 'a', 'b']);
  assert.equal(r.out, 'setup\tsetup.lua\ta\tb\n> 42\n> nil\n> \n');
  const e = repl(['pre'], ['-e', 'pre = "from -e"', '-i']);
  assert.equal(e.out, '> from -e\n> \n');
});

test('a failing script ends the program before the prompt, as lua -i', () => {
  const r = runAssay(['-i', 'fails.lua'], { cwd: dir, input: 'print("never")\n' });
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: fails\.lua:1: setup failed\n/);
  assert.doesNotMatch(r.out, /never/);
});

test('os.exit(n) leaves the REPL with status n', () => {
  const r = repl(['print("bye")', 'os.exit(3)', 'print("not reached")']);
  assert.equal(r.out, '> bye\n> ');
  assert.equal(r.status, 3);
});

test('`assay` alone with standard input not a terminal runs it as a script (as lua)', () => {
  const r = runAssay([], { cwd: dir, input: 'print("from stdin", select("#", ...))\n' });
  assert.deepEqual(r, { out: 'from stdin\t0\n', err: '', status: 0 });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs `assay ARGS` on a pseudo-terminal, typing `keys` ([text, delay ms] pairs). */
function onTerminal(args, keys, env = {}) {
  return new Promise((resolve) => {
    const p = spawn('script', ['-qfc', [assayBin, ...args].join(' '), '/dev/null'], { cwd: dir, env: { ...process.env, TERM: 'xterm', ...env } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ out: out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''), code }));
    let at = 1000;
    for (const [text, delay] of keys) {
      at += delay;
      setTimeout(() => p.stdin.write(text), at);
    }
    setTimeout(() => p.kill(), at + 10_000).unref();
  });
}

test('on a terminal: `assay` alone starts the REPL, keeps history, Ctrl-C interrupts a wait', { skip: !hasScript && 'no script(1) for a pseudo-terminal' }, async () => {
  const hist = join(tempDir('repl-hist'), 'history');
  const r = await onTerminal(
    [],
    [
      ['x = 41\r', 0],
      ['x + 1\r', 300],
      ['sleep(30)\r', 300],
      ['\x03', 800],
      ['print("after")\r', 500],
      ['typed then dropped\x03', 300],
      ['\x04', 300],
    ],
    { ASSAY_HISTORY: hist },
  );
  assert.equal(r.code, 0);
  assert.match(r.out, /^assay \d+\.\d+\.\d+ \(Lua 5\.4\)/);
  assert.match(r.out, /\r\n42\r\n/);
  assert.match(r.out, /interrupted \(SIGINT\)\r\nstack traceback:/);
  assert.match(r.out, /\r\nafter\r\n/);
  assert.ok(existsSync(hist), 'history file written');
  assert.deepEqual(readFileSync(hist, 'utf8').split('\n'), ['x = 41', 'x + 1', 'sleep(30)', 'print("after")', '']);
});

test('on a terminal: a second Ctrl-C abandons a busy evaluation for a fresh state', { skip: !hasScript && 'no script(1) for a pseudo-terminal' }, async () => {
  const r = await onTerminal(['repl'], [['kept = 1\r', 0], ['while true do end\r', 300], ['\x03', 500], ['\x03', 300], ['kept\r', 800], ['\x04', 300]], { ASSAY_HISTORY: '' });
  assert.equal(r.code, 0);
  assert.match(r.out, /assay: evaluation abandoned \(Ctrl-C twice\); starting a new Lua state/);
  assert.match(r.out, /> kept\r+\nnil\r\n/);
});
