// base64.encode and base64.decode (SPEC B§1.6, A6): RFC 4648 standard alphabet with
// padding, binary-safe both ways, strict decoding and its error messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextLuaName, runLua, runLuaOk, tempDir } from '../helpers.mjs';

const dir = tempDir('base64');

/** Runs Lua code (with err(f, ...) → the error message of a failing call); returns stdout bytes as latin1. */
function lua(code) {
  const prelude = 'local function err(f, ...) local ok, e = pcall(f, ...) if ok then return "no error" end return tostring(e) end;';
  return runLuaOk(prelude + code, { dir, timeout: 60000 }).out;
}

test('base64.encode / decode: the RFC 4648 test vectors', () => {
  const out = lua(`
for _, s in ipairs{"", "f", "fo", "foo", "foob", "fooba", "foobar"} do
  local e = base64.encode(s)
  print(s, e, base64.decode(e) == s)
end
`);
  assert.equal(out, [
    '\t\ttrue', 'f\tZg==\ttrue', 'fo\tZm8=\ttrue', 'foo\tZm9v\ttrue', 'foob\tZm9vYg==\ttrue', 'fooba\tZm9vYmE=\ttrue', 'foobar\tZm9vYmFy\ttrue', '',
  ].join('\n'));
});

test('base64: binary-safe (every byte value, NUL, invalid UTF-8)', () => {
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const out = lua(`
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local e = base64.encode(all)
print(e)
local d = base64.decode(e)
print(#d, d == all)
print(base64.encode("\\0"), base64.encode("\\0\\0\\0"), base64.encode("\\255\\254\\253"))
print(#base64.decode("AAAA"), base64.decode("AAAA") == "\\0\\0\\0", base64.decode("//79") == "\\255\\254\\253")
io.write(base64.decode("gP8A/w=="))
`);
  const lines = out.split('\n');
  assert.equal(lines[0], all.toString('base64'));
  assert.equal(lines[1], '256\ttrue');
  assert.equal(lines[2], 'AA==\tAAAA\t//79');
  assert.equal(lines[3], '3\ttrue\ttrue');
  assert.deepEqual([...Buffer.from(lines[4], 'latin1')], [0x80, 0xff, 0x00, 0xff]);
});

test('base64: unicode text is encoded as its UTF-8 bytes', () => {
  const out = lua(`
local s = "Zoë 😀 日本語"
print(base64.encode(s))
print(base64.decode(base64.encode(s)) == s)
print(base64.decode("w6k=") == "é")
`);
  assert.equal(out, Buffer.from('Zoë 😀 日本語').toString('base64') + '\ntrue\ntrue\n');
});

test('base64: numbers are taken as their string form; large inputs', () => {
  const out = lua(`
print(base64.encode(123), base64.encode(1.5), base64.decode(base64.encode(-7)))
local big = string.rep("\\0\\1\\2\\255 some text ", 100000)
local e = base64.encode(big)
print(#big, #e, base64.decode(e) == big)
`);
  assert.equal(out, 'MTIz\tMS41\t-7\n1500000\t2000000\ttrue\n');
});

test('base64.decode: strict input, each error message', () => {
  const out = lua(`
for _, s in ipairs{"Zm9v!", "Zm9v YmFy", "Zm9v\\nYmFy", "Zm9vYmFy\\n", "Zm9-", "Zm9_", "Zm9v\\128", "Zm8", "Zm8==", "Zg===", "Zm=v", "====",
    "Zh==", "Zm9=", "Zm8", "Z", "=Zm8"} do
  print(err(base64.decode, s))
end
print(base64.decode(""), base64.decode("Zm8=") == "fo")
`);
  assert.equal(out, [
    "base64.decode: invalid symbol '!' at offset 4",
    'base64.decode: invalid symbol 0x20 at offset 4',
    'base64.decode: invalid symbol 0x0a at offset 4',
    'base64.decode: invalid symbol 0x0a at offset 8',
    "base64.decode: invalid symbol '-' at offset 3",
    "base64.decode: invalid symbol '_' at offset 3",
    'base64.decode: invalid symbol 0x80 at offset 4',
    'base64.decode: invalid length 3 (padded base64 is a multiple of 4 long)',
    'base64.decode: invalid length 5 (padded base64 is a multiple of 4 long)',
    "base64.decode: invalid symbol '=' at offset 2",
    "base64.decode: invalid symbol '=' at offset 2",
    "base64.decode: invalid symbol '=' at offset 0",
    "base64.decode: invalid last symbol 'h' at offset 1 (non-zero trailing bits)",
    "base64.decode: invalid last symbol '9' at offset 2 (non-zero trailing bits)",
    'base64.decode: invalid length 3 (padded base64 is a multiple of 4 long)',
    'base64.decode: invalid length 1 (padded base64 is a multiple of 4 long)',
    "base64.decode: invalid symbol '=' at offset 0",
    '\ttrue', '',
  ].join('\n'));
});

test('base64: argument errors, and the position of an error raised from Lua code', () => {
  const out = lua(`
print(err(base64.encode))
print(err(base64.encode, nil))
print(err(base64.encode, {}))
print(err(base64.decode))
print(err(base64.decode, true))
`);
  assert.equal(out, [
    "bad argument #1 to 'base64.encode' (string expected, got no value)",
    "bad argument #1 to 'base64.encode' (string expected, got nil)",
    "bad argument #1 to 'base64.encode' (string expected, got table)",
    "bad argument #1 to 'base64.decode' (string expected, got no value)",
    "bad argument #1 to 'base64.decode' (string expected, got boolean)", '',
  ].join('\n'));
  const name = nextLuaName();
  const r = runLua('local x = 1\nbase64.decode("abc")\n', { dir, name, sourceEncoding: 'latin1' });
  assert.equal(r.status, 1);
  assert.match(r.err, new RegExp(`^assay: ${name}:2: base64\\.decode: invalid length 3 `));
});
