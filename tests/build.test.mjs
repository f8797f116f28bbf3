// `assay build`: a script, the modules it requires and the runtime in one JavaScript file that
// runs with plain `node` (no node_modules, no Lua files, no ASSAY_LIB_PATH, no environment)
// and behaves as `assay run` of the same script: output, arg, exit codes, and error reports
// with the original file names and lines. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { assayBin, root, runAssay, tempDir, writeFiles } from './helpers.mjs';

/** the stdlib installed with assay: searched after ASSAY_LIB_PATH */
const stdlib = join(root, 'stdlib');

// where scripts are written and built, the ASSAY_LIB_PATH directory, and where built files run
const src = tempDir('build-src');
const libdir = join(src, 'alib');
const empty = tempDir('build-run');

const write = (rel, text) => writeFiles(src, { [rel]: text });

const result = (r) => ({ out: r.stdout, err: r.stderr, status: r.status });

/** `assay build ARGS` in the source directory, with the lib directory on ASSAY_LIB_PATH. */
const build = (args, env = {}) => runAssay(['build', ...args], { cwd: src, env: { ASSAY_LIB_PATH: libdir, ...env } });

/** `assay run SCRIPT ARGS` in the source directory: what a built file must reproduce. */
const assayRun = (script, args = []) => runAssay(['run', script, ...args], { cwd: src, env: { ASSAY_LIB_PATH: libdir }, timeout: 30000 });

/** Builds SCRIPT into OUT, copies only OUT into `dir` (default: the empty directory). */
function built(script, out, args = [], dir = empty) {
  const b = build([script, '-o', out, ...args]);
  assert.equal(b.status, 0, b.err);
  copyFileSync(join(src, out), join(dir, out));
  return join(dir, out);
}

/** `node FILE ARGS` with no environment at all, in the empty directory. */
function node(file, args = [], { env = {}, cwd = empty } = {}) {
  return result(spawnSync(process.execPath, [file, ...args], { cwd, env, encoding: 'latin1', timeout: 30000 }));
}

write('helper.lua', `local M = {}
function M.greet(n) return "hello " .. n end
function M.fail(x)
  local t = nil
  return t.field + x
end
function M.checked(x) if x == nil then error("x expected", 2) end return x end
return M
`);
write('lib/util.lua', `local fake = require "assay.fake"
local M = { fake = fake }
function M.twice(x) return x * 2 end
return M
`);
write('alib/fake.lua', `local sub = require('assay.fake.sub')
return { name = "fake", sub = sub }
`);
write('alib/fake/sub.lua', `local M = { answer = 42 }
function M.deep()
  error("deep trouble")
end
return M
`);
write('job.lua', `local helper = require("helper")
local util = require "lib.util"
local fake = require('assay.fake')
local mode = ...
print(helper.greet("world"), util.twice(21), fake.name, fake.sub.answer)
print("args", arg[0], #arg, select("#", ...), ...)
if mode == "module-error" then helper.fail(1)
elseif mode == "lib-error" then fake.sub.deep()
elseif mode == "builtin-error" then string.rep()
elseif mode == "levels" then
  print(pcall(string.rep))
  print(pcall(string.rep, "x", {}))
  print(pcall(function() helper.checked(nil) end))
  print(pcall(function() local t = nil; return t.x end))
  print(pcall(function() return ("x"):nope() end))
  print(pcall(setmetatable, 1))
  print(pcall(function() return #helper.greet end))
  print(pcall(error, "level 1", 1))
  print(pcall(error, "level 2", 2))
  print(pcall(function() error("in a function", 1) end))
  print(pcall(function() error({}) end))
  print(pcall(function() util.twice({}) end))
  print(pcall(function() return ("x"):rep(1e10) end))
elseif mode == "exit" then io.write("bye\\n") os.exit(7)
end
`);

test('the built file runs alone and prints what `assay run` prints', () => {
  const file = built('job.lua', 'job.js');
  const b = build(['job.lua', '-o', 'job.js']);
  assert.match(b.err, /^assay build: wrote job\.js \(\d+ KB\): job\.lua \+ helper, lib\.util, assay\.fake, assay\.fake\.sub\n$/);
  assert.ok(statSync(file).mode & 0o100, 'executable');
  assert.ok(!existsSync(join(empty, 'node_modules')));
  const expected = assayRun('job.lua', ['a', 'b c']);
  assert.equal(expected.status, 0, expected.err);
  assert.deepEqual(node(file, ['a', 'b c']), expected);
  assert.equal(expected.out, 'hello world\t42\tfake\t42\nargs\tjob.lua\t2\t2\ta\tb c\n');
});

test('an error in a bundled module names its Lua file and line, with a traceback', () => {
  const file = built('job.lua', 'job.js');
  for (const mode of ['module-error', 'lib-error']) {
    const r = node(file, [mode]);
    assert.deepEqual(r, assayRun('job.lua', [mode]));
    assert.equal(r.status, 1);
  }
  const r = node(file, ['module-error']);
  assert.match(r.err, /^assay: \.\/helper\.lua:5: attempt to index a nil value \(local 't'\)\nstack traceback:\n\t\.\/helper\.lua:5: in function 'helper\.fail'\n\tjob\.lua:7: in main chunk\n/);
  const deep = node(file, ['lib-error']);
  assert.ok(deep.err.startsWith(`assay: ${join(libdir, 'fake', 'sub.lua')}:3: deep trouble\nstack traceback:\n`), deep.err);
});

test('errors raised by builtins read as under `assay run`: messages, argument names, levels', () => {
  const file = built('job.lua', 'job.js');
  const rep = node(file, ['builtin-error']);
  assert.deepEqual(rep, assayRun('job.lua', ['builtin-error']));
  assert.match(rep.err, /^assay: job\.lua:9: bad argument #1 to 'rep' \(string expected, got no value\)\n/);
  const levels = node(file, ['levels']);
  assert.deepEqual(levels, assayRun('job.lua', ['levels']));
  assert.match(levels.out, /\nfalse\tjob\.lua:13: x expected\n/);
  assert.match(levels.out, /\nfalse\t\.\/lib\/util\.lua:3: attempt to perform arithmetic on a table value \(local 'x'\)\n/);
});

test('exit codes: os.exit(n) after flushing output', () => {
  const file = built('job.lua', 'job.js');
  const r = node(file, ['exit']);
  assert.equal(r.status, 7);
  assert.match(r.out, /bye\n$/);
  assert.deepEqual(r, assayRun('job.lua', ['exit']));
});

write('sched.lua', `local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) error("in co " .. b) end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, "x"))
print(coroutine.status(co))
sleep(0.02)
local hs = {}
for i = 1, 5 do hs[i] = async.spawn(function() sleep(0.01 * i) coroutine.yield() return i * i end) end
local sum = 0
for i = 1, 5 do sum = sum + hs[i]:await()[1] end
print("sum", sum)
local t = async.spawn(function() sleep(0.01) error("task failed") end)
print(pcall(t.await, t))
`);

test('coroutines, sleep and async.spawn work in the built file', () => {
  const file = built('sched.lua', 'sched.js');
  const r = node(file);
  assert.deepEqual(r, assayRun('sched.lua'));
  assert.match(r.out, /^1\t2\t3\ntrue\t2\nfalse\tsched\.lua:3: in co x\ndead\n.*sum\t55\n/s);
});

write('deep.lua', `local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end
print(d(tonumber(arg[1])))
error("after")
`);

test('ASSAY_WORKER=1 runs the program in a worker thread, with the deep stack', () => {
  const file = built('job.lua', 'job.js');
  for (const mode of ['', 'module-error', 'builtin-error', 'exit']) {
    assert.deepEqual(node(file, [mode], { env: { ASSAY_WORKER: '1' } }), node(file, [mode]), mode);
  }
  const deep = built('deep.lua', 'deep.js');
  const r = node(deep, ['150000'], { env: { ASSAY_WORKER: '1' } });
  assert.equal(r.out, '150000\n');
  assert.match(r.err, /^assay: deep\.lua:3: after\n/);
  assert.equal(r.status, 1);
});

test('--deep-stack: always a worker thread with the deep stack; without it, Node\'s stack', () => {
  const deep = built('deep.lua', 'deep-stack.js', ['--deep-stack']);
  assert.equal(node(deep, ['150000']).out, '150000\n');
  // main thread, default stack: deep recursion ends with Lua's catchable error
  const plain = built('deep.lua', 'deep.js');
  assert.match(node(plain, ['1000000']).err, /^assay: deep\.lua:1: stack overflow\n/);
});

test('the I/O worker starts from code embedded in the built file', () => {
  built('sched.lua', 'io.js');
  writeFileSync(
    join(empty, 'io-check.cjs'),
    `const rt = require('./io.js').runtime();
const id = rt.exec.ioSubmit('echo', ['a', 2]);
const events = [];
const end = Date.now() + 10000;
while (!events.some((e) => e.kind !== 'event') && Date.now() < end) events.push(...rt.exec.ioWait(1000));
console.log(JSON.stringify(events.map((e) => [e.id === id, e.kind, e.value])));
`,
  );
  const r = node(join(empty, 'io-check.cjs'));
  assert.deepEqual(r, { out: '[[true,"done",["a",2]]]\n', err: '', status: 0 });
});

test('a literal require that cannot be found fails the build and lists what was tried', () => {
  write('missing.lua', 'local ok = true\nlocal m = require "nope"\nrequire("nope")\nrequire("assay.nope.sub")\n');
  const r = build(['missing.lua', '-o', 'missing.js']);
  assert.equal(r.status, 1);
  assert.equal(
    r.err,
    "assay build: missing.lua:2: module 'nope' not found:\n\tno file './nope.lua'\n\tno file './nope/init.lua'\n" +
      "missing.lua:4: module 'assay.nope.sub' not found:\n\tno file './assay/nope/sub.lua'\n\tno file './assay/nope/sub/init.lua'\n" +
      `\tno file '${join(libdir, 'nope/sub/init.lua')}'\n\tno file '${join(libdir, 'nope/sub.lua')}'\n\tno file '${join(libdir, 'nope.sub.lua')}'\n` +
      // (then the stdlib installed with assay, searched after ASSAY_LIB_PATH)
      `\tno file '${join(stdlib, 'nope/sub/init.lua')}'\n\tno file '${join(stdlib, 'nope/sub.lua')}'\n\tno file '${join(stdlib, 'nope.sub.lua')}'\n`,
  );
  assert.ok(!existsSync(join(src, 'missing.js')));
  // a module with a syntax error fails it too, as it would fail the run
  write('broken.lua', 'local x = = 1\n');
  write('usesbroken.lua', 'require "broken"\n');
  assert.deepEqual(build(['usesbroken.lua']), { out: '', err: "assay build: ./broken.lua:1: unexpected symbol near '='\n", status: 1 });
});

test('requires that are not literal, or not of the global require, are left to run time', () => {
  write('dynamic.lua', `local name = "help" .. "er"
local require2 = require
print(require2("helper").greet("x"))
local ok, m = pcall(require, name)
print(ok, type(m))
do local require = function(n) return n end print(require("not-a-module")) end
`);
  const b = build(['dynamic.lua', '-o', 'dynamic.js']);
  assert.equal(b.status, 0, b.err);
  assert.match(b.err, /: dynamic\.lua \+ helper\n$/);
  copyFileSync(join(src, 'dynamic.js'), join(empty, 'dynamic.js'));
  // `helper` is embedded and found first, wherever the file runs
  assert.equal(node(join(empty, 'dynamic.js')).out, 'hello x\ntrue\ttable\nnot-a-module\n');
});

test('--include forces modules in; globs match the modules of the lib directories', () => {
  write('plugin.lua', 'local m = require("assay." .. arg[1])\nprint(m.name or m.answer)\n');
  const file = built('plugin.lua', 'plugin.js', ['--include', 'assay.fake*']);
  assert.equal(node(file, ['fake']).out, 'fake\n');
  assert.equal(node(file, ['fake.sub']).out, '42\n');
  const one = built('plugin.lua', 'plugin-one.js', ['--include', 'assay.fake.sub']);
  assert.equal(node(one, ['fake.sub']).out, '42\n');
  assert.match(node(one, ['fake']).err, /^assay: plugin\.lua:1: module 'assay\.fake' not found:/);
  const none = build(['plugin.lua', '--include', 'assay.zz*']);
  assert.equal(none.status, 1);
  assert.equal(none.err, `assay build: --include assay.zz*: no module matches in ${libdir}, ${stdlib}\n`);
});

test('--minify makes the file smaller and keeps Lua positions and builtin names', () => {
  // (the I/O worker and the third-party libraries are compressed either way: minifying the
  // rest still saves over a fifth)
  const plain = built('job.lua', 'job.js');
  const min = built('job.lua', 'job-min.js', ['--minify']);
  assert.ok(statSync(min).size < statSync(plain).size * 0.85, `${statSync(min).size} vs ${statSync(plain).size}`);
  for (const mode of ['', 'module-error', 'lib-error', 'builtin-error', 'levels']) assert.deepEqual(node(min, [mode]), node(plain, [mode]), mode);
});

test('--sourcemap embeds the runtime\'s source maps', () => {
  const file = built('job.lua', 'job-map.js', ['--sourcemap']);
  const text = readFileSync(file, 'latin1');
  assert.match(text, /sourceMappingURL=data:application\/json;charset=utf-8;base64,/);
  assert.deepEqual(node(file, ['module-error']), assayRun('job.lua', ['module-error']));
});

test('the built file also runs where package.json says "type": "module"', () => {
  const dir = tempDir('build-esm');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const file = built('job.lua', 'job.js', [], dir);
  assert.deepEqual(node(file, ['module-error'], { cwd: dir }), assayRun('job.lua', ['module-error']));
});

const hasPostject = (() => {
  try {
    createRequire(join(root, 'package.json')).resolve('postject');
    return true;
  } catch {
    return false;
  }
})();

test('--exe writes a single executable (Node SEA)', { skip: !hasPostject && 'needs the postject package' }, () => {
  const b = build(['job.lua', '--exe', '-o', 'job-exe']);
  assert.equal(b.status, 0, b.err);
  copyFileSync(join(src, 'job-exe'), join(empty, 'job-exe'));
  const exe = join(empty, 'job-exe');
  spawnSync('chmod', ['755', exe]);
  for (const mode of ['', 'module-error', 'builtin-error']) {
    assert.deepEqual(result(spawnSync(exe, [mode], { cwd: empty, env: {}, encoding: 'latin1' })), assayRun('job.lua', [mode]));
  }
});

/** Median wall time of `cmd args` over n runs, in ms. */
function median(cmd, args, opts, n = 9) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    const r = spawnSync(cmd, args, opts);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
    assert.equal(r.status, 0, String(r.stderr));
  }
  return t.sort((a, b) => a - b)[n >> 1];
}

test('start-up: hello world from a built file against bare node and `assay run`', (t) => {
  write('hello.lua', 'print("hello")\n');
  const file = built('hello.lua', 'hello.js', ['--minify']);
  // (no environment: the test runner's variables would slow a child node down)
  const bare = median(process.execPath, ['-e', '0'], { cwd: empty, env: {} });
  const job = median(process.execPath, [file], { cwd: empty, env: {} });
  const run = median(assayBin, ['run', 'hello.lua'], { cwd: src, env: { PATH: process.env.PATH } });
  // (figures to read, not bounds: a shared machine's noise is larger than the differences)
  t.diagnostic(`node -e 0: ${bare.toFixed(0)} ms; node hello.js: ${job.toFixed(0)} ms (${(job / bare).toFixed(2)}x); assay run hello.lua: ${run.toFixed(0)} ms`);
});

test('a built script does I/O on the main thread and in the deep-stack worker (the packed I/O worker unpacks)', () => {
  write('refused.lua', 'print(pcall(http.get, "http://127.0.0.1:1/"))\n');
  const file = built('refused.lua', 'refused.js');
  const expected = 'false\thttp.get failed: connection refused (127.0.0.1:1)\n';
  assert.equal(assayRun('refused.lua').out, expected);
  assert.deepEqual(node(file), { out: expected, err: '', status: 0 });
  assert.deepEqual(node(file, [], { env: { ASSAY_WORKER: '1' } }), { out: expected, err: '', status: 0 });
  // the worker's 1.4 MB of code is in the file compressed, not as text
  assert.ok(statSync(file).size < 3e6, `${statSync(file).size} bytes`);
});

test('the third-party libraries (YAML, TOML, templates, regex, glob) load from the built file when first used', () => {
  write('libs.lua', [
    'print(yaml.encode({ a = 1, b = { "x", "y" } }))',
    'print(toml.parse("x = 2\\n[t]\\ny = \\"z\\"").t.y)',
    'print(template.render_string("hi {{ n }}", { n = "there" }))',
    'print(regex.match("^[a-z]+[0-9]$", "abc1"), regex.replace("a1b2", "[0-9]", "#"))',
    'print(type(fs.glob("*.lua")))',
    'print(pcall(yaml.decode, "a: [1"))',
  ].join('\n') + '\n');
  const file = built('libs.lua', 'libs.js');
  const expected = assayRun('libs.lua');
  assert.equal(expected.status, 0, expected.err);
  assert.deepEqual(node(file), { out: expected.out, err: '', status: 0 });
  // none of them sits in the file as text: the built file is about half the size it was
  assert.ok(statSync(file).size < 2.2e6, `${statSync(file).size} bytes`);
});
