// Running Lua snippets for the db tests (sqlite.test.mjs, postgres.test.mjs): each snippet is
// written to a file in a temporary directory and run with `bin/assay run`, with a prelude:
//   err(f, ...)   the error message of f(...) (fails the script if f succeeds)
//   show(v)       a value with its Lua type: 1 → "1:integer", 1.0 → "1.0:float", "a" → "a:string"
//   row(rows, i)  row i as "col=show(v) ..." in rows.columns order
//   hex(s)        the bytes of s in hex
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const launcher = join(root, 'bin', 'assay');
export const dir = mkdtempSync(join(tmpdir(), 'assay-db-'));

const PRELUDE = `
local function err(f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("expected an error, got success: " .. tostring(e), 2) end
  return e
end
local function show(v)
  if v == nil then return "nil" end
  local t = math.type(v) or type(v)
  if t == "table" then
    local parts = {}
    for i = 1, #v do parts[i] = show(v[i]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  if v == json.null then return "json.null" end
  return tostring(v) .. ":" .. t
end
local function row(rows, i)
  local parts = {}
  for _, c in ipairs(rows.columns) do parts[#parts + 1] = c .. "=" .. show(rows[i][c]) end
  return table.concat(parts, " ")
end
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
`;
const preludeLines = PRELUDE.split('\n').length - 1;

/** Runs a snippet (latin1: bytes as written) with `args`; stdout, stderr, status, time (ms). */
export function run(text, { args = [], env = {}, timeout = 60000, name = 't.lua' } = {}) {
  writeFileSync(join(dir, name), PRELUDE + text, 'latin1');
  const t0 = performance.now();
  const r = spawnSync(launcher, ['run', name, ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'latin1', timeout });
  // positions in the snippet as written (the prelude shifts them)
  const fix = (s) => (s ?? '').replace(/t\.lua:(\d+):/g, (_, n) => `t.lua:${Number(n) - preludeLines}:`);
  return { out: fix(r.stdout), err: fix(r.stderr), status: r.status, ms: performance.now() - t0, signal: r.signal };
}

/** Runs a snippet and compares its output lines with `lines` (stderr must be empty). */
export function expectLines(text, lines, opts) {
  const r = run(text, opts);
  assert.equal(r.err, '', `stderr: ${r.err}`);
  assert.equal(r.status, 0);
  assert.deepEqual(r.out.split('\n').slice(0, -1), lines);
  return r;
}

/** Runs a snippet expected to fail; the first line of its error report. */
export function expectFailure(text, opts) {
  const r = run(text, opts);
  assert.equal(r.status, 1, `status ${r.status}, stdout: ${r.out}`);
  return r.err.split('\n')[0];
}

/** UTF-8 bytes of a JS string as a latin1 (byte) string, for comparing output. */
export const bytes = (s) => Buffer.from(s, 'utf8').toString('latin1');
