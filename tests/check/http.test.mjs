// Check mode's http checks against a real server in this process: what is sent, SPEC's
// expect rules and messages, retries with linear backoff, per-check and global timeouts,
// and parallel against sequential runs (seen from the server: arrival order and overlap).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks, startServer, reply, flaky } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer({
    '/health': (req, res) => reply(res, 200, { database: 'ok', version: 2, ratio: 1.0, nested: { deep: { flag: true } }, list: [1, 2] }),
    '/float': (req, res) => reply(res, 200, '{"v": 1.0, "w": 2.5, "n": null, "s": "1"}'),
    '/text': (req, res) => reply(res, 200, 'all systems "go"\n'),
    '/error': (req, res) => reply(res, 500, 'boom'),
    '/created': (req, res) => reply(res, 201, 'made'),
    '/echo': (req, res, body) => reply(res, 200, { method: req.method, body, auth: req.headers.authorization ?? null, type: req.headers['content-type'] ?? null }),
    '/flaky': flaky(2),
    '/down': flaky(Infinity),
    '/slow': (req, res) => setTimeout(() => reply(res, 200, 'late'), 150),
    '/hang': () => {},
  });
});
after(() => srv.close());

const requests = (path) => srv.log.filter((r) => r.url.startsWith(path));

test('a healthy endpoint passes; the report has SPEC shape with attempts', async () => {
  const r = await runChecks(`checks:\n  - name: api\n    type: http\n    url: ${srv.url}/health\n`);
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(Object.keys(r.report), ['passed', 'checks', 'duration_ms']);
  assert.deepEqual(Object.keys(r.report.checks[0]), ['name', 'passed', 'duration_ms', 'message', 'attempts']);
  assert.deepEqual({ ...r.report.checks[0], duration_ms: 0 }, { name: 'api', passed: true, duration_ms: 0, message: null, attempts: 1 });
  assert.equal(r.report.passed, true);
  assert.match(r.err, /INFO configuration loaded file=checks\.yaml checks=1/);
  assert.match(r.err, /check completed check=api result=PASS duration_ms=\d+ attempts=1/);
});

test('without expect: 2xx passes, anything else fails with "expected 2xx"', async () => {
  const r = await runChecks(
    `retries: 0\nchecks:\n` +
      `  - {name: created, type: http, url: "${srv.url}/created"}\n` +
      `  - {name: error, type: http, url: "${srv.url}/error"}\n` +
      `  - {name: missing, type: http, url: "${srv.url}/nothing-here"}\n`,
  );
  assert.equal(r.status, 1);
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.message]),
    [
      ['created', true, null],
      ['error', false, 'expected 2xx, got 500'],
      ['missing', false, 'expected 2xx, got 404'],
    ],
  );
  assert.match(r.err, /check completed check=error result=FAIL/);
});

test('expect: status, body and JSON rules in order, with SPEC messages', async () => {
  const check = (name, path, expect) => `  - name: ${name}\n    type: http\n    url: ${srv.url}${path}\n    expect:\n${expect.map((l) => `      ${l}\n`).join('')}`;
  const r = await runChecks(
    'retries: 0\nchecks:\n' +
      check('status-ok', '/error', ['status: 500']) +
      check('status-bad', '/health', ['status: 204']) +
      check('body-ok', '/text', ['body: systems "go"']) +
      check('body-bad', '/text', ["body: 'needs \"quotes\"'"]) +
      check('status-first', '/error', ['status: 200', 'body: nope']) +
      check('json-ok', '/health', ['status: 200', 'json: .database == "ok"']) +
      check('json-bare', '/health', ["json: '.database == ok'"]) +
      check('json-nested', '/health', ['json: .nested.deep.flag == true']) +
      check('json-int', '/health', ['json: .version == 2']) +
      check('json-int-vs-float', '/health', ['json: .version == 2.0']) +
      check('json-float-vs-int', '/float', ['json: .v == 1']) +
      check('json-float', '/float', ['json: .v == 1.0']) +
      check('json-float2', '/float', ['json: .w == 2.5']) +
      check('json-null', '/float', ['json: .n == null']) +
      check('json-string-not-int', '/float', ['json: .s == 1']) +
      check('json-missing', '/health', ['json: .nested.nope.x == 1']) +
      check('json-no-index', '/health', ['json: .list.0 == 1']) +
      check('json-wrong', '/health', ['json: .database == "down"']) +
      check('json-syntax', '/health', ['json: .database = "ok"']) +
      check('json-not-json', '/text', ['json: .a == 1']),
  );
  const got = Object.fromEntries(r.report.checks.map((c) => [c.name, c.passed ? 'PASS' : c.message]));
  assert.match(got['json-not-json'], /^response body is not valid JSON: ./);
  delete got['json-not-json'];
  assert.deepEqual(got, {
    'status-ok': 'PASS',
    'status-bad': 'expected status 204, got 200',
    'body-ok': 'PASS',
    'body-bad': 'body does not contain "needs \\"quotes\\""',
    'status-first': 'expected status 200, got 500',
    'json-ok': 'PASS',
    'json-bare': 'PASS',
    'json-nested': 'PASS',
    'json-int': 'PASS',
    'json-int-vs-float': 'JSON expression failed: .version == 2.0',
    'json-float-vs-int': 'JSON expression failed: .v == 1',
    'json-float': 'PASS',
    'json-float2': 'PASS',
    'json-null': 'PASS',
    'json-string-not-int': 'JSON expression failed: .s == 1',
    'json-missing': "JSON path '.nope' not found in response",
    'json-no-index': "JSON path '.0' not found in response",
    'json-wrong': 'JSON expression failed: .database == "down"',
    'json-syntax': `unsupported JSON expression syntax: ".database = "ok"" (expected '.path == value')`,
  });
  assert.equal(r.status, 1);
});

test('method, headers and body are sent; a mapping body goes as JSON', async () => {
  const before = requests('/echo').length;
  const r = await runChecks(
    `checks:\n` +
      `  - name: post\n    type: http\n    method: post\n    url: ${srv.url}/echo\n` +
      `    headers:\n      Authorization: Bearer t0k\n      Content-Type: text/plain\n    body: hello\n` +
      `    expect:\n      json: .body == "hello"\n` +
      `  - name: json-body\n    type: http\n    method: PUT\n    url: ${srv.url}/echo\n    body:\n      a: 1\n` +
      `    expect:\n      json: .type == "application/json"\n` +
      `  - name: get\n    type: http\n    url: ${srv.url}/echo\n    expect:\n      json: .method == "GET"\n`,
  );
  assert.equal(r.status, 0, r.out + r.err);
  const seen = requests('/echo').slice(before);
  assert.deepEqual(
    seen.map((q) => [q.method, q.body, q.headers.authorization, q.headers['content-type']]),
    [
      ['POST', 'hello', 'Bearer t0k', 'text/plain'],
      ['PUT', '{"a":1}', undefined, 'application/json'],
      ['GET', '', undefined, undefined],
    ],
  );
});

test('a connection failure is "HTTP GET <url>: <cause>"', async () => {
  const r = await runChecks('retries: 0\nchecks:\n  - {name: refused, type: http, url: "http://127.0.0.1:1/x"}\n');
  assert.equal(r.report.checks[0].message, 'HTTP GET http://127.0.0.1:1/x: connection refused (127.0.0.1:1)');
});

test('a flaky endpoint passes on the third attempt; the backoff grows linearly', async () => {
  const r = await runChecks(`retries: 3\nbackoff: 100ms\nchecks:\n  - name: flaky\n    type: http\n    url: ${srv.url}/flaky\n`);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.report.checks[0].attempts, 3);
  const at = requests('/flaky').map((q) => q.at);
  assert.equal(at.length, 3);
  // sleeps of 100 ms then 200 ms between the attempts (lower bounds: a sleep is never short)
  assert.ok(at[1] - at[0] >= 95, `first gap ${at[1] - at[0]}`);
  assert.ok(at[2] - at[1] >= 195, `second gap ${at[2] - at[1]}`);
  const retrying = r.err.match(/check failed, retrying check=flaky attempt=(\d) of=4 message="expected 2xx, got 503" retry_in=(\d+ms)/g);
  assert.deepEqual(retrying.map((l) => l.replace(/.*attempt=(\d).*retry_in=(\S+)/, '$1 $2')), ['1 100ms', '2 200ms']);
});

test('retries: attempts = retries + 1; the last attempt is recorded; per-check retries/backoff win', async () => {
  const before = requests('/down').length;
  const r = await runChecks(
    `retries: 1\nbackoff: 10ms\nchecks:\n` +
      `  - {name: global, type: http, url: "${srv.url}/down"}\n` +
      `  - {name: own, type: http, url: "${srv.url}/down", retries: 2, backoff: 0ms}\n` +
      `  - {name: none, type: http, url: "${srv.url}/down", retries: 0}\n`,
  );
  assert.equal(r.status, 1);
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.attempts, c.message]),
    [
      ['global', 2, 'expected 2xx, got 503'],
      ['own', 3, 'expected 2xx, got 503'],
      ['none', 1, 'expected 2xx, got 503'],
    ],
  );
  assert.equal(requests('/down').length - before, 6);
});

test('a check timeout bounds each attempt', async () => {
  const before = requests('/hang').length;
  const r = await runChecks(`retries: 1\nbackoff: 0ms\nchecks:\n  - {name: hang, type: http, url: "${srv.url}/hang", timeout: 200ms}\n  - {name: slow-ok, type: http, url: "${srv.url}/slow", timeout: 5s}\n`);
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.attempts, c.message]),
    [
      ['hang', false, 2, 'check timed out after 200ms'],
      ['slow-ok', true, 1, null],
    ],
  );
  assert.ok(r.report.checks[0].duration_ms >= 195);
  // (on a loaded machine an attempt's 200 ms can run out before its request reaches the
  // server: the report's two attempts are the fact, the server saw one or two of them)
  const seen = requests('/hang').length - before;
  assert.ok(seen >= 1 && seen <= 2, `the server saw ${seen} requests`);
});

test('the global timeout fails the running check and those not started, duration 0', async () => {
  const r = await runChecks(
    `timeout: 1s\nchecks:\n` +
      `  - {name: first, type: http, url: "${srv.url}/health"}\n` +
      `  - {name: stuck, type: http, url: "${srv.url}/hang"}\n` +
      `  - {name: never, type: http, url: "${srv.url}/health"}\n`,
  );
  assert.equal(r.status, 1);
  assert.deepEqual(
    r.report.checks.map((c) => [c.name, c.passed, c.message, c.attempts]),
    [
      ['first', true, null, 1],
      ['stuck', false, 'global timeout of 1s exceeded', 1],
      ['never', false, 'global timeout of 1s exceeded', 0],
    ],
  );
  assert.equal(r.report.checks[1].duration_ms, 0);
  assert.match(r.err, /ERROR global timeout of 1s exceeded/);
});

test('the global timeout also cuts a backoff sleep short', async () => {
  const r = await runChecks(`timeout: 1s\nretries: 5\nbackoff: 1m\nchecks:\n  - {name: down, type: http, url: "${srv.url}/down"}\n`);
  assert.deepEqual(r.report.checks.map((c) => [c.message, c.attempts]), [['global timeout of 1s exceeded', 1]]);
  assert.ok(r.report.duration_ms < 60_000);
});

test('sequential by default: one request at a time, in file order', async () => {
  const srv2 = await startServer({ '/a': (q, s) => setTimeout(() => reply(s, 200), 50), '/b': (q, s) => setTimeout(() => reply(s, 200), 50), '/c': (q, s) => reply(s, 200) });
  try {
    const r = await runChecks(`checks:\n` + ['a', 'b', 'c'].map((n) => `  - {name: ${n}, type: http, url: "${srv2.url}/${n}"}\n`).join(''));
    assert.equal(r.status, 0, r.err);
    assert.deepEqual(srv2.log.map((q) => q.path), ['/a', '/b', '/c']);
    assert.equal(srv2.maxInFlight(), 1);
  } finally {
    await srv2.close();
  }
});

test('parallel: true runs the checks at the same time; results keep file order', async () => {
  // each request is answered only when all three are in flight (or, alone, after 5 s with 503)
  const waiting = [];
  const barrier = (req, res) => {
    waiting.push(res);
    if (waiting.length === 3) waiting.forEach((w) => reply(w, 200, 'together'));
    else setTimeout(() => res.writableEnded || reply(res, 503, 'alone'), 5000).unref();
  };
  const srv2 = await startServer({ '/x': barrier, '/y': barrier, '/z': barrier });
  try {
    const r = await runChecks(
      `parallel: true\nretries: 0\nchecks:\n` + ['x', 'y', 'z'].map((n) => `  - {name: ${n}, type: http, url: "${srv2.url}/${n}", expect: {body: together}}\n`).join(''),
    );
    assert.equal(r.status, 0, r.out + r.err);
    assert.deepEqual(r.report.checks.map((c) => c.name), ['x', 'y', 'z']);
    assert.equal(srv2.maxInFlight(), 3);
  } finally {
    await srv2.close();
  }
});
