// Turns a minimised mismatch into a conformance case (tests/conformance/README.md): the Lua
// file plus the stdout, error and status recorded from lua5.4, exactly as record.mjs does.
import { writeFileSync, existsSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runLua } from '../conformance/lua54.mjs';

/** Writes dir/name.lua (+ .out/.err/.status); returns the recorded result. */
export function writeCase(dir, name, text) {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, name);
  writeFileSync(base + '.lua', text, 'latin1');
  const r = runLua({ name, dir });
  writeFileSync(base + '.out', r.stdout);
  if (r.err !== null) writeFileSync(base + '.err', r.err, 'latin1');
  else if (existsSync(base + '.err')) unlinkSync(base + '.err');
  if (r.status !== (r.err === null ? 0 : 1)) writeFileSync(base + '.status', `${r.status}\n`);
  else if (existsSync(base + '.status')) unlinkSync(base + '.status');
  return r;
}

/** A short signature of a difference, to report each distinct bug once per run: the first
 *  line where the outputs (or messages) differ, with numbers and names blurred. */
export function signature(want, got) {
  const a = `${want.out}\n${want.err}\n${want.status}`.split('\n');
  const b = `${got.out}\n${got.err}\n${got.status}`.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const blur = (s) => (s ?? '').replace(/\d+(\.\d+)?/g, '#').replace(/'[^']*'/g, "'_'");
  return `${blur(a[i])} | ${blur(b[i])}`;
}
