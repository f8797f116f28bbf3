// `assay check FILE.lua...` (issue #13): compile without running, every error as
// file:line:col: message; lint warnings behind --warnings; exit 1 on errors (and with
// --strict on warnings), 2 for unreadable files and usage errors; YAML check files still
// run check mode. Also the speed figure for a pre-commit hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, runAssay, tempDir, writeFiles } from './helpers.mjs';

const dir = writeFiles(tempDir('lint'), {
  'ok.lua': '#!/usr/bin/env assay\nlocal x = 1\nprint(x)\n',
  'syntax.lua': 'local a = 1\nprint(a)\nlocal b = = 2\n',
  'unclosed.lua': 'if ready then\n  print("x")\n',
  'string.lua': 'local s = "abc\nprint(s)\n',
  'const.lua': 'local k <const> = 1\nk = 2\nlocal function f()\n  k = 3\nend\nf()\nfor i = 1, 3 do i = 5 end\nfor key, v in pairs({}) do v = key end\n',
  'global.lua': 'global print, declared\ndeclared = 1\n  undeclared = 2\nprint(unknown)\n',
  'goto.lua': 'do\n  goto nowhere\nend\n',
  'break.lua': 'print(1)\nbreak\n',
  'close.lua': 'local a <close>, b <close> = nil, nil\n',
  'crossing.lua': 'do\n  local c <close> = nil\n  goto b\n  ::a::\n  ::b::\n  if x then goto a end\nend\n',
  'warn.lua': [
    'local unused = 1',
    'counter = 0',
    'local x = 1',
    'do',
    '  local x = 2',
    '  print(x)',
    'end',
    'local function helper() end',
    'for _, v in ipairs({}) do print(v) end',
    'print = print',
    'local _ignored = 3',
    '_ = 4',
    'function handler(a, b) return a end',
    'local y <close> = nil',
    'local z = 1',
    'z = 2',
    'global declared_global',
    'declared_global = 1',
    '',
  ].join('\n'),
  'clean-warn.lua': 'local M = {}\nfunction M.f(n) return n + 1 end\nreturn M\n',
  'checks.yaml': 'checks: []\n',
});
writeFiles(dir, { 'utf8.lua': 'x = 1 "\u00e9t\u00e9"\n' }, 'utf8');

const check = (args, opts = {}) => runAssay(['check', ...args], { cwd: dir, ...opts });
const lines = (out) => out.split('\n').filter((l) => l !== '');

test('a clean file: no output, exit 0', () => {
  assert.deepEqual(check(['ok.lua']), { out: '', err: '', status: 0 });
});

test('syntax errors: file:line:col: Lua\'s message, one per file (the parser stops at the first)', () => {
  const r = check(['syntax.lua', 'unclosed.lua', 'string.lua']);
  assert.equal(r.status, 1);
  assert.deepEqual(lines(r.out), [
    "syntax.lua:3:11: unexpected symbol near '='",
    "unclosed.lua:3:1: 'end' expected (to close 'if' at line 1) near <eof>",
    'string.lua:1:15: unfinished string near \'"abc\'',
  ]);
  assert.equal(r.err, '');
});

test('compile-time errors: every const assignment and undeclared name, with columns', () => {
  const r = check(['const.lua', 'global.lua']);
  assert.equal(r.status, 1);
  assert.deepEqual(lines(r.out), [
    "const.lua:2:1: attempt to assign to const variable 'k'",
    "const.lua:4:3: attempt to assign to const variable 'k'",
    "const.lua:7:17: attempt to assign to const variable 'i'",
    "global.lua:3:3: variable 'undeclared' not declared",
    "global.lua:4:7: variable 'unknown' not declared",
  ]);
});

test('goto and break rules, and two <close> variables in one local', () => {
  const r = check(['goto.lua', 'break.lua', 'close.lua']);
  assert.equal(r.status, 1);
  assert.deepEqual(lines(r.out), [
    // (Lua reports a missing label where its block ends)
    "goto.lua:4:1: no visible label 'nowhere' for <goto> at line 2",
    'break.lua:3:1: break outside loop at line 2',
    'close.lua:1:29: multiple to-be-closed variables in local list',
  ]);
});

test('what only the compiler can judge is left to it: crossing gotos in a block with a <close> variable', () => {
  const r = check(['crossing.lua']);
  assert.equal(r.status, 1);
  assert.equal(r.out, 'crossing.lua:2:3: a block with both goto jumps across labels and a <close> variable is not supported\n');
});

test('the messages agree with what a run reports', () => {
  for (const f of ['syntax.lua', 'const.lua', 'goto.lua']) {
    const run = runAssay(['run', f], { cwd: dir });
    const first = lines(check([f]).out)[0].replace(/^([^:]+:\d+):\d+:/, '$1:');
    assert.equal(run.err, `assay: ${first}\n`);
    assert.equal(run.status, 2);
  }
});

test('--warnings: undeclared global assigned, unused local, shadowed local; warnings alone exit 0', () => {
  const r = check(['--warnings', 'warn.lua', 'clean-warn.lua', 'ok.lua']);
  assert.equal(r.status, 0);
  assert.deepEqual(lines(r.out), [
    "warn.lua:1:7: warning: unused local 'unused' [unused-local]",
    "warn.lua:2:1: warning: assignment to undeclared global 'counter' (make it local, or declare it with 'global counter') [global-assign]",
    "warn.lua:3:7: warning: unused local 'x' [unused-local]",
    "warn.lua:5:9: warning: local 'x' shadows the local of the same name on line 3 [shadowed-local]",
    "warn.lua:8:16: warning: unused local function 'helper' [unused-local]",
    "warn.lua:13:10: warning: assignment to undeclared global 'handler' (make it local, or declare it with 'global handler') [global-assign]",
    "warn.lua:15:7: warning: unused local 'z' [unused-local]",
  ]);
  // without --warnings, nothing to say
  assert.deepEqual(check(['warn.lua']), { out: '', err: '', status: 0 });
});

test('--strict: warnings fail the check', () => {
  assert.equal(check(['--strict', 'warn.lua']).status, 1);
  assert.equal(check(['--strict', 'clean-warn.lua', 'ok.lua']).status, 0);
});

test('every file is checked; an unreadable one is reported on stderr and gives 2', () => {
  const r = check(['syntax.lua', 'missing.lua', 'const.lua']);
  assert.equal(r.status, 2);
  assert.equal(r.err, 'assay: cannot open missing.lua: No such file or directory\n');
  assert.deepEqual(lines(r.out).map((l) => l.split(':')[0]), ['syntax.lua', 'const.lua', 'const.lua', 'const.lua']);
});

test('standard input, and the source\'s bytes shown as UTF-8', () => {
  const r = check(['-'], { input: 'x = = 1\n' });
  assert.deepEqual([r.out, r.status], ["stdin:1:5: unexpected symbol near '='\n", 1]);
  // (columns count bytes, as Lua's do)
  assert.equal(check(['utf8.lua'], { encoding: 'utf8' }).out, 'utf8.lua:1:7: unexpected symbol near \'"\u00e9t\u00e9"\'\n');
});

test('a directory is checked as its *.lua files', () => {
  const sub = writeFiles(join(dir, 'tree'), { 'a.lua': 'x = = 1\n', 'b/c.lua': 'local k <const> = 1\nk = 2\n', 'notes.txt': 'not lua\n' });
  const r = runAssay(['check', 'tree'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.deepEqual(lines(r.out), ["tree/a.lua:1:5: unexpected symbol near '='", "tree/b/c.lua:2:1: attempt to assign to const variable 'k'"]);
  assert.ok(sub);
});

test('YAML files still run check mode; mixing them with Lua files is a usage error', () => {
  const yaml = check(['checks.yaml']);
  assert.equal(yaml.status, 0);
  assert.equal(JSON.parse(yaml.out).passed, true);
  const mixed = check(['ok.lua', 'checks.yaml']);
  assert.equal(mixed.status, 2);
  assert.match(mixed.err, /YAML check files or Lua files, not both/);
  assert.equal(check(['--format', 'junit', 'ok.lua']).status, 2);
  assert.equal(check(['--warnings', 'checks.yaml']).status, 2);
});

test('100 files of ~200 lines are checked, and -v reports how many lines and how long', (t) => {
  // the installed stdlib modules, repeated to 100 files (about 19,000 lines)
  const stdlib = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.lua') && stdlib.push(join(d, e.name))));
  walk(join(root, 'stdlib'));
  stdlib.sort();
  const bench = join(tempDir('lint-bench'), 'files');
  mkdirSync(bench);
  for (let i = 0; i < 100; i++) copyFileSync(stdlib[i % stdlib.length], join(bench, `f${i}.lua`));
  const r = runAssay(['check', '-v', '--warnings', bench]);
  assert.notEqual(r.status, 2, r.err);
  const m = /^assay: checked 100 files \((\d+) lines\) in (\d+) ms: 0 errors, \d+ warnings?\n$/.exec(r.err);
  assert.ok(m, r.err);
  assert.ok(Number(m[1]) > 10000, `${m[1]} lines`);
  // (the time is a figure to read, not a bound: 350-750 ms on a 2-core machine, over 2 s
  // when the machine is busy)
  t.diagnostic(`100 files, ${m[1]} lines: ${m[2]} ms`);
});
