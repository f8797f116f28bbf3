// JSON text → Lua values, read straight from the Lua byte string (char codes 0–255 holding
// UTF-8) into LuaTables; no JS object or UTF-16 string is built on the way.
//   null → nil (or json.null with keepNull); numbers without fraction or exponent that fit
//   int64 → integers (exact: bigints beyond ±2^53), all others → floats (`1.0` stays a float,
//   `-0` is the float -0.0 as in serde_json); strings → UTF-8 byte strings, validated, with
//   escapes (\u00e9, surrogate pairs) encoded to UTF-8; arrays → 1..n tables; objects →
//   string-keyed tables (a later duplicate key wins).
// Empty arrays, and arrays whose nulls left holes, are marked as arrays (markShape) so they
// encode back as arrays.
// Errors are JsonError with a message naming line and column (1-based, columns in bytes).
import { LuaTable } from "../../core/table.js";
import { LFloat, normInt } from "../../core/numbers.js";
import { memoryTicks } from "../../core/memory.js";
import { NULL, markShape } from "../convert.js";

/** A JSON syntax or encoding error; the caller prefixes the function name. */
export class JsonError {
  constructor(readonly msg: string) {}
}

const NEG_ZERO = new LFloat(-0);
const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

// the parser's state (it never calls out to Lua, so no call can re-enter it)
let src = "";
let pos = 0;
let nullValue: unknown = undefined;

/** Parses a whole JSON document held in a Lua byte string. */
export function decodeJson(text: string, keepNull: boolean): unknown {
  src = text;
  pos = 0;
  top = 0;
  nullValue = keepNull ? NULL : undefined;
  try {
    const v = readValue();
    skipWs();
    if (pos < src.length) throw unexpected("end of input");
    return v;
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new JsonError(`document nested too deeply (stack overflow) near ${where(pos)}`);
    }
    throw e;
  } finally {
    src = "";
    keyCache.fill(undefined);
    scratch.length = 0;
  }
}

// ---- errors ----

/** "line L column C" of a byte offset. */
function where(p: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = src.indexOf("\n"); i !== -1 && i < p; i = src.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line} column ${p - lineStart + 1}`;
}

function showChar(c: number): string {
  if (c === 39) return `"'"`;
  if (c >= 32 && c < 127) return `'${String.fromCharCode(c)}'`;
  return `byte 0x${c.toString(16).padStart(2, "0")}`;
}

/** The character at pos is not what the grammar allows here. */
function unexpected(expected: string): JsonError {
  const c = src.charCodeAt(pos);
  if (c !== c) return new JsonError(`unexpected end of input at ${where(pos)} (expected ${expected})`);
  const what = c >= 0x80 ? "unexpected " + showChar(c) : "unexpected character " + showChar(c);
  return new JsonError(`${what} at ${where(pos)} (expected ${expected})`);
}

function failAt(p: number, msg: string): JsonError {
  return new JsonError(`${msg} at ${where(p)}`);
}

// ---- values ----

// (hot loops copy src and pos into locals: module variables are reloaded at every use)

/** Skips JSON whitespace; the char code at pos afterwards (NaN at the end). */
function skipWs(): number {
  const s = src;
  let p = pos;
  let c = s.charCodeAt(p);
  if (c > 32) return c;
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++p);
  pos = p;
  return c;
}

function readValue(): unknown {
  const c = skipWs();
  switch (c) {
    case 123:
      return readObject();
    case 91:
      return readArray();
    case 34:
      return readString();
    case 116:
      if (src.charCodeAt(pos + 1) === 114 && src.charCodeAt(pos + 2) === 117 && src.charCodeAt(pos + 3) === 101) {
        pos += 4;
        return true;
      }
      return badLiteral("true");
    case 102:
      if (src.startsWith("alse", pos + 1)) {
        pos += 5;
        return false;
      }
      return badLiteral("false");
    case 110:
      if (src.charCodeAt(pos + 1) === 117 && src.charCodeAt(pos + 2) === 108 && src.charCodeAt(pos + 3) === 108) {
        pos += 4;
        return nullValue;
      }
      return badLiteral("null");
    default:
      if (c === 45 || (c >= 48 && c <= 57)) return readNumber();
      throw unexpected("a value");
  }
}

function badLiteral(word: string): never {
  let i = 1;
  while (i < word.length && src.charCodeAt(pos + i) === word.charCodeAt(i)) i++;
  pos += i;
  throw unexpected(`'${word}'`);
}

function readObject(): LuaTable {
  const t = new LuaTable();
  pos++;
  let c = skipWs();
  if (c === 125) {
    pos++;
    return t;
  }
  // the first keys are stored straight into the fresh table's string part (setStr would
  // look each key up first); a null value, which must delete an earlier duplicate, and keys
  // beyond the threshold where LuaTable turns to a dictionary go through setStr
  const s = t.ownStrings();
  let n = 0;
  for (;;) {
    if (c !== 34) throw unexpected("a string key");
    const k = readKey();
    if (skipWs() !== 58) throw unexpected("':'");
    pos++;
    const v = readValue();
    if (++n <= DIRECT_KEYS && v !== undefined) s[k] = t.slot(k, v);
    else t.setStr(k, v);
    c = skipWs();
    if (c === 44) {
      pos++;
      c = skipWs();
    } else if (c === 125) {
      pos++;
      memoryTicks(n);
      return t;
    } else throw unexpected("',' or '}'");
  }
}

/** Keys stored without setStr: below LuaTable's threshold for a dictionary. */
const DIRECT_KEYS = 32;

// object keys recur: recent ones by a hash of their bytes, reused instead of sliced again
const KEY_SLOTS = 1024;
const keyCache: (string | undefined)[] = new Array(KEY_SLOTS).fill(undefined);

/** An object key at pos (the opening quote). */
function readKey(): string {
  const s = src;
  const start = pos + 1;
  let p = start;
  let h = 0;
  for (;;) {
    const c = s.charCodeAt(p);
    if (c >= 32 && c < 128 && c !== 34 && c !== 92) {
      h = (h * 31 + c) | 0;
      p++;
    } else if (c === 34) break;
    // escapes, non-ASCII bytes, errors: the general path
    else return readString();
  }
  pos = p + 1;
  const len = p - start;
  const slot = h & (KEY_SLOTS - 1);
  const cached = keyCache[slot];
  if (cached !== undefined && cached.length === len && s.startsWith(cached, start)) return cached;
  const k = s.slice(start, p);
  keyCache[slot] = k;
  return k;
}

// elements of the arrays being read, innermost last: each array is copied out at its exact
// size when it ends (pushing onto a fresh array would leave it with spare capacity)
const scratch: unknown[] = [];
let top = 0;

function readArray(): LuaTable {
  pos++;
  let c = skipWs();
  if (c === 93) {
    pos++;
    return markShape(new LuaTable(), "array");
  }
  const base = top;
  let holes = false;
  for (;;) {
    const v = readValue();
    if (v === undefined) holes = true;
    scratch[top++] = v;
    c = skipWs();
    if (c === 44) pos++;
    else if (c === 93) {
      pos++;
      break;
    } else throw unexpected("',' or ']'");
  }
  const a = scratch.slice(base, top);
  top = base;
  memoryTicks(a.length);
  const t = new LuaTable(a);
  return holes ? markShape(t, "array") : t;
}

// exact powers of ten for the fast float path
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

function readNumber(): unknown {
  const s = src;
  const start = pos;
  let p = pos;
  let c = s.charCodeAt(p);
  const neg = c === 45;
  if (neg) c = s.charCodeAt(++p);
  // v accumulates all the digits (exact while there are at most 15 of them)
  let v = 0;
  if (c === 48) {
    c = s.charCodeAt(++p);
    if (c >= 48 && c <= 57) throw failAt(start, "invalid number (leading zero)");
  } else if (c >= 49 && c <= 57) {
    do {
      v = v * 10 + (c - 48);
      c = s.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
  } else {
    pos = p;
    throw unexpected("a digit");
  }
  if (c !== 46 && c !== 101 && c !== 69) {
    // an integer: up to 15 digits the accumulated value is exact
    pos = p;
    if (p - start <= (neg ? 16 : 15)) return neg ? (v === 0 ? NEG_ZERO : -v) : v;
    const b = BigInt(s.slice(start, p));
    if (b >= MIN_I64 && b <= MAX_I64) return normInt(b);
    return new LFloat(+s.slice(start, p));
  }
  let fracDigits = 0;
  if (c === 46) {
    c = s.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) {
      pos = p;
      throw unexpected("a digit");
    }
    do {
      v = v * 10 + (c - 48);
      fracDigits++;
      c = s.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
  }
  let exp = 0;
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++p);
    let expNeg = false;
    if (c === 43 || c === 45) {
      expNeg = c === 45;
      c = s.charCodeAt(++p);
    }
    if (!(c >= 48 && c <= 57)) {
      pos = p;
      throw unexpected("a digit");
    }
    do {
      if (exp < 100000) exp = exp * 10 + (c - 48);
      c = s.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
    if (expNeg) exp = -exp;
  }
  pos = p;
  let f: number;
  const e10 = exp - fracDigits;
  // Clinger's fast path: an exact integer of at most 15 digits scaled by an exact power of
  // ten is correctly rounded by one IEEE operation; all other cases are read by the engine
  if (v < 1e15 && e10 >= -22 && e10 <= 22) {
    f = e10 < 0 ? v / POW10[-e10] : v * POW10[e10];
    if (neg) f = -f;
  } else f = +s.slice(start, p);
  return Number.isInteger(f) ? new LFloat(f) : f;
}

// ---- strings ----

/** A string at pos (the opening quote) as a Lua byte string. */
function readString(): string {
  const s = src;
  const start = pos + 1;
  let p = start;
  for (;;) {
    const c = s.charCodeAt(p);
    if (c >= 32 && c < 128 && c !== 34 && c !== 92) p++;
    else if (c === 34) {
      pos = p + 1;
      return s.slice(start, p);
    } else if (c >= 128) p = utf8Seq(p, c);
    else {
      pos = p;
      if (c === 92) return readStringEscaped(start);
      throw badStringChar(c);
    }
  }
}

function badStringChar(c: number): JsonError {
  if (c !== c) return failAt(pos, "unterminated string: unexpected end of input");
  return failAt(pos, `control character 0x${c.toString(16).padStart(2, "0")} in string (must be escaped)`);
}

/** The rest of a string that holds escapes: runs without escapes are copied as slices. */
function readStringEscaped(start: number): string {
  let out = src.slice(start, pos);
  let run = pos;
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c >= 32 && c < 128 && c !== 34 && c !== 92) pos++;
    else if (c === 34) {
      out += src.slice(run, pos++);
      return out;
    } else if (c === 92) {
      out += src.slice(run, pos);
      out += readEscape();
      run = pos;
    } else if (c >= 128) pos = utf8Seq(pos, c);
    else throw badStringChar(c);
  }
}

/** One escape sequence at pos (the backslash), as UTF-8 bytes. */
function readEscape(): string {
  const e = src.charCodeAt(pos + 1);
  pos += 2;
  switch (e) {
    case 34:
      return '"';
    case 92:
      return "\\";
    case 47:
      return "/";
    case 98:
      return "\b";
    case 102:
      return "\f";
    case 110:
      return "\n";
    case 114:
      return "\r";
    case 116:
      return "\t";
    case 117: {
      let cp = hex4(pos);
      pos += 4;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const lo = src.charCodeAt(pos) === 92 && src.charCodeAt(pos + 1) === 117 ? hex4(pos + 2) : -1;
        if (!(lo >= 0xdc00 && lo <= 0xdfff)) {
          throw failAt(pos - 6, `lone surrogate \\u${cp.toString(16).padStart(4, "0")} in string (a high surrogate must be followed by a low one)`);
        }
        pos += 6;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
      } else if (cp >= 0xdc00 && cp <= 0xdfff) {
        throw failAt(pos - 6, `lone surrogate \\u${cp.toString(16).padStart(4, "0")} in string (a low surrogate without a high one)`);
      }
      return utf8Char(cp);
    }
    default:
      pos -= 2;
      if (e !== e) throw failAt(pos, "unterminated string: unexpected end of input");
      throw failAt(pos, `invalid escape '\\${e >= 32 && e < 127 ? String.fromCharCode(e) : "?"}' in string`);
  }
}

function hex4(p: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const c = src.charCodeAt(p + i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else throw failAt(p - 2, "invalid \\u escape in string (4 hex digits expected)");
    v = v * 16 + d;
  }
  return v;
}

/** A code point as UTF-8 bytes (char codes 0–255). */
export function utf8Char(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Checks one UTF-8 sequence at p with lead byte c (≥ 0x80); the position after it. */
function utf8Seq(p: number, c: number): number {
  const n = utf8Length(src, p, c);
  if (n === 0) throw failAt(p, `invalid UTF-8 in string (byte 0x${c.toString(16)})`);
  return p + n;
}

/** The length of the valid UTF-8 sequence at p of s with lead byte c (≥ 0x80), or 0
 *  (overlong forms, surrogates and code points beyond U+10FFFF are invalid). */
export function utf8Length(s: string, p: number, c: number): number {
  if (c < 0xc2) return 0;
  const c1 = s.charCodeAt(p + 1);
  if (c < 0xe0) return c1 >= 0x80 && c1 <= 0xbf ? 2 : 0;
  const c2 = s.charCodeAt(p + 2);
  if (c < 0xf0) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return c1 >= lo && c1 <= hi && c2 >= 0x80 && c2 <= 0xbf ? 3 : 0;
  }
  if (c < 0xf5) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    const c3 = s.charCodeAt(p + 3);
    return c1 >= lo && c1 <= hi && c2 >= 0x80 && c2 <= 0xbf && c3 >= 0x80 && c3 <= 0xbf ? 4 : 0;
  }
  return 0;
}
