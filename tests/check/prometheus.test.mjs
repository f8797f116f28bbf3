// Check mode's prometheus checks: against a real Prometheus (ASSAY_TEST_PROM_URL, started by
// .ci/prometheus.sh, which scrapes itself), and against a fake one in this process for the
// answers a healthy server never gives (SPEC's format messages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks, startServer, reply } from './harness.mjs';

const PROM = process.env.ASSAY_TEST_PROM_URL;
const needProm = PROM ? false : 'ASSAY_TEST_PROM_URL is not set (start a server with: eval "$(.ci/prometheus.sh start)")';

const check = (name, query, expect = '', url = PROM) => `  - name: ${name}\n    type: prometheus\n    url: ${url}\n    query: '${query}'\n${expect ? `    expect: ${expect}\n` : ''}`;
const outcomes = (r) => r.report.checks.map((c) => [c.name, c.passed, c.message]);

test('real Prometheus: min/max, no expect, and the value printed shortest', { skip: needProm }, async () => {
  const r = await runChecks(
    'retries: 0\nchecks:\n' +
      check('up', 'up{job="prometheus"}', '{min: 1}') +
      check('up-no-expect', 'up{job="prometheus"}') +
      check('too-high', 'vector(0.92)', '{max: 0.8}') +
      check('too-low', 'vector(3)', '{min: 3.5, max: 10}') +
      check('in-range', 'sum(up)', '{min: 0.5, max: 1}') +
      check('empty-expect', 'vector(7)', '{}') +
      check('slash', 'vector(1)', '{min: 1}', `${PROM}/`),
  );
  assert.deepEqual(outcomes(r), [
    ['up', true, null],
    ['up-no-expect', true, 'query returned: 1'],
    ['too-high', false, 'expected max 0.8, got 0.92'],
    ['too-low', false, 'expected min 3.5, got 3'],
    ['in-range', true, null],
    ['empty-expect', true, null],
    ['slash', true, null],
  ]);
  assert.equal(r.status, 1);
});

test('real Prometheus: no results, a bad query, the query encoded', { skip: needProm }, async () => {
  const r = await runChecks(
    'retries: 0\nchecks:\n' +
      check('none', 'up{job="no-such-job"}') +
      check('bad', 'up{') +
      check('encoded', 'count(up{job=~"prom.*"} + 0) > bool 0 * 2', '{min: 1, max: 1}'),
  );
  const [none, bad, encoded] = outcomes(r);
  assert.deepEqual(none, ['none', false, 'Prometheus query returned no results']);
  assert.equal(bad[1], false);
  assert.match(bad[2], /^Prometheus query failed: .*parse error/);
  assert.deepEqual(encoded, ['encoded', true, null]);
});

test('real Prometheus: all checks pass, exit 0, also in parallel', { skip: needProm }, async () => {
  const r = await runChecks('parallel: true\nchecks:\n' + check('a', 'up', '{min: 1}') + check('b', 'vector(2)', '{max: 2}'));
  assert.equal(r.status, 0, r.out + r.err);
});

// ---- a fake server: answers a real one does not give ----

let fake;
before(async () => {
  const answers = {
    'not-json': 'this is not json',
    error: { status: 'error', errorType: 'bad_data', error: 'something broke' },
    'error-no-text': { status: 'error' },
    'no-result': { status: 'success', data: { resultType: 'vector' } },
    'no-value': { status: 'success', data: { result: [{ metric: {} }] } },
    'bad-value': { status: 'success', data: { result: [{ metric: {}, value: [1, 'twelve'] }] } },
    'number-value': { status: 'success', data: { result: [{ metric: {}, value: [1, 5] }] } },
    nan: { status: 'success', data: { result: [{ metric: {}, value: [1, 'NaN'] }] } },
    inf: { status: 'success', data: { result: [{ metric: {}, value: [1, '+Inf'] }] } },
    big: { status: 'success', data: { result: [{ metric: {}, value: [1, '1e21'] }] } },
  };
  fake = await startServer({
    '/api/v1/query': (req, res) => {
      const q = new URL(req.url, 'http://x').searchParams.get('query');
      reply(res, 200, answers[q] ?? { status: 'error', error: `unknown query ${q}` });
    },
  });
});
after(() => fake.close());

test('fake Prometheus: SPEC messages for odd answers; the request path and query', async () => {
  const names = ['not-json', 'error', 'error-no-text', 'no-result', 'no-value', 'bad-value', 'number-value', 'nan', 'inf', 'big'];
  const r = await runChecks('retries: 0\nchecks:\n' + names.map((n) => check(n, n, '', fake.url)).join(''));
  assert.deepEqual(outcomes(r), [
    ['not-json', false, 'Prometheus response is not valid JSON'],
    ['error', false, 'Prometheus query failed: something broke'],
    ['error-no-text', false, 'Prometheus query failed: unknown error'],
    ['no-result', false, 'unexpected Prometheus response format: missing data.result'],
    ['no-value', false, 'unexpected Prometheus result format: missing value'],
    ['bad-value', false, 'failed to parse Prometheus value: "twelve"'],
    ['number-value', false, 'unexpected Prometheus result format: missing value'],
    ['nan', true, 'query returned: NaN'],
    ['inf', true, 'query returned: inf'],
    ['big', true, 'query returned: 1000000000000000000000'],
  ]);
  assert.ok(fake.log.every((q) => q.method === 'GET' && q.path === '/api/v1/query'));
});

test('fake Prometheus: the query is percent-encoded; trailing slashes of the url dropped', async () => {
  const before = fake.log.length;
  await runChecks('retries: 0\nchecks:\n' + check('enc', 'sum(rate(x{a="b c!"}[5m])) * 2', '', `${fake.url}//`));
  assert.equal(fake.log[before].url, '/api/v1/query?query=sum%28rate%28x%7Ba%3D%22b%20c%21%22%7D%5B5m%5D%29%29%20%2A%202');
});

test('fake Prometheus: a transport failure names the request', async () => {
  const r = await runChecks('retries: 0\nchecks:\n' + check('down', 'up', '', 'http://127.0.0.1:1'));
  assert.deepEqual(outcomes(r), [['down', false, 'HTTP GET http://127.0.0.1:1/api/v1/query?query=up: connection refused (127.0.0.1:1)']]);
});
