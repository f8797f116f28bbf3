// The on-disk compile cache (src/runtime-lib/compile-cache.ts), seen from the command line:
// hits, invalidation, repair of damaged entries, an unusable cache directory, concurrent
// writers, `assay cache info|clear`, and error positions from cached chunks. Each test has
// its own ASSAY_CACHE_DIR; `--verbose` prints a line of cache statistics at exit.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { checksum } from '../dist/runtime-lib/cache-files.js';
import fs from 'node:fs';
import path from 'node:path';
import { assayBin, runAssay, tempDir, writeFiles } from './helpers.mjs';

const base = tempDir('cache');
let seq = 0;
after(() => fs.rmSync(base, { recursive: true, force: true }));

/** A fresh directory holding `files` (name → text), and a fresh cache directory. */
function project(files) {
  const dir = path.join(base, `p${++seq}`);
  fs.mkdirSync(dir);
  writeFiles(dir, files);
  return { dir, cwd: dir, cache: path.join(base, `c${seq}`) };
}

/** Runs assay in `cwd` with ASSAY_CACHE_DIR = `cache` (worker: `node bin/assay.js`). */
function assay(args, { cwd, cache, env = {}, worker = false, input }) {
  return runAssay(args, { cwd, input, worker, env: { ASSAY_CACHE_DIR: cache, ...env } });
}

/** The statistics line --verbose prints at exit, as numbers. */
function stats(err) {
  const m = /compile cache .*: (\d+) hits, (\d+) compiled \((\d+) repaired\)(?:; V8 code cache: (\d+) used, (\d+) written)?/.exec(err);
  assert.ok(m, `no cache statistics in: ${err}`);
  const [hits, compiled, repaired, v8used, v8written] = m.slice(1).map((x) => Number(x ?? -1));
  return { hits, compiled, repaired, v8used, v8written };
}

/** The cache's files for chunks ending in `ext` (rt-*: the launcher's code cache of the runtime itself). */
const files = (cache, ext) => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith(ext) && !f.startsWith('rt-')).sort() : []);

const MOD = 'local M = {}\nfunction M.greet(name)\n  return "hello, " .. name\nend\nreturn M\n';
const MAIN = 'local m = require("mod")\nprint(m.greet("world"))\n';

test('a second run takes every chunk from the cache and rewrites nothing', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const first = assay(['run', '--verbose', 'main.lua'], p);
  assert.equal(first.out, 'hello, world\n');
  assert.deepEqual(stats(first.err), { hits: 0, compiled: 2, repaired: 0, v8used: 0, v8written: 2 });
  assert.equal(files(p.cache, '.lcc').length, 2);
  assert.equal(files(p.cache, '.v8').length, 2);
  // date every cache file back: a rewrite would show as a new mtime
  const past = new Date('2001-01-01T00:00:00Z');
  for (const f of fs.readdirSync(p.cache)) fs.utimesSync(path.join(p.cache, f), past, past);
  const second = assay(['run', '--verbose', 'main.lua'], p);
  assert.equal(second.out, 'hello, world\n');
  assert.deepEqual(stats(second.err), { hits: 2, compiled: 0, repaired: 0, v8used: 2, v8written: 0 });
  for (const f of fs.readdirSync(p.cache)) assert.equal(fs.statSync(path.join(p.cache, f)).mtimeMs, past.getTime(), f);
  // without --verbose nothing is printed
  assert.deepEqual(assay(['run', 'main.lua'], p), { out: 'hello, world\n', err: '', status: 0 });
});

test('changing a source compiles it again under a new key', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  assay(['run', 'main.lua'], p);
  const before = files(p.cache, '.lcc');
  fs.writeFileSync(path.join(p.dir, 'mod.lua'), MOD.replace('hello, ', 'goodbye, '));
  const r = assay(['run', '--verbose', 'main.lua'], p);
  assert.equal(r.out, 'goodbye, world\n');
  assert.equal(stats(r.err).hits, 1);
  assert.equal(stats(r.err).compiled, 1);
  const after = files(p.cache, '.lcc');
  assert.equal(after.length, 3);
  assert.ok(before.every((f) => after.includes(f)));
  // the same source under another chunk name is another entry too (the name is in messages)
  fs.copyFileSync(path.join(p.dir, 'main.lua'), path.join(p.dir, 'main2.lua'));
  assert.equal(stats(assay(['run', '--verbose', 'main2.lua'], p).err).compiled, 1);
});

/** Runs once to fill the cache, damages every cache file with `damage`, then checks that the
 *  next run is correct, recompiles and repairs, and that the run after that hits again. */
function damagedRun(damage) {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  assay(['run', 'main.lua'], p);
  for (const f of fs.readdirSync(p.cache)) damage(path.join(p.cache, f));
  const r = assay(['run', '--verbose', 'main.lua'], p);
  assert.equal(r.out, 'hello, world\n');
  assert.equal(r.status, 0);
  assert.deepEqual(stats(r.err), { hits: 0, compiled: 2, repaired: 2, v8used: 0, v8written: 2 });
  const again = assay(['run', '--verbose', 'main.lua'], p);
  assert.equal(again.out, 'hello, world\n');
  assert.deepEqual(stats(again.err), { hits: 2, compiled: 0, repaired: 0, v8used: 2, v8written: 0 });
}

test('a truncated entry is detected and replaced', () => {
  damagedRun((f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)));
  damagedRun((f) => fs.truncateSync(f, 0));
});

test('garbage bytes in an entry are detected and the entry is replaced', () => {
  // same length, bytes in the middle changed: only the checksum can tell
  damagedRun((f) => {
    const b = fs.readFileSync(f);
    const mid = Math.floor(b.length / 2);
    for (let i = mid; i < Math.min(b.length, mid + 64); i++) b[i] = (b[i] * 7 + 13) & 0xff;
    fs.writeFileSync(f, b);
  });
  damagedRun((f) => fs.writeFileSync(f, 'not a cache entry at all\n{"code":'));
});

test('an entry with a sound checksum but a position table of the wrong shape counts as corrupt', () => {
  // the table is parsed when an error first needs it: the chunk is then compiled again
  const p = project({ 'main.lua': 'local x\nprint(pcall(function() return x + 1 end))\n' });
  const expected = "false\tmain.lua:2: attempt to perform arithmetic on a nil value (upvalue 'x')\n";
  assert.equal(assay(['run', 'main.lua'], p).out, expected);
  const [name] = files(p.cache, '.lcc');
  const file = path.join(p.cache, name);
  const text = fs.readFileSync(file, 'latin1');
  const [header, , ...code] = text.split('\n');
  const [magic, format, key] = header.split(' ');
  for (const table of ['{"keys": 1}', '[1, 2', 'null', '{"keys":[],"lines":[],"info":[]}']) {
    const payload = Buffer.from([table, ...code].join('\n'), 'latin1');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${magic} ${format} ${key} ${payload.length} ${checksum(payload)}\n`), payload]));
    const r = assay(['run', '--verbose', 'main.lua'], p);
    assert.equal(r.out, expected);
    assert.deepEqual(stats(r.err), { hits: 1, compiled: 1, repaired: 1, v8used: 1, v8written: 0 }, table);
    assert.equal(fs.readFileSync(file, 'latin1'), text);
  }
});

test('an unusable cache directory disables caching; --verbose says why', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const blocker = path.join(p.dir, 'a-file');
  fs.writeFileSync(blocker, '');
  const caches = [path.join(blocker, 'sub')]; // cannot be created, even by root
  for (const cache of caches) {
    assert.deepEqual(assay(['run', 'main.lua'], { cwd: p.dir, cache }), { out: 'hello, world\n', err: '', status: 0 });
    const r = assay(['run', '--verbose', 'main.lua'], { cwd: p.dir, cache });
    assert.equal(r.out, 'hello, world\n');
    assert.equal(r.status, 0);
    const lines = r.err.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^assay: compile cache disabled: .*(not a directory|permission denied)/);
    const info = assay(['cache', 'info'], { cwd: p.dir, cache });
    assert.match(info.out, /^usable: +no \(/m);
  }
  // the worker mode behaves the same
  const w = assay(['run', '--verbose', 'main.lua'], { cwd: p.dir, cache: caches[0], worker: true });
  assert.equal(w.out, 'hello, world\n');
  assert.match(w.err, /compile cache disabled/);
});

test('a cache directory that can be read but not written is used read-only', (t) => {
  // chmod stops writes only for users other than root: as root, the cache is bind-mounted
  // read-only in a mount namespace of its own (unshare -m)
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('unshare', ['-m', 'true']).status !== 0) return t.skip('running as root where unshare -m is not allowed');
  const dir = fs.mkdtempSync('/tmp/assay-ro-');
  try {
    writeFiles(dir, { 'main.lua': MAIN, 'mod.lua': MOD });
    const cache = path.join(dir, 'cache');
    // filled while writable (as when a container image is built)...
    assert.equal(stats(assay(['run', '--verbose', 'main.lua'], { cwd: dir, cache }).err).compiled, 2);
    if (!asRoot) fs.chmodSync(cache, 0o555);
    const before = fs.readdirSync(cache).sort();
    // ...then used where it cannot be written
    const env = { ...process.env, ASSAY_CACHE_DIR: cache };
    const argv = [assayBin, 'run', '--verbose', 'main.lua'];
    const readOnlyMount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"';
    const r = asRoot
      ? spawnSync('unshare', ['-m', 'sh', '-c', readOnlyMount, 'sh', cache, ...argv], { cwd: dir, env, encoding: 'latin1' })
      : spawnSync(argv[0], argv.slice(1), { cwd: dir, env, encoding: 'latin1' });
    assert.equal(r.stdout, 'hello, world\n', r.stderr);
    assert.match(r.stderr, /compile cache .* \(read-only\): 2 hits, 0 compiled/);
    assert.deepEqual(fs.readdirSync(cache).sort(), before);
  } finally {
    fs.chmodSync(path.join(dir, 'cache'), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the cache is kept under ASSAY_CACHE_MAX_MB, pruning at most once an hour', () => {
  const p = project({});
  const limit = 6000; // bytes
  const env = { ASSAY_CACHE_MAX_MB: String(limit / 1048576) };
  const size = () => fs.readdirSync(p.cache).filter((f) => f !== 'prune.stamp').reduce((n, f) => n + fs.statSync(path.join(p.cache, f)).size, 0);
  let removed = 0;
  for (let i = 1; i <= 6; i++) {
    fs.writeFileSync(path.join(p.dir, `s${i}.lua`), `print(${i} * 2)\n`);
    const r = assay(['run', '--verbose', `s${i}.lua`], { ...p, env });
    assert.equal(r.out, `${i * 2}\n`);
    const m = /; (\d+) old files removed/.exec(r.err);
    removed += m ? Number(m[1]) : 0;
    assert.ok(size() <= limit, `cache holds ${size()} bytes after run ${i}`);
    // (the stamp limits pruning to once an hour: make the next run eligible)
    fs.utimesSync(path.join(p.cache, 'prune.stamp'), new Date(0), new Date(0));
  }
  assert.ok(removed > 0);
  // within the hour, no pruning
  fs.writeFileSync(path.join(p.cache, 'prune.stamp'), '');
  fs.writeFileSync(path.join(p.dir, 's7.lua'), 'print(14)\n');
  const r = assay(['run', '--verbose', 's7.lua'], { ...p, env });
  assert.doesNotMatch(r.err, /old files removed/);
});

test('two processes compiling the same new script at once both succeed and leave sound entries', async () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const start = () =>
    new Promise((resolve) => {
      const c = spawn(assayBin, ['run', 'main.lua'], { cwd: p.dir, env: { ...process.env, ASSAY_CACHE_DIR: p.cache } });
      let out = '';
      let err = '';
      c.stdout.on('data', (d) => (out += d));
      c.stderr.on('data', (d) => (err += d));
      c.on('close', (status) => resolve({ out, err, status }));
    });
  for (let round = 0; round < 3; round++) {
    fs.rmSync(p.cache, { recursive: true, force: true });
    const results = await Promise.all([start(), start(), start()]);
    for (const r of results) assert.deepEqual(r, { out: 'hello, world\n', err: '', status: 0 });
    assert.deepEqual(fs.readdirSync(p.cache).filter((f) => f.endsWith('.tmp')), []);
    const r = assay(['run', '--verbose', 'main.lua'], p);
    assert.deepEqual(stats(r.err), { hits: 2, compiled: 0, repaired: 0, v8used: 2, v8written: 0 });
  }
});

test('`assay cache info` and `assay cache clear`', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const empty = assay(['cache', 'info'], p);
  assert.equal(empty.status, 0);
  assert.equal(empty.out, `directory: ${p.cache}\nusable:    yes\nentries:   0\nsize:      0 B\n`);
  assert.ok(!fs.existsSync(p.cache), 'info does not create the directory');
  assay(['run', 'main.lua'], p);
  const total = fs.readdirSync(p.cache).reduce((n, f) => n + fs.statSync(path.join(p.cache, f)).size, 0);
  const info = assay(['cache', 'info'], p);
  assert.match(info.out, new RegExp(`^directory: ${p.cache}\nusable:    yes\nentries:   2\nsize:      [\\d.]+ KB\n$`));
  assert.equal(Number(/size: +([\d.]+) KB/.exec(info.out)[1]), Number((total / 1024).toFixed(1)));
  // clear removes the cache's files only
  fs.writeFileSync(path.join(p.cache, 'unrelated.txt'), 'keep me');
  assert.deepEqual(assay(['cache', 'clear'], p), { out: `removed 2 entries from ${p.cache}\n`, err: '', status: 0 });
  assert.deepEqual(fs.readdirSync(p.cache), ['unrelated.txt']);
  assert.match(assay(['cache', 'info'], p).out, /^entries: +0$/m);
  assert.equal(assay(['cache', 'clear'], p).out, `removed 0 entries from ${p.cache}\n`);
  // and the next run fills it again
  assert.equal(stats(assay(['run', '--verbose', 'main.lua'], p).err).compiled, 2);
});

test('the cache directory defaults to $XDG_CACHE_HOME/assay, then ~/.cache/assay', () => {
  const p = project({});
  const env = { ...process.env, XDG_CACHE_HOME: path.join(p.dir, 'xdg'), HOME: path.join(p.dir, 'home') };
  delete env.ASSAY_CACHE_DIR;
  const info = (e) => runAssay(['cache', 'info'], { baseEnv: e, encoding: 'utf8' }).out.split('\n')[0];
  assert.equal(info(env), `directory: ${path.join(p.dir, 'xdg', 'assay')}`);
  delete env.XDG_CACHE_HOME;
  assert.equal(info(env), `directory: ${path.join(p.dir, 'home', '.cache', 'assay')}`);
});

test('errors and tracebacks from cached chunks name the Lua file and line', () => {
  const p = project({
    'main.lua': 'local lib = require("lib")\nlocal function go(t)\n  return lib.sum(t)\nend\nprint(pcall(lib.add, 1))\ngo({ 1, "x" })\n',
    'lib.lua':
      'local M = {}\nfunction M.add(a, b)\n  return a + b\nend\nfunction M.sum(t)\n  local s = 0\n  for i = 1, #t do\n    s = M.add(s, t[i] .. "")\n  end\n  return s\nend\nreturn M\n',
  });
  const cold = assay(['run', 'main.lua'], p);
  const warm = assay(['run', 'main.lua'], p);
  assert.equal(cold.status, 1);
  assert.equal(cold.out, "false\t./lib.lua:3: attempt to perform arithmetic on a nil value (local 'b')\n");
  assert.match(cold.err, /^assay: \.\/lib\.lua:3: attempt to add a 'number' with a 'string'\nstack traceback:\n/);
  // (as lua5.4 writes it: the string library's metamethod raised it; `go` tail-called lib.sum)
  assert.match(cold.err, /\n\t\[C\]: in metamethod 'add'\n\t\.\/lib\.lua:3: in function 'lib\.add'\n\t\.\/lib\.lua:8: in function 'lib\.sum'\n\t\(\.\.\.tail calls\.\.\.\)\n\tmain\.lua:6: in main chunk\n/);
  assert.deepEqual(warm, cold);
  // a syntax error is reported the same on every run, and nothing is cached for it
  const q = project({ 'bad.lua': 'local x = = 1\n' });
  const a = assay(['run', 'bad.lua'], q);
  assert.deepEqual(assay(['run', 'bad.lua'], q), a);
  assert.equal(a.err, "assay: bad.lua:1: unexpected symbol near '='\n");
  assert.deepEqual(files(q.cache, '.lcc'), []);
});

test('positions stay right when chunks load in another order than in the run that cached them', () => {
  // a script from V8's code cache keeps the file name it was first compiled under, so a
  // cached chunk's name must not depend on load order
  const p = project({
    'main.lua': 'if arg[1] == "a" then require("a") end\nlocal b = require("b")\nprint(pcall(b.fail))\nb.fail()\n',
    'a.lua': 'local M = {}\n\n\nfunction M.x() return 1 end\nreturn M\n',
    'b.lua': 'local M = {}\nfunction M.fail()\n  local t = nil\n  return t.field\nend\nreturn M\n',
  });
  const expected = "false\t./b.lua:4: attempt to index a nil value (local 't')\n";
  for (const args of [[], ['a'], [], ['a']]) {
    const r = assay(['run', 'main.lua', ...args], p);
    assert.equal(r.out, expected, args.join());
    assert.match(r.err, /^assay: \.\/b\.lua:4: attempt to index a nil value \(local 't'\)\nstack traceback:\n\t\.\/b\.lua:4: in function 'b\.fail'\n\tmain\.lua:4: in main chunk\n/);
  }
});

test('only file chunks are cached: not load() strings, -e or standard input', () => {
  const p = project({ 'main.lua': 'local f = load("return 6 * 7")\nprint(f())\n', 'other.lua': 'return 5\n' });
  assert.equal(assay(['run', 'main.lua'], p).out, '42\n');
  assert.equal(files(p.cache, '.lcc').length, 1);
  assert.equal(assay(['-e', 'print(1)'], p).out, '1\n');
  assert.equal(assay(['-'], { ...p, input: 'print(2)\n' }).out, '2\n');
  assert.equal(files(p.cache, '.lcc').length, 1);
  // dofile and loadfile go through the cache; a file loaded again in the same run is looked
  // up once
  fs.writeFileSync(path.join(p.dir, 'df.lua'), 'local n = 0\nfor i = 1, 3 do n = n + dofile("other.lua") + loadfile("other.lua")() end\nprint(n)\n');
  const r = assay(['run', '--verbose', 'df.lua'], p);
  assert.equal(r.out, '30\n');
  assert.equal(stats(r.err).compiled, 2);
  assert.equal(files(p.cache, '.lcc').length, 3);
});

test('both ways of starting assay share entries and keep their own V8 code cache', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  assay(['run', 'main.lua'], p);
  const w1 = assay(['run', '--verbose', 'main.lua'], { ...p, worker: true });
  assert.equal(w1.out, 'hello, world\n');
  assert.deepEqual(stats(w1.err), { hits: 2, compiled: 0, repaired: 0, v8used: 0, v8written: 2 });
  const w2 = assay(['run', '--verbose', 'main.lua'], { ...p, worker: true });
  assert.deepEqual(stats(w2.err), { hits: 2, compiled: 0, repaired: 0, v8used: 2, v8written: 0 });
  const m = assay(['run', '--verbose', 'main.lua'], p);
  assert.deepEqual(stats(m.err), { hits: 2, compiled: 0, repaired: 0, v8used: 2, v8written: 0 });
  // ASSAY_CACHE_V8=0 leaves V8's code cache alone
  const q = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const n = assay(['run', '--verbose', 'main.lua'], { ...q, env: { ASSAY_CACHE_V8: '0' } });
  assert.equal(n.out, 'hello, world\n');
  assert.doesNotMatch(n.err, /V8/);
  assert.deepEqual(files(q.cache, '.v8'), []);
});

test("the launcher keeps V8's code cache of the runtime itself beside the entries; a damaged one is replaced", () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  const runtime = () => fs.readdirSync(p.cache).filter((f) => f.startsWith('rt-')).sort();
  assert.equal(assay(['run', 'main.lua'], p).out, 'hello, world\n');
  const written = runtime();
  assert.equal(written.length, 5, written.join(' ')); // core, compiler, exec, libs, cli
  for (const f of written) assert.match(f, /^rt-[0-9a-f]{32}\.[0-9a-f]{8}\.v8$/);
  // (bin/assay has V8 check its code caches: their frames carry no checksum of ours)
  const header = (f) => fs.readFileSync(path.join(p.cache, f), 'latin1').split('\n', 1)[0];
  for (const f of written) assert.match(header(f), /^assay-v8 \d+ [0-9a-f]{32} \d+ v8$/, f);
  // used, not rewritten, by the next run
  const past = new Date('2001-01-01T00:00:00Z');
  for (const f of written) fs.utimesSync(path.join(p.cache, f), past, past);
  assert.equal(assay(['run', 'main.lua'], p).out, 'hello, world\n');
  for (const f of written) assert.equal(fs.statSync(path.join(p.cache, f)).mtimeMs, past.getTime(), f);
  // damage in the middle of one the run loads (not the compiler's, see below): a checksum
  // catches it (V8's own under bin/assay's --verify-snapshot-checksum, ours in the worker
  // mode), the run compiles and rewrites it
  const keys = JSON.parse(fs.readFileSync(path.join(path.dirname(assayBin), '..', 'dist', 'bundle', 'run', 'keys.json'), 'utf8'));
  const compiler = written.find((f) => f.startsWith(`rt-${keys.compiler}.`));
  assert.ok(compiler, `no code cache named after the compiler's key ${keys.compiler}`);
  const victim = path.join(p.cache, written.find((f) => f !== compiler && fs.statSync(path.join(p.cache, f)).size > 10000));
  const b = fs.readFileSync(victim);
  for (let i = b.length >> 1; i < (b.length >> 1) + 64; i++) b[i] ^= 0x5a;
  fs.writeFileSync(victim, b);
  fs.utimesSync(victim, past, past);
  assert.deepEqual(assay(['run', 'main.lua'], p), { out: 'hello, world\n', err: '', status: 0 });
  assert.notEqual(fs.statSync(victim).mtimeMs, past.getTime());
  assert.deepEqual(runtime(), written);
  // the worker mode (`node bin/assay.js`) starts the same way, with files of its own whose
  // frames carry a checksum
  assert.deepEqual(assay(['run', 'main.lua'], { ...p, worker: true }), { out: 'hello, world\n', err: '', status: 0 });
  const own = runtime().filter((f) => !written.includes(f));
  assert.ok(own.length > 0);
  for (const f of own) assert.match(header(f), /^assay-v8 \d+ [0-9a-f]{32} \d+ [0-9a-f]{32}$/, f);
  // a run whose chunks all come from the compile cache never loads the compiler (so never
  // writes its code cache), one that compiles a chunk does
  fs.rmSync(path.join(p.cache, compiler));
  assert.equal(assay(['run', 'main.lua'], p).out, 'hello, world\n');
  assert.ok(!fs.existsSync(path.join(p.cache, compiler)), 'the compiler was loaded');
  assert.equal(assay(['-e', 'print(load("return 6 * 7")())'], p).out, '42\n');
  assert.ok(fs.existsSync(path.join(p.cache, compiler)), 'the compiler was not loaded');
});

test('a thread that only supervises the Lua worker loads the cli bundle alone', () => {
  // (process 1 and ASSAY_WORKER=1: the worker loads the rest; any export of the cli bundle
  // read from another bundle when it loads would load that one here, before the worker starts)
  const bundleDir = path.join(path.dirname(assayBin), '..', 'dist', 'bundle');
  const code = `
    const { loadRuntime } = require(${JSON.stringify(path.join(bundleDir, 'start.cjs'))});
    const rt = loadRuntime(${JSON.stringify(bundleDir)}, false, true);
    console.log(Object.keys(rt).join(" "), typeof rt.cli.main, typeof rt.cli.runWorker);
  `;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ASSAY_CACHE_V8: '0' } });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'cli function function\n');
});

test("the bundles' node:module: createRequire without loading it, the rest on first use", () => {
  // (a bundle directory of four small bundles, each the function expression the launcher
  // evaluates; core reads node:module's createRequire and then something else)
  const dir = path.join(base, `bundles${++seq}`);
  fs.mkdirSync(path.join(dir, 'run'), { recursive: true });
  const wrap = (body) => `(function (exports, require, module, __assay_url) {\n${body}\n})`;
  fs.writeFileSync(path.join(dir, 'run', 'core.cjs'), wrap(`
    const m = require("node:module");
    const before = process.moduleLoadList.includes("NativeModule module");
    const cr = m.createRequire(__assay_url)("node:path") === require("node:path");
    const after = process.moduleLoadList.includes("NativeModule module");
    module.exports = { before, cr, after, builtin: m.isBuiltin("node:fs"), loaded: process.moduleLoadList.includes("NativeModule module") };`));
  for (const b of ['exec', 'libs', 'cli']) fs.writeFileSync(path.join(dir, 'run', `${b}.cjs`), wrap('module.exports = {};'));
  const start = path.join(path.dirname(assayBin), '..', 'dist', 'bundle', 'start.cjs');
  const code = `
    const { loadRuntime } = require(${JSON.stringify(start)});
    console.log(JSON.stringify(loadRuntime(${JSON.stringify(dir)}, false, false).core));
  `;
  // (a script file: node -e loads node:module itself)
  const file = path.join(dir, 'probe.cjs');
  fs.writeFileSync(file, code);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', env: { ...process.env, ASSAY_CACHE_V8: '0' } });
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), { before: false, cr: true, after: false, builtin: true, loaded: true });
});

test('ASSAY_CACHE_V8=0 keeps no code cache of the runtime either', () => {
  const p = project({ 'main.lua': MAIN, 'mod.lua': MOD });
  assert.equal(assay(['run', 'main.lua'], { ...p, env: { ASSAY_CACHE_V8: '0' } }).out, 'hello, world\n');
  assert.deepEqual(fs.readdirSync(p.cache).filter((f) => f.endsWith('.v8')), []);
});

test('cache keys of inputs of 1 KB and more (hashed in WebAssembly) equal the JavaScript ones (--jitless)', () => {
  // (keys hash the Lua sources; past the first cached chunk, or from 32 KB on, the loop over
  // whole blocks runs in WebAssembly; unaligned views and lengths that leave a tail)
  const script = `
    import { checksum, digest } from ${JSON.stringify(new URL('../dist/runtime-lib/cache-files.js', import.meta.url).href)};
    const big = Buffer.alloc(300001);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    const sizes = [[0, 300001], [1, 65539], [3, 32768], [0, 32767], [5, 100], [0, 2048], [7, 1500], [0, 1024], [0, 1023], [0, 0]];
    const out = sizes.map(([off, len]) => digest(big.subarray(off, off + len)));
    checksum(big); // makes the module: smaller inputs now take it too
    for (const [off, len] of sizes) out.push(digest(big.subarray(off, off + len)));
    console.log(out.join(' '));`;
  const run = (flags) => spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
  const fast = run([]);
  const plain = run(['--jitless']);
  assert.equal(fast.status, 0, fast.stderr);
  assert.equal(plain.stdout, fast.stdout);
  const keys = fast.stdout.trim().split(' ');
  assert.deepEqual(keys.slice(10), keys.slice(0, 10));
  assert.equal(new Set(keys.slice(0, 10)).size, 10);
  // MurmurHash3 x86_128 with seed 0 hashes nothing to zero
  assert.equal(keys[9], '0'.repeat(32));
});

test('checksums of large files (computed in WebAssembly) equal the JavaScript ones (--jitless) and catch a flipped bit', () => {
  // (unaligned views and lengths that leave a tail; the launcher checksums ~400 KB at each start)
  const script = `
    import { checksum } from ${JSON.stringify(new URL('../dist/runtime-lib/cache-files.js', import.meta.url).href)};
    import { checksumInWasm } from ${JSON.stringify(new URL('../dist/runtime-lib/hash128.js', import.meta.url).href)};
    const big = Buffer.alloc(300001);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    const out = [];
    for (const [off, len] of [[0, 300001], [1, 65539], [3, 32768], [0, 32767], [5, 100]]) out.push(checksum(big.subarray(off, off + len)));
    big[123457] ^= 8;
    out.push(checksum(big));
    console.log(checksumInWasm(), out.join(' '));`;
  const run = (flags) => spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
  const fast = run([]);
  const plain = run(['--jitless']);
  assert.equal(fast.status, 0, fast.stderr);
  assert.equal(plain.status, 0, plain.stderr);
  const [wasm, ...sums] = fast.stdout.trim().split(' ');
  assert.equal(wasm, 'true');
  assert.equal(plain.stdout, `false ${sums.join(' ')}\n`);
  assert.equal(new Set(sums).size, sums.length);
});
