// Compiled code may only change together with COMPILER_VERSION, which keys the compile cache
// (tests/compiler/fingerprint.mjs says why and how to record a new pair).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPILER_VERSION } from '../dist/compiler/compiled.js';
import { fingerprint, recorded, sources } from './compiler/fingerprint.mjs';

test('the compiled code of the corpus changes only with COMPILER_VERSION', () => {
  const rec = recorded();
  const now = fingerprint();
  assert.equal(sources(), rec.sources, 'the corpus (benchmarks/programs, tests/compiler/corpus) changed: run node tests/compiler/fingerprint.mjs --record');
  if (rec.version === COMPILER_VERSION) {
    assert.equal(now, rec.fingerprint,
      `the compiler now makes other code of the same Lua under COMPILER_VERSION ${COMPILER_VERSION}: ` +
      'bump COMPILER_VERSION in src/compiler/compiled.ts, rebuild, and run node tests/compiler/fingerprint.mjs --record');
  } else {
    assert.fail(`COMPILER_VERSION is ${COMPILER_VERSION}, the record says ${rec.version}: run node tests/compiler/fingerprint.mjs --record`);
  }
});
