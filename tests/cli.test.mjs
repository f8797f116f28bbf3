// The command line: how scripts are started, what they see, and what a failure looks like.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAssay, tempDir } from './helpers.mjs';

const dir = tempDir('cli');

function script(name, text) {
  const file = join(dir, name);
  writeFileSync(file, text, 'latin1');
  return file;
}

/** Runs assay through the launcher (default) or `node bin/assay.js` (worker mode). */
const assay = (args, { input, worker = false } = {}) => runAssay(args, { cwd: dir, input, worker });

test('runs a script with `run` and without it', () => {
  script('hello.lua', 'print("hello", 1, 2.0)\n');
  assert.deepEqual(assay(['run', 'hello.lua']), { out: 'hello\t1\t2.0\n', err: '', status: 0 });
  assert.equal(assay(['hello.lua']).out, 'hello\t1\t2.0\n');
});

test('passes arguments as lua.c does: arg table and ...', () => {
  script('args.lua', 'print(arg[0], arg[1], arg[2], #arg, select("#", ...), ...)\n');
  assert.equal(assay(['run', 'args.lua', 'a', '--flag']).out, 'args.lua\ta\t--flag\t2\t2\ta\t--flag\n');
});

test('an uncaught error names the file and line, with a Lua traceback and exit code 1', () => {
  script('boom.lua', 'local function f()\n  error("boom")\nend\nf()\n');
  const r = assay(['run', 'boom.lua']);
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: boom\.lua:2: boom\nstack traceback:\n/);
  assert.match(r.err, /boom\.lua:4: in main chunk/);
  assert.doesNotMatch(r.err, /at .*\.m?js|node:internal/);
});

test('a syntax error is reported in Lua format with exit code 2 (a compile error, issue #13)', () => {
  script('bad.lua', 'x = = 1\n');
  assert.deepEqual(assay(['run', 'bad.lua']), { out: '', err: "assay: bad.lua:1: unexpected symbol near '='\n", status: 2 });
});

test('a missing script is a usage error (2), not a crash', () => {
  const r = assay(['run', 'nope.lua']);
  assert.equal(r.status, 2);
  assert.equal(r.err, 'assay: cannot open nope.lua: No such file or directory\n');
});

test('the shebang line is skipped and line numbers are kept', () => {
  script('shebang.lua', '#!/usr/bin/env assay\nprint("ok")\nerror("line three")\n');
  const r = assay(['shebang.lua']);
  assert.equal(r.out, 'ok\n');
  assert.match(r.err, /^assay: shebang\.lua:3: line three\n/);
});

test('-e runs a string of code; - reads the script from standard input', () => {
  assert.equal(assay(['-e', 'print(6 * 7)']).out, '42\n');
  assert.equal(assay(['-'], { input: 'print(...)\n' }).out, '\n');
  assert.equal(assay(['-', 'x', 'y'], { input: 'print(...)\n' }).out, 'x\ty\n');
});

test('output is byte-exact', () => {
  script('bytes.lua', 'io.write("\\xff\\0\\x80\\n") print("\\xe9t\\xe9")\n');
  const r = runAssay(['bytes.lua'], { cwd: dir, encoding: 'buffer' });
  assert.deepEqual([...r.out], [0xff, 0x00, 0x80, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]);
});

test('os.exit sets the exit status after flushing output', () => {
  script('exit.lua', 'print("before") os.exit(3)\n');
  assert.deepEqual(assay(['exit.lua']), { out: 'before\n', err: '', status: 3 });
});

test('--version and --help', () => {
  assert.match(assay(['--version']).out, /^assay \d+\.\d+\.\d+\n$/);
  assert.match(assay(['--help']).out, /Usage: assay/);
});

test('deep recursion runs in both execution modes, runaway recursion is a Lua error', () => {
  script(
    'deep.lua',
    'local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end\n' +
      'print(d(150000))\n' +
      'local function inf(n) return inf(n) + 1 end\n' +
      'print(pcall(inf, 1))\n',
  );
  const expected = '150000\nfalse\tdeep.lua:3: stack overflow\n';
  assert.equal(assay(['deep.lua']).out, expected);
  assert.equal(assay(['run', 'deep.lua'], { worker: true }).out, expected);
});
