// The crypto builtin (SPEC B§1.7, A5, A8): hash, hash_file, hmac, random, random_bytes,
// jwt_sign / jwt_decode / jwt_verify — known-answer vectors, edge cases, every error message,
// and JWT interop with jose in both directions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import { CHECKS_PRELUDE_WITH_READ, assertChecksPassed, luaString, nextLuaName, runChecks, tempDir } from '../helpers.mjs';

const dir = tempDir('crypto');

// Every snippet gets CHECKS_PRELUDE_WITH_READ: eq(got, want, what) records a failure line;
// show(v) renders tables; err(f, ...) is the error message of a call that must fail;
// read(path) a file; the snippet ends with finish().
const lua = (body, opts) => runChecks(body, { prelude: CHECKS_PRELUDE_WITH_READ, dir, timeout: 60000, ...opts });
const ok = (body) => assertChecksPassed(lua(body)).out;

/** Lua string literal for a JS string of bytes (latin1) or ASCII text. */
const q = (s) => luaString(s, 'latin1');

// ---- keys, generated once (the Lua side reads them from files) ----

const keyDir = join(dir, 'keys');
mkdirSync(keyDir);
const keys = {};
function keyPair(name, type, options) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync(type, options);
  keys[name] = { privateKey, publicKey };
  return keys[name];
}
const rsa = keyPair('rsa', 'rsa', { modulusLength: 2048 });
writeFileSync(join(keyDir, 'rsa-pkcs1.pem'), rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }));
writeFileSync(join(keyDir, 'rsa-pkcs8.pem'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(join(keyDir, 'rsa-spki.pem'), rsa.publicKey.export({ type: 'spki', format: 'pem' }));
writeFileSync(join(keyDir, 'rsa-pub-pkcs1.pem'), rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }));
for (const [name, curve] of [['p256', 'P-256'], ['p384', 'P-384'], ['p521', 'P-521']]) {
  const k = keyPair(name, 'ec', { namedCurve: curve });
  writeFileSync(join(keyDir, `${name}-sec1.pem`), k.privateKey.export({ type: 'sec1', format: 'pem' }));
  writeFileSync(join(keyDir, `${name}.pem`), k.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(keyDir, `${name}-spki.pem`), k.publicKey.export({ type: 'spki', format: 'pem' }));
}
const ed = keyPair('ed25519', 'ed25519');
writeFileSync(join(keyDir, 'ed25519.pem'), ed.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(join(keyDir, 'ed25519-spki.pem'), ed.publicKey.export({ type: 'spki', format: 'pem' }));
const small = keyPair('rsa1024', 'rsa', { modulusLength: 1024 });
writeFileSync(join(keyDir, 'rsa1024.pem'), small.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(join(keyDir, 'rsa1024-spki.pem'), small.publicKey.export({ type: 'spki', format: 'pem' }));
const secret = 'a secret of sixty-four bytes for HS512, padded out to length....';
assert.equal(secret.length, 64);

// per algorithm: the private key file, the public key file, the node keys for jose
const ALGS = {
  HS256: { sign: null, verify: null }, HS384: { sign: null, verify: null }, HS512: { sign: null, verify: null },
  RS256: { sign: 'rsa-pkcs1.pem', verify: 'rsa-spki.pem', node: rsa },
  RS384: { sign: 'rsa-pkcs8.pem', verify: 'rsa-pub-pkcs1.pem', node: rsa },
  RS512: { sign: 'rsa-pkcs8.pem', verify: 'rsa-spki.pem', node: rsa },
  PS256: { sign: 'rsa-pkcs1.pem', verify: 'rsa-spki.pem', node: rsa },
  PS384: { sign: 'rsa-pkcs8.pem', verify: 'rsa-spki.pem', node: rsa },
  PS512: { sign: 'rsa-pkcs8.pem', verify: 'rsa-spki.pem', node: rsa },
  ES256: { sign: 'p256-sec1.pem', verify: 'p256-spki.pem', node: keys.p256 },
  ES384: { sign: 'p384.pem', verify: 'p384-spki.pem', node: keys.p384 },
  ES512: { sign: 'p521.pem', verify: 'p521-spki.pem', node: keys.p521 },
  EdDSA: { sign: 'ed25519.pem', verify: 'ed25519-spki.pem', node: ed },
};
const luaKey = (file) => (file ? `read(${q(join(keyDir, file))})` : q(secret));

// ---- hash ----

test('crypto.hash: known answers for every algorithm, default sha256, case-insensitive names', () => {
  const vectors = {
    sha224: ['23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7', 'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f'],
    sha256: ['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    sha384: ['cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7', '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b'],
    sha512: ['ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f', 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'],
    'sha3-224': ['e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf', '6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7'],
    'sha3-256': ['3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532', 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a'],
    'sha3-384': ['ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25', '0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004'],
    'sha3-512': ['b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0', 'a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26'],
    md5: ['900150983cd24fb0d6963f7d28e17f72', 'd41d8cd98f00b204e9800998ecf8427e'],
    sha1: ['a9993e364706816aba3e25717850c26c9cd0d89d', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  };
  ok(Object.entries(vectors).map(([alg, [abc, empty]]) => `
eq(crypto.hash("abc", "${alg}"), "${abc}", "${alg}('abc')")
eq(crypto.hash("", "${alg}"), "${empty}", "${alg}('')")
eq(crypto.hash("abc", "${alg.toUpperCase()}"), "${abc}", "${alg} upper-case name")`).join('\n') + `
eq(crypto.hash("abc"), "${vectors.sha256[0]}", "default sha256")
eq(crypto.hash("abc", nil), "${vectors.sha256[0]}", "nil algorithm")
-- NIST: one million 'a'
eq(crypto.hash(string.rep("a", 1000000)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "a x 10^6")
eq(crypto.hash(123), crypto.hash("123"), "a number is hashed as its string")
`);
});

test('crypto.hash: bytes — UTF-8 text and binary strings hash as their bytes', () => {
  const bin = Buffer.from([0, 1, 127, 128, 200, 255, 0]);
  const h = (alg, b) => crypto.createHash(alg).update(b).digest('hex');
  ok(`
eq(crypto.hash("日本語 é"), "${h('sha256', Buffer.from('日本語 é', 'utf8'))}", "UTF-8 text")
eq(crypto.hash(${q(bin.toString('latin1'))}, "sha512"), "${h('sha512', bin)}", "binary")
eq(crypto.hash("\\xff\\xfe", "md5"), "${h('md5', Buffer.from([0xff, 0xfe]))}", "invalid UTF-8 is fine")
`);
});

test('crypto.hash: errors', () => {
  const name = nextLuaName();
  const r = lua(`
print(err(crypto.hash))
print(err(crypto.hash, nil))
print(err(crypto.hash, {}))
print(err(crypto.hash, true))
print(err(crypto.hash, "x", 256))
print(err(crypto.hash, "x", {}))
print(err(crypto.hash, "x", "sha999"))
print(err(crypto.hash, "x", "SHA-256"))
print(err(function() return crypto.hash(nil) end))
`, { name });
  const sup = '(supported: sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384, sha3-512, md5, sha1)';
  assert.equal(r.err, '');
  assert.deepEqual(r.out.trim().split('\n'), [
    'crypto.hash: first argument must be a string',
    'crypto.hash: first argument must be a string',
    'crypto.hash: first argument must be a string',
    'crypto.hash: first argument must be a string',
    'crypto.hash: second argument must be an algorithm string or nil',
    'crypto.hash: second argument must be an algorithm string or nil',
    `crypto.hash: unsupported algorithm: sha999 ${sup}`,
    `crypto.hash: unsupported algorithm: sha-256 ${sup}`,
    `${name}:${CHECKS_PRELUDE_WITH_READ.split('\n').length + 9}: crypto.hash: first argument must be a string`,
    'ok',
  ]);
});

test('crypto.hash_file: a file hashes as its bytes; errors', () => {
  const data = crypto.randomBytes(3 * 1048576 + 17);
  const file = join(dir, 'data.bin');
  writeFileSync(file, data);
  writeFileSync(join(dir, 'empty.bin'), '');
  const r = lua(`
eq(crypto.hash_file(${q(file)}), "${crypto.createHash('sha256').update(data).digest('hex')}", "3 MB file")
eq(crypto.hash_file(${q(file)}, "sha3-512"), "${crypto.createHash('sha3-512').update(data).digest('hex')}", "sha3-512")
eq(crypto.hash_file(${q(file)}), crypto.hash(read(${q(file)})), "same as hash of the contents")
eq(crypto.hash_file("empty.bin", "md5"), "d41d8cd98f00b204e9800998ecf8427e", "empty file")
print(err(crypto.hash_file, "nope.bin"))
print(err(crypto.hash_file, ${q(dir)}))
print(err(crypto.hash_file, nil))
print(err(crypto.hash_file, "empty.bin", "sha0"))
`);
  assert.equal(r.err, '');
  assert.deepEqual(r.out.trim().split('\n'), [
    'crypto.hash_file: cannot open "nope.bin": no such file or directory',
    `crypto.hash_file: cannot read "${dir}": is a directory`,
    'crypto.hash_file: first argument must be a path string',
    'crypto.hash_file: unsupported algorithm: sha0 (supported: sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384, sha3-512, md5, sha1)',
    'ok',
  ]);
});

// ---- hmac ----

test('crypto.hmac: RFC 4231 / RFC 2202 vectors, raw output, binary keys', () => {
  const k20 = Buffer.alloc(20, 0x0b).toString('latin1');
  const k131 = Buffer.alloc(131, 0xaa).toString('latin1');
  const hm = (alg, k, d) => crypto.createHmac(alg, Buffer.from(k, 'latin1')).update(Buffer.from(d, 'latin1')).digest('hex');
  ok(`
-- RFC 4231 test case 1 (key 20 x 0x0b, "Hi There")
eq(crypto.hmac(${q(k20)}, "Hi There", "sha224"), "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22", "TC1 sha224")
eq(crypto.hmac(${q(k20)}, "Hi There", "sha256"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", "TC1 sha256")
eq(crypto.hmac(${q(k20)}, "Hi There", "sha384"), "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6", "TC1 sha384")
eq(crypto.hmac(${q(k20)}, "Hi There", "sha512"), "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854", "TC1 sha512")
-- RFC 4231 test case 2 (SPEC's known vector)
eq(crypto.hmac("Jefe", "what do ya want for nothing?", "sha256"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "TC2 sha256")
eq(crypto.hmac("Jefe", "what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "default sha256")
eq(crypto.hmac("Jefe", "what do ya want for nothing?", "sha224"), "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44", "TC2 sha224")
eq(crypto.hmac("Jefe", "what do ya want for nothing?", "SHA512"), "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737", "TC2 sha512")
-- RFC 4231 test case 6: a key longer than the block size is hashed first
eq(crypto.hmac(${q(k131)}, "Test Using Larger Than Block-Size Key - Hash Key First", "sha256"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", "TC6 sha256")
-- RFC 2202 test case 2
eq(crypto.hmac("Jefe", "what do ya want for nothing?", "md5"), "750c783e6ab0b503eaa86e310a5db738", "RFC 2202 md5")
eq(crypto.hmac("Jefe", "what do ya want for nothing?", "sha1"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "RFC 2202 sha1")
-- sha3 (block sizes 144/136/104/72), checked against node:crypto
${['sha3-224', 'sha3-256', 'sha3-384', 'sha3-512'].map((a) => `eq(crypto.hmac(${q(k131)}, "data", "${a}"), "${hm(a, k131, 'data')}", "${a} long key")
eq(crypto.hmac("k", "data", "${a}"), "${hm(a, 'k', 'data')}", "${a}")`).join('\n')}
-- raw output
local raw = crypto.hmac("Jefe", "what do ya want for nothing?", "sha256", true)
eq(#raw, 32, "raw is 32 bytes")
eq((raw:gsub(".", function(c) return string.format("%02x", c:byte()) end)), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "raw bytes")
eq(crypto.hmac("k", "d", "sha256", false), crypto.hmac("k", "d"), "raw = false is hex")
eq(#crypto.hmac("k", "d", "sha512", true), 64, "raw sha512")
-- empty and binary keys and data
eq(crypto.hmac("", "", "sha256"), "${hm('sha256', '', '')}", "empty key and data")
eq(crypto.hmac("\\0\\255\\128", "\\255\\0", "sha256"), "${hm('sha256', '\x00\xff\x80', '\xff\x00')}", "binary")
eq(crypto.hmac("ключ", "данные"), "${crypto.createHmac('sha256', Buffer.from('ключ')).update(Buffer.from('данные')).digest('hex')}", "UTF-8")
`);
});

test('crypto.hmac: errors', () => {
  const r = lua(`
print(err(crypto.hmac))
print(err(crypto.hmac, "k"))
print(err(crypto.hmac, {}, "d"))
print(err(crypto.hmac, "k", "d", 1))
print(err(crypto.hmac, "k", "d", "sha256", "yes"))
print(err(crypto.hmac, "k", "d", "sha256", 1))
print(err(crypto.hmac, "k", "d", "blake2"))
`);
  assert.equal(r.err, '');
  assert.deepEqual(r.out.trim().split('\n'), [
    'crypto.hmac: first argument must be a string (key)',
    'crypto.hmac: second argument must be a string (data)',
    'crypto.hmac: first argument must be a string (key)',
    'crypto.hmac: third argument must be an algorithm string or nil',
    'crypto.hmac: fourth argument must be a boolean or nil',
    'crypto.hmac: fourth argument must be a boolean or nil',
    'crypto.hmac: unsupported algorithm: blake2 (supported: sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384, sha3-512, md5, sha1)',
    'ok',
  ]);
});

// ---- random ----

test('crypto.random: alphanumeric, default 32, uniform enough, large', () => {
  ok(`
local s = crypto.random()
eq(#s, 32, "default length")
eq(s:match("^[A-Za-z0-9]+$") ~= nil, true, "alphanumeric")
eq(#crypto.random(1), 1, "one")
eq(crypto.random(16) ~= crypto.random(16), true, "two calls differ")
local big = crypto.random(620000)
eq(#big, 620000, "large")
eq(big:match("^[A-Za-z0-9]+$") ~= nil, true, "large is alphanumeric")
local counts = {}
for c in big:gmatch(".") do counts[c] = (counts[c] or 0) + 1 end
local kinds, lo, hi = 0, math.huge, 0
for _, k in pairs(counts) do kinds = kinds + 1; lo = math.min(lo, k); hi = math.max(hi, k) end
eq(kinds, 62, "all 62 characters appear")
-- expected 10,000 each; 5 standard deviations is about 500
eq(lo > 9400 and hi < 10600, true, "uniform: " .. lo .. ".." .. hi)
`);
});

test('crypto.random_bytes: n raw bytes', () => {
  ok(`
eq(#crypto.random_bytes(16), 16, "16 bytes")
eq(crypto.random_bytes(0), "", "zero bytes")
local b = crypto.random_bytes(256000)
eq(#b, 256000, "large")
local seen = {}
for i = 1, #b do seen[b:byte(i)] = true end
local kinds = 0
for _ in pairs(seen) do kinds = kinds + 1 end
eq(kinds, 256, "every byte value appears")
eq(crypto.random_bytes(32) ~= crypto.random_bytes(32), true, "two calls differ")
`);
});

test('crypto.random, random_bytes: errors', () => {
  const r = lua(`
print(err(crypto.random, 0))
print(err(crypto.random, -5))
print(err(crypto.random, 16.0))
print(err(crypto.random, 1.5))
print(err(crypto.random, "16"))
print(err(crypto.random, {}))
print(err(crypto.random, math.maxinteger))
print(err(crypto.random_bytes))
print(err(crypto.random_bytes, -1))
print(err(crypto.random_bytes, 2.0))
print(err(crypto.random_bytes, "8"))
print(err(crypto.random_bytes, 1 << 40))
`);
  assert.equal(r.err, '');
  assert.deepEqual(r.out.trim().split('\n'), [
    'crypto.random: length must be positive, got 0',
    'crypto.random: length must be positive, got -5',
    'crypto.random: first argument must be a positive integer or nil',
    'crypto.random: first argument must be a positive integer or nil',
    'crypto.random: first argument must be a positive integer or nil',
    'crypto.random: first argument must be a positive integer or nil',
    'not enough memory',
    'crypto.random_bytes: first argument must be a non-negative integer',
    'crypto.random_bytes: length must be non-negative, got -1',
    'crypto.random_bytes: first argument must be a non-negative integer',
    'crypto.random_bytes: first argument must be a non-negative integer',
    'not enough memory',
    'ok',
  ]);
});

// ---- JWT ----

const claimsLua = `{ sub = "user-é", n = 42, f = 1.5, list = {1, 2, 3}, nested = { a = true, b = "x" }, iss = "assay", exp = math.floor(time()) + 3600 }`;

test('JWT interop: tokens signed by assay verify with jose (every algorithm)', async () => {
  const out = ok(Object.entries(ALGS).map(([alg, k]) => `
print("${alg} " .. crypto.jwt_sign(${claimsLua}, ${luaKey(k.sign)}, "${alg.toLowerCase()}", { kid = "kid-${alg}" }))`).join('\n'));
  const lines = out.trim().split('\n').filter((l) => l !== 'ok');
  assert.equal(lines.length, Object.keys(ALGS).length);
  for (const line of lines) {
    const [alg, token] = line.split(' ');
    const k = ALGS[alg];
    const key = k.node ? k.node.publicKey : Buffer.from(secret);
    const { payload, protectedHeader } = await jose.jwtVerify(token, key, { algorithms: [alg], issuer: 'assay' });
    assert.deepEqual(protectedHeader, { alg, kid: `kid-${alg}`, typ: 'JWT' }, alg);
    assert.deepEqual({ ...payload, exp: 0 }, { sub: 'user-é', n: 42, f: 1.5, list: [1, 2, 3], nested: { a: true, b: 'x' }, iss: 'assay', exp: 0 }, alg);
    assert.ok(payload.exp > Date.now() / 1000, alg);
  }
});

test('JWT interop: tokens signed by jose verify with crypto.jwt_verify (every algorithm)', async () => {
  const now = Math.floor(Date.now() / 1000);
  const tokens = {};
  for (const [alg, k] of Object.entries(ALGS)) {
    tokens[alg] = await new jose.SignJWT({ sub: 'jose-ü', roles: ['a', 'b'], deep: { x: 1.25 } })
      .setProtectedHeader({ alg, kid: `k-${alg}` })
      .setIssuer('https://issuer.example')
      .setAudience(['api', 'other'])
      .setIssuedAt(now)
      .setNotBefore(now - 10)
      .setExpirationTime(now + 600)
      .sign(k.node ? k.node.privateKey : Buffer.from(secret));
  }
  ok(Object.entries(ALGS).map(([alg, k]) => `
do
  local r = crypto.jwt_verify("${tokens[alg]}", ${luaKey(k.verify)}, { algorithms = {"${alg}"}, issuer = "https://issuer.example", audience = "api" })
  eq(r.header, { alg = "${alg}", kid = "k-${alg}" }, "${alg} header")
  eq(r.claims, { sub = "jose-ü", roles = {"a", "b"}, deep = { x = 1.25 }, iss = "https://issuer.example", aud = {"api", "other"}, iat = ${now}, nbf = ${now - 10}, exp = ${now + 600} }, "${alg} claims")
  eq(math.type(r.claims.exp), "integer", "${alg} exp is an integer")
  -- without opts: the algorithms that fit the key; aud present needs an audience
  eq(err(crypto.jwt_verify, "${tokens[alg]}", ${luaKey(k.verify)}):match("InvalidAudience") ~= nil, true, "${alg} aud needs audience")
  eq(crypto.jwt_verify("${tokens[alg]}", ${luaKey(k.verify)}, { validate_aud = false }).claims.sub, "jose-ü", "${alg} validate_aud = false")
end`).join('\n'));
});

test('jwt_sign: header and claims encoding (sorted keys, typ, kid, header fields), default RS256, deterministic HS', () => {
  const out = ok(`
local t = crypto.jwt_sign({ b = 1, a = { z = 1, y = 2 }, c = "é", big = 9007199254740993, f = 0.5, arr = {}, t = true }, "s3cret", "HS256")
print(t)
print(crypto.jwt_sign({}, "s3cret", "HS256", { kid = "k1", typ = "at+jwt", cty = "json", header = { x5t = "abc", zz = { 1, 2 } } }))
print(crypto.jwt_sign({ sub = "x" }, ${luaKey(ALGS.RS256.sign)}))
eq(crypto.jwt_sign({ a = 1 }, "k", "HS256"), crypto.jwt_sign({ a = 1 }, "k", "hs256"), "HS is deterministic; alg case-insensitive")
eq(crypto.jwt_sign({ a = 1 }, "k", "HS256", { kid = 7 }) ~= nil, true, "a number kid")
`);
  const [t1, t2, t3] = out.trim().split('\n');
  const seg = (t, i) => Buffer.from(t.split('.')[i], 'base64url').toString('utf8');
  assert.equal(seg(t1, 0), '{"alg":"HS256","typ":"JWT"}');
  assert.equal(seg(t1, 1), '{"a":{"y":2,"z":1},"arr":[],"b":1,"big":9007199254740993,"c":"é","f":0.5,"t":true}');
  assert.equal(t1.split('.')[2], crypto.createHmac('sha256', 's3cret').update(t1.split('.').slice(0, 2).join('.')).digest('base64url'));
  assert.doesNotMatch(t1, /=/);
  assert.equal(seg(t2, 0), '{"alg":"HS256","cty":"json","kid":"k1","typ":"at+jwt","x5t":"abc","zz":[1,2]}');
  assert.equal(seg(t2, 1), '{}');
  assert.equal(JSON.parse(seg(t3, 0)).alg, 'RS256');
});

test('jwt_sign: key handling — PEM forms, indented PEM, JWK tables', async () => {
  const jwkPriv = keys.p256.privateKey.export({ format: 'jwk' });
  const jwkLua = (j) => `{ ${Object.entries(j).map(([k, v]) => `${k} = "${v}"`).join(', ')} }`;
  const out = ok(`
-- PEM in an indented long string, as written inline in a script
local pem = read(${q(join(keyDir, 'rsa-pkcs8.pem'))})
local indented = "\\n    " .. pem:gsub("\\n", "\\n    ")
print(crypto.jwt_sign({ a = 1 }, indented, "RS256"))
print(crypto.jwt_sign({ a = 2 }, ${jwkLua(jwkPriv)}, "ES256"))
print(crypto.jwt_sign({ a = 3 }, { kty = "oct", k = "${Buffer.from(secret).toString('base64url')}" }, "HS512"))
`);
  const [t1, t2, t3] = out.trim().split('\n');
  assert.equal((await jose.jwtVerify(t1, rsa.publicKey)).payload.a, 1);
  assert.equal((await jose.jwtVerify(t2, keys.p256.publicKey)).payload.a, 2);
  assert.equal((await jose.jwtVerify(t3, Buffer.from(secret))).payload.a, 3);
});

test('jwt_sign: errors', () => {
  const r = lua(`
local rsa = read(${q(join(keyDir, 'rsa-pkcs8.pem'))})
local rsapub = read(${q(join(keyDir, 'rsa-spki.pem'))})
print(err(crypto.jwt_sign, "x", rsa))
print(err(crypto.jwt_sign, {}, nil))
print(err(crypto.jwt_sign, {}, true))
print(err(crypto.jwt_sign, {}, rsa, 256))
print(err(crypto.jwt_sign, {}, rsa, "HS999"))
print(err(crypto.jwt_sign, {}, rsa, "none"))
print(err(crypto.jwt_sign, {}, rsa, "RS256", "opts"))
print(err(crypto.jwt_sign, {}, "secret"))
print(err(crypto.jwt_sign, {}, "secret", "PS256"))
print(err(crypto.jwt_sign, {}, read(${q(join(keyDir, 'p384.pem'))}), "ES256"))
print(err(crypto.jwt_sign, {}, rsa, "ES384"))
print(err(crypto.jwt_sign, {}, rsa, "EdDSA"))
print(err(crypto.jwt_sign, {}, read(${q(join(keyDir, 'ed25519.pem'))}), "RS256"))
print(err(crypto.jwt_sign, {}, rsa, "HS256"))
print(err(crypto.jwt_sign, {}, "", "HS256"))
print(err(crypto.jwt_sign, {}, rsapub, "RS256"))
print(err(crypto.jwt_sign, {}, "-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----\\n"))
print(err(crypto.jwt_sign, {}, read(${q(join(keyDir, 'rsa1024.pem'))}), "RS256"))
print(err(crypto.jwt_sign, {}, "k", "HS256", { header = { alg = "none" } }))
print(err(crypto.jwt_sign, {}, "k", "HS256", { header = "x" }))
print(err(crypto.jwt_sign, {}, "k", "HS256", { kid = {} }))
print(err(crypto.jwt_sign, { 1, 2 }, "k", "HS256"))
print(err(crypto.jwt_sign, { s = "\\xff" }, "k", "HS256"))
print(err(crypto.jwt_sign, { f = print }, "k", "HS256"))
print((err(crypto.jwt_sign, { x = 0/0 }, "k", "HS256"):gsub("%-nan", "nan")))
print(err(crypto.jwt_sign, {}, { kty = "EC", crv = "P-256", x = "AA", y = "AA" }, "ES256"))
print(err(crypto.jwt_sign, {}, { kty = "oct" }, "HS256"))
print(err(crypto.jwt_sign, {}, { 1 }, "HS256"))
print(err(function() return crypto.jwt_sign({}, "secret") end))
`);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  const want = [
    'crypto.jwt_sign: first argument must be a claims table',
    'crypto.jwt_sign: second argument must be a PEM key string (or a secret string for HS*, or a JWK table)',
    'crypto.jwt_sign: second argument must be a PEM key string (or a secret string for HS*, or a JWK table)',
    'crypto.jwt_sign: third argument must be an algorithm string or nil',
    'crypto.jwt_sign: unsupported algorithm: HS999',
    'crypto.jwt_sign: unsupported algorithm: NONE',
    'crypto.jwt_sign: fourth argument must be an options table or nil',
    'crypto.jwt_sign: RS256 needs an RSA private key (PEM)',
    'crypto.jwt_sign: PS256 needs an RSA private key (PEM)',
    'crypto.jwt_sign: ES256 needs an EC P-256 private key (PEM)',
    'crypto.jwt_sign: ES384 needs an EC P-384 private key (PEM)',
    'crypto.jwt_sign: EdDSA needs an Ed25519 or Ed448 private key (PEM)',
    'crypto.jwt_sign: RS256 needs an RSA private key (PEM)',
    'crypto.jwt_sign: HS256 needs a secret string, not a PEM key',
    'crypto.jwt_sign: HS256 needs a non-empty secret',
    'crypto.jwt_sign: RS256 needs an RSA private key (PEM), not a public key',
    /^crypto\.jwt_sign: invalid PEM key: not a key OpenSSL can read \(.+\)$/,
    'crypto.jwt_sign: RS256 needs an RSA key of at least 2048 bits, got 1024',
    'crypto.jwt_sign: opts.header cannot set alg (pass the algorithm as the third argument)',
    'crypto.jwt_sign: opts.header must be a table of header fields',
    'crypto.jwt_sign: opts.kid must be a string',
    'crypto.jwt_sign: claims must be a table with string keys (a JSON object), not an array',
    'crypto.jwt_sign: string is not valid UTF-8',
    'crypto.jwt_sign: unsupported Lua type for JSON: function',
    'crypto.jwt_sign: cannot encode nan as JSON number',
    'crypto.jwt_sign: ES256 needs an EC P-256 private key (PEM), not a public key',
    'crypto.jwt_sign: invalid JWK: an oct key needs k (base64url)',
    'crypto.jwt_sign: invalid JWK: a table with a kty field expected',
    /^t\d+\.lua:\d+: crypto\.jwt_sign: RS256 needs an RSA private key \(PEM\)$/,
    'ok',
  ];
  assert.equal(lines.length, want.length, r.out);
  want.forEach((w, i) => (w instanceof RegExp ? assert.match(lines[i], w) : assert.equal(lines[i], w)));
});

test('jwt_decode: header and claims without verification; values keep their types', () => {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const tok = `${enc({ alg: 'RS256', kid: 'x' })}.${enc({ s: 'ü', i: 7, f: 2.5, big: 2 ** 60, neg: -3, b: false, n: null, a: [1, 'two', { three: 3 }], o: {} })}.c2ln`;
  ok(`
local d = crypto.jwt_decode("${tok}")
eq(d.header, { alg = "RS256", kid = "x" }, "header")
eq(d.claims, { s = "ü", i = 7, f = 2.5, big = 2^60, neg = -3, b = false, a = {1, "two", { three = 3 }}, o = {} }, "claims (null is absent)")
eq(math.type(d.claims.i), "integer", "integer")
eq(math.type(d.claims.f), "float", "float")
eq(math.type(d.claims.big), "float", "beyond 2^53: float")
eq(crypto.jwt_decode("  ${tok}\\n").header.kid, "x", "surrounding whitespace")
eq(crypto.jwt_decode("${enc({ alg: 'none' })}.${enc({ a: 1 })}.").claims.a, 1, "unsigned token decodes")
`);
});

test('jwt_decode: errors', () => {
  const enc = (s) => Buffer.from(s).toString('base64url');
  const r = lua(`
print(err(crypto.jwt_decode))
print(err(crypto.jwt_decode, {}))
print(err(crypto.jwt_decode, "a.b"))
print(err(crypto.jwt_decode, "a.b.c.d"))
print(err(crypto.jwt_decode, "!!.${enc('{}')}.x"))
print(err(crypto.jwt_decode, "${enc('{"a":')}.${enc('{}')}.x"))
print(err(crypto.jwt_decode, "${enc('[1]')}.${enc('{}')}.x"))
print(err(crypto.jwt_decode, "${enc('{}')}.${enc('"str"')}.x"))
print(err(crypto.jwt_decode, "${enc('{}')}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.x"))
print(err(crypto.jwt_decode, "${enc('{}')}.${enc('{}')}.x+y"))
print(err(crypto.jwt_decode, "${enc('{}')}.a.x"))
`);
  assert.equal(r.err, '');
  assert.deepEqual(r.out.trim().split('\n'), [
    'crypto.jwt_decode: first argument must be a JWT string',
    'crypto.jwt_decode: first argument must be a JWT string',
    "crypto.jwt_decode: token must have three '.'-separated segments (header.payload.signature)",
    "crypto.jwt_decode: token must have three '.'-separated segments (header.payload.signature)",
    'crypto.jwt_decode: header: invalid base64url',
    `crypto.jwt_decode: header: invalid JSON: ${(() => { try { JSON.parse('{"a":'); } catch (e) { return e.message; } })()}`,
    'crypto.jwt_decode: header: not a JSON object',
    'crypto.jwt_decode: payload: not a JSON object',
    'crypto.jwt_decode: payload: invalid UTF-8',
    'crypto.jwt_decode: signature: invalid base64url',
    'crypto.jwt_decode: payload: invalid base64url',
    'ok',
  ]);
});

test('jwt_verify: time claims (exp, nbf, leeway, now), issuer, audience, required claims', () => {
  const r = lua(`
local k = "verify-secret"
local now = 1700000000
local function tok(c) return crypto.jwt_sign(c, k, "HS256") end
local good = tok({ sub = "a", exp = now + 60, nbf = now - 60, iat = now, iss = "me", aud = { "x", "y" } })
local o = { now = now, audience = "y", issuer = "me" }
eq(crypto.jwt_verify(good, k, o).claims.sub, "a", "valid")
eq(crypto.jwt_verify(good, k, { now = now, audience = { "z", "x" }, issuer = { "other", "me" } }).claims.sub, "a", "lists")
print(err(crypto.jwt_verify, good, k, { now = now + 60, audience = "x" }))
print(err(crypto.jwt_verify, good, k, { now = now + 61, audience = "x", leeway = 1 }))
eq(crypto.jwt_verify(good, k, { now = now + 60, audience = "x", leeway = 1 }).claims.sub, "a", "leeway extends exp")
eq(crypto.jwt_verify(good, k, { now = now + 59, audience = "x" }).claims.sub, "a", "one second before exp")
print(err(crypto.jwt_verify, good, k, { now = now - 61, audience = "x" }))
eq(crypto.jwt_verify(good, k, { now = now - 60, audience = "x" }).claims.sub, "a", "at nbf")
eq(crypto.jwt_verify(good, k, { now = now - 70, audience = "x", leeway = 10 }).claims.sub, "a", "leeway before nbf")
eq(crypto.jwt_verify(good, k, { now = now - 70, audience = "x", validate_nbf = false }).claims.sub, "a", "validate_nbf = false")
eq(crypto.jwt_verify(good, k, { now = now + 1000, audience = "x", validate_exp = false }).claims.sub, "a", "validate_exp = false")
print(err(crypto.jwt_verify, good, k, { now = now, audience = "x", issuer = "you" }))
print(err(crypto.jwt_verify, good, k, { now = now, audience = "q" }))
print(err(crypto.jwt_verify, good, k, { now = now }))
local bare = tok({ sub = "b" })
print(err(crypto.jwt_verify, bare, k))
eq(crypto.jwt_verify(bare, k, { required_claims = {} }).claims.sub, "b", "required_claims = {}")
print(err(crypto.jwt_verify, bare, k, { required_claims = { "sub", "jti" } }))
print(err(crypto.jwt_verify, bare, k, { required_claims = {}, issuer = "me" }))
print(err(crypto.jwt_verify, bare, k, { required_claims = {}, audience = "me" }))
print(err(crypto.jwt_verify, tok({ exp = "soon" }), k))
print(err(crypto.jwt_verify, tok({ exp = now + 10, nbf = {} }), k, { now = now }))
eq(crypto.jwt_verify(tok({ exp = math.floor(time()) + 30 }), k).claims.exp > 0, true, "the current time by default")
print(err(crypto.jwt_verify, tok({ exp = math.floor(time()) - 1 }), k))
eq(crypto.jwt_verify(tok({ exp = now + 0.5 }), k, { now = now }).claims.exp, now + 0.5, "fractional exp")
`);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  const want = [
    'crypto.jwt_verify: ExpiredSignature: token expired at 1700000060 (now 1700000060)',
    'crypto.jwt_verify: ExpiredSignature: token expired at 1700000060 (now 1700000061, leeway 1)',
    'crypto.jwt_verify: ImmatureSignature: token not valid before 1699999940 (now 1699999939)',
    'crypto.jwt_verify: InvalidIssuer: iss "me" is not "you"',
    'crypto.jwt_verify: InvalidAudience: aud ["x","y"] does not include "q"',
    'crypto.jwt_verify: InvalidAudience: the token has aud ["x","y"]: pass opts.audience to check it (or validate_aud = false)',
    'crypto.jwt_verify: Missing required claim: exp',
    'crypto.jwt_verify: Missing required claim: jti',
    'crypto.jwt_verify: InvalidIssuer: token has no iss claim',
    'crypto.jwt_verify: InvalidAudience: token has no aud claim',
    'crypto.jwt_verify: InvalidToken: claim exp must be a number',
    'crypto.jwt_verify: InvalidToken: claim nbf must be a number',
    /^crypto\.jwt_verify: ExpiredSignature: token expired at \d+ \(now \d+\)$/,
    'ok',
  ];
  assert.equal(lines.length, want.length, r.out);
  want.forEach((w, i) => (w instanceof RegExp ? assert.match(lines[i], w) : assert.equal(lines[i], w)));
});

test('jwt_verify: signatures, algorithm confusion, keys (PEM forms, certificate, JWK, JWKS)', async () => {
  const now = Math.floor(Date.now() / 1000);
  const rsTok = await new jose.SignJWT({ sub: 'r' }).setProtectedHeader({ alg: 'RS256', kid: 'r1' }).setExpirationTime(now + 600).sign(rsa.privateKey);
  const esTok = await new jose.SignJWT({ sub: 'e' }).setProtectedHeader({ alg: 'ES256', kid: 'e1' }).setExpirationTime(now + 600).sign(keys.p256.privateKey);
  const noKid = await new jose.SignJWT({ sub: 'n' }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime(now + 600).sign(keys.p256.privateKey);
  // the classic attack: an HS256 token whose "secret" is the server's public key text
  const spki = rsa.publicKey.export({ type: 'spki', format: 'pem' });
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const forgedInput = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: 'admin', exp: now + 600 })}`;
  const forged = `${forgedInput}.${crypto.createHmac('sha256', spki).update(forgedInput).digest('base64url')}`;
  const critInput = `${enc({ alg: 'HS256', crit: ['exp2'], exp2: 1 })}.${enc({ sub: 'c', exp: now + 600 })}`;
  const critTok = `${critInput}.${crypto.createHmac('sha256', 'k').update(critInput).digest('base64url')}`;
  const none = `${enc({ alg: 'none' })}.${enc({ sub: 'x', exp: now + 600 })}.`;
  const [h, p, s] = rsTok.split('.');
  const tamperedPayload = `${h}.${enc({ sub: 'admin', exp: now + 600 })}.${s}`;
  const tamperedSig = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  const jwkPub = (k, extra) => ({ ...k.publicKey.export({ format: 'jwk' }), ...extra });
  const luaTable = (o) => `{ ${Object.entries(o).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')} }`;
  const jwks = `{ keys = { ${luaTable(jwkPub(rsa, { kid: 'r1', alg: 'RS256', use: 'sig' }))}, ${luaTable(jwkPub(keys.p256, { kid: 'e1' }))}, ${luaTable(jwkPub(keys.p384, { kid: 'enc', use: 'enc' }))} } }`;

  let cert = null;
  const gen = spawnSync('openssl', ['req', '-x509', '-key', join(keyDir, 'rsa-pkcs8.pem'), '-subj', '/CN=assay-test', '-days', '2', '-out', join(keyDir, 'cert.pem')], { encoding: 'utf8' });
  if (gen.status === 0) cert = join(keyDir, 'cert.pem');

  const r = lua(`
local spki = read(${q(join(keyDir, 'rsa-spki.pem'))})
local pkcs1pub = read(${q(join(keyDir, 'rsa-pub-pkcs1.pem'))})
local priv = read(${q(join(keyDir, 'rsa-pkcs1.pem'))})
local p256 = read(${q(join(keyDir, 'p256-spki.pem'))})
eq(crypto.jwt_verify("${rsTok}", spki).claims.sub, "r", "SPKI public key")
eq(crypto.jwt_verify("${rsTok}", pkcs1pub).claims.sub, "r", "PKCS#1 public key")
eq(crypto.jwt_verify("${rsTok}", priv).claims.sub, "r", "a private key verifies with its public half")
eq(crypto.jwt_verify("${rsTok}", "\\n   " .. spki:gsub("\\n", "\\n   ")).claims.sub, "r", "indented PEM")
${cert ? `eq(crypto.jwt_verify("${rsTok}", read(${q(cert)})).claims.sub, "r", "X.509 certificate")` : ''}
eq(crypto.jwt_verify("${rsTok}", spki, { algorithm = "RS256" }).claims.sub, "r", "opts.algorithm (the original's name)")
eq(crypto.jwt_verify("${rsTok}", spki, { algorithms = { "rs256" } }).claims.sub, "r", "allow-list names are case-insensitive")
eq(crypto.jwt_verify("${rsTok}", ${jwks}).claims.sub, "r", "JWKS by kid (RSA)")
eq(crypto.jwt_verify("${esTok}", ${jwks}).claims.sub, "e", "JWKS by kid (EC)")
eq(crypto.jwt_verify("${esTok}", ${luaTable(jwkPub(keys.p256))}).claims.sub, "e", "a single JWK")
eq(crypto.jwt_verify("${noKid}", { keys = { ${luaTable(jwkPub(keys.p256))} } }).claims.sub, "n", "a one-key JWKS without kid")
print(err(crypto.jwt_verify, "${forged}", spki))
print(err(crypto.jwt_verify, "${forged}", spki, { algorithms = { "HS256", "RS256" } }))
print(err(crypto.jwt_verify, "${none}", spki))
print(err(crypto.jwt_verify, "${none}", "secret"))
print(err(crypto.jwt_verify, "${tamperedPayload}", spki))
print(err(crypto.jwt_verify, "${tamperedSig}", spki))
print(err(crypto.jwt_verify, "${rsTok}", read(${q(join(keyDir, 'p384-spki.pem'))})))
print(err(crypto.jwt_verify, "${esTok}", (p256:gsub("A", "B", 3))))
print(err(crypto.jwt_verify, "${rsTok}", spki, { algorithms = { "RS512", "PS256" } }))
print(err(crypto.jwt_verify, "${rsTok}", "a-secret"))
print(err(crypto.jwt_verify, "${esTok}", spki))
print(err(crypto.jwt_verify, "${rsTok}", read(${q(join(keyDir, 'rsa1024-spki.pem'))})))
print(err(crypto.jwt_verify, "${critTok}", "k"))
print(err(crypto.jwt_verify, "${noKid}", ${jwks}))
print(err(crypto.jwt_verify, "${rsTok}", { keys = { ${luaTable(jwkPub(keys.p256, { kid: 'other' }))} } }))
print(err(crypto.jwt_verify, "${rsTok}", { keys = { ${luaTable(jwkPub(rsa, { kid: 'r1', alg: 'PS256' }))} } }))
print(err(crypto.jwt_verify, "${rsTok}", { keys = "x" }))
print(err(crypto.jwt_verify, "${rsTok}", { kty = "RSA", n = "AQAB" }))
print(err(crypto.jwt_verify, "${rsTok}"))
print(err(crypto.jwt_verify, "${rsTok}", true))
print(err(crypto.jwt_verify, nil, spki))
print(err(crypto.jwt_verify, "${rsTok}", spki, 5))
print(err(crypto.jwt_verify, "${rsTok}", spki, { algorithms = { "XS256" } }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { algorithms = 5 }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { audience = { 1 } }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { leeway = -1 }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { now = "today" }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { validate_exp = "no" }))
print(err(crypto.jwt_verify, "${rsTok}", spki, { required_claims = "exp" }))
print(err(crypto.jwt_verify, "a.b", spki))
print(err(crypto.jwt_verify, "${enc({ typ: 'JWT' })}.${enc({})}.", spki))
print(err(crypto.jwt_verify, "${enc({ alg: 'HS1' })}.${enc({})}.", spki))
`);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  const want = [
    'crypto.jwt_verify: HS256 needs a secret string, not a PEM key',
    'crypto.jwt_verify: HS256 needs a secret string, not a PEM key',
    'crypto.jwt_verify: InvalidAlgorithm: unsigned tokens (alg "none") are not accepted',
    'crypto.jwt_verify: InvalidAlgorithm: unsigned tokens (alg "none") are not accepted',
    'crypto.jwt_verify: InvalidSignature: signature does not match',
    'crypto.jwt_verify: InvalidSignature: signature does not match',
    'crypto.jwt_verify: RS256 needs an RSA public key (PEM)',
    /^crypto\.jwt_verify: invalid PEM key: /,
    'crypto.jwt_verify: InvalidAlgorithm: token algorithm RS256 is not allowed (allowed: RS512, PS256)',
    'crypto.jwt_verify: RS256 needs an RSA public key (PEM)',
    'crypto.jwt_verify: ES256 needs an EC P-256 public key (PEM)',
    'crypto.jwt_verify: RS256 needs an RSA key of at least 2048 bits, got 1024',
    'crypto.jwt_verify: InvalidToken: critical header extensions (crit) are not supported',
    "crypto.jwt_verify: token header missing 'kid' (required for JWKS dispatch)",
    "crypto.jwt_verify: no key in JWKS matches kid 'r1'",
    'crypto.jwt_verify: InvalidAlgorithm: the key is for PS256, the token uses RS256',
    'crypto.jwt_verify: invalid JWKS table: keys must be an array of JWKs',
    /^crypto\.jwt_verify: invalid JWK: /,
    'crypto.jwt_verify: second argument must be a PEM string or JWKS table (or a secret string for HS*, or a JWK table)',
    'crypto.jwt_verify: second argument must be a PEM string or JWKS table (or a secret string for HS*, or a JWK table)',
    'crypto.jwt_verify: first argument must be a JWT string',
    'crypto.jwt_verify: third argument must be an options table or nil',
    'crypto.jwt_verify: unsupported algorithm: XS256',
    "crypto.jwt_verify: 'algorithms' must be a string or array of strings",
    "crypto.jwt_verify: 'audience' must be a string or array of strings",
    "crypto.jwt_verify: 'leeway' must be a non-negative number",
    "crypto.jwt_verify: 'now' must be a number (seconds since the epoch)",
    "crypto.jwt_verify: 'validate_exp' must be a boolean",
    "crypto.jwt_verify: 'required_claims' must be an array of strings",
    "crypto.jwt_verify: InvalidToken: token must have three '.'-separated segments (header.payload.signature)",
    'crypto.jwt_verify: InvalidToken: header has no alg',
    'crypto.jwt_verify: InvalidAlgorithm: unsupported algorithm: HS1',
    'ok',
  ];
  assert.equal(lines.length, want.length, r.out);
  want.forEach((w, i) => (w instanceof RegExp ? assert.match(lines[i], w) : assert.equal(lines[i], w)));
});

test('JWT round trip inside assay for every algorithm; huge claims', () => {
  ok(Object.entries(ALGS).map(([alg, k]) => `
do
  local t = crypto.jwt_sign({ sub = "${alg}", exp = math.floor(time()) + 60 }, ${luaKey(k.sign)}, "${alg}")
  eq(crypto.jwt_verify(t, ${luaKey(k.verify)}).claims.sub, "${alg}", "${alg} round trip")
  eq(crypto.jwt_decode(t).header.alg, "${alg}", "${alg} header")
end`).join('\n') + `
local big = {}
for i = 1, 20000 do big[i] = "item-" .. i end
local t = crypto.jwt_sign({ list = big, exp = math.floor(time()) + 60 }, "k", "HS256")
eq(#crypto.jwt_verify(t, "k").claims.list, 20000, "20,000-element claim")
`);
});
