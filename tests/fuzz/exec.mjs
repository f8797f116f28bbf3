// Runs a program under lua5.4 and under assay (bin/assay run) and compares stdout, the error
// message and the exit status. Both run as `<tool> prog.lua` in the same directory, so
// chunk names in messages agree without normalising.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanStderr, LUA } from '../conformance/lua54.mjs';
import { errMessage } from '../conformance/run-cases.mjs';
import { MARK } from './program.mjs';
import { normalise } from './quirks.mjs';

const ASSAY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'assay');
const LUAC = LUA.replace(/lua(?=[^/]*$)/, 'luac');
export const FILE = 'prog.lua';

export function haveLua() {
  const r = spawnSync(LUA, ['-v']);
  return !r.error && r.status === 0;
}

/** A scratch directory for program files; remove with cleanup(). */
export function workDir() {
  const dir = mkdtempSync(join(tmpdir(), 'assay-fuzz-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function run(cmd, argv, cwd, timeoutMs) {
  return new Promise((resolve) => {
    // no compile cache: every program is new, and writing entries would only cost time
    const env = { ...process.env, ASSAY_CACHE_DIR: '/dev/null/assay-fuzz' };
    const p = spawn(cmd, argv, { cwd, env });
    const out = [];
    const err = [];
    let timedOut = false;
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, timeoutMs);
    p.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('latin1'), status, signal, timedOut });
    });
  });
}

/** The comparable result of one run: {out, err, status, timedOut}. */
function outcome(r, clean) {
  const err = r.status !== 0 && r.stderr !== '' ? clean(r.stderr) : r.stderr === '' ? null : `(stderr) ${r.stderr}`;
  return { out: normalise(r.stdout), err: err === null ? null : normalise(err), status: r.timedOut ? 'timeout' : r.status ?? r.signal, timedOut: r.timedOut };
}


export async function runLua(dir, timeoutMs = 10000) {
  return outcome(await run(LUA, [FILE], dir, timeoutMs), (s) => cleanStderr(s));
}

export async function runAssay(dir, timeoutMs = 30000) {
  return outcome(await run(ASSAY, ['run', FILE], dir, timeoutMs), errMessage);
}

/** True when lua5.4 accepts the program's syntax (luac -p). */
export function parses(dir) {
  const r = spawnSync(LUAC, ['-p', FILE], { cwd: dir });
  return !r.error && r.status === 0;
}

export function writeProgram(dir, text) {
  writeFileSync(join(dir, FILE), text, 'latin1');
}

/** Splits stdout at the snippet markers: [before first snippet, snippet 1, snippet 2, ...]. */
export function segments(out) {
  return out.split(new RegExp(`^${MARK}\\d+\\n`, 'm'));
}

/** Differences between two outcomes, as text; [] when they agree. */
export function differences(want, got) {
  const d = [];
  if (want.out !== got.out) d.push(`stdout differs:\n--- lua5.4\n${want.out}--- assay\n${got.out}`);
  if (want.err !== got.err) d.push(`error differs:\n--- lua5.4\n${want.err}\n--- assay\n${got.err}`);
  if (want.status !== got.status) d.push(`exit status: lua5.4 ${want.status}, assay ${got.status}`);
  return d;
}

/** Index (1-based) of the first snippet whose output differs, or 'end' when only the last
 *  snippet, the tail, the error message or the exit status can be to blame. */
export function firstDifference(want, got, count) {
  const a = segments(want.out);
  const b = segments(got.out);
  for (let i = 1; i < count; i++) if (a[i] !== b[i]) return i;
  return 'end';
}
