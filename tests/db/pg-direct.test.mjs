// The Lua thread's side of a PostgreSQL connection (src/runtime-lib/builtins/db/pg-direct.ts)
// without a server: the descriptor it was lent must still be the socket it was lent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { PgDirect } = await import(new URL('../../dist/runtime-lib/builtins/db/pg-direct.js', import.meta.url).href);

test('a lent descriptor that no longer is the socket (the worker gone, the number reused) is never written', async () => {
  const server = net.createServer(() => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sock = net.connect(server.address().port, '127.0.0.1');
  await new Promise((resolve) => sock.on('connect', resolve));
  const fd = sock._handle.fd;
  const direct = new PgDirect(0);
  direct.lend({ fd, tx: 'I', cleared: false });
  // the socket closes; a file opened next takes the lowest free number, most likely the same
  await new Promise((resolve) => sock.destroy().on('close', resolve));
  const file = join(fs.mkdtempSync(join(tmpdir(), 'assay-pg-direct-')), 'data');
  const f = fs.openSync(file, 'w+');
  try {
    assert.throws(() => direct.execute('SELECT 1', null), { message: 'connection lost: the I/O worker stopped' });
    assert.throws(() => direct.execute('SELECT 1', null), { message: 'connection lost: the I/O worker stopped' });
    assert.equal(fs.readFileSync(file).length, 0);
  } finally {
    fs.closeSync(f);
    server.close();
  }
});
