// The `crypto` table (SPEC B§1.7, A5, A8), on node:crypto, all synchronous:
//   crypto.hash(input, alg?="sha256") → lowercase hex
//   crypto.hash_file(path, alg?="sha256") → lowercase hex of the file's bytes (read in chunks)
//   crypto.hmac(key, data, alg?="sha256", raw?=false) → hex, or the raw digest bytes
//   crypto.random(n?=32) → n characters from [a-zA-Z0-9] (uniform, CSPRNG)
//   crypto.random_bytes(n) → n random bytes
//   crypto.jwt_sign / jwt_verify / jwt_decode → crypto/jwt.ts
// Algorithms for hash/hmac: sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384,
// sha3-512 (the original's eight) plus md5 and sha1; names are case-insensitive. Inputs are
// Lua strings taken as bytes (binary-safe; the original required UTF-8 text), and a number
// is accepted where a string is, converted as Lua does.
import { lazyNode, onFirstUse } from "../node-lazy.js";
import type { Hash, Hmac } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { LuaTable } from "../core/table.js";
import { LFloat, numberToString } from "../core/numbers.js";
import { LuaError } from "../core/errors.js";
import { checkMemory } from "../core/memory.js";
import { libError } from "../lib/aux.js";
import { MAX_STRING } from "../lib/string.js";
import { jwtLib } from "./crypto/jwt.js";

// (node:crypto loads on the first call: most scripts never hash)
const crypto = onFirstUse(lazyNode.crypto);

const HASHES = ["sha224", "sha256", "sha384", "sha512", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "md5", "sha1"];
const SUPPORTED = `(supported: ${HASHES.join(", ")})`;

/** A Lua string argument (numbers converted as Lua does), or undefined. */
function luaString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LFloat) return numberToString(v);
  return undefined;
}

/** The algorithm argument: a supported name (lower-cased), "sha256" when nil. */
function algorithm(fname: string, v: unknown, which: string): string {
  if (v === undefined) return "sha256";
  if (typeof v !== "string") throw libError(fname, `${fname}: ${which} argument must be an algorithm string or nil`);
  const alg = v.toLowerCase();
  if (!HASHES.includes(alg)) throw libError(fname, `${fname}: unsupported algorithm: ${alg} ${SUPPORTED}`);
  return alg;
}

/** A length argument: an integer (not a float, not a string) from `min`; n > 1 MB is
 *  checked against the memory limit first. */
function lengthArg(fname: string, v: unknown, min: number, msg: string): number {
  if (typeof v === "bigint") {
    if (v < BigInt(min)) throw libError(fname, `${fname}: length must be ${min > 0 ? "positive" : "non-negative"}, got ${v}`);
    throw new LuaError("not enough memory");
  }
  if (typeof v !== "number" || !Number.isInteger(v)) throw libError(fname, msg);
  if (v < min) throw libError(fname, `${fname}: length must be ${min > 0 ? "positive" : "non-negative"}, got ${v}`);
  if (v > 1048576) checkMemory(v);
  if (v > MAX_STRING) throw new LuaError("not enough memory");
  return v;
}

// A big string goes to the hash in slices: converting each slice to bytes while it is hot
// in cache is ~1.5x faster than converting 50 MB at once (benchmarks/builtins/crypto.mjs).
const CHUNK = 1 << 17;

/** Feeds the bytes of a Lua string to a hash or HMAC. */
function feed(h: Hash | Hmac, s: string): void {
  if (s.length <= 4 * CHUNK) h.update(s, "latin1");
  else for (let i = 0; i < s.length; i += CHUNK) h.update(s.slice(i, i + CHUNK), "latin1");
}

const ALNUM = Buffer.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "latin1");

/** n characters drawn uniformly from ALNUM: random bytes below 248 (= 4 × 62), mod 62. */
function alphanumeric(n: number): string {
  const out = Buffer.allocUnsafe(n);
  let k = 0;
  while (k < n) {
    // 248/256 of the bytes are kept: ask for a little more than needed
    const src = crypto.randomBytes(Math.min(65536, Math.ceil((n - k) * 1.04) + 16));
    for (let i = 0; i < src.length && k < n; i++) {
      const b = src[i];
      if (b < 248) out[k++] = ALNUM[b % 62];
    }
  }
  return out.toString("latin1");
}

const cryptoLib = {
  hash(input: unknown, alg: unknown): unknown {
    const s = luaString(input);
    if (s === undefined) throw libError("crypto.hash", "crypto.hash: first argument must be a string");
    const a = algorithm("crypto.hash", alg, "second");
    const h = crypto.createHash(a);
    feed(h, s);
    return h.digest("hex");
  },

  hash_file(path: unknown, alg: unknown): unknown {
    const p = luaString(path);
    if (p === undefined) throw libError("crypto.hash_file", "crypto.hash_file: first argument must be a path string");
    const a = algorithm("crypto.hash_file", alg, "second");
    const h = crypto.createHash(a);
    const name = Buffer.from(p, "latin1");
    let fd: number;
    try {
      fd = openSync(name, "r");
    } catch (e) {
      throw libError("crypto.hash_file", `crypto.hash_file: cannot open "${p}": ${reason(e)}`);
    }
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        h.update(buf.subarray(0, n));
      }
    } catch (e) {
      throw libError("crypto.hash_file", `crypto.hash_file: cannot read "${p}": ${reason(e)}`);
    } finally {
      closeSync(fd);
    }
    return h.digest("hex");
  },

  hmac(key: unknown, data: unknown, alg: unknown, raw: unknown): unknown {
    const k = luaString(key);
    if (k === undefined) throw libError("crypto.hmac", "crypto.hmac: first argument must be a string (key)");
    const d = luaString(data);
    if (d === undefined) throw libError("crypto.hmac", "crypto.hmac: second argument must be a string (data)");
    const a = algorithm("crypto.hmac", alg, "third");
    if (raw !== undefined && typeof raw !== "boolean") throw libError("crypto.hmac", "crypto.hmac: fourth argument must be a boolean or nil");
    const mac = crypto.createHmac(a, Buffer.from(k, "latin1"));
    feed(mac, d);
    return raw === true ? mac.digest().toString("latin1") : mac.digest("hex");
  },

  random(len: unknown): unknown {
    const n = len === undefined ? 32 : lengthArg("crypto.random", len, 1, "crypto.random: first argument must be a positive integer or nil");
    return alphanumeric(n);
  },

  random_bytes(len: unknown): unknown {
    const n = lengthArg("crypto.random_bytes", len, 0, "crypto.random_bytes: first argument must be a non-negative integer");
    return crypto.randomBytes(n).toString("latin1");
  },

  ...jwtLib,
};

function reason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  if (err.code === "ENOENT") return "no such file or directory";
  if (err.code === "EACCES") return "permission denied";
  if (err.code === "EISDIR") return "is a directory";
  return String(err.message ?? e);
}

export function openCrypto(G: LuaTable): void {
  G.setField("crypto", LuaTable.library(cryptoLib));
}
