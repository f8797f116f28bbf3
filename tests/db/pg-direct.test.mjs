// The Lua thread's side of a PostgreSQL connection (src/runtime-lib/builtins/db/pg-direct.ts)
// without a server: the descriptor it was lent belongs to the I/O worker, so once that worker
// has stopped it is never used again — its number may name a file opened since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../../dist/runtime-lib/', import.meta.url);
const { PgDirect } = await import(new URL('builtins/db/pg-direct.js', dist).href);
const { ioLoadOps, ioSubmit, ioWait, ioWorkerAlive, ioWorkerId } = await import(new URL('exec/bridge.js', dist).href);

test('a lent descriptor is not used once the worker that lent it has stopped', async () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'assay-pg-direct-'));
  // an op that answers, then makes the worker die of an uncaught exception
  const ops = join(dir, 'die.mjs');
  fs.writeFileSync(ops, 'export const ops = { "test.die": () => { setTimeout(() => { throw new Error("boom"); }); return null; } };\n');
  ioLoadOps(ops);
  const worker = ioWorkerId();
  assert.ok(worker > 0);

  // a socket standing for the one the worker lent: a server that never answers
  const server = net.createServer(() => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sock = net.connect(server.address().port, '127.0.0.1');
  await new Promise((resolve) => sock.on('connect', resolve));
  const fd = sock._handle.fd;
  const direct = new PgDirect(1);
  direct.lend({ fd, tx: 'I', cleared: false }, worker);
  try {
    // while the worker runs, the statement goes out (and, unanswered, times out)
    assert.throws(() => direct.execute('SELECT 1', null), { message: 'query timed out: the server did not answer' });
    const again = new PgDirect(0);
    again.lend({ fd, tx: 'I', cleared: false }, worker);

    ioSubmit('test.die', []);
    ioWait(1000);
    const nap = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 100 && ioWorkerAlive(worker); i++) Atomics.wait(nap, 0, 0, 50);
    assert.equal(ioWorkerAlive(worker), false);

    // the worker's sockets close as it goes; a file opened next most likely gets the number
    await new Promise((resolve) => sock.destroy().on('close', resolve));
    const file = join(dir, 'data');
    const f = fs.openSync(file, 'w+');
    try {
      assert.throws(() => again.execute('SELECT 1', null), { message: 'connection lost: the I/O worker stopped' });
      assert.throws(() => again.execute('SELECT 1', null), { message: 'connection lost: the I/O worker stopped' });
      assert.equal(fs.readFileSync(file).length, 0);
    } finally {
      fs.closeSync(f);
    }
  } finally {
    sock.destroy();
    server.close();
  }
});
