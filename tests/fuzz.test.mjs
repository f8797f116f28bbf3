// The differential fuzzer (tests/fuzz/): the generator is deterministic and writes valid
// Lua, and a small fixed-seed budget of programs runs the same under assay and lua5.4
// (skipped when lua5.4 is not installed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, programSeed } from './fuzz/rng.mjs';
import { genBatch, renderProgram } from './fuzz/program.mjs';
import { haveLua } from './fuzz/exec.mjs';

const FUZZ = join(dirname(fileURLToPath(import.meta.url)), 'fuzz', 'fuzz.mjs');
const luac = spawnSync('luac5.4', ['-v']);
const haveLuac = !luac.error && luac.status === 0;

test('the random source is reproducible', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const xs = Array.from({ length: 5 }, () => a.int(0, 1000));
  assert.deepEqual(Array.from({ length: 5 }, () => b.int(0, 1000)), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => new Rng(43).int(0, 1000)), xs);
  assert.equal(programSeed(7, 3), programSeed(7, 3));
  assert.notEqual(programSeed(7, 3), programSeed(7, 4));
});

test('the same seed gives the same program', () => {
  for (const seed of [1, 2, 12345, 0xdeadbeef]) {
    const one = renderProgram(genBatch(seed, 20), true);
    const two = renderProgram(genBatch(seed, 20), true);
    assert.equal(one, two);
    assert.notEqual(renderProgram(genBatch(seed + 1, 20), true), one);
  }
});

test('a batch is its snippets: the first k snippets do not depend on the batch size', () => {
  const small = genBatch(99, 3).snippets.items.map((s) => JSON.stringify(s));
  const large = genBatch(99, 10).snippets.items.slice(0, 3).map((s) => JSON.stringify(s));
  assert.deepEqual(large, small);
});

test('generated programs are valid Lua 5.4', { skip: !haveLuac && 'luac5.4 not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-fuzz-test-'));
  try {
    for (let b = 0; b < 10; b++) {
      const file = join(dir, `b${b}.lua`);
      writeFileSync(file, renderProgram(genBatch(programSeed(2024, b), 30), true), 'latin1');
      const r = spawnSync('luac5.4', ['-p', file], { encoding: 'latin1' });
      assert.equal(r.status, 0, r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('30 fixed-seed programs run the same under assay and lua5.4', { skip: !haveLua() && 'lua5.4 not installed' }, () => {
  const r = spawnSync(process.execPath, [FUZZ, '--seed', '1', '--programs', '30', '--batch', '30', '--no-write', '--no-shrink'], {
    encoding: 'latin1',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, `fuzz found differences:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /30 programs in 1 batches/);
});
