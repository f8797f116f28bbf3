// `assay test`, the Lua test runner (src/cli/test-cmd.ts, src/cli/test/): which files it
// finds, what it prints for passing, failing, skipped and broken tests, --filter, --tap,
// --jobs, --timeout and its exit status. Each test writes a few Lua files to a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAssay, tempDir, writeFiles } from './helpers.mjs';

/** Writes `files` to a new temp directory and runs `assay test ARGS` there. */
function assayTest(files, args = [], opts = {}) {
  const dir = writeFiles(tempDir('tests'), files);
  return { dir, ...runAssay(['test', ...args], { cwd: dir, timeout: 60000, ...opts }) };
}

const pass = (name) => `test(${JSON.stringify(name)}, function() assert.eq(1, 1) end)\n`;

test('finds test_*.lua and *_test.lua recursively in tests/ and stdlib/**/tests/ by default', () => {
  const r = assayTest({
    'tests/a_test.lua': pass('a'),
    'tests/deep/er/test_b.lua': pass('b'),
    'tests/helper.lua': 'error("not a test file")\n',
    'tests/test.lua': 'error("not a test file")\n',
    'tests/a_test.lua.bak': 'error("not a test file")\n',
    'tests/.hidden/x_test.lua': 'error("hidden directory")\n',
    'tests/node_modules/m/x_test.lua': 'error("node_modules")\n',
    'stdlib/k8s/tests/k8s_test.lua': pass('k8s'),
    'stdlib/vault/pki/tests/test_pki.lua': pass('pki'),
    'stdlib/vault/x_test.lua': 'error("outside a tests/ directory")\n',
    'other/o_test.lua': 'error("not searched by default")\n',
  });
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    [
      'ok      stdlib/k8s/tests/k8s_test.lua: k8s',
      'ok      stdlib/vault/pki/tests/test_pki.lua: pki',
      'ok      tests/a_test.lua: a',
      'ok      tests/deep/er/test_b.lua: b',
      '4 passed, 0 failed',
      '',
    ].join('\n'),
  );
  assert.equal(r.status, 0);
});

test('paths may be directories (searched recursively) or files (run whatever their name)', () => {
  const files = { 'x/one_test.lua': pass('one'), 'x/y/test_two.lua': pass('two'), 'x/y/lib.lua': 'error("no")\n', 'checks.lua': pass('named') };
  const r = assayTest(files, ['x', 'checks.lua', 'x/one_test.lua']);
  assert.equal(r.out, 'ok      checks.lua: named\nok      x/one_test.lua: one\nok      x/y/test_two.lua: two\n3 passed, 0 failed\n');
  assert.equal(r.status, 0);
});

test('a missing path is exit 2; no test files at all is exit 1', () => {
  const missing = assayTest({ 'a_test.lua': pass('a') }, ['a_test.lua', 'nope']);
  assert.deepEqual([missing.out, missing.err, missing.status], ['', 'assay test: no such file or directory: nope\n', 2]);
  const none = assayTest({ 'tests/lib.lua': '' });
  assert.deepEqual([none.out, none.err, none.status], ['', 'assay test: no test files (test_*.lua, *_test.lua) in tests/ or stdlib/**/tests/\n', 1]);
});

test('runs tests in order; a failure shows the Lua error with file:line; exit 1', () => {
  const r = assayTest({
    'tests/m_test.lua': [
      'local function check_even(n) assert.eq(n % 2, 0, "even") end',
      'test("first", function() assert.eq(1 + 1, 2) end)',
      'test("second", function()',
      '  assert.eq("a", "b")',
      'end)',
      'test("third", function() check_even(3) end)',
      'test("fourth", function() error("no position", 0) end)',
      'test("fifth", function() local t = nil; return t.x end)',
      'test("sixth", function() error({ code = 1 }) end)',
      'test("last", function() end)',
      '',
    ].join('\n'),
  });
  assert.equal(
    r.out,
    [
      'ok      tests/m_test.lua: first',
      'not ok  tests/m_test.lua: second',
      '    tests/m_test.lua:4: assert.eq failed: "a" != "b"',
      'not ok  tests/m_test.lua: third',
      '    tests/m_test.lua:1: assert.eq failed: "1" != "0" - even',
      '    stack traceback:',
      "        tests/m_test.lua:1: in upvalue 'check_even'",
      '        tests/m_test.lua:6: in function <tests/m_test.lua:6>',
      'not ok  tests/m_test.lua: fourth',
      '    no position',
      '    stack traceback:',
      '        tests/m_test.lua:7: in function <tests/m_test.lua:7>',
      'not ok  tests/m_test.lua: fifth',
      "    tests/m_test.lua:8: attempt to index a nil value (local 't')",
      'not ok  tests/m_test.lua: sixth',
      '    (error object is a table value)',
      '    stack traceback:',
      '        tests/m_test.lua:9: in function <tests/m_test.lua:9>',
      'ok      tests/m_test.lua: last',
      '2 passed, 5 failed',
      '',
    ].join('\n'),
  );
  assert.equal(r.err, '');
  assert.equal(r.status, 1);
});

test('test.skip takes a reason or a function; skips are counted, not failures', () => {
  const r = assayTest({
    'tests/s_test.lua': [
      pass('runs'),
      'test.skip("needs vault", "no server in CI")',
      'test.skip("later", function() error("never runs") end)',
      'test.skip("bare")',
    ].join(''),
  });
  assert.equal(
    r.out,
    'ok      tests/s_test.lua: runs\nskip    tests/s_test.lua: needs vault (no server in CI)\nskip    tests/s_test.lua: later\nskip    tests/s_test.lua: bare\n1 passed, 0 failed, 3 skipped\n',
  );
  assert.equal(r.status, 0);
});

test('wrong arguments to test() fail the file at the caller\'s line', () => {
  const r = assayTest({ 'a_test.lua': pass('fine') + 'test(42, function() end)\n', 'b_test.lua': '\ntest("no function")\n', 'c_test.lua': 'test.skip("x", 42)\n' }, ['.']);
  assert.equal(
    r.out,
    [
      'not ok  a_test.lua (failed to load)',
      "    a_test.lua:2: test: first argument must be the test's name (a string)",
      'not ok  b_test.lua (failed to load)',
      '    b_test.lua:2: test: second argument must be the test function',
      'not ok  c_test.lua (failed to load)',
      '    c_test.lua:1: test.skip: second argument must be a reason (string), a function or nil',
      '0 passed, 3 failed',
      '',
    ].join('\n'),
  );
  assert.equal(r.status, 1);
});

test('a test registered while the tests run fails that test', () => {
  const r = assayTest({ 'n_test.lua': 'test("outer", function()\n  test("inner", function() end)\nend)\n' }, ['.']);
  assert.equal(r.out, 'not ok  n_test.lua: outer\n    n_test.lua:2: test: cannot register "inner" while the tests are running\n0 passed, 1 failed\n');
});

test('a file that fails to load counts as one failure naming the file and line', () => {
  const r = assayTest({
    'tests/a_test.lua': pass('fine'),
    'tests/b_test.lua': 'local x = 1\nx = = 2\n',
    'tests/c_test.lua': pass('registered') + 'local function setup() error("setup failed") end\nsetup()\n',
  });
  assert.equal(
    r.out,
    [
      'ok      tests/a_test.lua: fine',
      'not ok  tests/b_test.lua (failed to load)',
      "    tests/b_test.lua:2: unexpected symbol near '='",
      'not ok  tests/c_test.lua (failed to load)',
      '    tests/c_test.lua:2: setup failed',
      '    stack traceback:',
      "        tests/c_test.lua:2: in local 'setup'",
      '        tests/c_test.lua:3: in main chunk',
      '1 passed, 2 failed',
      '',
    ].join('\n'),
  );
  assert.equal(r.status, 1);
});

test('--filter selects "FILE: NAME" by substring or Lua pattern', () => {
  const files = {
    'tests/auth_test.lua': pass('login works') + pass('logout works') + 'test.skip("login skipped", "x")\n',
    'tests/pods_test.lua': pass('list pods') + pass('login pods'),
  };
  const sub = assayTest(files, ['--filter', 'login']);
  assert.equal(sub.out, 'ok      tests/auth_test.lua: login works\nskip    tests/auth_test.lua: login skipped (x)\nok      tests/pods_test.lua: login pods\n2 passed, 0 failed, 1 skipped\n');
  const pat = assayTest(files, ['--filter', '^tests/a%w+_test%.lua: log%a+ works$']);
  assert.equal(pat.out, 'ok      tests/auth_test.lua: login works\nok      tests/auth_test.lua: logout works\n2 passed, 0 failed\n');
  // "(" alone is a malformed pattern: only the substring test applies
  const bad = assayTest({ 'p_test.lua': pass('f(x)') + pass('g') }, ['.', '--filter', 'f(']);
  assert.equal(bad.out, 'ok      p_test.lua: f(x)\n1 passed, 0 failed\n');
  const none = assayTest(files, ['--filter', 'nothing matches']);
  assert.deepEqual([none.out, none.status], ['0 passed, 0 failed\n', 0]);
});

test('--tap writes TAP version 13 with YAML diagnostics', () => {
  const r = assayTest(
    {
      'tests/t_test.lua': pass('good') + 'test("bad # one", function()\n  assert.eq(1, 2)\nend)\ntest.skip("later", "why")\n',
      'tests/u_test.lua': 'oops(\n',
    },
    ['--tap'],
  );
  assertLines(r.out, [
    'TAP version 13',
    'ok 1 - tests/t_test.lua: good',
    'not ok 2 - tests/t_test.lua: bad \\# one',
    '  ---',
    '  message: "tests/t_test.lua:3: assert.eq failed: \\"1\\" != \\"2\\""',
    '  at: "tests/t_test.lua:3"',
    '  traceback:',
    '    - "tests/t_test.lua:3: in function <tests/t_test.lua:2>"',
    /^ {2}duration_ms: \d+$/,
    '  ...',
    'ok 3 - tests/t_test.lua: later # SKIP why',
    'not ok 4 - tests/u_test.lua (failed to load)',
    '  ---',
    '  message: "tests/u_test.lua:2: unexpected symbol near <eof>"',
    '  at: "tests/u_test.lua:2"',
    '  ...',
    '1..4',
    '# 1 passed, 2 failed, 1 skipped',
    '',
  ]);
  assert.equal(r.status, 1);
});

test('--jobs runs files at once (two files that wait for each other) and keeps the output order', () => {
  // each file drops a flag and waits for the other's: only concurrent runs can pass
  const meet = (me, other) => `test("meets ${other}", function()
  io.open("${me}.flag", "w"):close()
  for _ = 1, 400 do
    if fs.exists("${other}.flag") then return end
    sleep(0.025)
  end
  error("${other} never came")
end)\n`;
  const files = { 'tests/a_test.lua': meet('a', 'b'), 'tests/b_test.lua': meet('b', 'a') };
  const together = assayTest(files, ['--jobs', '2']);
  assert.equal(together.out, 'ok      tests/a_test.lua: meets b\nok      tests/b_test.lua: meets a\n2 passed, 0 failed\n');
  assert.equal(together.status, 0);
  const alone = assayTest(files, ['-j', '1', '--timeout', '3']);
  assert.equal(alone.status, 1);
  assert.match(alone.out, /^not ok  tests\/a_test\.lua: meets b\n/);
});

test('each file runs in a fresh runtime', () => {
  const r = assayTest({
    'tests/a_test.lua': 'shared = "from a"\npackage.loaded.marker = true\n' + pass('sets'),
    'tests/b_test.lua': 'test("sees nothing", function() assert.eq(shared, nil); assert.eq(package.loaded.marker, nil) end)\n',
  }, ['-j', '1']);
  assert.equal(r.out, 'ok      tests/a_test.lua: sets\nok      tests/b_test.lua: sees nothing\n2 passed, 0 failed\n');
});

test('--timeout stops a hanging file: the running test fails, earlier results stay', () => {
  const t0 = Date.now();
  const r = assayTest(
    {
      'tests/h_test.lua': pass('before') + 'test("spins", function() while true do end end)\n' + pass('never runs'),
      'tests/s_test.lua': 'test("sleeps", function() sleep(60) end)\n',
      'tests/top_test.lua': 'while true do end\n',
      'tests/z_test.lua': pass('after'),
    },
    ['--timeout', '1.5', '-j', '2'],
  );
  assert.ok(Date.now() - t0 < 30000, 'the runner did not wait for the hanging files');
  assert.equal(
    r.out,
    [
      'ok      tests/h_test.lua: before',
      'not ok  tests/h_test.lua: spins',
      '    timed out after 1.5 s (the file was stopped; its later tests did not run)',
      'not ok  tests/s_test.lua: sleeps',
      '    timed out after 1.5 s (the file was stopped; its later tests did not run)',
      'not ok  tests/top_test.lua (did not finish)',
      '    timed out after 1.5 s (the file was stopped)',
      'ok      tests/z_test.lua: after',
      '2 passed, 3 failed',
      '',
    ].join('\n'),
  );
  assert.equal(r.status, 1);
});

test('a file whose process ends early (os.exit) fails the running test', () => {
  const r = assayTest({ 'tests/e_test.lua': 'test("exits", function() os.exit(0) end)\n' + pass('never') });
  assert.equal(r.out, 'not ok  tests/e_test.lua: exits\n    the process exited with status 0 before its tests finished\n0 passed, 1 failed\n');
  assert.equal(r.status, 1);
});

test("a failing file's output is shown; a passing file's only with --verbose", () => {
  const files = {
    'tests/a_test.lua': 'test("talks", function() print("hello"); io.stderr:write("warn\\n") end)\n',
    'tests/b_test.lua': 'test("fails", function() print("context"); error("x") end)\n',
  };
  const r = assayTest(files, ['-j', '1']);
  assert.equal(
    r.out,
    'ok      tests/a_test.lua: talks\nnot ok  tests/b_test.lua: fails\n    tests/b_test.lua:1: x\n# output of tests/b_test.lua:\n#   context\n1 passed, 1 failed\n',
  );
  const v = assayTest(files, ['-j', '1', '--verbose']);
  assertLines(v.out, [
    /^ok {6}tests\/a_test\.lua: talks \(\d+ ms\)$/,
    '# output of tests/a_test.lua:',
    /^# {3}(hello|warn)$/,
    /^# {3}(hello|warn)$/,
    /^not ok {2}tests\/b_test\.lua: fails \(\d+ ms\)$/,
    '    tests/b_test.lua:1: x',
    '    stack traceback:',
    '        tests/b_test.lua:1: in function <tests/b_test.lua:1>',
    '# output of tests/b_test.lua:',
    '#   context',
    '1 passed, 1 failed',
    '',
  ]);
});

test('bad option values are exit 2', () => {
  const files = { 'a_test.lua': pass('a') };
  assert.deepEqual(pick(assayTest(files, ['--jobs', '0'])), ['', 'assay test: --jobs must be a whole number of at least 1 (got \'0\')\n', 2]);
  assert.deepEqual(pick(assayTest(files, ['--jobs', 'x'])), ['', 'assay test: --jobs must be a whole number of at least 1 (got \'x\')\n', 2]);
  assert.deepEqual(pick(assayTest(files, ['--timeout', 'soon'])), ['', "assay test: --timeout must be a number of seconds (got 'soon')\n", 2]);
});

test('a test file can use the mock server module (found in the installed stdlib/)', () => {
  const r = assayTest({
    'tests/m_test.lua': `local mock = require("assay.testing.mock")
test("mock", function()
  local m = mock.server({ ["GET /x"] = { json = { a = 1 } } })
  assert.eq(json.parse(http.get(m.url .. "/x").body).a, 1)
  assert.eq(m:count("GET /x"), 1)
  m:close()
end)
`,
  });
  assert.equal(r.out, 'ok      tests/m_test.lua: mock\n1 passed, 0 failed\n');
});

/** [out, err, status] of a result. */
function pick(r) {
  return [r.out, r.err, r.status];
}

/** Asserts text's lines one by one: a string is equal, a RegExp matches. */
function assertLines(text, expected) {
  const lines = text.split('\n');
  assert.equal(lines.length, expected.length, text);
  expected.forEach((want, i) => {
    if (want instanceof RegExp) assert.match(lines[i], want, `line ${i + 1} of:\n${text}`);
    else assert.equal(lines[i], want, `line ${i + 1} of:\n${text}`);
  });
}
