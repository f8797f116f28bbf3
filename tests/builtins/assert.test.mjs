// The assert builtin (SPEC A1, B§1.9): a callable table whose call is Lua's assert, with
// assert.eq/ne/gt/lt/contains/not_nil/matches/same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PCALL_CHECK, runLua, runLuaOk, tempDir } from '../helpers.mjs';

const dir = tempDir('assert');
const opts = { dir, encoding: 'utf8', timeout: 30000 };
const run = (name, text) => runLua(text, { ...opts, name });
/** Like run, for scripts that must not fail. */
const runOk = (name, text) => runLuaOk(text, { ...opts, name });

/** Runs `body` where `check(f, ...)` prints pcall's message (or "ok"). */
function checks(name, body) {
  // on the first line, so the body's lines keep their numbers
  return runOk(name, PCALL_CHECK + body);
}

test('assert is a table whose call is Lua assert: results, messages, positions', () => {
  const r = runOk('call.lua', `print(type(assert), getmetatable(assert) ~= nil)
print(assert(1, 2, 3))
print(select('#', assert(true)))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(function() assert(false, "with position") end))
print(pcall(function() assert(nil) end))
print(pcall(function() assert() end))
local ok, e = pcall(assert, false, {1})
print(ok, type(e), e[1])
print(pcall(function() assert(false, 42) end))
print(assert("v", "unused"))
`);
  assert.equal(
    r.out,
    [
      'table\ttrue',
      '1\t2\t3',
      '1',
      'false\tassertion failed!',
      'false\tcustom message',
      'false\tcall.lua:6: with position',
      'false\tcall.lua:7: assertion failed!',
      'false\tcall.lua:8: bad argument #1 to \'assert\' (value expected)',
      'false\ttable\t1',
      'false\t42',
      'v\tunused',
      '',
    ].join('\n'),
  );
});

test('an uncaught assertion reports the caller line and exits 1', () => {
  const r = run('uncaught.lua', `local x = 1\nassert(x == 2, "math is broken")\n`);
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: uncaught\.lua:2: math is broken\n/);
  const r2 = run('uncaught2.lua', `\n\nassert.eq(1, 2, "numbers differ")\n`);
  assert.equal(r2.status, 1);
  assert.match(r2.err, /^assay: uncaught2\.lua:3: assert\.eq failed: "1" != "2" - numbers differ\n/);
});

test('assert.eq passes for equal values, fails with the original message', () => {
  const r = checks('eq.lua', `local t = {}
check(assert.eq, nil, nil)
check(assert.eq, true, true)
check(assert.eq, 1, 1)
check(assert.eq, 1, 1.0)
check(assert.eq, 0.1 + 0.2, 0.3)
check(assert.eq, "a\\0b", "a\\0b")
check(assert.eq, t, t)
check(assert.eq, math.maxinteger, math.maxinteger)
check(function() assert.eq(1, 2) end)
check(function() assert.eq(1, 2, "numbers differ") end)
check(function() assert.eq(1, 2, nil) end)
check(function() assert.eq(1, 2, 7) end)
check(function() assert.eq(1, 2, setmetatable({}, {__tostring = function() return "obj" end})) end)
check(function() assert.eq({}, {}) end)
check(function() assert.eq("1", 1) end)
check(function() assert.eq(1, 1.5) end)
check(function() assert.eq(2.0, 3) end)
check(function() assert.eq(false, nil) end)
check(function() assert.eq(print, "x") end)
check(function() assert.eq(math.maxinteger, math.maxinteger - 1) end)
check(function() assert.eq(0/0, 0/0) end)
check(function() assert.eq(1/0, -1/0) end)
check(function() assert.eq(1e-7, 1e300) end)
`);
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    [
      'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',
      'eq.lua:10: assert.eq failed: "1" != "2"',
      'eq.lua:11: assert.eq failed: "1" != "2" - numbers differ',
      'eq.lua:12: assert.eq failed: "1" != "2" - nil',
      'eq.lua:13: assert.eq failed: "1" != "2" - 7',
      'eq.lua:14: assert.eq failed: "1" != "2" - obj',
      'eq.lua:15: assert.eq failed: "<table>" != "<table>"',
      'eq.lua:16: assert.eq failed: "1" != "1" (string vs integer)',
      'eq.lua:17: assert.eq failed: "1" != "1.5"',
      'eq.lua:18: assert.eq failed: "2" != "3"',
      'eq.lua:19: assert.eq failed: "false" != "nil"',
      'eq.lua:20: assert.eq failed: "<function>" != "x"',
      'eq.lua:21: assert.eq failed: "9223372036854775807" != "9223372036854775806"',
      'eq.lua:22: assert.eq failed: "NaN" != "NaN"',
      'eq.lua:23: assert.eq failed: "inf" != "-inf"',
      `eq.lua:24: assert.eq failed: "0.0000001" != "1${'0'.repeat(300)}"`,
      '',
    ].join('\n'),
  );
});

test('assert.eq quotes strings with Rust debug escapes, leaves UTF-8 alone', () => {
  const r = checks('escape.lua', `check(function() assert.eq('say "hi"\\n', 'back\\\\slash\\ttab\\r\\0\\27') end)
check(function() assert.eq("héllo ✓", "") end)
check(function() assert.eq("\\255", "x") end)
`);
  assert.equal(
    r.out,
    [
      'escape.lua:1: assert.eq failed: "say \\"hi\\"\\n" != "back\\\\slash\\ttab\\r\\0\\u{1b}"',
      'escape.lua:2: assert.eq failed: "héllo ✓" != ""',
      'escape.lua:3: assert.eq failed: "\uFFFD" != "x"',
      '',
    ].join('\n'),
  );
});

test('assert.ne', () => {
  const r = checks('ne.lua', `check(assert.ne, 1, 2)
check(assert.ne, "1", 1)
check(assert.ne, {}, {})
check(function() assert.ne(1, 1.0) end)
check(function() assert.ne("a", "a", "must differ") end)
check(function() assert.ne(nil, nil) end)
`);
  assert.equal(
    r.out,
    ['ok', 'ok', 'ok', 'ne.lua:4: assert.ne failed: "1" == "1"', 'ne.lua:5: assert.ne failed: "a" == "a" - must differ', 'ne.lua:6: assert.ne failed: "nil" == "nil"', ''].join('\n'),
  );
});

test('assert.gt and assert.lt: numbers only, exact comparisons', () => {
  const r = checks('cmp.lua', `check(assert.gt, 2, 1)
check(assert.gt, 1.5, 1)
check(assert.lt, 1, 2)
check(assert.lt, -1, 0.5)
check(assert.gt, math.maxinteger, math.maxinteger - 1)
check(function() assert.gt(1, 2) end)
check(function() assert.gt(2, 2, "equal") end)
check(function() assert.lt(2.0, 1) end)
check(function() assert.lt(0.5, 0.25) end)
check(function() assert.gt("2", 1) end)
check(function() assert.lt(1, nil) end)
check(function() assert.lt({}, 1) end)
check(function() assert.gt(0/0, 1) end)
`);
  assert.equal(
    r.out,
    [
      'ok', 'ok', 'ok', 'ok', 'ok',
      'cmp.lua:6: assert.gt failed: 1 is not > 2',
      'cmp.lua:7: assert.gt failed: 2 is not > 2 - equal',
      'cmp.lua:8: assert.lt failed: 2 is not < 1',
      'cmp.lua:9: assert.lt failed: 0.5 is not < 0.25',
      'cmp.lua:10: assert.gt: both arguments must be numbers',
      'cmp.lua:11: assert.lt: both arguments must be numbers',
      'cmp.lua:12: assert.lt: both arguments must be numbers',
      'cmp.lua:13: assert.gt failed: NaN is not > 1',
      '',
    ].join('\n'),
  );
});

test('assert.contains: plain substrings of strings', () => {
  const r = checks('contains.lua', `check(assert.contains, "hello world", "o w")
check(assert.contains, "abc", "")
check(assert.contains, "a.b", ".")
check(assert.contains, "x\\0y\\255", "\\0y\\255")
check(assert.contains, "héllo", "é")
check(function() assert.contains("hello", "xyz") end)
check(function() assert.contains("", "a", "empty") end)
check(function() assert.contains("abc", "a.c") end)
check(function() assert.contains(123, "1") end)
check(function() assert.contains("123", 1) end)
check(function() assert.contains(nil, "x") end)
`);
  assert.equal(
    r.out,
    [
      'ok', 'ok', 'ok', 'ok', 'ok',
      'contains.lua:6: assert.contains failed: "hello" does not contain "xyz"',
      'contains.lua:7: assert.contains failed: "" does not contain "a" - empty',
      'contains.lua:8: assert.contains failed: "abc" does not contain "a.c"',
      'contains.lua:9: assert.contains: first argument must be a string',
      'contains.lua:10: assert.contains: second argument must be a string',
      'contains.lua:11: assert.contains: first argument must be a string',
      '',
    ].join('\n'),
  );
});

test('assert.not_nil: only nil fails', () => {
  const r = checks('notnil.lua', `check(assert.not_nil, false)
check(assert.not_nil, 0)
check(assert.not_nil, "")
check(function() assert.not_nil(nil) end)
check(function() assert.not_nil(nil, "config missing") end)
check(function() assert.not_nil() end)
`);
  assert.equal(
    r.out,
    ['ok', 'ok', 'ok', 'notnil.lua:4: assert.not_nil failed: value is nil', 'notnil.lua:5: assert.not_nil failed: value is nil - config missing', 'notnil.lua:6: assert.not_nil failed: value is nil', ''].join('\n'),
  );
});

test('assert.matches: Lua patterns, pattern errors, type errors', () => {
  const r = checks('matches.lua', `check(assert.matches, "HTTP 404 Not Found", "HTTP %d+")
check(assert.matches, "abc", "^a.c$")
check(assert.matches, "key=value", "(%w+)=(%w+)")
check(assert.matches, "", "")
check(assert.matches, "a\\0b", "%z")
check(function() assert.matches("hello", "^x") end)
check(function() assert.matches("v1.2", "^v%d+$", "version") end)
check(function() assert.matches("x", "%") end)
check(function() assert.matches("x", "[a") end)
check(function() assert.matches(404, "4") end)
check(function() assert.matches("404", 4) end)
`);
  assert.equal(
    r.out,
    [
      'ok', 'ok', 'ok', 'ok', 'ok',
      'matches.lua:6: assert.matches failed: "hello" does not match pattern "^x"',
      'matches.lua:7: assert.matches failed: "v1.2" does not match pattern "^v%d+$" - version',
      "matches.lua:8: assert.matches: pattern error: malformed pattern (ends with '%')",
      "matches.lua:9: assert.matches: pattern error: malformed pattern (missing ']')",
      'matches.lua:10: assert.matches: first argument must be a string',
      'matches.lua:11: assert.matches: second argument must be a pattern string',
      '',
    ].join('\n'),
  );
});

test('assert.same: deep equality with the path of the first difference', () => {
  const r = checks('same.lua', `local a = {1, 2, {x = "y"}}
check(assert.same, a, {1, 2, {x = "y"}})
check(assert.same, {}, {})
check(assert.same, {a = {b = {c = 1}}}, {a = {b = {c = 1.0}}})
check(assert.same, "s", "s")
check(assert.same, nil, nil)
local c1 = {} c1.self = c1
local c2 = {} c2.self = c2
check(assert.same, c1, c2)
check(function() assert.same({a = {1, 2}}, {a = {1, 3}}) end)
check(function() assert.same({1, 2}, {1, 2, 3}, "lists") end)
check(function() assert.same({x = 1, y = 2}, {x = 1}) end)
check(function() assert.same({["a b"] = 1}, {["a b"] = "1"}) end)
check(function() assert.same({[true] = 1}, {[true] = 2}) end)
check(function() assert.same(1, 2) end)
check(function() assert.same({}, "x") end)
check(function() assert.same({{}}, {1}) end)
`);
  assert.equal(
    r.out,
    [
      'ok', 'ok', 'ok', 'ok', 'ok', 'ok',
      'same.lua:10: assert.same failed: at a[2]: "2" != "3"',
      'same.lua:11: assert.same failed: at [3]: "nil" != "3" - lists',
      'same.lua:12: assert.same failed: at y: "2" != "nil"',
      'same.lua:13: assert.same failed: at ["a b"]: "1" != "1" (integer vs string)',
      'same.lua:14: assert.same failed: at [true]: "1" != "2"',
      'same.lua:15: assert.same failed: "1" != "2"',
      'same.lua:16: assert.same failed: "<table>" != "x"',
      'same.lua:17: assert.same failed: at [1]: "<table>" != "1"',
      '',
    ].join('\n'),
  );
});

test('failures point at the calling line, not at a helper; pcall of the function itself has no position', () => {
  const r = runOk('pos.lua', `local function helper(v)
  assert.eq(v, 1)
end
print(pcall(helper, 2))
print(pcall(assert.eq, 1, 2))
print(pcall(assert.gt, 1, 2))
local co = coroutine.wrap(function() assert.eq(coroutine.yield(1), "x") end)
co()
print(pcall(co, "y"))
`);
  assert.equal(
    r.out,
    ['false\tpos.lua:2: assert.eq failed: "2" != "1"', 'false\tassert.eq failed: "1" != "2"', 'false\tassert.gt failed: 1 is not > 2', 'false\tpos.lua:7: assert.eq failed: "y" != "x"', ''].join('\n'),
  );
});
