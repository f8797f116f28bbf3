// JSON Web Tokens (JWS compact form), synchronous on node:crypto:
//   crypto.jwt_sign(claims, key, alg?="RS256", opts?) → token
//   crypto.jwt_decode(token) → { header, claims }             (no verification)
//   crypto.jwt_verify(token, key, opts?) → { header, claims }  (or an error)
// Algorithms (names case-insensitive for jwt_sign): HS256/384/512 (HMAC), RS256/384/512
// (RSASSA-PKCS1-v1_5), PS256/384/512 (RSASSA-PSS, salt = hash length), ES256/384/512
// (ECDSA P-256/P-384/P-521, signatures as r||s), EdDSA (Ed25519/Ed448) — the original's
// jsonwebtoken set, plus ES512.
// Keys: PEM text (PKCS#1, PKCS#8, SEC1, SPKI; for verification also an X.509 certificate or
// a private key, whose public half is used) — lines may be indented; a plain string is the
// secret for HS*; a JWK table ({kty = ...}); for jwt_verify also a JWKS table ({keys = {...}}),
// the key picked by the token's kid. A PEM key is never taken as an HMAC secret and a secret
// never as a public key, so a token cannot choose its algorithm family (no "alg confusion").
// RSA keys need at least 2048 bits (as jsonwebtoken and jose require).
// jwt_sign: header {alg, typ = "JWT"} plus opts.kid / opts.typ / opts.cty and the fields of
// opts.header (which cannot set alg); claims encoded per SPEC §1.1; JSON with keys sorted.
// jwt_verify opts (the original's names): algorithms (array; `algorithm`, a string, too),
// issuer / audience (string or array), leeway (seconds, default 0), required_claims (default
// {"exp"}, as the original), validate_exp (default true), validate_nbf (default true — the
// original's default was false, but RFC 7519 says a token MUST NOT be accepted before nbf),
// validate_aud (default true: a token carrying aud is refused unless opts.audience is given,
// as the original), now (seconds since the epoch, default the current time). exp is
// checked as `now - leeway < exp`, nbf as `nbf <= now + leeway`. Without `algorithms` the
// allowed algorithms are those that fit the key. Errors name a kind as the original's
// (jsonwebtoken) did: "crypto.jwt_verify: ExpiredSignature: token expired at ...".
// Numbers in decoded JSON are JS doubles: integers beyond 2^53 lose precision (they come back
// as floats) and 1.0 comes back as the integer 1.
import type { JsonWebKey, KeyObject } from "node:crypto";
import { lazyNode, onFirstUse } from "../../node-lazy.js";
import { LuaTable } from "../../core/table.js";
import { LFloat, isNumber, numberToString, toF } from "../../core/numbers.js";
import { LuaError } from "../../core/errors.js";
import { libError } from "../../lib/aux.js";
import { dataToLua, luaToData, utf8Encode } from "../convert.js";

// (node:crypto loads on the first call: most scripts never sign)
const crypto = onFirstUse(lazyNode.crypto);

type Kind = "hmac" | "rsa" | "pss" | "ec" | "okp";

interface Alg {
  name: string;
  kind: Kind;
  hash: string | null;
  /** ECDSA: OpenSSL curve name, JOSE curve name, bytes per coordinate */
  curve?: string;
  crv?: string;
  size?: number;
}

const ALGS = new Map<string, Alg>();
for (const bits of [256, 384, 512]) {
  const hash = `sha${bits}`;
  ALGS.set(`HS${bits}`, { name: `HS${bits}`, kind: "hmac", hash });
  ALGS.set(`RS${bits}`, { name: `RS${bits}`, kind: "rsa", hash });
  ALGS.set(`PS${bits}`, { name: `PS${bits}`, kind: "pss", hash });
}
ALGS.set("ES256", { name: "ES256", kind: "ec", hash: "sha256", curve: "prime256v1", crv: "P-256", size: 32 });
ALGS.set("ES384", { name: "ES384", kind: "ec", hash: "sha384", curve: "secp384r1", crv: "P-384", size: 48 });
ALGS.set("ES512", { name: "ES512", kind: "ec", hash: "sha512", curve: "secp521r1", crv: "P-521", size: 66 });
ALGS.set("EDDSA", { name: "EdDSA", kind: "okp", hash: null });

/** A key ready for use: an HMAC secret or a node KeyObject, with what a JWK said of it. */
interface Key {
  secret?: Buffer;
  key?: KeyObject;
  /** the JWK's `alg`, when it had one */
  alg?: string;
  /** a public key where a private one is needed (jwt_sign) */
  publicOnly?: boolean;
}

/** Raises "<fname>: <msg>" at the Lua caller of the running builtin. */
function fail(fname: string, msg: string): never {
  throw libError(fname, utf8Encode(`${fname}: ${msg}`));
}

/** Lua byte string → JS string (UTF-8 decoded, invalid bytes replaced). */
const text = (s: string): string => (/[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s);

function luaString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LFloat) return numberToString(v);
  return undefined;
}

/** Lua value → JSON-shaped data, errors re-raised at the caller's position. */
function toData(fname: string, v: unknown): unknown {
  try {
    return luaToData(v, { what: fname });
  } catch (e) {
    if (e instanceof LuaError && typeof e.value === "string") throw libError(fname, e.value);
    throw e;
  }
}

// ---- JSON and base64url ----

/** Compact JSON with object keys sorted (bigints written exactly). */
function toJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return JSON.stringify(v);
    case "bigint":
      return v.toString();
    case "string":
      return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${toJson(o[k])}`).join(",")}}`;
}

const b64url = (s: string): string => Buffer.from(s, "utf8").toString("base64url");
const B64URL = /^[A-Za-z0-9_-]*$/;

function fromB64url(s: string): Buffer | undefined {
  if (!B64URL.test(s) || s.length % 4 === 1) return undefined;
  return Buffer.from(s, "base64url");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof LFloat);
}

/** One JSON segment of a token: a JSON object. */
function segment(fname: string, seg: string, label: string, pre: string): Record<string, unknown> {
  const bytes = fromB64url(seg);
  if (bytes === undefined) fail(fname, `${pre}${label}: invalid base64url`);
  let json: string;
  try {
    json = utf8.decode(bytes);
  } catch {
    fail(fname, `${pre}${label}: invalid UTF-8`);
  }
  let v: unknown;
  try {
    // integers beyond 2^53 are not exact in a double: keep them as floats
    v = JSON.parse(json, (_k, x) => (typeof x === "number" && Number.isInteger(x) && !Number.isSafeInteger(x) ? new LFloat(x) : x));
  } catch (e) {
    fail(fname, `${pre}${label}: invalid JSON: ${(e as Error).message}`);
  }
  if (!isObject(v)) fail(fname, `${pre}${label}: not a JSON object`);
  return v;
}

interface Parsed {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

function parseToken(fname: string, token: string, pre: string): Parsed {
  const parts = token.trim().split(".");
  if (parts.length !== 3) fail(fname, `${pre}token must have three '.'-separated segments (header.payload.signature)`);
  const header = segment(fname, parts[0], "header", pre);
  const claims = segment(fname, parts[1], "payload", pre);
  const signature = fromB64url(parts[2]);
  if (signature === undefined) fail(fname, `${pre}signature: invalid base64url`);
  return { header, claims, signingInput: Buffer.from(`${parts[0]}.${parts[1]}`, "latin1"), signature };
}

function result(p: Parsed): LuaTable {
  const t = new LuaTable();
  t.setStr("header", dataToLua(p.header));
  t.setStr("claims", dataToLua(p.claims));
  return t;
}

// ---- keys ----

function wants(a: Alg, half: "private" | "public"): string {
  switch (a.kind) {
    case "hmac":
      return "a secret string";
    case "rsa":
    case "pss":
      return `an RSA ${half} key (PEM)`;
    case "ec":
      return `an EC ${a.crv} ${half} key (PEM)`;
    case "okp":
      return `an Ed25519 or Ed448 ${half} key (PEM)`;
  }
}

/** Whether a node key can serve algorithm `a`. */
function fits(a: Alg, k: KeyObject): boolean {
  const t = k.asymmetricKeyType;
  switch (a.kind) {
    case "rsa":
      return t === "rsa";
    case "pss":
      return t === "rsa" || t === "rsa-pss";
    case "ec":
      return t === "ec" && k.asymmetricKeyDetails?.namedCurve === a.curve;
    case "okp":
      return t === "ed25519" || t === "ed448";
    default:
      return false;
  }
}

/** Checks that key `k` serves algorithm `a` (and that an RSA key is big enough). */
function checkFit(fname: string, a: Alg, k: Key, half: "private" | "public"): void {
  if (a.kind === "hmac") {
    if (k.secret === undefined) fail(fname, `${a.name} needs a secret string, not a PEM key`);
    if (k.secret.length === 0) fail(fname, `${a.name} needs a non-empty secret`);
    return;
  }
  if (k.key === undefined || !fits(a, k.key)) fail(fname, `${a.name} needs ${wants(a, half)}`);
  const bits = k.key.asymmetricKeyDetails?.modulusLength;
  if ((a.kind === "rsa" || a.kind === "pss") && bits !== undefined && bits < 2048) {
    fail(fname, `${a.name} needs an RSA key of at least 2048 bits, got ${bits}`);
  }
}

const isPem = (s: string): boolean => s.includes("-----BEGIN");
/** PEM text as written in a Lua long string: indentation and trailing blanks removed. */
const tidyPem = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/gm, "");

function pemReason(e: unknown): string {
  const msg = String((e as Error).message ?? e).replace(/^error:[0-9A-Fa-f]+:/, "");
  if (/DECODER routines::unsupported|no start line|bad base64/i.test(msg)) return `not a key OpenSSL can read (${msg})`;
  return msg;
}

/** A key argument that is a string: PEM text, or a secret. */
function stringKey(fname: string, s: string, half: "private" | "public"): Key {
  if (!isPem(s)) return { secret: Buffer.from(s, "latin1") };
  const pem = tidyPem(s);
  try {
    return { key: half === "private" ? crypto.createPrivateKey(pem) : crypto.createPublicKey(pem) };
  } catch (e) {
    if (half === "private") {
      let isPublic = false;
      try {
        crypto.createPublicKey(pem);
        isPublic = true;
      } catch {
        // not a public key either
      }
      if (isPublic) return { publicOnly: true };
    }
    fail(fname, `invalid PEM key: ${pemReason(e)}`);
  }
}

/** A JWK (data from a Lua table). */
function jwkKey(fname: string, jwk: unknown, half: "private" | "public"): Key {
  if (!isObject(jwk) || typeof jwk.kty !== "string") fail(fname, "invalid JWK: a table with a kty field expected");
  const alg = typeof jwk.alg === "string" ? jwk.alg : undefined;
  if (jwk.kty === "oct") {
    const k = typeof jwk.k === "string" ? fromB64url(jwk.k) : undefined;
    if (k === undefined) fail(fname, "invalid JWK: an oct key needs k (base64url)");
    return { secret: k, alg };
  }
  if (half === "private" && jwk.d === undefined) return { publicOnly: true };
  try {
    const input = { key: jwk as JsonWebKey, format: "jwk" as const };
    return { key: half === "private" ? crypto.createPrivateKey(input) : crypto.createPublicKey(input), alg };
  } catch (e) {
    fail(fname, `invalid JWK: ${(e as Error).message}`);
  }
}

// ---- signing and verifying ----

function signBytes(a: Alg, k: Key, data: Buffer): Buffer {
  switch (a.kind) {
    case "hmac":
      return crypto.createHmac(a.hash!, k.secret!).update(data).digest();
    case "rsa":
      return crypto.sign(a.hash, data, { key: k.key!, padding: crypto.constants.RSA_PKCS1_PADDING });
    case "pss":
      return crypto.sign(a.hash, data, { key: k.key!, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(a.hash!.slice(3)) / 8 });
    case "ec":
      return crypto.sign(a.hash, data, { key: k.key!, dsaEncoding: "ieee-p1363" });
    case "okp":
      return crypto.sign(null, data, k.key!);
  }
}

function verifyBytes(a: Alg, k: Key, data: Buffer, sig: Buffer): boolean {
  try {
    switch (a.kind) {
      case "hmac": {
        const mac = crypto.createHmac(a.hash!, k.secret!).update(data).digest();
        return mac.length === sig.length && crypto.timingSafeEqual(mac, sig);
      }
      case "rsa":
        return crypto.verify(a.hash, data, { key: k.key!, padding: crypto.constants.RSA_PKCS1_PADDING }, sig);
      case "pss":
        return crypto.verify(a.hash, data, { key: k.key!, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(a.hash!.slice(3)) / 8 }, sig);
      case "ec":
        return sig.length === 2 * a.size! && crypto.verify(a.hash, data, { key: k.key!, dsaEncoding: "ieee-p1363" }, sig);
      case "okp":
        return crypto.verify(null, data, k.key!, sig);
    }
  } catch {
    return false;
  }
}

// ---- options ----

function optTable(fname: string, v: unknown, which: string): LuaTable | undefined {
  if (v === undefined) return undefined;
  if (v instanceof LuaTable) return v;
  fail(fname, `${which} argument must be an options table or nil`);
}

function knownAlg(fname: string, name: string): Alg {
  const a = ALGS.get(name.toUpperCase());
  if (a === undefined) fail(fname, `unsupported algorithm: ${text(name).toUpperCase()}`);
  return a;
}

/** A string, or an array of strings (JS strings), or undefined for nil. */
function stringList(fname: string, v: unknown, field: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string") return [text(v)];
  if (v instanceof LuaTable) {
    const out: string[] = [];
    for (let i = 1; i <= v.length(); i++) {
      const x = v.get(i);
      if (typeof x !== "string") fail(fname, `'${field}' must be a string or array of strings`);
      out.push(text(x));
    }
    return out;
  }
  fail(fname, `'${field}' must be a string or array of strings`);
}

function optBool(fname: string, t: LuaTable, field: string, def: boolean): boolean {
  const v = t.getStr(field);
  if (v === undefined) return def;
  if (typeof v !== "boolean") fail(fname, `'${field}' must be a boolean`);
  return v;
}

interface VerifyOptions {
  algorithms?: string[];
  issuer?: string[];
  audience?: string[];
  leeway: number;
  now: number;
  required: string[];
  validateExp: boolean;
  validateNbf: boolean;
  validateAud: boolean;
}

function verifyOptions(fname: string, t: LuaTable | undefined): VerifyOptions {
  const o: VerifyOptions = { leeway: 0, now: Math.floor(Date.now() / 1000), required: ["exp"], validateExp: true, validateNbf: true, validateAud: true };
  if (t === undefined) return o;
  const algs = stringList(fname, t.getStr("algorithms") ?? t.getStr("algorithm"), t.getStr("algorithms") !== undefined ? "algorithms" : "algorithm");
  if (algs !== undefined) o.algorithms = algs.map((n) => knownAlg(fname, n).name);
  o.issuer = stringList(fname, t.getStr("issuer"), "issuer");
  o.audience = stringList(fname, t.getStr("audience"), "audience");
  const lw = t.getStr("leeway");
  if (lw !== undefined) {
    if (!isNumber(lw) || !(toF(lw) >= 0)) fail(fname, "'leeway' must be a non-negative number");
    o.leeway = toF(lw);
  }
  const now = t.getStr("now");
  if (now !== undefined) {
    if (!isNumber(now) || !Number.isFinite(toF(now))) fail(fname, "'now' must be a number (seconds since the epoch)");
    o.now = toF(now);
  }
  const req = t.getStr("required_claims");
  if (req !== undefined) {
    if (!(req instanceof LuaTable)) fail(fname, "'required_claims' must be an array of strings");
    o.required = stringList(fname, req, "required_claims")!;
  }
  o.validateExp = optBool(fname, t, "validate_exp", true);
  o.validateNbf = optBool(fname, t, "validate_nbf", true);
  o.validateAud = optBool(fname, t, "validate_aud", true);
  return o;
}

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : toJson(v instanceof LFloat ? v.n : v));
const numeric = (v: unknown): number | undefined => (typeof v === "number" ? v : v instanceof LFloat ? v.n : undefined);

function checkClaims(fname: string, c: Record<string, unknown>, o: VerifyOptions): void {
  for (const name of o.required) if (c[name] === undefined || c[name] === null) fail(fname, `Missing required claim: ${name}`);
  const lw = o.leeway;
  const when = `now ${o.now}${lw > 0 ? `, leeway ${lw}` : ""}`;
  if (o.validateExp && c.exp !== undefined) {
    const exp = numeric(c.exp);
    if (exp === undefined) fail(fname, "InvalidToken: claim exp must be a number");
    if (exp <= o.now - lw) fail(fname, `ExpiredSignature: token expired at ${exp} (${when})`);
  }
  if (o.validateNbf && c.nbf !== undefined) {
    const nbf = numeric(c.nbf);
    if (nbf === undefined) fail(fname, "InvalidToken: claim nbf must be a number");
    if (nbf > o.now + lw) fail(fname, `ImmatureSignature: token not valid before ${nbf} (${when})`);
  }
  if (o.issuer !== undefined) {
    const iss = c.iss;
    if (typeof iss !== "string") fail(fname, "InvalidIssuer: token has no iss claim");
    if (!o.issuer.includes(iss)) fail(fname, `InvalidIssuer: iss ${show(iss)} is not ${o.issuer.map(show).join(" or ")}`);
  }
  const aud = c.aud;
  if (o.audience !== undefined) {
    const auds = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud.filter((x): x is string => typeof x === "string") : undefined;
    if (auds === undefined) fail(fname, "InvalidAudience: token has no aud claim");
    if (!auds.some((x) => o.audience!.includes(x))) fail(fname, `InvalidAudience: aud ${show(aud)} does not include ${o.audience.map(show).join(" or ")}`);
  } else if (o.validateAud && aud !== undefined && aud !== null) {
    fail(fname, `InvalidAudience: the token has aud ${show(aud)}: pass opts.audience to check it (or validate_aud = false)`);
  }
}

/** The verification key for a token: from a PEM/secret string, a JWK or a JWKS. */
function verificationKey(fname: string, v: unknown, header: Record<string, unknown>): Key {
  const s = luaString(v);
  if (s !== undefined) return stringKey(fname, s, "public");
  if (!(v instanceof LuaTable)) fail(fname, "second argument must be a PEM string or JWKS table (or a secret string for HS*, or a JWK table)");
  const keys = v.getStr("keys");
  if (keys === undefined) return jwkKey(fname, toData(fname, v), "public");
  const list = toData(fname, keys);
  if (!Array.isArray(list)) fail(fname, "invalid JWKS table: keys must be an array of JWKs");
  let found = list.filter((k) => isObject(k) && (k.use === undefined || k.use === "sig"));
  const kid = header.kid;
  if (typeof kid === "string") {
    found = found.filter((k) => (k as Record<string, unknown>).kid === kid);
    if (found.length === 0) fail(fname, `no key in JWKS matches kid '${kid}'`);
  } else if (found.length !== 1) {
    fail(fname, "token header missing 'kid' (required for JWKS dispatch)");
  }
  const pick = found.find((k) => (k as Record<string, unknown>).alg === header.alg) ?? found[0];
  return jwkKey(fname, pick, "public");
}

// ---- the functions ----

export const jwtLib = {
  jwt_sign(claims: unknown, key: unknown, alg: unknown, opts: unknown): unknown {
    const F = "crypto.jwt_sign";
    if (!(claims instanceof LuaTable)) fail(F, "first argument must be a claims table");
    if (luaString(key) === undefined && !(key instanceof LuaTable)) {
      fail(F, "second argument must be a PEM key string (or a secret string for HS*, or a JWK table)");
    }
    if (alg !== undefined && typeof alg !== "string") fail(F, "third argument must be an algorithm string or nil");
    const a = knownAlg(F, alg === undefined ? "RS256" : alg);
    const o = optTable(F, opts, "fourth");

    let body = toData(F, claims);
    if (Array.isArray(body)) {
      if (body.length > 0) fail(F, "claims must be a table with string keys (a JSON object), not an array");
      body = {};
    }
    const header: Record<string, unknown> = {};
    if (o !== undefined) {
      const extra = o.getStr("header");
      if (extra !== undefined) {
        const h = extra instanceof LuaTable ? toData(F, extra) : undefined;
        if (!isObject(h) && !(Array.isArray(h) && h.length === 0)) fail(F, "opts.header must be a table of header fields");
        if (isObject(h)) {
          if ("alg" in h) fail(F, "opts.header cannot set alg (pass the algorithm as the third argument)");
          Object.assign(header, h);
        }
      }
    }
    header.alg = a.name;
    if (header.typ === undefined) header.typ = "JWT";
    if (o !== undefined) {
      for (const field of ["kid", "typ", "cty"]) {
        const v = o.getStr(field);
        if (v === undefined) continue;
        const s = luaString(v);
        if (s === undefined) fail(F, `opts.${field} must be a string`);
        header[field] = text(s);
      }
    }

    let k: Key;
    if (key instanceof LuaTable) k = jwkKey(F, toData(F, key), "private");
    else {
      const s = luaString(key)!;
      if (a.kind !== "hmac" && !isPem(s)) fail(F, `${a.name} needs ${wants(a, "private")}`);
      k = stringKey(F, s, "private");
    }
    if (k.publicOnly) fail(F, `${a.name} needs ${wants(a, "private")}, not a public key`);
    checkFit(F, a, k, "private");

    const input = `${b64url(toJson(header))}.${b64url(toJson(body))}`;
    let sig: Buffer;
    try {
      sig = signBytes(a, k, Buffer.from(input, "latin1"));
    } catch (e) {
      fail(F, `encoding failed: ${(e as Error).message}`);
    }
    return `${input}.${sig.toString("base64url")}`;
  },

  jwt_decode(token: unknown): unknown {
    const F = "crypto.jwt_decode";
    const s = luaString(token);
    if (s === undefined) fail(F, "first argument must be a JWT string");
    return result(parseToken(F, s, ""));
  },

  jwt_verify(token: unknown, key: unknown, opts: unknown): unknown {
    const F = "crypto.jwt_verify";
    const s = luaString(token);
    if (s === undefined) fail(F, "first argument must be a JWT string");
    if (key === undefined) fail(F, "second argument must be a PEM string or JWKS table (or a secret string for HS*, or a JWK table)");
    const o = verifyOptions(F, optTable(F, opts, "third"));
    const p = parseToken(F, s, "InvalidToken: ");

    const name = p.header.alg;
    if (typeof name !== "string") fail(F, "InvalidToken: header has no alg");
    if (name.toLowerCase() === "none") fail(F, `InvalidAlgorithm: unsigned tokens (alg "${name}") are not accepted`);
    if (p.header.crit !== undefined) fail(F, "InvalidToken: critical header extensions (crit) are not supported");
    const a = ALGS.get(name === "EdDSA" ? "EDDSA" : name);
    if (a === undefined || a.name !== name) fail(F, `InvalidAlgorithm: unsupported algorithm: ${name}`);
    if (o.algorithms !== undefined && !o.algorithms.includes(a.name)) {
      fail(F, `InvalidAlgorithm: token algorithm ${a.name} is not allowed (allowed: ${o.algorithms.join(", ")})`);
    }

    const k = verificationKey(F, key, p.header);
    if (k.alg !== undefined && k.alg !== a.name) fail(F, `InvalidAlgorithm: the key is for ${k.alg}, the token uses ${a.name}`);
    // the key decides the algorithm family: with no allow-list, the algorithms that fit it
    checkFit(F, a, k, "public");

    if (!verifyBytes(a, k, p.signingInput, p.signature)) fail(F, "InvalidSignature: signature does not match");
    checkClaims(F, p.claims, o);
    return result(p);
  },
};
