// SIGTERM/SIGINT in worker mode (as process 1 in a container, or ASSAY_WORKER=1): the
// program sees "interrupted (SIGTERM)" at its wait, its <close> handlers run, and the run
// exits with 128 + the signal number; a second signal ends it at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assayBin, tempDir } from './helpers.mjs';

const dir = tempDir('sig');

/** Starts a script in worker mode, sends `signals` once it printed "ready", resolves with
 *  its output, exit code and how long it took after the first signal. */
function runSignalled(name, text, signals, worker = true) {
  writeFileSync(join(dir, name), text, 'latin1');
  return new Promise((resolve) => {
    const p = spawn(assayBin, ['run', name], { cwd: dir, env: { ...process.env, ASSAY_WORKER: worker ? '1' : '' } });
    let out = '';
    let err = '';
    let sentAt = 0;
    p.stdout.on('data', (d) => {
      out += d;
      if (sentAt === 0 && out.includes('ready')) {
        sentAt = Date.now();
        // (200 ms apart: a signal sent while the same one is pending merges with it)
        signals.forEach((s, i) => setTimeout(() => p.kill(s), i * 200));
      }
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code, signal) => resolve({ out, err, code, signal, ms: Date.now() - sentAt }));
  });
}

test('SIGTERM interrupts a wait: <close> handlers run and the exit code is 143', async () => {
  const r = await runSignalled('term.lua', `
local guard <close> = setmetatable({}, {__close = function(_, e) print("closing", e) end})
print("ready")
sleep(30)
print("not reached")
`, ['SIGTERM']);
  assert.equal(r.code, 143);
  assert.equal(r.out, 'ready\nclosing\tinterrupted (SIGTERM)\n');
  assert.match(r.err, /^assay: interrupted \(SIGTERM\)\n/);
  assert.ok(r.ms < 2000, `took ${r.ms} ms`);
});

test('SIGINT gives 130, and a pcall can catch the interruption to finish cleanly', async () => {
  const r = await runSignalled('int.lua', `
print("ready")
local ok, e = pcall(sleep, 30)
print(ok, e)
`, ['SIGINT']);
  assert.equal(r.code, 0);
  assert.equal(r.out, 'ready\nfalse\tinterrupted (SIGINT)\n');
});

test('a second signal ends a program that does not stop', async () => {
  const r = await runSignalled('busy.lua', 'print("ready")\nio.stdout:flush()\nwhile true do end\n', ['SIGTERM', 'SIGTERM']);
  assert.equal(r.code, 143);
  assert.ok(r.ms < 2000, `took ${r.ms} ms`);
});

test('on the main thread (the default outside containers) a signal ends the run at once; output written before a wait is not lost', async () => {
  const r = await runSignalled('plain.lua', 'print("ready")\nsleep(30)\n', ['SIGTERM'], false);
  assert.equal(r.signal, 'SIGTERM');
  assert.equal(r.out, 'ready\n');
  assert.ok(r.ms < 2000, `took ${r.ms} ms`);
});
