// Arithmetic and bitwise operators on Lua numbers (no metamethods here: see ops.ts).
// Integer arithmetic wraps around at 64 bits; the fast paths work on plain JS numbers and
// fall back to bigint only when a result leaves the safe-integer range.
import { LFloat, mkFloat, wrapInt, toF, toBig, floatToInt, nanSign, negateFloat, negativeNaN, LuaNumber } from "./numbers.js";

const MAX_SAFE = 9007199254740991;

function isIntNum(v: LuaNumber): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

export function numAdd(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (isIntNum(a) && isIntNum(b)) {
    if (typeof a === "number" && typeof b === "number") {
      const r = a + b;
      return r <= MAX_SAFE && r >= -MAX_SAFE ? r : wrapInt(BigInt(a) + BigInt(b));
    }
    return wrapInt(toBig(a) + toBig(b));
  }
  return mkFloat(toF(a) + toF(b));
}

export function numSub(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (isIntNum(a) && isIntNum(b)) {
    if (typeof a === "number" && typeof b === "number") {
      const r = a - b;
      return r <= MAX_SAFE && r >= -MAX_SAFE ? r : wrapInt(BigInt(a) - BigInt(b));
    }
    return wrapInt(toBig(a) - toBig(b));
  }
  return mkFloat(toF(a) - toF(b));
}

export function numMul(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (isIntNum(a) && isIntNum(b)) {
    if (typeof a === "number" && typeof b === "number") {
      const r = a * b;
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0;
      return wrapInt(BigInt(a) * BigInt(b));
    }
    return wrapInt(toBig(a) * toBig(b));
  }
  return mkFloat(toF(a) * toF(b));
}

export function numDiv(a: LuaNumber, b: LuaNumber): LuaNumber {
  return mkFloat(toF(a) / toF(b));
}

export function numPow(a: LuaNumber, b: LuaNumber): LuaNumber {
  const x = toF(a);
  const y = toF(b);
  // C pow(x, 2) is exact, and pow(x, 0.5) is sqrt(x) for positive x
  return mkFloat(y === 2 ? x * x : y === 0.5 && x > 0 ? Math.sqrt(x) : cPow(x, y));
}

/** C's pow as glibc computes it on x86-64, where it differs from Math.pow: pow(1, y) and
 *  pow(x, ±0) are 1 even for NaN, pow(-1, ±inf) is 1, a NaN operand comes back with its sign
 *  (as the hardware propagates it; a negated NaN prints "nan", a fresh one "-nan"), and a
 *  negative base with a non-integral exponent gives the default NaN ("-nan"). */
export function cPow(x: number, y: number): number {
  if (y === 0 || !Number.isFinite(y)) {
    if (y === 0 || x === 1) return 1;
    // glibc returns x + y: the first NaN operand (not written as x + y, which V8 may swap)
    if (x !== x) return x;
    if (y !== y) return y;
    if (x === 1 || x === -1) return 1;
    if (Math.abs(x) < 1 === y > 0) return 0;
    return y * y;
  }
  if (x === 0 || !Number.isFinite(x)) {
    // zero, infinite or NaN base: x*x keeps a NaN's sign; odd integral exponents flip it
    let x2 = x * x;
    if ((x < 0 || Object.is(x, -0) || (x !== x && nanSign(x))) && Math.abs(y % 2) === 1) x2 = negateFloat(x2);
    return y < 0 ? 1 / x2 : x2;
  }
  if (x < 0 && !Number.isInteger(y)) return negativeNaN();
  if (Number.isInteger(y) && y >= -MAX_EXACT_EXP && y <= MAX_EXACT_EXP) {
    const r = intPow(x, y);
    if (r !== undefined) return r;
  }
  return Math.pow(x, y);
}

// ---- x^n for an integer n, correctly rounded ----
// glibc's pow is correctly rounded; V8's Math.pow is not (10^-4 is not 1e-4 in JS, nor 10^26
// 1e26). For integral exponents the power is computed in double-double arithmetic (a value
// as an unevaluated sum hi + lo, products made exact by Veltkamp's splitting), about 100
// bits, then rounded once: the correctly rounded result but for ties closer than 2^-100.

const MAX_EXACT_EXP = 1024;
/** Beyond these magnitudes splitting could overflow or lose bits to underflow: Math.pow. */
const DD_HUGE = 2 ** 900;
const DD_TINY = 2 ** -900;
const SPLITTER = 134217729; // 2^27 + 1

let ddHi = 0;
let ddLo = 0;

/** (ah + al) * (bh + bl) into ddHi + ddLo. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let c = SPLITTER * ah;
  const ahh = c - (c - ah);
  const ahl = ah - ahh;
  c = SPLITTER * bh;
  const bhh = c - (c - bh);
  const bhl = bh - bhh;
  const err = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  ddHi = p + err;
  ddLo = err - (ddHi - p);
}

/** Is |v| zero or within [DD_TINY, DD_HUGE] (false for NaN)? */
function inRange(v: number): boolean {
  const a = v < 0 ? -v : v;
  return a === 0 || (a >= DD_TINY && a <= DD_HUGE);
}

function intPow(x: number, n: number): number | undefined {
  let e = n < 0 ? -n : n;
  let bh = x;
  let bl = 0;
  let rh = 1;
  let rl = 0;
  while (e > 0) {
    if (e & 1) {
      ddMul(rh, rl, bh, bl);
      rh = ddHi;
      rl = ddLo;
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      ddMul(bh, bl, bh, bl);
      bh = ddHi;
      bl = ddLo;
    }
    // (an overflow shows as a NaN from the splitting: `!(x <= max)` catches both)
    if (!inRange(rh) || (e > 0 && !inRange(bh))) return undefined;
  }
  if (n >= 0) return rh + rl;
  // 1 / (rh + rl): a first quotient, then the remainder's correction
  const q = 1 / rh;
  ddMul(q, 0, rh, rl);
  const r = 1 - ddHi - ddLo;
  return q + r / rh;
}

/** Integer floor division; b !== 0 is checked by the caller. */
export function intIdiv(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") return Math.floor(a / b) + 0;
  const x = toBig(a);
  const y = toBig(b);
  let q = x / y;
  if (q * y !== x && (x < 0n) !== (y < 0n)) q -= 1n;
  return wrapInt(q);
}

export function intMod(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r + 0;
  }
  const x = toBig(a);
  const y = toBig(b);
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return wrapInt(r);
}

export function fltIdiv(a: number, b: number): LuaNumber {
  return mkFloat(Math.floor(a / b));
}

/** Float modulo as C's fmod, adjusted to the sign of the divisor (luai_nummod). */
export function fltMod(a: number, b: number): LuaNumber {
  let m = a % b;
  if (m !== m) {
    // glibc's fmod: a NaN operand comes back as it is (the first one), an invalid
    // operation (a infinite or b zero) gives the default NaN
    if (a !== a) return a;
    if (b !== b) return b;
    return negativeNaN();
  }
  // as lua5.4: adjust only when the result and the divisor have opposite signs
  if (m > 0 ? b < 0 : m < 0 && b > 0) m += b;
  return mkFloat(m);
}

export function numUnm(a: LuaNumber): LuaNumber {
  if (typeof a === "number") return Number.isInteger(a) ? 0 - a : negateFloat(a);
  if (typeof a === "bigint") return wrapInt(-a);
  return new LFloat(-a.n);
}

// ---- bitwise (operands already converted to integers) ----

function inInt32(x: number | bigint): x is number {
  return typeof x === "number" && x >= -2147483648 && x <= 2147483647;
}

export function intBand(a: number | bigint, b: number | bigint): number | bigint {
  if (inInt32(a) && inInt32(b)) return a & b;
  return wrapInt(toBig(a) & toBig(b));
}
export function intBor(a: number | bigint, b: number | bigint): number | bigint {
  if (inInt32(a) && inInt32(b)) return a | b;
  return wrapInt(toBig(a) | toBig(b));
}
export function intBxor(a: number | bigint, b: number | bigint): number | bigint {
  if (inInt32(a) && inInt32(b)) return a ^ b;
  return wrapInt(toBig(a) ^ toBig(b));
}
export function intBnot(a: number | bigint): number | bigint {
  if (typeof a === "number") return -a - 1;
  return wrapInt(~a);
}

const U64 = (1n << 64n) - 1n;

export function intShl(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === "bigint") return 0;
  if (n < 0) return intShr(a, -n);
  if (n >= 64) return 0;
  if (typeof a === "number" && a >= 0 && n < 53) {
    const r = a * 2 ** n;
    if (r <= MAX_SAFE) return r;
  }
  return wrapInt((toBig(a) << BigInt(n)) & U64);
}

export function intShr(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === "bigint") return 0;
  if (n < 0) return intShl(a, -n);
  if (n >= 64) return 0;
  if (typeof a === "number" && a >= 0) return Math.floor(a / 2 ** n);
  return wrapInt((toBig(a) & U64) >> BigInt(n));
}

/** Converts a float operand of a bitwise operator (exact integral value required). */
export function bitOperand(v: LuaNumber): number | bigint | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "bigint") return v;
  return floatToInt(v.n);
}

// ---- comparisons between numbers (exact across subtypes) ----

function cmpVal(v: LuaNumber): number | bigint {
  return v instanceof LFloat ? v.n : v;
}

export function numLt(a: LuaNumber, b: LuaNumber): boolean {
  return cmpVal(a) < cmpVal(b);
}
export function numLe(a: LuaNumber, b: LuaNumber): boolean {
  return cmpVal(a) <= cmpVal(b);
}
export function numEq(a: LuaNumber, b: LuaNumber): boolean {
  // loose equality compares a bigint and a number by mathematical value
  return cmpVal(a) == cmpVal(b);
}
