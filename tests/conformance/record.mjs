#!/usr/bin/env node
// (Re)record expectations from lua5.4.
// Usage: node tests/conformance/record.mjs [area/name | name | path/to/case.lua ...]
import { writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join, basename } from 'node:path';
import { listCaseFiles, isLua55 } from './cases.mjs';
import { haveLua, runLua, LUA } from './lua54.mjs';

if (!haveLua()) {
  console.error(`${LUA} not found; cannot record`);
  process.exit(1);
}

const wanted = process.argv.slice(2).map((a) => a.replace(/\\/g, '/').replace(/\.lua$/, ''));
const matches = (c) =>
  wanted.length === 0 ||
  wanted.some((w) => w === c.name || w === `${c.area}/${c.name}` || w.endsWith(`/${c.area}/${c.name}`));

let n = 0, errs = 0;
for (const c of listCaseFiles()) {
  if (!matches(c) || isLua55(c.file)) continue;
  const r = runLua(c);
  const base = join(c.dir, c.name);
  if (r.timedOut || r.signal) {
    console.error(`${r.timedOut ? 'TIMEOUT' : 'KILLED by ' + r.signal} ${c.area}/${c.name} (not recorded)`);
    errs++;
    continue;
  }
  writeFileSync(base + '.out', r.stdout);
  if (r.err !== null) writeFileSync(base + '.err', r.err, 'latin1');
  else if (existsSync(base + '.err')) unlinkSync(base + '.err');
  // .status only when the exit status is not the one implied by .err (1 with it, 0 without).
  if (r.status !== (r.err === null ? 0 : 1)) writeFileSync(base + '.status', `${r.status}\n`);
  else if (existsSync(base + '.status')) unlinkSync(base + '.status');
  n++;
}
console.log(`recorded ${n} case(s)` + (errs ? `, ${errs} problem(s)` : ''));
process.exit(errs ? 1 : 0);
