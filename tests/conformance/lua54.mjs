// Shared helper for record.mjs and oracle.mjs: run the reference lua5.4 on a case.
import { spawnSync } from 'node:child_process';

export const LUA = process.env.LUA54 || 'lua5.4';

export function haveLua() {
  const r = spawnSync(LUA, ['-v'], { encoding: 'latin1' });
  return !r.error && r.status === 0;
}

// Strip the "lua5.4: " prefix (the interpreter's argv[0]) and everything from "stack traceback:" on.
export function cleanStderr(s, prog = LUA) {
  if (s.startsWith(prog + ': ')) s = s.slice(prog.length + 2);
  const lines = s.split('\n');
  const i = lines.indexOf('stack traceback:');
  if (i >= 0) s = lines.slice(0, i).join('\n') + '\n';
  return s;
}

// Run `lua5.4 <name>.lua` in the case directory.
// Returns {stdout: Buffer, err: string|null, status: number (-1 if killed), signal, timedOut}.
export function runLua(c) {
  const r = spawnSync(LUA, [c.name + '.lua'], { cwd: c.dir, timeout: 10000, maxBuffer: 64 << 20 });
  const timedOut = !!(r.error && r.error.code === 'ETIMEDOUT');
  const status = r.status === null ? -1 : r.status;
  const stderr = r.stderr ? r.stderr.toString('latin1') : '';
  return {
    stdout: r.stdout || Buffer.alloc(0),
    err: status !== 0 && stderr !== '' ? cleanStderr(stderr) : null,
    status,
    signal: r.signal || null,
    timedOut,
  };
}
