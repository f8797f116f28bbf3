// http.serve / http.listen (SPEC B§1.2 "server", A4): routing, request and response
// tables, 404/500, concurrency of handlers, abuse (limits), SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { runLuaAsync, waitForLine } from './harness.mjs';

async function lua(code, opts) {
  const r = await runLuaAsync(code, opts);
  assert.equal(r.status, 0, r.err);
  return { lines: r.out.trimEnd().split('\n'), err: r.err };
}

test('routing, request table, response table, 404 and 500 (self-test through http.listen)', async () => {
  const { lines, err } = await lua(`
    local srv = http.listen(0, {
      GET = {
        ["/req"] = function(req)
          return { json = { method = req.method, path = req.path, query = req.query, h = req.headers["x-a"], n = #req.body } }
        end,
        ["/users/:id/keys/:key"] = function(req) return { body = req.params.id .. "/" .. req.params.key } end,
        ["/users/me"] = function(req) return { body = "exact wins" } end,
        ["/boom"] = function() error("kaput") end,
        ["/bad"] = function() return 42 end,
        ["/typed"] = function() return { status = 201, headers = { ["Content-Type"] = "text/csv", ["X-N"] = 7 }, body = "a,b" } end,
        ["/empty"] = function() return {} end,
        ["/num"] = function() return { body = 12 } end,
      },
      post = { ["/echo"] = function(req) return { body = req.body } end },
    })
    assert(srv.port == _SERVER_PORT and srv.port > 0)
    local B = "http://127.0.0.1:" .. srv.port
    local r = http.get(B .. "/req?x=1&y=2", { headers = { ["X-A"] = "v" } })
    print(r.status, r.headers["content-type"], r.body)
    print(http.get(B .. "/users/42/keys/k%20x").body, http.get(B .. "/users/me").body)
    r = http.get(B .. "/nowhere") print(r.status, r.headers["content-type"], r.body)
    r = http.post(B .. "/req", "x") print(r.status, r.body)
    r = http.get(B .. "/boom") print(r.status, r.body)
    r = http.get(B .. "/bad") print(r.status, r.body)
    r = http.get(B .. "/typed") print(r.status, r.headers["content-type"], r.headers["x-n"], r.body)
    r = http.get(B .. "/empty") print(r.status, r.headers["content-type"], "[" .. r.body .. "]")
    print(http.get(B .. "/num").body, http.post(B .. "/echo", "\\0\\255").body == "\\0\\255")
    srv.close()`);
  assert.deepEqual(lines, [
    '200\tapplication/json\t{"h":"v","method":"GET","n":0,"path":"/req","query":"x=1&y=2"}',
    '42/k x\texact wins',
    '404\ttext/plain\tnot found',
    '404\tnot found',
    lines[4],
    '500\thandler error: handler must return a table (got number)',
    '201\ttext/csv\t7\ta,b',
    '200\ttext/plain\t[]',
    '12\ttrue',
  ]);
  assert.match(lines[4], /^500\thandler error: \/.*main\.lua:9: kaput$/);
  // the error is logged with the Lua position
  assert.match(err, /ERROR http\.listen: handler error: .*main\.lua:9: kaput method=GET path=\/boom/);
});

test('204 and 304 answers carry no body; a 1xx status counts as invalid', async () => {
  const { lines } = await lua(`
    local srv = http.listen(0, { GET = {
      ["/204"] = function() return { status = 204, body = "dropped" } end,
      ["/304"] = function() return { status = 304, json = { a = 1 } } end,
      ["/101"] = function() return { status = 101, body = "x" } end,
    } })
    local B = "http://127.0.0.1:" .. srv.port
    for _, p in ipairs({ "/204", "/304", "/101" }) do
      local r = http.get(B .. p)
      print(r.status, "[" .. r.body .. "]")
    end`);
  assert.deepEqual(lines, ['204\t[]', '304\t[]', '200\t[x]']);
});

test('handlers run concurrently: 50 parallel requests to a handler that sleeps 0.2 s', async () => {
  const { lines } = await lua(`
    local now, peak = 0, 0
    local srv = http.listen(0, { GET = { ["/slow"] = function()
      now = now + 1
      if now > peak then peak = now end
      sleep(0.2)
      now = now - 1
      return { body = "ok" }
    end } })
    local t0 = time()
    local hs = {}
    for i = 1, 50 do hs[i] = async.spawn(function() return http.get("http://127.0.0.1:" .. srv.port .. "/slow").body end) end
    local ok = 0
    for i = 1, 50 do if hs[i]:await()[1] == "ok" then ok = ok + 1 end end
    print(ok, peak)
    io.stderr:write(string.format("elapsed %.3f\\n", time() - t0))`);
  assert.equal(lines[0], '50\t50');
});

test('a handler may call http.get on its own server', async () => {
  const { lines } = await lua(`
    local srv
    srv = http.listen(0, { GET = {
      ["/inner"] = function() return { body = "inner" } end,
      ["/outer"] = function() return { body = "outer+" .. http.get("http://127.0.0.1:" .. srv.port .. "/inner").body } end,
    } })
    print(http.get("http://127.0.0.1:" .. srv.port .. "/outer").body)`);
  assert.deepEqual(lines, ['outer+inner']);
});

test('argument errors', async () => {
  const { lines } = await lua(`
    print(select(2, pcall(http.serve, 8080.0, {})))
    print(select(2, pcall(http.serve, "80", {})))
    print(select(2, pcall(http.serve, 0, nil)))
    print(select(2, pcall(http.listen, 0, { GET = { ["/"] = 1 } })))
    print(select(2, pcall(http.listen, 0, { GET = 1 })))
    print(select(2, pcall(http.listen, 0, {}, { max_body_bytes = "10k" })))
    local a = http.listen(0, {})
    print(select(2, pcall(http.listen, a.port, {})))`);
  assert.deepEqual(lines, [
    'http.serve: first argument must be a port number',
    'http.serve: first argument must be a port number',
    'http.serve: second argument must be a routes table',
    'http.listen: handler for GET / must be a function',
    'http.listen: routes for GET must be a table of path = function',
    "http.listen: option 'max_body_bytes' must be a positive number",
    lines[6],
  ]);
  assert.match(lines[6], /^http\.listen: bind failed: address already in use \(0\.0\.0\.0:\d+\)$/);
});

/** Sends raw bytes on a new connection; resolves to what the server answered. */
function raw(port, text, { end = true } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    s.setEncoding('latin1');
    s.on('data', (d) => (got += d));
    s.on('close', () => resolve(got));
    s.on('error', () => resolve(got));
    s.write(text);
    if (end) s.end();
  });
}

test('abuse: oversized headers 431, oversized body 413, malformed 400, slow client 408; the server survives', async () => {
  const run = runLuaAsync(`
    local srv = http.listen(0, { POST = { ["/"] = function(req) return { body = "got " .. #req.body } end },
                                 GET = { ["/"] = function() return { body = "alive" } end } },
                            { max_body_bytes = 1000, max_header_bytes = 4096, headers_timeout = 0.5 })
    print("port " .. srv.port)
    sleep(30)`);
  const port = Number((await waitForLine(run, /port (\d+)\n/))[1]);
  const big = await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(8000)}\r\n\r\n`);
  assert.match(big, /^HTTP\/1\.1 431 /);
  const body = await raw(port, `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n${'b'.repeat(5000)}`);
  assert.match(body, /^HTTP\/1\.1 413 /);
  const chunked = await raw(port, `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n7d0\r\n${'c'.repeat(2000)}\r\n0\r\n\r\n`);
  assert.match(chunked, /^HTTP\/1\.1 413 /);
  const bad = await raw(port, 'THIS IS NOT HTTP\r\n\r\n');
  assert.match(bad, /^HTTP\/1\.1 400 /);
  const slow = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n', { end: false });
  assert.match(slow, /^HTTP\/1\.1 408 /);
  const ok = await raw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc');
  assert.match(ok, /^HTTP\/1\.1 200 [\s\S]*got 3$/);
  run.child.kill('SIGKILL');
  await run;
});

test('request bodies: none, empty, by length, chunked; a client gone before its answer is forgotten harmlessly', async () => {
  const run = runLuaAsync(`
    local answered = 0
    local srv = http.listen(0, {
      POST = { ["/"] = function(req) return { body = "[" .. req.body .. "] " .. tostring(req.headers["transfer-encoding"]) } end },
      GET = {
        ["/slow"] = function() sleep(0.3); answered = answered + 1; return { body = "late" } end,
        ["/count"] = function() return { body = "answered " .. answered } end,
      },
    })
    print("port " .. srv.port)
    sleep(30)`);
  const port = Number((await waitForLine(run, /port (\d+)\n/))[1]);
  const post = (headers, body = '') => raw(port, `POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n${body}`);
  assert.match(await post(''), /^HTTP\/1\.1 200 [\s\S]*\r\n\r\n\[\] nil$/);
  assert.match(await post('Content-Length: 0\r\n'), /^HTTP\/1\.1 200 [\s\S]*\r\n\r\n\[\] nil$/);
  assert.match(await post('Content-Length: 3\r\n', 'abc'), /^HTTP\/1\.1 200 [\s\S]*\r\n\r\n\[abc\] nil$/);
  assert.match(await post('Transfer-Encoding: chunked\r\n', '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'), /^HTTP\/1\.1 200 [\s\S]*\r\n\r\n\[abcde\] chunked$/);
  // a client that leaves while its handler sleeps: the handler's answer goes nowhere, and
  // the server goes on serving
  await new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n'));
    c.on('close', resolve);
    setTimeout(() => c.destroy(), 100);
  });
  let count;
  do {
    assert.equal(run.child.exitCode, null, 'the server exited');
    await new Promise((r) => setTimeout(r, 50));
    count = await raw(port, 'GET /count HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  } while (!/answered 1$/.test(count));
  assert.match(count, /^HTTP\/1\.1 200 /);
  run.child.kill('SIGKILL');
  await run;
});

/** A port nothing listens on (bound and released here). */
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on port. */
async function listening(port, run) {
  for (;;) {
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (up) return;
    if (run.child.exitCode !== null) throw new Error('the server exited');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('SIGTERM (worker mode): stops accepting, finishes the request in flight, exits 0', async () => {
  const port = await freePort();
  const run = runLuaAsync(`
    http.serve(${port}, { GET = { ["/slow"] = function() sleep(0.8) return { body = "finished" } end,
                                  ["/other"] = function() return { body = "other" } end } })`, { worker: true });
  await listening(port, run);
  const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 300));
  run.child.kill('SIGTERM');
  assert.equal(await inFlight, 'finished');
  const r = await run;
  assert.equal(r.status, 0, r.err);
  assert.match(r.err, /interrupted \(SIGTERM\): stopping \(1 request\(s\) in flight\)/);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/other`));
});
