// Module resolution: package.path (and LUA_PATH_5_4/LUA_PATH), the assay searcher over
// ASSAY_LIB_PATH, rejected names, and what the errors say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, runLua, tempDir, writeFiles } from './helpers.mjs';

/** the stdlib installed with assay, searched after ASSAY_LIB_PATH */
const stdlib = join(root, 'stdlib');

/** A temp tree: { 'a/b.lua': 'text', ... } */
const tree = (files) => writeFiles(tempDir('req'), files);

/** Runs `script` as main.lua in `cwd`, with LUA_PATH and LUA_PATH_5_4 unset unless in `env`. */
function run(cwd, script, env = {}) {
  const baseEnv = { ...process.env };
  delete baseEnv.LUA_PATH;
  delete baseEnv.LUA_PATH_5_4;
  return runLua(script, { dir: cwd, name: 'main.lua', sourceEncoding: 'latin1', baseEnv, env });
}

test('assay.X is X/init.lua, then X.lua, in each ASSAY_LIB_PATH directory in order', () => {
  const libs = tree({
    'one/both/init.lua': 'return "one/both/init"',
    'one/both.lua': 'return "one/both.lua"',
    'one/plain.lua': 'return "one/plain"',
    'two/plain.lua': 'return "two/plain"',
    'two/only2.lua': 'return "two/only2"',
  });
  const cwd = tree({});
  const r = run(cwd, 'print((require("assay.both")), (require("assay.plain")), (require("assay.only2")))\n', {
    ASSAY_LIB_PATH: `${libs}/one:${libs}/two`,
  });
  assert.equal(r.err, '');
  assert.equal(r.out, 'one/both/init\tone/plain\ttwo/only2\n');
});

test('dotted names map to directories; the flat v0.4 file name is tried last', () => {
  const libs = tree({
    'vault/pki.lua': 'return "vault/pki.lua"',
    'vault/pki/init.lua': 'return "vault/pki/init.lua"',
    'k8s.pods.lua': 'return "flat k8s.pods.lua"',
  });
  const r = run(tree({}), 'print(require("assay.vault.pki"))\nprint(require("assay.k8s.pods"))\n', { ASSAY_LIB_PATH: libs });
  assert.equal(r.out, `vault/pki/init.lua\t${libs}/vault/pki/init.lua\nflat k8s.pods.lua\t${libs}/k8s.pods.lua\n`);
});

test('package.path is searched first: ./assay/x.lua shadows the library', () => {
  const libs = tree({ 'x.lua': 'return "library"' });
  const cwd = tree({ 'assay/x.lua': 'return "local"' });
  assert.equal(run(cwd, 'print((require("assay.x")))\n', { ASSAY_LIB_PATH: libs }).out, 'local\n');
});

test('a module that is not found lists every place tried, in order', () => {
  const libs = tree({});
  const r = run(tree({}), 'require("assay.nosuch.sub")\n', { ASSAY_LIB_PATH: `${libs}/a:${libs}/b` });
  assert.equal(r.status, 1);
  const expected =
    "assay: main.lua:1: module 'assay.nosuch.sub' not found:\n" +
    "\tno field package.preload['assay.nosuch.sub']\n" +
    "\tno file './assay/nosuch/sub.lua'\n" +
    "\tno file './assay/nosuch/sub/init.lua'\n" +
    `\tno file '${libs}/a/nosuch/sub/init.lua'\n` +
    `\tno file '${libs}/a/nosuch/sub.lua'\n` +
    `\tno file '${libs}/a/nosuch.sub.lua'\n` +
    `\tno file '${libs}/b/nosuch/sub/init.lua'\n` +
    `\tno file '${libs}/b/nosuch/sub.lua'\n` +
    `\tno file '${libs}/b/nosuch.sub.lua'\n` +
    // then the stdlib installed with assay
    `\tno file '${stdlib}/nosuch/sub/init.lua'\n`;
  assert.ok(r.err.startsWith(expected), r.err);
});

test('names that could leave the library directory are rejected', () => {
  const libs = tree({ 'inside.lua': 'return 1' });
  const cwd = tree({});
  for (const name of ['assay..x', 'assay./etc/passwd', 'assay.../x', 'assay.a/b', 'assay.', 'assay.a..b']) {
    const r = run(cwd, `print(pcall(require, ${JSON.stringify(name)}))\n`, { ASSAY_LIB_PATH: libs });
    assert.match(r.out, /^false\tmodule '.*' not found:/, name);
    assert.match(r.out, /invalid assay module name/, name);
    assert.doesNotMatch(r.out, new RegExp(`no file '${libs}`), name);
  }
});

test('an error inside a module names the module file and line, with a traceback', () => {
  const libs = tree({ 'bad.lua': 'local M = {}\nfunction M.go(t)\n  return t.missing.field\nend\nreturn M\n' });
  const r = run(tree({}), 'local bad = require("assay.bad")\nbad.go({})\n', { ASSAY_LIB_PATH: libs });
  assert.equal(r.status, 1);
  assert.match(r.err, new RegExp(`^assay: ${libs}/bad\\.lua:3: attempt to index a nil value \\(field 'missing'\\)\\n`));
  assert.match(r.err, /main\.lua:2: in main chunk/);
});

test('modules see the builtins and each other, and run once', () => {
  const libs = tree({
    'a.lua': 'RUNS = (RUNS or 0) + 1\nlocal b = require("assay.b")\nreturn {b = b, co = type(coroutine.wrap), s = type(sleep)}',
    'b.lua': 'return "b"',
  });
  const r = run(tree({}), 'local a1 = require("assay.a")\nlocal a2 = require("assay.a")\nprint(a1 == a2, RUNS, a1.b, a1.co, a1.s)\n', {
    ASSAY_LIB_PATH: libs,
  });
  assert.equal(r.out, 'true\t1\tb\tfunction\tfunction\n');
});

test('LUA_PATH_5_4 (or LUA_PATH) sets package.path; ";;" stands for the default', () => {
  const cwd = tree({ 'mods/m.lua': 'return "m"' });
  assert.equal(run(cwd, 'print(package.path)\n', { LUA_PATH_5_4: './mods/?.lua;;' }).out, './mods/?.lua;./?.lua;./?/init.lua\n');
  assert.equal(run(cwd, 'print(package.path)\n', { LUA_PATH: './x/?.lua' }).out, './x/?.lua\n');
  assert.equal(run(cwd, 'print(package.path, (require("m")))\n', { LUA_PATH_5_4: './mods/?.lua' }).out, './mods/?.lua\tm\n');
});

test('a cached module keeps its error positions whatever order modules load in', () => {
  const cwd = tree({
    'm.lua': 'local M = {}\nfunction M.f() local t = nil; return t.x end\nreturn M\n',
    'other.lua': 'return 1\n',
  });
  const env = { ASSAY_CACHE_DIR: join(cwd, 'cache') };
  const want = /^assay: \.\/m\.lua:2: attempt to index a nil value \(local 't'\)/;
  assert.match(run(cwd, 'require("m").f()\n', env).err, want);
  // the second script loads another chunk first: m's cached code must still map to m.lua
  assert.match(run(cwd, 'require("other")\nrequire("m").f()\n', env).err, want);
  assert.match(run(cwd, 'require("other")\nrequire("m").f()\n', env).err, want);
});
