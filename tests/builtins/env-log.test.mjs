// The env, log and time builtins (SPEC B§1.10, B§1.11, B§1.13, A5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PCALL_CHECK as checkFn, assayBin, runLua, tempDir } from '../helpers.mjs';

const dir = tempDir('envlog');

// the variables that steer logging, removed so the defaults are tested
const baseEnv = { ...process.env };
for (const k of ['ASSAY_LOG_LEVEL', 'ASSAY_LOG_FORMAT', 'RUST_LOG', 'NO_COLOR', 'FORCE_COLOR']) delete baseEnv[k];

const run = (name, text, env = {}) => runLua(text, { dir, name, encoding: 'utf8', timeout: 30000, baseEnv, env });

function runOk(name, text, env) {
  const r = run(name, text, env);
  assert.equal(r.status, 0, `status of ${name}; stderr: ${r.err}`);
  return r;
}

// ---- env ----

test('env.get reads the process environment; unset and odd names are nil', () => {
  const r = runOk(
    'get.lua',
    `print(env.get("ASSAY_T_A"))
print(env.get("ASSAY_T_EMPTY") == "", env.get("ASSAY_T_UNSET"))
print(env.get("ASSAY_T_U"))
print(env.get(""), env.get("A=B"), env.get("\\255"))
print(env._process_get("ASSAY_T_A"))
`,
    { ASSAY_T_A: 'alpha beta', ASSAY_T_EMPTY: '', ASSAY_T_U: 'héllo ✓' },
  );
  assert.equal(r.err, '');
  assert.equal(r.out, 'alpha beta\ntrue\tnil\nhéllo ✓\nnil\tnil\tnil\nalpha beta\n');
});

test('env.get: env._check_env overrides win over the process environment, _process_get ignores them', () => {
  const r = runOk(
    'override.lua',
    `print(type(env._check_env))
env._check_env.ASSAY_T_A = "override"
env._check_env.ASSAY_T_NEW = "only here"
print(env.get("ASSAY_T_A"), env.get("ASSAY_T_NEW"), env._process_get("ASSAY_T_A"), env._process_get("ASSAY_T_NEW"))
env._check_env = {ASSAY_T_A = "replaced table"}
print(env.get("ASSAY_T_A"))
env._check_env = nil
print(env.get("ASSAY_T_A"))
`,
    { ASSAY_T_A: 'process' },
  );
  assert.equal(r.err, '');
  assert.equal(r.out, 'table\noverride\tonly here\tprocess\tnil\nreplaced table\nprocess\n');
});

test('env.set sets and unsets variables, seen by env.get, os.getenv and child processes', () => {
  const r = runOk(
    'set.lua',
    `env.set("ASSAY_T_S", "v1")
print(env.get("ASSAY_T_S"), os.getenv("ASSAY_T_S"))
local p = io.popen("printf %s \\"$ASSAY_T_S\\"") print(p:read("a")) p:close()
env.set("ASSAY_T_S", 42) print(env.get("ASSAY_T_S"), math.type(env.get("ASSAY_T_S")))
env.set("ASSAY_T_S", 1.5) print(env.get("ASSAY_T_S"))
env.set("ASSAY_T_S", "") print(env.get("ASSAY_T_S") == "")
env.set("ASSAY_T_S", "ünï ✓") print(env.get("ASSAY_T_S"))
env.set("ASSAY_T_S", nil) print(env.get("ASSAY_T_S"), os.getenv("ASSAY_T_S"))
env.set("ASSAY_T_GONE") print(env.get("ASSAY_T_GONE"))
env.set("ASSAY_T_UNSET_TWICE", nil)
`,
    { ASSAY_T_GONE: 'x' },
  );
  assert.equal(r.err, '');
  assert.equal(r.out, 'v1\tv1\nv1\n42\tnil\n1.5\ntrue\nünï ✓\nnil\tnil\nnil\n');
});

test('env.set errors: bad names, bad values, wrong types', () => {
  const r = runOk(
    'seterr.lua',
    checkFn +
      `check(function() env.set("A=B", "x") end)
check(function() env.set("", "x") end)
check(function() env.set("A\\0B", "x") end)
check(function() env.set("X_BAD", "a\\0b") end)
check(function() env.set("X_BAD", "\\255") end)
check(function() env.set(nil, "x") end)
check(function() env.set("X_BAD", {}) end)
check(function() env.set("X_BAD", true) end)
check(function() env.get() end)
check(function() env.get({}) end)
`,
  );
  assert.equal(
    r.out,
    [
      'seterr.lua:1: env.set: invalid variable name "A=B"',
      'seterr.lua:2: env.set: invalid variable name ""',
      'seterr.lua:3: env.set: invalid variable name "A\0B"',
      'seterr.lua:4: env.set: value of X_BAD contains a NUL byte',
      'seterr.lua:5: env.set: value of X_BAD is not valid UTF-8',
      "seterr.lua:6: bad argument #1 to 'set' (string expected, got nil)",
      "seterr.lua:7: bad argument #2 to 'set' (string or nil expected, got table)",
      "seterr.lua:8: bad argument #2 to 'set' (string or nil expected, got boolean)",
      "seterr.lua:9: bad argument #1 to 'get' (string expected, got no value)",
      "seterr.lua:10: bad argument #1 to 'get' (string expected, got table)",
      '',
    ].join('\n'),
  );
});

test('env.list: every variable as {key, value}, sorted by key', () => {
  const r = runOk(
    'list.lua',
    `env.set("ASSAY_T_ZZ", "last one")
local l = env.list()
local seen, sorted = {}, true
for i, e in ipairs(l) do
  seen[e.key] = e.value
  if i > 1 and l[i - 1].key >= e.key then sorted = false end
end
print(#l > 2, sorted, seen.ASSAY_T_L1, seen.ASSAY_T_L2, seen.ASSAY_T_ZZ, seen.ASSAY_T_NONE)
env.set("ASSAY_T_ZZ", nil)
for _, e in ipairs(env.list()) do if e.key == "ASSAY_T_ZZ" then print("still listed") end end
`,
    { ASSAY_T_L1: 'one', ASSAY_T_L2: 'ü' },
  );
  assert.equal(r.err, '');
  assert.equal(r.out, 'true\ttrue\tone\tü\tlast one\tnil\n');
});

// ---- log ----

const TS = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z';

test('log writes human lines to stderr only: RFC 3339 time with µs, padded level, no colours on a pipe', () => {
  const r = runOk(
    'human.lua',
    `log.info("hello")
log.warn("careful")
log.error("broken")
log.debug("hidden by default")
log.info(42)
log.info(2.5)
log.info("héllo ✓")
log.info("")
`,
  );
  assert.equal(r.out, '');
  const lines = r.err.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 7, r.err);
  const expect = [' INFO hello', ' WARN careful', 'ERROR broken', ' INFO 42', ' INFO 2.5', ' INFO héllo ✓', ' INFO '];
  lines.forEach((l, i) => assert.match(l, new RegExp(`^${TS} ${expect[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
  assert.ok(!r.err.includes('\x1b'));
  // the timestamp is now
  const t = Date.parse(lines[0].slice(0, 23) + 'Z');
  assert.ok(Math.abs(Date.now() - t) < 60000, lines[0]);
});

test('log fields: key=value in the human format, sorted; odd values quoted as JSON', () => {
  const r = runOk(
    'fields.lua',
    `log.info("deployed", {version = "1.2.3", replicas = 3, ok = true, note = "two words", list = {1, "a"}, nested = {k = "v"}, ratio = 0.5})
log.warn("empty", {})
log.info("ignored second argument", "not a table")
log.info("odd values", {f = print, q = 'say "x"', n = 1/0})
`,
  );
  const lines = r.err.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^${TS}  INFO deployed list=\\[1,"a"\\] nested=\\{"k":"v"\\} note="two words" ok=true ratio=0.5 replicas=3 version=1.2.3$`));
  assert.match(lines[1], new RegExp(`^${TS}  WARN empty$`));
  assert.match(lines[2], new RegExp(`^${TS}  INFO ignored second argument$`));
  assert.match(lines[3], new RegExp(`^${TS}  INFO odd values f=<function> n=inf q="say \\\\"x\\\\""$`));
});

test('log with ASSAY_LOG_FORMAT=json: one JSON object per line with time, level, message, fields', () => {
  const r = runOk(
    'json.lua',
    `log.info("started", {port = 8080, tags = {"a", "b"}})
log.warn("multi\\nline \\"quoted\\" ✓")
log.error(7)
log.debug("not shown")
log.info("bad bytes \\255")
`,
    // (the run's own start/end events are tested in tests/run-events.test.mjs)
    { ASSAY_LOG_FORMAT: 'json', ASSAY_RUN_EVENTS: '0' },
  );
  assert.equal(r.out, '');
  const recs = r.err.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(recs.length, 4);
  for (const rec of recs) {
    assert.deepEqual(Object.keys(rec), ['time', 'level', 'message', 'fields']);
    assert.match(rec.time, new RegExp(`^${TS}$`));
  }
  assert.deepEqual(recs.map((x) => [x.level, x.message, x.fields]), [
    ['info', 'started', { port: 8080, tags: ['a', 'b'] }],
    ['warn', 'multi\nline "quoted" ✓', {}],
    ['error', '7', {}],
    ['info', 'bad bytes \uFFFD', {}],
  ]);
});

test('log levels: ASSAY_LOG_LEVEL, RUST_LOG (a plain level), off', () => {
  const script = `log.debug("d") log.info("i") log.warn("w") log.error("e")\n`;
  const levels = (env) =>
    runOk('levels.lua', script, env)
      .err.trimEnd()
      .split('\n')
      .filter((l) => l)
      .map((l) => l.slice(-1))
      .join('');
  assert.equal(levels({}), 'iwe');
  assert.equal(levels({ ASSAY_LOG_LEVEL: 'debug' }), 'diwe');
  assert.equal(levels({ ASSAY_LOG_LEVEL: 'WARN' }), 'we');
  assert.equal(levels({ ASSAY_LOG_LEVEL: 'error' }), 'e');
  assert.equal(levels({ ASSAY_LOG_LEVEL: 'off' }), '');
  assert.equal(levels({ ASSAY_LOG_LEVEL: 'nonsense' }), 'iwe');
  assert.equal(levels({ RUST_LOG: 'debug' }), 'diwe');
  assert.equal(levels({ RUST_LOG: 'assay=debug,info' }), 'iwe');
  assert.equal(levels({ RUST_LOG: 'debug', ASSAY_LOG_LEVEL: 'error' }), 'e');
});

test('log lines keep their order with print', () => {
  writeFileSync(join(dir, 'order.lua'), `print("one") log.info("two") io.write("three\\n") log.warn("four") print("five")\n`);
  const r = spawnSync('sh', ['-c', `"${assayBin}" run order.lua 2>&1`], { cwd: dir, encoding: 'utf8', env: baseEnv, timeout: 30000 });
  const words = r.stdout.trimEnd().split('\n').map((l) => l.split(' ').pop());
  assert.deepEqual(words, ['one', 'two', 'three', 'four', 'five']);
});

test('log argument errors', () => {
  const r = runOk(
    'logerr.lua',
    checkFn +
      `check(function() log.info({}) end)
check(function() log.warn() end)
check(function() log.error(nil) end)
check(function() log.debug(true) end)
`,
  );
  assert.equal(
    r.out,
    [
      "logerr.lua:1: bad argument #1 to 'info' (string expected, got table)",
      "logerr.lua:2: bad argument #1 to 'warn' (string expected, got no value)",
      "logerr.lua:3: bad argument #1 to 'error' (string expected, got nil)",
      "logerr.lua:4: bad argument #1 to 'debug' (string expected, got boolean)",
      '',
    ].join('\n'),
  );
  assert.equal(r.err, '');
});

// ---- time ----

test('time() is float epoch seconds with sub-second precision', () => {
  const before = Date.now() / 1000;
  const r = runOk(
    'time.lua',
    `local t1 = time()
print(math.type(t1), math.type(math.floor(t1)))
local fractional = false
local last = t1
for i = 1, 20 do
  local t = time()
  if t ~= math.floor(t) then fractional = true end
  if t < last then print("went back") end
  last = t
end
sleep(0.05)
local t2 = time()
print(fractional, t2 - t1 >= 0.04, t2 - t1 < 5)
print(string.format("%.6f", t1))
print(math.floor(time() * 1e9) > 0, math.type(math.floor(time() * 1e9)))
`,
  );
  const after = Date.now() / 1000;
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines[0], 'float\tinteger');
  assert.equal(lines[1], 'true\ttrue\ttrue');
  const t1 = Number(lines[2]);
  assert.ok(t1 >= before - 1 && t1 <= after + 1, `${before} <= ${t1} <= ${after}`);
  assert.equal(lines[3], 'true\tinteger');
  assert.equal(r.err, '');
});
