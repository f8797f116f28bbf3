// Lua numbers: the integer/float decision.
// An integer is a JS number holding a safe integer, or a bigint when the value lies outside
// ±(2^53-1) (always normalised: a bigint is never in the safe range). A float is a JS number
// that is not an integer (fractional, NaN, ±Infinity), or an LFloat box when its value happens
// to be integral (1.0, -0.0, 2^60). Arithmetic on two plain JS numbers takes the fast path.

import { gDigits } from "./numfmt.js";

export class LFloat {
  constructor(readonly n: number) {}
}

export type LuaNumber = number | bigint | LFloat;

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;
export const MAXINT: bigint = MAX_I64;
export const MININT: bigint = MIN_I64;

/** A float value as a Lua value: integral results are boxed so they stay floats. */
export function mkFloat(n: number): number | LFloat {
  return Number.isInteger(n) ? new LFloat(n) : n;
}

/** A 64-bit integer from a bigint (wrapping), normalised to a JS number when safe. */
export function wrapInt(b: bigint): number | bigint {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

/** Normalise a bigint that is already in the int64 range. */
export function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export function isNumber(v: unknown): v is LuaNumber {
  return typeof v === "number" || v instanceof LFloat || typeof v === "bigint";
}

export function isFloat(v: unknown): boolean {
  return (typeof v === "number" && !Number.isInteger(v)) || v instanceof LFloat;
}

export function isInteger(v: unknown): v is number | bigint {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

/** The value of any Lua number as a JS double. */
export function toF(v: LuaNumber): number {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n;
}

/** Float → integer if it has an exact integer representation (Lua's lua_numbertointeger). */
export function floatToInt(f: number): number | bigint | undefined {
  if (!Number.isInteger(f)) return undefined;
  if (Number.isSafeInteger(f)) return f === 0 ? 0 : f;
  if (f >= -9223372036854775808 && f < 9223372036854775808) return BigInt(f);
  return undefined;
}

/** Any Lua number → integer if representable (floats with integral values convert). */
export function toIntExact(v: LuaNumber): number | bigint | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "bigint") return v;
  return floatToInt(v.n);
}

export function toBig(v: number | bigint): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

// ---- Number → string (tostring, concatenation) ----

/** C's "%.14g" as Lua uses for floats (LUAI_NUMFFORMAT), ties rounded to even. */
export function fmtG14(n: number): string {
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Number.isNaN(n)) return nanSign(n) ? "-nan" : "nan";
  const neg = n < 0 || Object.is(n, -0);
  return (neg ? "-" : "") + gDigits(neg ? -n : n, 14, false, false);
}

// ---- NaN signs ----
// On x86 an invalid operation (0/0, inf-inf, log(-1)) gives a NaN with the sign bit set, which
// C's printf shows as "-nan"; negation and fabs clear it ("nan"). JavaScript keeps a NaN's
// bits through most paths, but not all: V8's runtime stores a NaN into a double array as its
// canonical NaN (sign clear, no payload), and its compilers fold NaN constants to it. So the
// canonical NaN counts as negative (what it most often stands for), and a positive NaN is
// made with a payload bit (positiveNaN), which nothing else produces.

const nanView = new Float64Array(1);
const nanWords = new Uint32Array(nanView.buffer);
/** the index of the high 32-bit word of a double in nanWords */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Whether a NaN counts as negative: C's printf shows "-nan" for it. */
export function nanSign(n: number): boolean {
  nanView[0] = n;
  return (nanWords[HI] & 0x80000000) !== 0 || (nanWords[HI] === 0x7ff80000 && nanWords[1 - HI] === 0);
}

/** The NaN of these high and low 32-bit words, read from memory at each use: a compiler may
 *  fold a NaN constant to its canonical NaN. */
function nanOf(hi: number, lo: number): number {
  nanWords[HI] = hi;
  nanWords[1 - HI] = lo;
  return nanView[0];
}

/** The NaN with the sign bit set, x86's result of an invalid operation. */
export function negativeNaN(): number {
  return nanOf(0xfff80000, 0);
}

/** A NaN printed "nan". */
export function positiveNaN(): number {
  return nanOf(0x7ff80000, 1);
}

/** A float from a library (a parser, Math): its NaN, whatever its bits, is the positive one. */
export function positiveIfNaN(n: number): number {
  return n === n ? n : positiveNaN();
}

/** -x for a float x; for a NaN, as x86 negates it (only the sign changes). */
export function negateFloat(n: number): number {
  if (n === n) return -n;
  return nanSign(n) ? positiveNaN() : negativeNaN();
}

/** |x| for a float x (fabs clears a NaN's sign too). */
export function absFloat(n: number): number {
  return positiveIfNaN(Math.abs(n));
}

/** A NaN with the sign as Lua's would have it, written as C writes it: the default NaN
 *  (sign set) or its negation, without the payload bit positiveNaN carries. */
export function plainNaN(n: number): number {
  return nanSign(n) ? negativeNaN() : nanOf(0x7ff80000, 0);
}

export function floatToString(n: number): string {
  // a fast path where %g would not switch to exponent form (1e-4 <= |n| < 1e14)
  const a = n < 0 ? -n : n;
  if (a >= 1e-4 && a < 1e14 && !Number.isInteger(n)) {
    const few = fewDecimals(n, a);
    if (few !== null) return few;
  }
  const s = fmtG14(n);
  return /^-?\d+$/.test(s) ? s + ".0" : s;
}

const POW10 = [1, 10, 100, 1000, 10000];

/** %.14g of a value with at most four decimals (12.25, -0.5), from the digits of the integer
 *  a * 10^k, which are cheaper to make than a double's. When that product comes out integral,
 *  a differs from m / 10^k by at most 2^-53 of itself, far less than half a unit in the 14th
 *  digit, so %.14g prints m / 10^k (m has at most 14 digits). */
function fewDecimals(n: number, a: number): string | null {
  for (let k = 1; k <= 4; k++) {
    const m = a * POW10[k];
    if (m >= 1e14) return null;
    if (!Number.isInteger(m)) continue;
    let digits = String(m);
    if (digits.length <= k) digits = "0".repeat(k + 1 - digits.length) + digits;
    let end = digits.length;
    while (end > digits.length - k && digits.charCodeAt(end - 1) === 48) end--;
    const point = digits.length - k;
    const int = digits.slice(0, point);
    const out = end === point ? int + ".0" : int + "." + digits.slice(point, end);
    return n < 0 ? "-" + out : out;
  }
  return null;
}

export function numberToString(v: LuaNumber): string {
  // (String, not numfmt's digit tables: for tostring and `..` of integers V8's own
  // conversion measured 0.23 s against 0.30 s for 3.3 million)
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : floatToString(v);
  if (typeof v === "bigint") return v.toString();
  return floatToString(v.n);
}

// ---- String → number (lua_stringtonumber) ----

const WS = "[ \\f\\n\\r\\t\\v]*";
const DEC_INT = new RegExp(`^${WS}([-+])?(\\d+)${WS}$`);
const HEX = new RegExp(`^${WS}([-+])?0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?(?:[pP]([+-]?\\d+))?${WS}$`);
const DEC_FLOAT = new RegExp(`^${WS}([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)${WS}$`);

/** Converts a Lua numeral (with optional sign and surrounding spaces); undefined if invalid. */
export function str2number(s: string): LuaNumber | undefined {
  let m = DEC_INT.exec(s);
  if (m) {
    const digits = m[2];
    if (digits.length < 16) {
      const v = parseInt(digits, 10);
      return m[1] === "-" ? (v === 0 ? 0 : -v) : v;
    }
    let b = BigInt(digits);
    if (m[1] === "-") b = -b;
    if (b >= MIN_I64 && b <= MAX_I64) return normInt(b);
    return mkFloat(Number((m[1] === "-" ? "-" : "") + digits));
  }
  m = HEX.exec(s);
  if (m) return hexToNumber(m[1] === "-", m[2], m[3], m[4]);
  m = DEC_FLOAT.exec(s);
  if (m) return mkFloat(Number(m[1]));
  return undefined;
}

function hexToNumber(neg: boolean, int: string, frac: string | undefined, exp: string | undefined): LuaNumber | undefined {
  if (int === "" && !frac) return undefined;
  if (frac === undefined && exp === undefined) {
    // hexadecimal integers wrap around modulo 2^64
    const b = BigInt("0x" + int);
    return wrapInt(neg ? -b : b);
  }
  let v = 0;
  let e = exp ? parseInt(exp, 10) : 0;
  for (const ch of int) v = v * 16 + parseInt(ch, 16);
  for (const ch of frac ?? "") {
    v = v * 16 + parseInt(ch, 16);
    e -= 4;
  }
  v = v * Math.pow(2, e);
  return mkFloat(neg ? -v : v);
}
