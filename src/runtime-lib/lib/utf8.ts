// The utf8 library (lutf8lib.c of Lua 5.4.4) on byte strings: JS strings whose char codes
// are bytes 0–255. Decoding accepts the original UTF-8 of up to six bytes (code points up
// to 2^31-1); strict mode (the default) also rejects surrogates and values above 10FFFF.
import { LuaTable } from "../core/table.js";
import { EMPTY, Multi } from "../core/multi.js";
import { LFloat, floatToInt, str2number, toIntExact } from "../core/numbers.js";
import { argError, checkInteger, checkString, libError, optInt } from "./aux.js";

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;
const MSG_INVALID = "invalid UTF-8 code";
/** luaL_checkstack's limit for codepoint's results (LUAI_MAXSTACK less what is in use) */
const MAX_RESULTS = 999_985;
/** pattern matching one UTF-8 character */
const UTF8PATT = "[\x00-\x7F\xC2-\xFD][\x80-\xBF]*";

const LIMITS = [0xffffffff, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

function iscont(s: string, i: number): boolean {
  // past the end reads C's terminating '\0'
  return (s.charCodeAt(i) & 0xc0) === 0x80;
}

/** translate a relative string position: negative means back from end */
function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

// utf8_decode's results: the code point and the index after the sequence
let dcode = 0;

/** Decodes the sequence at s[i]; returns the index after it, or -1 if invalid. */
function decode(s: string, i: number, strict: boolean): number {
  let c = s.charCodeAt(i);
  if (!(c >= 0)) c = 0;
  let res = 0;
  if (c < 0x80) res = c;
  else {
    let count = 0;
    for (; c & 0x40; c <<= 1) {
      const cc = s.charCodeAt(i + ++count);
      if ((cc & 0xc0) !== 0x80) return -1;
      res = res * 64 + (cc & 0x3f);
    }
    res += (c & 0x7f) * 2 ** (count * 5);
    if (count > 5 || res > MAXUTF || res < LIMITS[count]) return -1;
    i += count;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  dcode = res;
  return i + 1;
}

/** luaO_utf8esc */
function encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f;
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) | x) & 0xff);
  return String.fromCharCode(...bytes.reverse());
}

function utfchar1(v: unknown, arg: number, present: boolean): string {
  const code = checkInteger(v, arg, "utf8.char", present);
  if (typeof code !== "number" || code < 0 || code > MAXUTF) throw argError(arg, "utf8.char", "value out of range");
  return encode(code);
}

function char(...args: unknown[]): unknown {
  if (args.length === 1) return utfchar1(args[0], 1, true);
  let out = "";
  for (let i = 0; i < args.length; i++) out += utfchar1(args[i], i + 1, true);
  return out;
}

function len(str: unknown, i: unknown, j: unknown, lax: unknown): unknown {
  const s = checkString(str, 1, "utf8.len", arguments.length > 0);
  const n = s.length;
  let posi = posrelat(optInt(i, 2, "utf8.len", 1), n);
  let posj = posrelat(optInt(j, 3, "utf8.len", -1), n);
  const strict = lax === undefined || lax === false;
  if (!(1 <= posi && --posi <= n)) throw argError(2, "utf8.len", "initial position out of bounds");
  if (!(--posj < n)) throw argError(3, "utf8.len", "final position out of bounds");
  let count = 0;
  while (posi <= posj) {
    const next = decode(s, posi, strict);
    if (next < 0) return new Multi([undefined, posi + 1]);
    posi = next;
    count++;
  }
  return count;
}

function codepoint(str: unknown, i: unknown, j: unknown, lax: unknown): unknown {
  const s = checkString(str, 1, "utf8.codepoint", arguments.length > 0);
  const n = s.length;
  const posi = posrelat(optInt(i, 2, "utf8.codepoint", 1), n);
  const pose = posrelat(optInt(j, 3, "utf8.codepoint", posi), n);
  const strict = lax === undefined || lax === false;
  if (!(posi >= 1)) throw argError(2, "utf8.codepoint", "out of bounds");
  if (!(pose <= n)) throw argError(3, "utf8.codepoint", "out of bounds");
  if (posi > pose) return EMPTY;
  if (pose - posi >= 2147483647) throw libError("utf8.codepoint", "string slice too long");
  if (pose - posi + 1 > MAX_RESULTS) throw libError("utf8.codepoint", "stack overflow (string slice too long)");
  const out: unknown[] = [];
  for (let k = posi - 1; k < pose; ) {
    k = decode(s, k, strict);
    if (k < 0) throw libError("utf8.codepoint", MSG_INVALID);
    out.push(dcode);
  }
  return out.length === 1 ? out[0] : new Multi(out);
}

function offset(str: unknown, nn: unknown, i: unknown): unknown {
  const s = checkString(str, 1, "utf8.offset", arguments.length > 0);
  const len = s.length;
  let n = checkInteger(nn, 2, "utf8.offset", arguments.length > 1);
  if (typeof n === "bigint") n = n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  let posi = posrelat(optInt(i, 3, "utf8.offset", n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) throw argError(3, "utf8.offset", "position out of bounds");
  if (n === 0) {
    // find the beginning of the current byte sequence
    while (posi > 0 && iscont(s, posi)) posi--;
  } else {
    if (iscont(s, posi)) throw libError("utf8.offset", "initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && posi > 0) {
        // find the beginning of the previous character
        do posi--;
        while (posi > 0 && iscont(s, posi));
        n++;
      }
    } else {
      n--; // do not move for the first character
      while (n > 0 && posi < len) {
        // find the beginning of the next character
        do posi++;
        while (iscont(s, posi));
        n--;
      }
    }
  }
  return n === 0 ? posi + 1 : undefined;
}

/** lua_tointeger: 0 when not convertible */
function tointeger0(v: unknown): number {
  let i: number | bigint | undefined;
  if (typeof v === "number") i = Number.isInteger(v) ? v : undefined;
  else if (typeof v === "bigint") i = v;
  else if (v instanceof LFloat) i = floatToInt(v.n);
  else if (typeof v === "string") {
    const n = str2number(v);
    i = n === undefined ? undefined : toIntExact(n);
  }
  if (i === undefined) return 0;
  return typeof i === "bigint" ? (i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : i;
}

function iterAux(str: unknown, i: unknown, strict: boolean, fname: string): unknown {
  const s = checkString(str, 1, fname);
  const len = s.length;
  // the control value is the previous character's 1-based position, which as a 0-based
  // index is the byte after its first one: skip continuation bytes from there
  let n = tointeger0(i);
  if (n < 0) return EMPTY; // (lua_Unsigned) of a negative value is beyond any string
  while (n < len && iscont(s, n)) n++;
  if (n >= len) return EMPTY;
  const next = decode(s, n, strict);
  if (next < 0) throw libError(fname, MSG_INVALID);
  return new Multi([n + 1, dcode]);
}

function iter_auxstrict(s: unknown, i: unknown): unknown {
  return iterAux(s, i, true, "iter_auxstrict");
}

function iter_auxlax(s: unknown, i: unknown): unknown {
  return iterAux(s, i, false, "iter_auxlax");
}

function codes(str: unknown, lax: unknown): unknown {
  const s = checkString(str, 1, "utf8.codes", arguments.length > 0);
  const strict = lax === undefined || lax === false;
  return new Multi([strict ? iter_auxstrict : iter_auxlax, s, 0]);
}

/** Registers the utf8 library into the globals table. */
export function openUtf8(G: LuaTable): void {
  G.setField("utf8", LuaTable.library({ offset, codepoint, char, len, codes, charpattern: UTF8PATT }));
}
