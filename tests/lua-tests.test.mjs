// The Lua tests of the stdlib (stdlib/**/tests/*_test.lua), run with `assay test stdlib/`
// from the repository root: every test passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root, runAssay } from './helpers.mjs';

test('assay test stdlib/ passes', () => {
  const r = runAssay(['test', 'stdlib/'], { cwd: root, timeout: 600000 });
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[lines.length - 1], /^\d+ passed, 0 failed(, \d+ skipped)?$/, r.out + r.err);
  assert.doesNotMatch(lines[lines.length - 1], /^0 passed/, 'no Lua tests ran');
  assert.equal(r.status, 0, r.out + r.err);
});
