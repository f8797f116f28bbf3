#!/usr/bin/env node
// Re-verify recorded expectations against lua5.4. 5.5 cases are skipped.
import { listCases } from './cases.mjs';
import { haveLua, runLua, LUA } from './lua54.mjs';

if (!haveLua()) {
  console.log(`${LUA} is not installed; skipping oracle`);
  console.log('0 passed, 0 failed');
  process.exit(0);
}

const show = (b) => JSON.stringify(Buffer.isBuffer(b) ? b.toString('latin1') : b);
let passed = 0, failed = 0, skipped = 0;
for (const c of listCases()) {
  if (c.lua55) { skipped++; continue; }
  const r = runLua(c);
  const problems = [];
  if (r.timedOut) problems.push('timed out');
  if (!r.stdout.equals(c.expectedOut)) problems.push(`stdout: expected ${show(c.expectedOut)}, got ${show(r.stdout)}`);
  if (r.err !== c.expectedErr) problems.push(`stderr: expected ${show(c.expectedErr)}, got ${show(r.err)}`);
  if (r.status !== c.expectedStatus) problems.push(`status: expected ${c.expectedStatus}, got ${r.status}`);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${c.area}/${c.name}\n  ` + problems.join('\n  '));
  } else passed++;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
