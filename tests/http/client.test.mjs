// The http client (SPEC B§1.2, A4) against a plain Node http server started here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runLuaAsync } from './harness.mjs';
import { tempDir } from '../helpers.mjs';

let server;
let base;
/** what the server received, per request path */
const seen = [];
const sockets = new Set();
const BIN = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

before(async () => {
  server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method, url: req.url, headers: req.headers, raw: req.rawHeaders, body, socket: req.socket });
      const u = new URL(req.url, 'http://x');
      switch (u.pathname) {
        case '/echo':
          res.writeHead(200, { 'Content-Type': 'application/json', 'X-Multi': ['one', 'two'] });
          res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: body.toString('latin1') }));
          return;
        case '/binary':
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(BIN);
          return;
        case '/status':
          res.writeHead(Number(u.searchParams.get('code')));
          res.end('status body');
          return;
        case '/redirect':
          res.writeHead(302, { location: '/echo?from=redirect' });
          res.end();
          return;
        case '/slow':
          setTimeout(() => res.end('late'), 3000);
          return;
        case '/big':
          res.end(Buffer.alloc(100_000, 'x'));
          return;
        default:
          res.writeHead(404);
          res.end('nope');
      }
    });
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

/** Runs Lua with BASE set; asserts success; returns stdout lines. */
async function lua(code) {
  const r = await runLuaAsync(`local BASE = "${base}"\n${code}`);
  assert.equal(r.err, '', r.err);
  assert.equal(r.status, 0);
  return r.out.trimEnd().split('\n');
}

test('GET: status, body, lower-case header names, Accept */*, no User-Agent', async () => {
  const out = await lua(`
    local r = http.get(BASE .. "/echo")
    local e = json.parse(r.body)
    print(r.status, r.headers["content-type"], e.method, e.headers.accept, e.headers["user-agent"])
    print(r.headers["x-multi"])`);
  assert.deepEqual(out, ['200\tapplication/json\tGET\t*/*\tnil', 'two']);
});

test('a table body is JSON with Content-Type application/json; a caller Content-Type replaces it', async () => {
  seen.length = 0;
  await lua(`
    http.post(BASE .. "/echo", { b = 1, a = { 1, 2 } })
    http.put(BASE .. "/echo", { x = true }, { headers = { ["Content-Type"] = "application/merge-patch+json" } })`);
  assert.equal(seen[0].body.toString(), '{"a":[1,2],"b":1}');
  assert.equal(seen[0].headers['content-type'], 'application/json');
  assert.equal(seen[1].method, 'PUT');
  const types = seen[1].raw.filter((_, i) => i % 2 === 0).filter((n) => n.toLowerCase() === 'content-type');
  assert.equal(types.length, 1, 'exactly one Content-Type');
  assert.equal(seen[1].headers['content-type'], 'application/merge-patch+json');
});

test('a string body goes verbatim without Content-Type; an empty one is no body', async () => {
  seen.length = 0;
  await lua(`
    http.patch(BASE .. "/echo", "raw text")
    http.post(BASE .. "/echo", "")
    http.delete(BASE .. "/echo")`);
  assert.equal(seen[0].method, 'PATCH');
  assert.equal(seen[0].body.toString(), 'raw text');
  assert.equal(seen[0].headers['content-type'], undefined);
  assert.equal(seen[1].body.length, 0);
  assert.equal(seen[1].headers['content-length'] ?? '0', '0');
  assert.equal(seen[2].method, 'DELETE');
});

test('headers: numbers become strings, Host can be overridden', async () => {
  seen.length = 0;
  await lua(`http.get(BASE .. "/echo", { headers = { ["X-Count"] = 42, Host = "auth.example.com" } })`);
  assert.equal(seen[0].headers['x-count'], '42');
  assert.equal(seen[0].headers.host, 'auth.example.com');
});

test('opts.query is encoded and appended; spaces in a URL are percent-encoded', async () => {
  seen.length = 0;
  await lua(`
    http.get(BASE .. "/echo?x=1", { query = { q = 'up{job="a b"}', tag = { "p", "q" } } })
    http.get(BASE .. "/echo?query=sum(rate(x[5m])) by (pod)")`);
  assert.equal(seen[0].url, '/echo?x=1&q=up%7Bjob%3D%22a%20b%22%7D&tag=p&tag=q');
  assert.equal(seen[1].url, '/echo?query=sum(rate(x[5m]))%20by%20(pod)');
});

test('binary bodies round-trip byte-exact both ways', async () => {
  seen.length = 0;
  const out = await lua(`
    local bin = {}
    for i = 0, 255 do bin[#bin + 1] = string.char(i) end
    bin = table.concat(bin)
    local r = http.get(BASE .. "/binary")
    print(#r.body, r.body == bin)
    http.post(BASE .. "/echo", bin)`);
  assert.deepEqual(out, ['256\ttrue']);
  assert.deepEqual(seen[1].body, BIN);
});

test('non-2xx statuses are returned, not raised; redirects are followed', async () => {
  const out = await lua(`
    print(http.get(BASE .. "/status?code=404").status, http.get(BASE .. "/status?code=503").body)
    local r = http.get(BASE .. "/redirect")
    print(r.status, json.parse(r.body).url)`);
  assert.deepEqual(out, ['404\tstatus body', '200\t/echo?from=redirect']);
});

test('failures: timeout, connection refused, invalid URL, bad arguments', async () => {
  const out = await lua(`
    local function try(...) local ok, e = pcall(...) print(e) end
    try(http.get, BASE .. "/slow", { timeout = 0.2 })
    try(http.get, "http://127.0.0.1:1/")
    try(http.get, "not a url")
    try(http.get, "ftp://example.com/")
    try(http.get, 42)
    try(http.post, BASE, 42)
    try(http.post, BASE, nil, "x")
    try(http.get, BASE, "x")
    try(http.post, BASE, { f = print })
    local ok, e = pcall(function() http.get("http://127.0.0.1:1/") end)
    print(e)`);
  assert.deepEqual(out, [
    'http.get failed: timeout after 0.2s',
    'http.get failed: connection refused (127.0.0.1:1)',
    'http.get failed: invalid URL: not a url',
    "http.get failed: unsupported URL scheme 'ftp'",
    'http.get: first argument must be a URL string',
    'http.post: second argument must be a string, table, or nil',
    'http.post: third argument must be a table or nil',
    'http.get: second argument must be a table or nil',
    'http.post: JSON encode failed: unsupported Lua type for JSON: function',
    out[9],
  ]);
  // raised from Lua code: the position of the call
  assert.match(out[9], /\/main\.lua:13: http\.get failed: connection refused \(127\.0\.0\.1:1\)$/);
});

test('connections are kept alive: sequential requests share one socket', async () => {
  seen.length = 0;
  await lua(`for i = 1, 5 do assert(http.get(BASE .. "/echo").status == 200) end`);
  assert.equal(seen.length, 5);
  assert.equal(new Set(seen.map((s) => s.socket)).size, 1);
});

test('http.client: default headers and timeout, methods with :, _client_request checks', async () => {
  seen.length = 0;
  const out = await lua(`
    local c = http.client({ headers = { Authorization = "Bearer t" }, timeout = 0.2 })
    print(type(c), type(c._ud), c:get(BASE .. "/echo").status)
    print(c:post(BASE .. "/echo", { a = 1 }, { headers = { Authorization = "Bearer u" } }).status)
    print(select(2, pcall(c.get, c, BASE .. "/slow")))
    print(select(2, pcall(http._client_request, {}, "GET", BASE)))
    print(select(2, pcall(http._client_request, c, "BREW", BASE)))
    print(http._client_request(c, "get", BASE .. "/echo").status)`);
  assert.deepEqual(out, [
    'table\tuserdata\t200',
    '200',
    'http.get failed: timeout after 0.2s',
    'http._client_request: first arg must be an http client',
    'http._client_request: second arg must be method name',
    '200',
  ]);
  assert.equal(seen[0].headers.authorization, 'Bearer t');
  assert.equal(seen[1].headers.authorization, 'Bearer u');
});

test('http.download writes the file atomically; max_size and error statuses leave nothing', async () => {
  const dir = tempDir('dl');
  const out = await lua(`
    print(http.download(BASE .. "/big", "${dir}/big.bin"))
    print(select(2, pcall(http.download, BASE .. "/big", "${dir}/small.bin", { max_size = 1000 })))
    print(select(2, pcall(http.download, BASE .. "/status?code=404", "${dir}/missing.bin")))`);
  assert.deepEqual(out, [
    '100000',
    'http.download failed: response larger than max_size (1000 bytes)',
    `http.download failed: HTTP 404 from ${base}/status?code=404`,
  ]);
  assert.equal(readFileSync(join(dir, 'big.bin')).length, 100000);
  assert.equal(existsSync(join(dir, 'small.bin')), false);
  assert.deepEqual(readdirSync(dir), ['big.bin']);
});

test('HTTP_PROXY: requests go through the proxy (a CONNECT tunnel), NO_PROXY hosts do not', async () => {
  // a forward proxy that tunnels (undici's proxy agent tunnels plain http as well)
  const tunnels = [];
  const proxy = http.createServer((req, res) => {
    res.writeHead(405);
    res.end();
  });
  proxy.on('connect', (req, sock, head) => {
    tunnels.push(req.url);
    const [host, port] = req.url.split(':');
    const up = net.connect(Number(port), host, () => {
      sock.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(sock);
      sock.pipe(up);
    });
    up.on('error', () => sock.destroy());
    sock.on('error', () => up.destroy());
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;
  try {
    const code = `
      local r = http.get(BASE .. "/echo?via=proxy")
      print(r.status, json.parse(r.body).url)`;
    const via = await runLuaAsync(`local BASE = "${base}"\n${code}`, { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '' } });
    assert.equal(via.err, '');
    assert.equal(via.out, '200\t/echo?via=proxy\n');
    assert.deepEqual(tunnels, [base.slice('http://'.length)]);
    const direct = await runLuaAsync(`local BASE = "${base}"\n${code}`, { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    assert.equal(direct.out, '200\t/echo?via=proxy\n');
    assert.equal(tunnels.length, 1);
  } finally {
    proxy.close();
  }
});

test('a proxy that refuses the tunnel: the request fails at its timeout, never hangs', async () => {
  // (a plain server closes a CONNECT it has no handler for; undici never settles such a
  // request, even aborted)
  const proxy = http.createServer((req, res) => {
    res.writeHead(405);
    res.end();
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  try {
    // (a hang is killed after 20 s: then nothing was printed)
    const r = await runLuaAsync(`print(pcall(http.get, "${base}/echo", { timeout = 1 }))`, { env: { HTTP_PROXY: `http://127.0.0.1:${proxy.address().port}`, NO_PROXY: '' }, kill: 20_000 });
    assert.equal(r.out, 'false\thttp.get failed: timeout after 1s\n');
    assert.equal(r.status, 0);
  } finally {
    proxy.close();
  }
});
