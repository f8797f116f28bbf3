// Helpers shared by the test files: where the repository and the launcher are, running assay
// and Lua snippets, temp directories, Lua string literals. Lua-side preludes are in
// tests/helpers/lua-preludes.mjs (re-exported here).
//
// Not a test file: given a directory, Node 20's runner only collects names such as
// *.test.mjs, *-test.mjs, *_test.mjs, test-*.mjs, test.mjs and files under a test/ folder,
// so neither this module nor tests/helpers/ is ever run as a test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS_PRELUDE, VALUE_HELPERS_MODULE, VALUE_HELPERS_PRELUDE } from './helpers/lua-preludes.mjs';

export * from './helpers/lua-preludes.mjs';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The launcher, bin/assay. */
export const assayBin = join(root, 'bin', 'assay');
/** bin/assay.js: `node bin/assay.js` runs in worker mode. */
export const assayEntry = join(root, 'bin', 'assay.js');

/** A new directory in the system temp directory, named assay-PREFIX-XXXXXX. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `assay-${prefix}-`));
}

/** Writes `files` ({ 'a/b.lua': text, ... }) under `dir`, creating directories; returns dir. */
export function writeFiles(dir, files, encoding = 'latin1') {
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, encoding);
  }
  return dir;
}

/**
 * Runs assay with `args`; returns { out, err, status } (stdout, stderr, exit status).
 * Options: cwd, input, timeout (ms); encoding of the output ('latin1', i.e. bytes as
 * written; 'buffer' for Buffers); env: variables set over baseEnv (by default
 * process.env; without env and baseEnv the child inherits process.env); worker: run
 * `node bin/assay.js` (worker mode) instead of the launcher.
 */
export function runAssay(args, { cwd, input, timeout, encoding = 'latin1', env, baseEnv, worker = false } = {}) {
  const opts = { cwd, input, timeout, encoding };
  if (env !== undefined || baseEnv !== undefined) opts.env = { ...(baseEnv ?? process.env), ...env };
  const r = worker ? spawnSync(process.execPath, [assayEntry, ...args], opts) : spawnSync(assayBin, args, opts);
  return { out: r.stdout, err: r.stderr, status: r.status };
}

let scripts = 0;
/** The next default script name: t1.lua, t2.lua, ... (one sequence per test file). */
export function nextLuaName() {
  return `t${++scripts}.lua`;
}

let sharedDir = null;
/**
 * Writes `source` to DIR/NAME and runs `assay COMMAND... NAME ARGS...` in DIR; returns
 * { out, err, status } as runAssay. Options: dir (default: one temp directory per test
 * file), name (default: nextLuaName()), sourceEncoding (how the file is written: 'utf8' by
 * default, 'latin1' for byte strings), command (default ['run']), args (after the script);
 * the rest as for runAssay.
 */
export function runLua(source, { dir, name, sourceEncoding = 'utf8', command = ['run'], args = [], ...opts } = {}) {
  dir ??= sharedDir ??= tempDir('test');
  name ??= nextLuaName();
  writeFileSync(join(dir, name), source, sourceEncoding);
  return runAssay([...command, name, ...args], { cwd: dir, ...opts });
}

/** runLua, then asserts an empty stderr and exit status 0; returns the result. */
export function runLuaOk(source, opts = {}) {
  const name = opts.name ?? nextLuaName();
  const r = runLua(source, { ...opts, name });
  assert.equal(r.err, '', `stderr of ${name}`);
  assert.equal(r.status, 0, `status of ${name}`);
  return r;
}

/**
 * Runs `body` after a checks prelude (CHECKS_PRELUDE unless opts.prelude says otherwise)
 * and a final `finish()`, as runLua; see assertChecksPassed.
 */
export function runChecks(body, { prelude = CHECKS_PRELUDE, ...opts } = {}) {
  return runLua(prelude + body + '\nfinish()\n', opts);
}

/** Asserts a runChecks result: empty stderr, no FAIL/failures line, "ok" last. Returns r. */
export function assertChecksPassed(r) {
  assert.equal(r.err, '', r.err);
  assert.deepEqual(r.out.split('\n').filter((l) => /^(FAIL|failures)/.test(l)), [], r.out);
  assert.match(r.out, /(^|\n)ok\n$/);
  return r;
}

/**
 * Writes VALUE_HELPERS_MODULE to DIR/helpers.lua and returns lua(code): runs the code with
 * dump, same and err in scope (runLuaOk in DIR, with `opts`) and returns its stdout.
 */
export function valueHelpersRunner(dir, opts = {}) {
  writeFileSync(join(dir, 'helpers.lua'), VALUE_HELPERS_MODULE, 'latin1');
  return (code) => runLuaOk(VALUE_HELPERS_PRELUDE + code, { dir, ...opts }).out;
}

/**
 * Lua source for a string literal holding the bytes of `s` in `encoding` ('utf8', or
 * 'latin1' for a JS string of bytes): printable ASCII as is, other bytes, '"' and '\' as
 * \ddd escapes, so the literal is one line of ASCII.
 */
export function luaString(s, encoding = 'utf8') {
  const escape = (b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : '\\' + String(b).padStart(3, '0'));
  return '"' + [...Buffer.from(s, encoding)].map(escape).join('') + '"';
}

/** UTF-8 text as the latin1 string that output read as latin1 holds. */
export const utf8Bytes = (s) => Buffer.from(s, 'utf8').toString('latin1');
