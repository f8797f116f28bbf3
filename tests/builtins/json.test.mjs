// The json builtin (SPEC A3, B§1.1, B§1.3): json.parse, json.encode, json.array,
// json.object, json.null — run as Lua snippets through bin/assay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLua, tempDir, utf8Bytes as bytes } from '../helpers.mjs';

const dir = tempDir('json');

// Helpers available to every snippet:
//   enc(v, opts)   json.encode
//   err(f, ...)    the error message of f(...) (fails the script if f succeeds)
//   sub(s)         a Lua string literal showing bytes ≥ 0x80 and controls as \ddd
const PRELUDE = `
local enc = json.encode
local function err(f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("expected an error, got success: " .. tostring(e), 2) end
  return e
end
`;

/** Runs a Lua snippet (latin1: bytes as written); stdout, stderr and status. */
function run(text, { name = 't.lua', args = [], memoryLimit } = {}) {
  const command = memoryLimit === undefined ? ['run'] : ['run', '--memory-limit', String(memoryLimit)];
  return runLua(PRELUDE + text, { dir, name, sourceEncoding: 'latin1', command, args, timeout: 60000 });
}

/** Runs a snippet and compares its output lines with `lines`. */
function expectLines(text, lines, opts) {
  const r = run(text, opts);
  assert.equal(r.err, '', `stderr: ${r.err}`);
  assert.equal(r.status, 0);
  assert.deepEqual(r.out.split('\n').slice(0, -1), lines);
}

// ---------------------------------------------------------------------------
// json.encode

test('encode: scalars', () => {
  expectLines(`
print(enc(nil), enc(), enc(true), enc(false), enc(json.null))
print(enc(0), enc(1), enc(-1), enc(123456789))
print(enc("x"), enc(""), enc("a b"))
`, [
    'null\tnull\ttrue\tfalse\tnull',
    '0\t1\t-1\t123456789',
    '"x"\t""\t"a b"',
  ]);
});

test('encode: integers are exact to 64 bits', () => {
  expectLines(`
print(enc(9007199254740993), enc(-9007199254740993), enc(1 << 53), enc(1 << 62))
print(enc(math.maxinteger), enc(math.mininteger))
print(enc({n = 9007199254740993}), enc({12345678901234567}))
`, [
    '9007199254740993\t-9007199254740993\t9007199254740992\t4611686018427387904',
    '9223372036854775807\t-9223372036854775808',
    '{"n":9007199254740993}\t[12345678901234567]',
  ]);
});

test('encode: floats keep a fraction or exponent (shortest round-trip form)', () => {
  expectLines(`
print(enc(1.0), enc(-1.0), enc(0.0), enc(-0.0), enc(100.0), enc(2^53))
print(enc(0.1), enc(0.5), enc(-2.5), enc(1/3), enc(123.456), enc(3.14159))
print(enc(1e15), enc(1e16), enc(1e20), enc(1.5e300), enc(-1e100))
print(enc(1e-5), enc(1.5e-5), enc(1e-6), enc(1e-7), enc(1.234e-10))
print(enc(5e-324), enc(1.7976931348623157e308), enc(2^63), enc(-2^63))
print(enc(0.1 + 0.2), enc(100.25), enc(1e15 + 0.5))
`, [
    '1.0\t-1.0\t0.0\t-0.0\t100.0\t9007199254740992.0',
    '0.1\t0.5\t-2.5\t0.3333333333333333\t123.456\t3.14159',
    '1000000000000000.0\t1e16\t1e20\t1.5e300\t-1e100',
    '0.00001\t0.000015\t1e-6\t1e-7\t1.234e-10',
    '5e-324\t1.7976931348623157e308\t9.223372036854776e18\t-9.223372036854776e18',
    '0.30000000000000004\t100.25\t1000000000000000.5',
  ]);
});

test('encode: NaN and infinities are errors', () => {
  expectLines(`
print(err(enc, math.huge))
print(err(enc, -math.huge))
print((err(enc, 0/0):gsub("%-nan", "nan")))
print(err(enc, {a = {1, 2, math.huge}}))
`, [
    'json.encode: cannot encode inf as JSON number',
    'json.encode: cannot encode -inf as JSON number',
    'json.encode: cannot encode nan as JSON number',
    'json.encode: cannot encode inf as JSON number',
  ]);
});

test('encode: arrays, objects, the empty table, sorted keys', () => {
  expectLines(`
print(enc({}), enc({1, 2, 3}), enc({"a", {"b"}, {}}))
print(enc({b = 1, a = 2, c = {z = 1, y = {x = true}}}))
-- byte order: digits < upper case < lower case < non-ASCII; "10" < "2"
print(enc({b = 1, B = 2, ["10"] = 3, ["2"] = 4, _ = 5, ["\\xc3\\xa9"] = 6, z = 7}))
local t = {} t[3] = "c" t[1] = "a" t[2] = "b"   -- keys not assigned in order
print(enc(t))
`, [
    '{}\t[1,2,3]\t["a",["b"],{}]',
    '{"a":2,"b":1,"c":{"y":{"x":true},"z":1}}',
    bytes('{"10":3,"2":4,"B":2,"_":5,"b":1,"z":7,"é":6}'),
    '["a","b","c"]',
  ]);
});

test('encode: mixed and sparse tables become objects with decimal keys', () => {
  expectLines(`
print(enc({1, nil, 3}))
print(enc({10, 20, x = 1}))
print(enc({[0] = "z", "a"}))
print(enc({[-1] = "m"}))
print(enc({[1.5] = "f", [2] = "i"}))
print(enc({[2] = "b"}))
print(enc({[9007199254740993] = "big"}))
`, [
    '{"1":1,"3":3}',
    '{"1":10,"2":20,"x":1}',
    '{"0":"z","1":"a"}',
    '{"-1":"m"}',
    '{"1.5":"f","2":"i"}',
    '{"2":"b"}',
    '{"9007199254740993":"big"}',
  ]);
});

test('encode: a key that collides after conversion, and unsupported key types, are errors', () => {
  expectLines(`
print(err(enc, {[1] = "one", ["1"] = "string one"}))
print(err(enc, {[true] = 1}))
print(err(enc, {[{}] = 1}))
print(err(enc, {[print] = 1}))
`, [
    'json.encode: table has two keys that both encode as the object key "1"',
    'json.encode: unsupported table key type: boolean',
    'json.encode: unsupported table key type: table',
    'json.encode: unsupported table key type: function',
  ]);
});

test('encode: strings are escaped as JSON requires, UTF-8 passes through', () => {
  expectLines(`
print(enc('say "hi"\\\\ / back'))
print(enc("\\n\\r\\t\\b\\f"))
print(enc("\\0\\1\\31\\127"))
print(enc("caf\\xc3\\xa9 \\xe2\\x82\\xac \\xf0\\x9f\\x98\\x80 \\xe6\\x97\\xa5\\xe6\\x9c\\xac"))
print(enc({["k\\n\\"ey"] = "v"}))
`, [
    '"say \\"hi\\"\\\\ / back"',
    '"\\n\\r\\t\\b\\f"',
    '"\\u0000\\u0001\\u001f\x7f"',
    bytes('"café € 😀 日本"'),
    '{"k\\n\\"ey":"v"}',
  ]);
});

test('encode: invalid UTF-8 is an error naming the byte', () => {
  expectLines(`
print(err(enc, "\\xff"))
print(err(enc, "ok\\xc3"))
print(err(enc, "\\xc0\\xaf"))
print(err(enc, "\\xed\\xa0\\x80"))
print(err(enc, "\\xf4\\x90\\x80\\x80"))
print(err(enc, {["\\xfe"] = 1}))
print(err(enc, {"\\x80"}))
`, [
    'json.encode: string is not valid UTF-8 (byte 0xff at position 1); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0xc3 at position 3); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0xc0 at position 1); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0xed at position 1); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0xf4 at position 1); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0xfe at position 1); binary data must be encoded first, e.g. with base64',
    'json.encode: string is not valid UTF-8 (byte 0x80 at position 1); binary data must be encoded first, e.g. with base64',
  ]);
});

test('encode: unsupported value types', () => {
  expectLines(`
print(err(enc, print))
print(err(enc, {f = function() end}))
print(err(enc, coroutine.create(function() end)))
print(err(enc, io.stdout))
`, [
    'json.encode: unsupported Lua type for JSON: function',
    'json.encode: unsupported Lua type for JSON: function',
    'json.encode: unsupported Lua type for JSON: thread',
    'json.encode: unsupported Lua type for JSON: userdata',
  ]);
});

test('encode: cycles are an error; a table met twice without a cycle is fine', () => {
  expectLines(`
local t = {} t.self = t
print(err(enc, t))
local a, b = {}, {} a.b = b b.list = {1, a}
print(err(enc, a))
local deep = {} local cur = deep
for i = 1, 100 do cur.next = {} cur = cur.next end
cur.back = deep
print(err(enc, deep))
local shared = {1, 2}
print(enc({x = shared, y = shared, z = {shared}}))
`, [
    'json.encode: cannot encode a table that contains itself (cycle)',
    'json.encode: cannot encode a table that contains itself (cycle)',
    'json.encode: cannot encode a table that contains itself (cycle)',
    '{"x":[1,2],"y":[1,2],"z":[[1,2]]}',
  ]);
});

test('encode: metatables are ignored (raw contents), __jsontype marks the shape', () => {
  expectLines(`
local t = setmetatable({a = 1}, {__index = {b = 2}, __pairs = function() error("no") end})
print(enc(t))
print(enc(setmetatable({}, {__jsontype = "array"})), enc(setmetatable({1, 2}, {__jsontype = "object"})))
`, [
    '{"a":1}',
    '[]\t{"1":1,"2":2}',
  ]);
});

test('encode: pretty output with indent', () => {
  const r = run(`
io.write(enc({name = "x", list = {1, 2.5, {}}, obj = {b = json.array(), a = {}}, e = {}}, {indent = 2}), "\\n")
io.write(enc({1, {2}}, {indent = "\\t"}), "\\n")
io.write(enc({a = {1}}, {indent = 0}), "\\n")
io.write(enc({}, {indent = 4}), " ", enc(json.array(), {indent = 4}), " ", enc(5, {indent = 4}), "\\n")
`);
  assert.equal(r.err, '');
  assert.equal(r.out, [
    '{',
    '  "e": {},',
    '  "list": [',
    '    1,',
    '    2.5,',
    '    {}',
    '  ],',
    '  "name": "x",',
    '  "obj": {',
    '    "a": {},',
    '    "b": []',
    '  }',
    '}',
    '[',
    '\t1,',
    '\t[',
    '\t\t2',
    '\t]',
    ']',
    '{"a":[1]}',
    '{} [] 5',
    '',
  ].join('\n'));
});

test('encode: option errors', () => {
  expectLines(`
print(err(enc, {}, "pretty"))
print(err(enc, {}, {indent = -1}))
print(err(enc, {}, {indent = {}}))
print(err(enc, {}, {indent = 1.5}))
print(enc({1}, {indent = 1.0}) == "[\\n 1\\n]")
`, [
    "bad argument #2 to 'json.encode' (table expected, got string)",
    "json.encode: option 'indent' must be a number of spaces (0 to 64) or a string",
    "json.encode: option 'indent' must be a number of spaces (0 to 64) or a string",
    "json.encode: option 'indent' must be a number of spaces (0 to 64) or a string",
    'true',
  ]);
});

test('encode: errors carry the position of the Lua caller', () => {
  expectLines(`
local ok, e = pcall(function()
  return json.encode(print)
end)
print(e)
`, ['t.lua:10: json.encode: unsupported Lua type for JSON: function']);
});

// ---------------------------------------------------------------------------
// json.array / json.object / json.null

test('json.array and json.object force the shape', () => {
  expectLines(`
local t = {}
print(json.array(t) == t, enc(t))
print(enc(json.object({})), enc(json.object({1, 2})), enc(json.object()))
print(enc(json.array({[1] = "a", [3] = "c"})), enc(json.array()))
local a = json.array() a[1] = "x" a[2] = "y"
print(enc(a))
local o = json.object({}) o[1] = true
print(enc(o))
print(enc({list = json.array({}), map = json.object({})}))
print(enc(json.array(json.object({1}))))  -- the last mark wins
`, [
    'true\t[]',
    '{}\t{"1":1,"2":2}\t{}',
    '["a",null,"c"]\t[]',
    '["x","y"]',
    '{"1":true}',
    '{"list":[],"map":{}}',
    '[1]',
  ]);
});

test('json.array / json.object argument and key errors', () => {
  expectLines(`
print(err(json.array, 5))
print(err(json.object, "x"))
print(err(enc, json.array({1, 2, name = "x"})))
print(err(enc, json.array({[0] = 1})))
print(err(enc, json.array({[1.5] = 1})))
`, [
    "bad argument #1 to 'json.array' (table expected, got number)",
    "bad argument #1 to 'json.object' (table expected, got string)",
    'json.encode: table marked as an array has a key that is not a positive integer: "name"',
    'json.encode: table marked as an array has a key that is not a positive integer: 0',
    'json.encode: table marked as an array has a key that is not a positive integer: 1.5',
  ]);
});

test('json.null is a sentinel that encodes as null', () => {
  expectLines(`
print(type(json.null), tostring(json.null), json.null == json.null)
print(enc(json.null), enc({a = json.null}), enc({1, json.null, 3}))
print(err(enc, {[json.null] = 1}))
`, [
    'userdata\tnull\ttrue',
    'null\t{"a":null}\t[1,null,3]',
    'json.encode: unsupported table key type: userdata',
  ]);
});

// ---------------------------------------------------------------------------
// json.parse

test('parse: scalars at the top level, whitespace', () => {
  expectLines(`
print(json.parse("1"), json.parse("true"), json.parse("false"), json.parse("null"), json.parse('"s"'))
print(json.parse(" \\t\\r\\n 42 \\n"), select("#", json.parse("null")))
print(json.parse(123))   -- numbers are accepted as strings, as Lua does
`, [
    '1\ttrue\tfalse\tnil\ts',
    '42\t1',
    '123',
  ]);
});

test('parse: integers stay integers, floats stay floats', () => {
  expectLines(`
local function t(s) local v = json.parse(s) return math.type(v) .. " " .. string.format("%s", v) end
print(t("1"), t("-1"), t("0"), t("1.0"), t("-0"), t("-0.0"), t("1e2"), t("1E+2"), t("2.5e-3"))
print(t("9007199254740993"), t("-9007199254740993"), t("123456789012345678"))
print(t("9223372036854775807"), t("-9223372036854775808"))
print(t("9223372036854775808"), t("-9223372036854775809"), t("18446744073709551616"))
print(json.parse("9007199254740993") == 9007199254740993, json.parse("9223372036854775807") == math.maxinteger)
print(json.parse("1e400") == math.huge, json.parse("-1e400") == -math.huge, json.parse("1e-400"))
print(json.parse("0.1") == 0.1, json.parse("3.141592653589793238462643383279") == math.pi, json.parse("1.7976931348623157e308"))
print(json.parse("123456.789e3"), json.parse("0.000001"), json.parse("5e-324") > 0)
`, [
    'integer 1\tinteger -1\tinteger 0\tfloat 1.0\tfloat -0.0\tfloat -0.0\tfloat 100.0\tfloat 100.0\tfloat 0.0025',
    'integer 9007199254740993\tinteger -9007199254740993\tinteger 123456789012345678',
    'integer 9223372036854775807\tinteger -9223372036854775808',
    'float 9.2233720368548e+18\tfloat -9.2233720368548e+18\tfloat 1.844674407371e+19',
    'true\ttrue',
    'true\ttrue\t0.0',
    'true\ttrue\t1.7976931348623e+308',
    '123456789.0\t1e-06\ttrue',
  ]);
});

test('parse: integral floats as object members keep their subtype, through reads, pairs and encode', () => {
  // (a table's string part keeps integral floats aside: see plainField in core/table.ts)
  expectLines(`
local o = json.parse('{"a": 1.0, "b": 2, "c": -0.0, "d": 1e3, "e": 0.5}')
print(math.type(o.a), o.a, math.type(o.b), math.type(o.c), 1 / o.c, o.d, o.e)
local seen = {}
for k, v in pairs(o) do seen[#seen + 1] = k .. "=" .. math.type(v) end
table.sort(seen)
print(table.concat(seen, " "))
print(enc(o))
o.a = 3; o.f = 4.0
print(enc(o))
`, [
    'float\t1.0\tinteger\tfloat\t-inf\t1000.0\t0.5',
    'a=float b=integer c=float d=float e=float',
    '{"a":1.0,"b":2,"c":-0.0,"d":1000.0,"e":0.5}',
    '{"a":3,"b":2,"c":-0.0,"d":1000.0,"e":0.5,"f":4.0}',
  ]);
});

test('parse: arrays and objects', () => {
  expectLines(`
local v = json.parse('{"a": [1, 2, {"b": null, "c": "x"}], "d": {}, "e": [], "1": "one"}')
print(#v.a, v.a[3].c, v.a[3].b, next(v.d), #v.e, v["1"], v[1])
local keys = {} for k in pairs(v) do keys[#keys + 1] = k end table.sort(keys)
print(table.concat(keys, ","))
print(json.parse('{"a":1,"a":2}').a, json.parse('{"a":1,"a":null}').a)
print(json.parse('{"__proto__": 1, "toString": 2}').__proto__, json.parse('{}').toString)
`, [
    '3\tx\tnil\tnil\t0\tone\tnil',
    '1,a,d,e',
    '2\tnil',
    '1\tnil',
  ]);
});

test('parse: null becomes nil (holes in arrays); keep_null keeps json.null', () => {
  expectLines(`
local v = json.parse('[1, null, 3]')
print(v[1], v[2], v[3])
local o = json.parse('{"a": null, "b": 1}')
print(o.a, o.b, next(o))
local k = json.parse('{"a": null, "b": [null, 1]}', {keep_null = true})
print(k.a == json.null, k.b[1] == json.null, #k.b)
print(enc(k))
print(json.parse("null", {keep_null = true}) == json.null, json.parse("[null]")[1])
`, [
    '1\tnil\t3',
    'nil\t1\tb\t1',
    'true\ttrue\t2',
    '{"a":null,"b":[null,1]}',
    'true\tnil',
  ]);
});

test('parse: strings, escapes and unicode', () => {
  expectLines(`
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(json.parse('"a\\\\"b\\\\\\\\c\\\\/d"'))
print(hex(json.parse('"\\\\b\\\\f\\\\n\\\\r\\\\t"')))
print(hex(json.parse('"\\\\u0041\\\\u00e9\\\\u00E9\\\\u20ac\\\\uffff"')))
print(hex(json.parse('"\\\\ud83d\\\\ude00"')), hex(json.parse('"\\\\uD834\\\\uDD1E"')))
print(hex(json.parse('"\\\\u0000"')), #json.parse('"\\\\u0000x"'))
print(json.parse('"caf\\xc3\\xa9 \\xf0\\x9f\\x98\\x80"') == "caf\\xc3\\xa9 \\xf0\\x9f\\x98\\x80")
print(json.parse('{"\\\\u00e9": 1}')["\\xc3\\xa9"], json.parse('{"\\xc3\\xa9": 2}')["\\xc3\\xa9"])
print(#json.parse('"' .. string.rep("x", 100000) .. '"'))
`, [
    'a"b\\c/d',
    '080c0a0d09',
    '41c3a9c3a9e282acefbfbf',
    'f09f9880\tf09d849e',
    '00\t2',
    'true',
    '1\t2',
    '100000',
  ]);
});

test('parse: syntax errors name line and column', () => {
  expectLines(`
local function e(s) print((err(json.parse, s))) end
e('')
e('   ')
e('{"a": 1,}')
e('[1, 2,]')
e('[1 2]')
e('{"a" 1}')
e('{a: 1}')
e('{"a": 1')
e('[1, 2')
e('tru')
e('nul')
e('{"a": falsy}')
e('1 2')
e('{}x')
e('01')
e('1.')
e('1.e5')
e('1e')
e('-')
e('+1')
e('.5')
e('NaN')
e('[1,\\n 2,\\n   x]')
e('{\\n  "a": [1, 2],\\n  "b": }')
e('\\xef\\xbb\\xbf{}')
e("'x'")
`, [
    'json.parse: unexpected end of input at line 1 column 1 (expected a value)',
    'json.parse: unexpected end of input at line 1 column 4 (expected a value)',
    "json.parse: unexpected character '}' at line 1 column 9 (expected a string key)",
    "json.parse: unexpected character ']' at line 1 column 7 (expected a value)",
    "json.parse: unexpected character '2' at line 1 column 4 (expected ',' or ']')",
    "json.parse: unexpected character '1' at line 1 column 6 (expected ':')",
    "json.parse: unexpected character 'a' at line 1 column 2 (expected a string key)",
    "json.parse: unexpected end of input at line 1 column 8 (expected ',' or '}')",
    "json.parse: unexpected end of input at line 1 column 6 (expected ',' or ']')",
    "json.parse: unexpected end of input at line 1 column 4 (expected 'true')",
    "json.parse: unexpected end of input at line 1 column 4 (expected 'null')",
    "json.parse: unexpected character 'y' at line 1 column 11 (expected 'false')",
    "json.parse: unexpected character '2' at line 1 column 3 (expected end of input)",
    "json.parse: unexpected character 'x' at line 1 column 3 (expected end of input)",
    'json.parse: invalid number (leading zero) at line 1 column 1',
    'json.parse: unexpected end of input at line 1 column 3 (expected a digit)',
    "json.parse: unexpected character 'e' at line 1 column 3 (expected a digit)",
    'json.parse: unexpected end of input at line 1 column 3 (expected a digit)',
    'json.parse: unexpected end of input at line 1 column 2 (expected a digit)',
    "json.parse: unexpected character '+' at line 1 column 1 (expected a value)",
    "json.parse: unexpected character '.' at line 1 column 1 (expected a value)",
    "json.parse: unexpected character 'N' at line 1 column 1 (expected a value)",
    "json.parse: unexpected character 'x' at line 3 column 4 (expected a value)",
    "json.parse: unexpected character '}' at line 3 column 8 (expected a value)",
    'json.parse: unexpected byte 0xef at line 1 column 1 (expected a value)',
    `json.parse: unexpected character "'" at line 1 column 1 (expected a value)`,
  ]);
});

test('parse: string errors', () => {
  expectLines(`
local function e(s) print((err(json.parse, s))) end
e('"abc')
e('["a\\\\')
e('"a\\nb"')
e('"tab\\there"')
e('"\\\\x"')
e('"\\\\u12g4"')
e('"\\\\u12"')
e('"\\\\ud800"')
e('"\\\\ud800\\\\u0041"')
e('"\\\\udc00"')
e('"ok \\xff"')
e('"\\xc3\\x28"')
e('"\\xed\\xa0\\x80"')
e('"\\xf0\\x82\\x82\\xac"')
e('{"k\\xff": 1}')
`, [
    'json.parse: unterminated string: unexpected end of input at line 1 column 5',
    'json.parse: unterminated string: unexpected end of input at line 1 column 4',
    'json.parse: control character 0x0a in string (must be escaped) at line 1 column 3',
    'json.parse: control character 0x09 in string (must be escaped) at line 1 column 5',
    "json.parse: invalid escape '\\x' in string at line 1 column 2",
    'json.parse: invalid \\u escape in string (4 hex digits expected) at line 1 column 2',
    'json.parse: invalid \\u escape in string (4 hex digits expected) at line 1 column 2',
    'json.parse: lone surrogate \\ud800 in string (a high surrogate must be followed by a low one) at line 1 column 2',
    'json.parse: lone surrogate \\ud800 in string (a high surrogate must be followed by a low one) at line 1 column 2',
    'json.parse: lone surrogate \\udc00 in string (a low surrogate without a high one) at line 1 column 2',
    'json.parse: invalid UTF-8 in string (byte 0xff) at line 1 column 5',
    'json.parse: invalid UTF-8 in string (byte 0xc3) at line 1 column 2',
    'json.parse: invalid UTF-8 in string (byte 0xed) at line 1 column 2',
    'json.parse: invalid UTF-8 in string (byte 0xf0) at line 1 column 2',
    'json.parse: invalid UTF-8 in string (byte 0xff) at line 1 column 4',
  ]);
});

test('parse: argument errors; errors carry the Lua caller position', () => {
  expectLines(`
print(err(json.parse))
print(err(json.parse, nil))
print(err(json.parse, {}))
print(err(json.parse, "1", "opts"))
local ok, e = pcall(function()
  return json.parse("[")
end)
print(e)
`, [
    "bad argument #1 to 'json.parse' (string expected, got no value)",
    "bad argument #1 to 'json.parse' (string expected, got nil)",
    "bad argument #1 to 'json.parse' (string expected, got table)",
    "bad argument #2 to 'json.parse' (table expected, got string)",
    't.lua:14: json.parse: unexpected end of input at line 1 column 2 (expected a value)',
  ]);
});

test('parse: numbers agree with tonumber (correct rounding) over many forms', () => {
  // mantissas of 1–20 digits, with and without fraction and exponent, both signs
  let seed = 11;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + rand(9) : rand(10))).join('');
  const lines = [];
  for (let i = 0; i < 6000; i++) {
    let s = (rand(2) ? '-' : '') + (rand(5) === 0 ? '0' : digits(1 + rand(12)));
    if (rand(3)) s += '.' + digits(1 + rand(12)).split('').reverse().join('');
    if (rand(3) === 0) s += (rand(2) ? 'e' : 'E') + ['', '+', '-'][rand(3)] + rand(i % 10 === 0 ? 400 : 30);
    lines.push(s);
  }
  writeFileSync(join(dir, 'numbers.txt'), lines.join('\n') + '\n');
  expectLines(`
local n, bad = 0, 0
for line in io.lines("numbers.txt") do
  n = n + 1
  local v, w = json.parse(line), tonumber(line)
  local float = line:find("[.eE]") ~= nil or math.type(w) == "float" or line == "-0"
  if not (v == w or (v ~= v and w ~= w)) or (math.type(v) == "float") ~= float then
    bad = bad + 1
    if bad < 5 then print("mismatch", line, v, w, math.type(v)) end
  end
end
print(n, bad)
`, ['6000\t0']);
});

test('encode: random doubles survive encode then parse bit for bit', () => {
  expectLines(`
math.randomseed(42)
local n = 0
for i = 1, 20000 do
  local bytes = {}
  for j = 1, 8 do bytes[j] = math.random(0, 255) end
  local x = string.unpack("<d", string.char(table.unpack(bytes)))
  if x == x and x ~= math.huge and x ~= -math.huge then
    local s = json.encode(x)
    local y = json.parse(s)
    if string.pack("<d", y) ~= string.pack("<d", x) or math.type(y) ~= "float" then print("mismatch", s) end
    n = n + 1
  end
end
print(n > 19000)
`, ['true']);
});

test('many keys: large objects (dictionary tables) parse and encode sorted', () => {
  expectLines(`
local parts = {}
for i = 5000, 1, -1 do parts[#parts + 1] = string.format('"k%d":%d', i, i) end
local v = json.parse("{" .. table.concat(parts, ",") .. "}")
local count, ok = 0, true
for k, x in pairs(v) do count = count + 1 ok = ok and k == "k" .. x end
print(count, ok, v.k1, v.k5000)
local out = json.encode(v)
print(out:sub(1, 30), #out)
local t = {}
for i = 1, 100 do t["key" .. i] = i end
print(json.encode(t):sub(1, 40))
`, [
    '5000\ttrue\t1\t5000',
    // braces, 4999 commas and the members
    '{"k1":1,"k10":10,"k100":100,"k\t' + (2 + 4999 + [...Array(5000)].reduce((a, _, i) => a + `"k${i + 1}":${i + 1}`.length, 0)),
    '{"key1":1,"key10":10,"key100":100,"key11',
  ]);
});

test('encode: objects of one shape, other orders and subsets of keys', () => {
  expectLines(`
print(enc({{a = 1, b = 2}, {b = 3, a = 4}, {a = 5}, {a = 6, b = 7, c = 8}, {b = 9, a = 10}, {c = 1, b = 2, a = 3}}))
local list = {}
for i = 1, 3 do list[i] = {z = i, y = {x = i, w = {i}}, v = i % 2 == 0 and "even" or nil} end
print(enc(list))
`, [
    '[{"a":1,"b":2},{"a":4,"b":3},{"a":5},{"a":6,"b":7,"c":8},{"a":10,"b":9},{"a":3,"b":2,"c":1}]',
    '[{"y":{"w":[1],"x":1},"z":1},{"v":"even","y":{"w":[2],"x":2},"z":2},{"y":{"w":[3],"x":3},"z":3}]',
  ]);
});

test('parse: keys with escapes, non-ASCII bytes and colliding hashes are kept apart', () => {
  expectLines(`
local v = json.parse('{"a\\\\u0062": 1, "ab": 2, "\\xc3\\xa9": 3, "\\\\u00e9x": 4, "Aa": 5, "BB": 6}')
print(v.ab, v["\\xc3\\xa9"], v["\\xc3\\xa9x"], v.Aa, v.BB)
local w = json.parse('[{"Aa": 1, "BB": 2}, {"BB": 3, "Aa": 4}]')
print(w[1].Aa, w[1].BB, w[2].Aa, w[2].BB)
`, ['2\t3\t4\t5\t6', '1\t2\t4\t3']);
});

// ---------------------------------------------------------------------------
// nesting, round trips, large documents

test('deep nesting: 100,000 levels parse and encode', () => {
  expectLines(`
local n = 100000
local s = string.rep("[", n) .. string.rep("]", n)
local v = json.parse(s)
local d, cur = 0, v
while cur do d = d + 1 cur = cur[1] end
print(d, enc(v) == s)
local o = string.rep('{"a":', n) .. "1" .. string.rep("}", n)
print(enc(json.parse(o)) == o)
local t = {} local c = t
for i = 1, n do c.x = {} c = c.x end
print(#enc(t))
`, ['100000\ttrue', 'true', String(100000 * 6 + 2)]);
});

test('round trips keep values, subtypes and shapes', () => {
  expectLines(`
local doc = '{"a":[1,2.0,-0.0,1e-7,9007199254740993,"\\\\u00e9\\\\ud83d\\\\ude00"],"b":{"c":[],"d":{}},"e":true,"f":null,"g":[null,1]}'
local v = json.parse(doc)
print(enc(v))
print(enc(json.parse(enc(v))) == enc(v))
print(enc(json.parse(doc, {keep_null = true})))
local t = {int = 1, float = 1.0, big = math.maxinteger, small = math.mininteger, pi = math.pi, s = "\\0\\1\\n\\"", list = {1, {2, {3}}}}
local back = json.parse(enc(t))
print(math.type(back.int), math.type(back.float), back.big == math.maxinteger, back.small == math.mininteger, back.pi == math.pi, back.s == t.s, back.list[2][2][1])
for _, x in ipairs({0.1, 1/3, 1e300, 5e-324, 2^-1074, 123456789.123, -1e-10, 2^63, 1e16, 1e21}) do
  local y = json.parse(enc(x))
  if y ~= x or math.type(y) ~= "float" then print("mismatch", x, enc(x), y) end
end
print("floats ok")
`, [
    bytes('{"a":[1,2.0,-0.0,1e-7,9007199254740993,"é😀"],"b":{"c":[],"d":{}},"e":true,"g":[null,1]}'),
    'true',
    bytes('{"a":[1,2.0,-0.0,1e-7,9007199254740993,"é😀"],"b":{"c":[],"d":{}},"e":true,"f":null,"g":[null,1]}'),
    'integer\tfloat\ttrue\ttrue\ttrue\ttrue\t3',
    'floats ok',
  ]);
});

test('a 2 MB document matches Node: same parse, byte-identical sorted output', () => {
  // sorted keys (none integer-like: JS objects put those first), no integral floats:
  // JSON.stringify writes exactly what json.encode should
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const texts = ['plain', 'café', 'Ελλάδα', '日本語', 'emoji 😀🎉', 'quote " and \\ back', 'ctl \n\t\u0001', 'zürich'];
  const sortKeys = (v) => Array.isArray(v) ? v.map(sortKeys)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
  const items = [];
  for (let i = 0; items.length < 8000; i++) {
    items.push({
      id: i,
      big: 2 ** 40 + i,
      neg: -i * 7,
      f: Math.round(rand() * 1e6) / 1e3 + 0.0005,
      ok: rand() < 0.5,
      name: texts[i % texts.length] + ' ' + i,
      tags: [texts[(i + 1) % texts.length], 'x', i % 3],
      nested: { a: { b: { c: [i, [i + 0.25]] } }, 'é': 'accent key', k10: 'ten', k2: 'two' },
      empty: {},
    });
  }
  const doc = JSON.stringify(sortKeys({ items, meta: { count: items.length, unicode: '\u00e9\u{1F600}' } }));
  assert.ok(doc.length > 1.5e6);
  writeFileSync(join(dir, 'doc.json'), doc, 'utf8');
  const r = run(`
local f = assert(io.open("doc.json", "rb"))
local text = f:read("a") f:close()
local v = json.parse(text)
local out = json.encode(v)
print(#v.items, v.items[8000].id, v.items[1].big, math.type(v.items[1].f), v.meta.count)
io.write(out == text and "identical" or "different", "\\n")
local o = io.open("out.json", "wb") o:write(out) o:close()
`);
  assert.equal(r.err, '');
  assert.equal(r.out, `8000\t7999\t${2 ** 40}\tfloat\t8000\nidentical\n`);
});

test('the memory limit applies to parse', () => {
  const r = run(`
local text = "[" .. string.rep('{"id":1,"name":"item","tags":["a","b"]},', 200000) .. '1]'
local ok, e = pcall(json.parse, text)
print(ok, e)
`, { memoryLimit: 16 });
  assert.equal(r.err, '');
  assert.equal(r.out, 'false\tnot enough memory\n');
});
