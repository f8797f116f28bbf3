// The I/O bridge (src/runtime-lib/exec/bridge.ts, built as dist/bundle/exec.mjs): ops run in
// the I/O worker while the main thread waits synchronously. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ioSubmit, ioWait, ioCancel, ioLoadOps, ioShutdown, ioPending, ioPrestart } from '../dist/bundle/exec.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures', 'exec');

/** Waits for the final event of each id (collecting "event" events too); fails after `ms`. */
function collect(ids, ms = 5000) {
  const want = new Set(ids);
  const final = new Map();
  const events = [];
  const deadline = performance.now() + ms;
  while (final.size < want.size) {
    const left = deadline - performance.now();
    assert.ok(left > 0, `timed out waiting for ops ${[...want].filter((id) => !final.has(id))}`);
    for (const e of ioWait(left)) {
      if (!want.has(e.id)) assert.fail(`unexpected event for op ${e.id}: ${e.kind}`);
      if (e.kind === 'event') events.push(e);
      else {
        assert.ok(!final.has(e.id), `two final events for op ${e.id}`);
        final.set(e.id, e);
      }
    }
  }
  return { final, events };
}

const run = (op, args = []) => collect([ioSubmit(op, args)]).final.values().next().value;

test('importing the bridge starts nothing; ioWait(0) with nothing pending returns [] at once', () => {
  assert.equal(ioPending(), 0);
  const t = performance.now();
  assert.deepEqual(ioWait(0), []);
  assert.deepEqual(ioWait(Infinity), []); // nothing could ever arrive
  assert.ok(performance.now() - t < 20);
  ioShutdown(); // safe before any start
});

test('sleep(50) is done after at least 50 ms', () => {
  run('echo', []); // start the worker first
  const t = performance.now();
  const id = ioSubmit('sleep', [50]);
  assert.equal(ioPending(), 1);
  const events = ioWait(Infinity);
  const took = performance.now() - t;
  assert.deepEqual(events, [{ id, kind: 'done', value: undefined }]);
  assert.ok(took >= 50, `took ${took} ms`);
  assert.equal(ioPending(), 0);
});

test('50 concurrent sleeps of 200 ms finish together', () => {
  const t = performance.now();
  const ids = Array.from({ length: 50 }, () => ioSubmit('sleep', [200]));
  const { final } = collect(ids);
  const took = performance.now() - t;
  assert.ok([...final.values()].every((e) => e.kind === 'done'));
  assert.ok(took >= 200 && took < 900, `took ${took} ms`);
});

test('ioWait with a timeout returns [] when nothing arrives in time', () => {
  const id = ioSubmit('sleep', [300]);
  const t = performance.now();
  assert.deepEqual(ioWait(30), []);
  const took = performance.now() - t;
  assert.ok(took >= 29 && took < 250, `took ${took} ms`);
  assert.equal(collect([id]).final.get(id).kind, 'done');
});

test('echo returns structured values intact, byte strings included', () => {
  let bytes = '';
  for (let i = 0; i < 256; i++) bytes += String.fromCharCode(i);
  const args = [bytes, 1, 2.5, -0, NaN, 2n ** 63n - 1n, true, null, undefined, [1, [2, 'x']], { a: { b: 'c' } }, new Map([[1, 2]])];
  const e = run('echo', args);
  assert.equal(e.kind, 'done');
  assert.deepEqual(e.value, args);
  assert.equal(e.value[0], bytes);
  assert.ok(Object.is(e.value[3], -0));
});

test('errors: a rejecting op, an unknown op, an uncloneable result or argument', () => {
  ioLoadOps(join(fixtures, 'test-ops.mjs'));
  const id = ioSubmit('fail', ['it went wrong']);
  assert.deepEqual(ioWait(Infinity), [{ id, kind: 'error', message: 'it went wrong' }]);
  assert.equal(run('failWith', ['plain string']).message, 'plain string');
  assert.equal(run('nope').message, "unknown I/O operation 'nope'");
  assert.match(run('returnsFunction').message, /^cannot send the result of an I\/O operation: /);
  assert.throws(() => ioSubmit('echo', [() => 1]), /could not be cloned/);
  assert.equal(ioPending(), 0);
});

test('ioLoadOps reports modules that fail to load or export no ops', () => {
  assert.throws(() => ioLoadOps(join(fixtures, 'throws-on-load.mjs')), /cannot load I\/O operations from '.*throws-on-load\.mjs': broken op module/);
  assert.throws(() => ioLoadOps(join(fixtures, 'no-ops.mjs')), /exports no 'ops' table/);
  assert.throws(() => ioLoadOps(join(fixtures, 'missing.mjs')), /cannot load I\/O operations/);
  assert.equal(run('echo', [1]).kind, 'done');
});

test('an op emits events before its final done', () => {
  ioLoadOps(join(fixtures, 'test-ops.mjs'));
  const id = ioSubmit('ticker', [4, 5]);
  const { final, events } = collect([id]);
  assert.deepEqual(events.map((e) => [e.id, e.kind, e.value]), [1, 2, 3, 4].map((v) => [id, 'event', v]));
  assert.deepEqual(final.get(id), { id, kind: 'done', value: 'end' });
});

test('ioCancel: the op ends at once with error "cancelled" and its handler sees the abort', () => {
  const t = performance.now();
  const sleep = ioSubmit('sleep', [60_000]);
  const other = ioSubmit('sleep', [20]);
  ioCancel(sleep);
  assert.equal(ioPending(), 1);
  assert.deepEqual(ioWait(0), [{ id: sleep, kind: 'error', message: 'cancelled' }]);
  assert.equal(collect([other]).final.get(other).kind, 'done');
  assert.ok(performance.now() - t < 1000);

  const ab = ioSubmit('abortable', ['k1']);
  ioCancel(ab);
  ioCancel(ab); // twice: no effect
  assert.deepEqual(ioWait(0), [{ id: ab, kind: 'error', message: 'cancelled' }]);
  assert.equal(run('sawAbort', ['k1']).value, true);

  // events and results sent after the cancel are dropped
  const late = ioSubmit('lateEmitter');
  ioCancel(late);
  assert.deepEqual(ioWait(0), [{ id: late, kind: 'error', message: 'cancelled' }]);
  assert.equal(run('echo', ['after']).value[0], 'after');
  assert.deepEqual(ioWait(50), []);
  assert.equal(ioPending(), 0);
});

test('a dying worker fails the pending ops; the next submit starts a new one', () => {
  for (const [op, reason] of [
    ['exit', 'exited with code 7'],
    ['throwLater', 'uncaught exception: Error: boom'],
  ]) {
    ioLoadOps(join(fixtures, 'test-ops.mjs'));
    // (an op submitted after the worker died would go to a new worker)
    const ids = [ioSubmit('sleep', [60_000]), ioSubmit('ticker', [1000, 1000]), ioSubmit(op, [7])];
    const { final } = collect(ids);
    for (const id of ids) assert.deepEqual(final.get(id), { id, kind: 'error', message: `I/O worker stopped: ${reason}` });
    assert.equal(ioPending(), 0);
    assert.deepEqual(run('echo', ['again']).value, ['again']);
    // the new worker loaded the extra op module again
    assert.equal(run('ticker', [1, 1]).value, 'end');
  }
});

test('ioShutdown stops the worker; the bridge starts a new one when used again', () => {
  ioSubmit('sleep', [60_000]);
  ioShutdown();
  assert.equal(ioPending(), 0);
  assert.deepEqual(ioWait(Infinity), []);
  assert.deepEqual(run('echo', ['x']).value, ['x']);
  ioShutdown();
});

test('a process using the bridge exits by itself, even with an op still running', () => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(fixtures, 'uses-bridge.mjs')], { encoding: 'utf8', timeout: 10_000 });
  const took = performance.now() - t;
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /"kind":"done"/);
  assert.ok(took < 5000, `took ${took} ms`);
});

test('latency: 1000 sequential echo round trips', () => {
  run('echo', []);
  const t = performance.now();
  for (let i = 0; i < 1000; i++) {
    ioSubmit('echo', [i]);
    const [e] = ioWait(Infinity);
    assert.equal(e.value[0], i);
  }
  const took = performance.now() - t;
  console.log(`exec bridge: 1000 sequential echo round trips in ${took.toFixed(1)} ms (${((took / 1000) * 1000).toFixed(1)} µs each)`);
});

test('ioPrestart starts the worker without an op: nothing is pending, and ops then use it', () => {
  ioShutdown();
  ioPrestart();
  ioPrestart();
  assert.equal(ioPending(), 0);
  assert.deepEqual(ioWait(0), []);
  assert.equal(run('echo', [7]).kind, 'done');
});

test('a main chunk that names an I/O builtin starts the I/O worker early; it ends with the program', () => {
  // (a script that names http and never uses it: the worker it started does not hold the
  // process, and the output and status are the program's)
  const r = spawnSync(join(here, '..', 'bin', 'assay'), ['-e', 'local get = http.get\nprint("done")'], { encoding: 'utf8', timeout: 20000 });
  assert.equal(r.stdout, 'done\n');
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});
