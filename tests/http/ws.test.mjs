// The ws client (SPEC B§1.17 and later additions) against a `ws` server started here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocketServer } from 'ws';
import { runLuaAsync } from './harness.mjs';

let wss;
let url;
const received = [];

before(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (ps) => [...ps][0] ?? false });
  wss.on('connection', (s, req) => {
    s.send(`hello ${req.headers['x-token'] ?? '-'} ${s.protocol || '-'}`);
    s.on('message', (d, binary) => {
      received.push({ data: Buffer.from(d), binary });
      if (d.toString() === 'bye') return s.close(1000, 'done');
      s.send(d, { binary });
    });
  });
  await new Promise((r) => wss.on('listening', r));
  url = `ws://127.0.0.1:${wss.address().port}/socket`;
});

after(() => wss.close());

async function lua(code) {
  const r = await runLuaAsync(code);
  assert.equal(r.err, '', r.err);
  assert.equal(r.status, 0);
  return r.out.trimEnd().split('\n');
}

test('connect with headers and a subprotocol; text and binary frames both ways', async () => {
  received.length = 0;
  const out = await lua(`
    local c = ws.connect("${url}", { headers = { ["X-Token"] = "t1" }, protocols = { "chat" } })
    print(ws.recv(c))
    ws.send(c, "ping")
    print(c:recv())
    ws.send_binary(c, "\\0\\1\\255")
    local d, kind = ws.recv(c)
    print(#d, d == "\\0\\1\\255", kind)
    ws.close(c)`);
  assert.deepEqual(out, ['hello t1 chat\ttext', 'ping\ttext', '3\ttrue\tbinary']);
  assert.deepEqual(received, [
    { data: Buffer.from('ping'), binary: false },
    { data: Buffer.from([0, 1, 255]), binary: true },
  ]);
});

test('recv: timeout, then the end of the connection', async () => {
  const out = await lua(`
    local c = ws.connect("${url}")
    ws.recv(c)
    print(select(2, pcall(ws.recv, c, 0.1)))
    ws.send(c, "bye")
    print(select(2, pcall(ws.recv, c)))
    ws.close(c)
    print(select(2, pcall(ws.send, c, "x")))`);
  assert.deepEqual(out, ['ws.recv: timeout after 0.1s', 'ws.recv: connection closed', 'ws.send: connection closed']);
});

test('errors: refused, not a connection, HTTP endpoint without upgrade', async () => {
  const out = await lua(`
    print(select(2, pcall(ws.connect, "ws://127.0.0.1:1/")))
    print(select(2, pcall(ws.send, {}, "x")))
    print(select(2, pcall(ws.recv, nil)))
    print(select(2, pcall(ws.connect, 5)))
    local srv = http.listen(0, { GET = { ["/"] = function() return { body = "plain" } end } })
    print(select(2, pcall(ws.connect, "ws://127.0.0.1:" .. srv.port .. "/")))`);
  assert.deepEqual(out, [
    'ws.connect: connection refused (127.0.0.1:1)',
    'ws.send: first argument must be a ws connection',
    'ws.recv: first argument must be a ws connection',
    'ws.connect: first argument must be a URL string',
    'ws.connect: server answered HTTP 200 instead of switching protocols',
  ]);
});

test('tasks: one task waits in recv while another sends', async () => {
  const out = await lua(`
    local c = ws.connect("${url}")
    ws.recv(c)
    local h = async.spawn(function() return (ws.recv(c)) end)
    async.spawn(function() sleep(0.05) ws.send(c, "from task") end)
    print(h:await()[1])
    ws.close(c)`);
  assert.deepEqual(out, ['from task']);
});
