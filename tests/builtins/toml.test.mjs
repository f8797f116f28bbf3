// toml.parse and toml.encode (SPEC B§1.5): TOML types and their Lua types, dates and
// times as strings, 64-bit integers, the encoder's layout, round trips, every error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luaString as q, nextLuaName, runLua, tempDir, valueHelpersRunner } from '../helpers.mjs';

const dir = tempDir('toml');
/** Runs Lua code with dump, same, err in scope (VALUE_HELPERS_MODULE) and returns its stdout. */
const lua = valueHelpersRunner(dir, { encoding: 'utf8', timeout: 60000 });

test('toml.parse: integers, floats, booleans and strings keep their types', () => {
  const doc = String.raw`int = 42
neg = -17
plus = +99
under = 1_000_000
hex = 0xDEAD_BEEF
oct = 0o755
bin = 0b1101
max = 9223372036854775807
min = -9223372036854775808
flt = 3.14
flt_int = 1.0
exp = 5e+22
negz = -0.0
inf = inf
ninf = -inf
nan = nan
t = true
f = false
basic = "tab\there \"quoted\" \u00e9 \U0001F600"
literal = 'C:\Users\path'
multi = """
line one
line two \
  continued"""
mlit = '''
raw \n text'''
empty = ""
`;
  const out = lua(`
local t = toml.parse(${q(doc)})
for _, k in ipairs{"int","neg","plus","under","hex","oct","bin","max","min","flt","flt_int","exp","negz","inf","ninf"} do
  print(k, math.type(t[k]), t[k])
end
print(math.type(t.nan), t.nan ~= t.nan, t.max == math.maxinteger, t.min == math.mininteger)
for _, k in ipairs{"t","f","basic","literal","multi","mlit","empty"} do print(k, dump(t[k])) end
`);
  assert.equal(out, [
    'int\tinteger\t42', 'neg\tinteger\t-17', 'plus\tinteger\t99', 'under\tinteger\t1000000', 'hex\tinteger\t3735928559',
    'oct\tinteger\t493', 'bin\tinteger\t13', 'max\tinteger\t9223372036854775807', 'min\tinteger\t-9223372036854775808',
    'flt\tfloat\t3.14', 'flt_int\tfloat\t1.0', 'exp\tfloat\t5e+22', 'negz\tfloat\t-0.0', 'inf\tfloat\tinf', 'ninf\tfloat\t-inf',
    'float\ttrue\ttrue\ttrue',
    't\ttrue', 'f\tfalse',
    'basic\t"tab\\9here \\"quoted\\" é 😀"',
    'literal\t"C:\\\\Users\\\\path"',
    'multi\t"line one\\nline two continued"',
    'mlit\t"raw \\\\n text"',
    'empty\t""', '',
  ].join('\n'));
});

test('toml.parse: tables, dotted keys, inline tables, arrays, arrays of tables', () => {
  const doc = `title = "TOML Example"
[owner]
name = "Tom"
[database]
ports = [ 8000, 8001, 8002 ]
data = [ ["delta", "phi"], [3.14] ]
mixed = [ 1, "two", 3.0, { four = 4 } ]
enabled = true
temp_targets = { cpu = 79.5, case = 72.0 }
empty_list = []
empty_table = {}
[servers.alpha]
ip = "10.0.0.1"
[servers.beta]
ip = "10.0.0.2"
[[products]]
name = "Hammer"
sku = 738594937
[[products]]
[[products]]
name = "Nail"
color = "gray"
site."google.com" = true
"quoted key" = 1
a.b.c = 2
`;
  const out = lua(`
local t = toml.parse(${q(doc)})
print(t.title, t.owner.name)
print(dump(t.database))
print(dump(t.servers))
print(#t.products, dump(t.products))
`);
  assert.equal(out, [
    'TOML Example\tTom',
    '{data={{"delta","phi"},{3.14}},empty_list={},empty_table={},enabled=true,mixed={1,"two",3.0,{four=4}},ports={8000,8001,8002},temp_targets={case=72.0,cpu=79.5}}',
    '{alpha={ip="10.0.0.1"},beta={ip="10.0.0.2"}}',
    '3\t{{name="Hammer",sku=738594937},{},{a={b={c=2}},color="gray",name="Nail",["quoted key"]=1,site={["google.com"]=true}}}', '',
  ].join('\n'));
});

test('toml.parse: dates and times become RFC 3339 strings as written', () => {
  const doc = `odt1 = 1979-05-27T07:32:00Z
odt2 = 1979-05-27T00:32:00-07:00
odt3 = 1979-05-27T00:32:00.999-07:00
odt4 = 1979-05-27 07:32:00Z
odt5 = 1979-05-27T07:32:00.5+05:30
ldt1 = 1979-05-27T07:32:00
ldt2 = 1979-05-27T00:32:00.25
ld1 = 1979-05-27
lt1 = 07:32:00
lt2 = 00:32:00.125
list = [1979-05-27, 07:32:00]
`;
  const out = lua(`
local t = toml.parse(${q(doc)})
for _, k in ipairs{"odt1","odt2","odt3","odt4","odt5","ldt1","ldt2","ld1","lt1","lt2"} do print(k, type(t[k]), t[k]) end
print(dump(t.list))
-- sub-millisecond digits are cut to milliseconds (JavaScript dates)
print(toml.parse("d = 1979-05-27T00:32:00.999999-07:00").d)
-- strings, so encode writes them back as strings
print(toml.encode({ d = t.ld1 }))
`);
  assert.equal(out, [
    'odt1\tstring\t1979-05-27T07:32:00Z',
    'odt2\tstring\t1979-05-27T00:32:00-07:00',
    'odt3\tstring\t1979-05-27T00:32:00.999-07:00',
    'odt4\tstring\t1979-05-27T07:32:00Z',
    'odt5\tstring\t1979-05-27T07:32:00.5+05:30',
    'ldt1\tstring\t1979-05-27T07:32:00',
    'ldt2\tstring\t1979-05-27T00:32:00.25',
    'ld1\tstring\t1979-05-27',
    'lt1\tstring\t07:32:00',
    'lt2\tstring\t00:32:00.125',
    '{"1979-05-27","07:32:00"}',
    '1979-05-27T00:32:00.999-07:00',
    'd = "1979-05-27"\n', '',
  ].join('\n'));
});

test('toml.parse: empty input, comments, unicode, BOM', () => {
  const out = lua(`
print(dump(toml.parse("")), dump(toml.parse("# only a comment\\n\\n")))
local t = toml.parse(${q('# comment\nname = "Zoë 😀" # trailing\n"日本" = "語"\n')})
print(t.name, #t.name, t["日本"])
print(toml.parse("\\239\\187\\191a = 1").a)
print(dump(toml.parse("a = 1\\r\\nb = 2\\r\\n")))
`);
  assert.equal(out, '{}\t{}\nZoë 😀\t9\t語\n1\n{a=1,b=2}\n');
});

test('toml.parse: errors carry the line and column', () => {
  const out = lua(`
print(err(toml.parse, "a = "))
print(err(toml.parse, "a = 1\\na = 2"))
print(err(toml.parse, "x = 1\\ny = \\"unterminated"))
print(err(toml.parse, "[a]\\nb = 1\\n[a]\\n"))
print(err(toml.parse, "a = 1 b = 2"))
print(err(toml.parse, "a = [1,"))
print(err(toml.parse, "a = 1979-13-01"))
print(err(toml.parse, "a = \\"\\\\q\\""))
print(err(toml.parse, "a = 1\\nb = 9223372036854775808"))
print(err(toml.parse, "a = 1\\nb = [\\n  1,\\n  -9_223_372_036_854_775_809]"))
print(err(toml.parse, "a = 0x1_0000_0000_0000_0000"))
`);
  assert.equal(out, [
    'toml.parse: invalid value at line 1, column 5',
    'toml.parse: trying to redefine an already defined table or value at line 2, column 1',
    'toml.parse: unfinished string at line 2, column 5',
    'toml.parse: trying to redefine an already defined table or value at line 3, column 2',
    'toml.parse: each key-value declaration must be followed by an end-of-line at line 1, column 7',
    'toml.parse: unfinished array at line 1, column 5',
    'toml.parse: invalid date at line 1, column 5',
    'toml.parse: unrecognised escape sequence at line 1, column 7',
    'toml.parse: integer 9223372036854775808 does not fit in 64 bits at line 2, column 5',
    'toml.parse: integer -9223372036854775809 does not fit in 64 bits at line 4, column 3',
    'toml.parse: integer 18446744073709551616 does not fit in 64 bits at line 1, column 5', '',
  ].join('\n'));
});

test('toml.parse: argument and input errors', () => {
  const out = lua(`
print(err(toml.parse))
print(err(toml.parse, nil))
print(err(toml.parse, {}))
print(err(toml.parse, "a = \\"\\255\\""))
`);
  assert.equal(out, [
    "bad argument #1 to 'toml.parse' (string expected, got no value)",
    "bad argument #1 to 'toml.parse' (string expected, got nil)",
    "bad argument #1 to 'toml.parse' (string expected, got table)",
    'toml.parse: string is not valid UTF-8', '',
  ].join('\n'));
});

test('toml.parse: an error raised from Lua code carries its position', () => {
  const name = nextLuaName();
  const r = runLua('local x = 1\ntoml.parse("a = ")\n', { dir, name, sourceEncoding: 'latin1' });
  assert.equal(r.status, 1);
  assert.match(r.err, new RegExp(`^assay: ${name}:2: toml\\.parse: invalid value at line 1, column 5\\n`));
});

test('toml.encode: layout (values, then [tables] and [[arrays of tables]]), keys sorted', () => {
  const out = lua(`
io.write(toml.encode({
  title = "x", version = 2, ratio = 0.5, whole = 1.0, enabled = true,
  list = { 1, 2, 3 }, mixed = { 1, "two", 3.0 }, empty = {}, earr = json.array({}),
  owner = { name = "Tom", tags = { "a", "b" } },
  servers = { alpha = { ip = "10.0.0.1", port = 80 }, beta = { ip = "10.0.0.2" } },
  products = { { name = "Hammer", sku = 738594937 }, { name = "Nail", dims = { w = 1, h = 2 } } },
  ["key with spaces"] = "v", ["dotted.key"] = 1, [""] = "empty key", ["é"] = "accent",
}))
`);
  assert.equal(out, `"" = "empty key"
"dotted.key" = 1
earr = []
enabled = true
"key with spaces" = "v"
list = [1, 2, 3]
mixed = [1, "two", 3.0]
ratio = 0.5
title = "x"
version = 2
whole = 1.0
"é" = "accent"

[empty]

[owner]
name = "Tom"
tags = ["a", "b"]

[[products]]
name = "Hammer"
sku = 738594937

[[products]]
name = "Nail"

[products.dims]
h = 2
w = 1

[servers.alpha]
ip = "10.0.0.1"
port = 80

[servers.beta]
ip = "10.0.0.2"
`);
});

test('toml.encode: numbers, strings, inline tables in arrays', () => {
  const out = lua(`
io.write(toml.encode({ a = math.maxinteger, b = math.mininteger, c = 1.0, d = -0.0, e = 1e300, f = 2^63, g = 0.1, h = 1e-7 }))
print("--")
io.write(toml.encode({ s = "tab\\t quote\\" backslash\\\\ newline\\n bell\\7 del\\127 é 😀" }))
print("--")
io.write(toml.encode({ list = { 1, { a = 1, b = { 2 } } }, nested = { { { x = 1 } } }, ["a.b"] = { c = 1 } }))
`);
  assert.equal(out, [
    'a = 9223372036854775807', 'b = -9223372036854775808', 'c = 1.0', 'd = -0.0', 'e = 1e+300', 'f = 9223372036854776000.0', 'g = 0.1', 'h = 1e-7',
    '--',
    's = "tab\\t quote\\" backslash\\\\ newline\\n bell\\u0007 del\\u007f é 😀"',
    '--',
    'list = [1, { a = 1, b = [2] }]', 'nested = [[{ x = 1 }]]', '', '["a.b"]', 'c = 1', '',
  ].join('\n'));
});

test('toml: round trips keep every value and its type', () => {
  const doc = `title = "TOML Example"
[owner]
name = "Tom Preston-Werner"
dob = 1979-05-27T07:32:00-08:00
[database]
enabled = true
ports = [ 8000, 8001, 8002 ]
data = [ ["delta", "phi"], [3.14] ]
temp_targets = { cpu = 79.5, case = 72.0 }
[servers.alpha]
ip = "10.0.0.1"
role = "frontend"
[[products]]
name = "Hammer"
sku = 738594937
[[products]]
name = "Nail"
sku = 284758393
color = "gray"
[products.size]
w = 1.0
h = 2
`;
  const out = lua(`
local t = toml.parse(${q(doc)})
local text = toml.encode(t)
print(same(t, toml.parse(text)))
print(toml.encode(toml.parse(text)) == text)
local v = { name = "x", n = 1, f = 1.0, big = math.maxinteger, small = math.mininteger, s = "é\\n\\"", list = { 1.5, 2.5 },
  nested = { deep = { deeper = { k = "v" } } }, aot = { { a = 1 }, { a = 2, sub = { b = true } } }, e = {} }
print(same(v, toml.parse(toml.encode(v))))
`);
  assert.equal(out, 'true\ntrue\ntrue\n');
});

test('toml.encode: errors', () => {
  const out = lua(`
print(err(toml.encode))
print(err(toml.encode, nil))
print(err(toml.encode, "x"))
print(err(toml.encode, 5))
print(err(toml.encode, { 1, 2 }))
print(err(toml.encode, { a = json.null }))
print(err(toml.encode, { a = { b = { 1, json.null } } }))
print((err(toml.encode, { a = 0/0 }):gsub("%-nan", "nan")))
print(err(toml.encode, { a = -math.huge }))
print(err(toml.encode, { a = print }))
print(err(toml.encode, { [true] = 1 }))
local t = {} t.t = t
print(err(toml.encode, t))
print(err(toml.encode, { a = "\\255" }))
print(dump(toml.encode({})), dump(toml.encode(json.array({}))))
`);
  assert.equal(out, [
    'toml.encode: top-level value must be a table, got no value',
    'toml.encode: top-level value must be a table, got nil',
    'toml.encode: top-level value must be a table, got string',
    'toml.encode: top-level value must be a table, got number',
    'toml.encode: top-level value must be a table with string keys, not an array',
    "toml.encode: TOML cannot represent null (at 'a')",
    "toml.encode: TOML cannot represent null (at 'a.b[2]')",
    'toml.encode: cannot encode nan as JSON number',
    'toml.encode: cannot encode -inf as JSON number',
    'toml.encode: unsupported Lua type for JSON: function',
    'toml.encode: unsupported table key type: boolean',
    'toml.encode: cannot encode a table that contains itself',
    'toml.encode: string is not valid UTF-8',
    '""\t""', '',
  ].join('\n'));
});

test('toml: large documents', () => {
  const out = lua(`
local t = { items = {} }
for i = 1, 5000 do t.items[i] = { id = i, name = "item" .. i, tags = { "a", "b" } } end
for i = 1, 5000 do t["key" .. i] = i * 1.5 end
local back = toml.parse(toml.encode(t))
print(#back.items, back.items[5000].name, back.key5000, same(t, back))
`);
  assert.equal(out, '5000\titem5000\t7500.0\ttrue\n');
});
