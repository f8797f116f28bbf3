// Exact decimal and hexadecimal conversions of doubles as glibc's printf produces them:
// digits of the exact binary value rounded half-to-even (JS's toFixed/toExponential round
// ties away from zero), used by tostring ("%.14g") and string.format.

const HEXDIG = "0123456789abcdef";
/** two hex digits per byte value */
export const HEX2: string[] = [];
for (let i = 0; i < 256; i++) HEX2.push(HEXDIG[i >> 4] + HEXDIG[i & 15]);

// ---- exact decimal conversions of doubles ----

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Number of binary digits after the point in the exact value of a finite x > 0. */
function fracBits(x: number): number {
  f64[0] = x;
  const lo = u32[0];
  const hi = u32[1];
  const be = (hi >>> 20) & 0x7ff;
  const e2 = be === 0 ? -1074 : be - 1075;
  let tz: number;
  if (lo !== 0) tz = 31 - Math.clz32(lo & -lo);
  else {
    const h = (hi & 0xfffff) | (be === 0 ? 0 : 0x100000);
    tz = 63 - Math.clz32(h & -h);
  }
  const k = -(e2 + tz);
  return k > 0 ? k : 0;
}

function isEvenDigit(ch: string): boolean {
  return ((ch.charCodeAt(0) - 48) & 1) === 0;
}

/** exact powers of ten as doubles */
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

/** Zeros to pad with (widths and precisions have at most two digits). */
export const ZEROS = "0".repeat(128);

// Digit strings by table: formatting a number builds its text from a few table entries
// instead of converting each part with String() and slicing the result.

/** SMALL[n]: the digits of n < 1000; DOTTED[n]: the same followed by "." */
const SMALL: string[] = [];
const DOTTED: string[] = [];
/** Z1, Z2, Z3[n]: n in exactly one, two or three digits, zero-padded */
const Z1: string[] = [];
const Z2: string[] = [];
const Z3: string[] = [];
/** NEG_SMALL[n]: "-" and the digits of n < 1000 */
const NEG_SMALL: string[] = [];
for (let i = 0; i < 1000; i++) {
  const d = String(i);
  SMALL.push(d);
  NEG_SMALL.push("-" + d);
  DOTTED.push(d + ".");
  Z3.push(i < 10 ? "00" + d : i < 100 ? "0" + d : d);
  if (i < 100) Z2.push(i < 10 ? "0" + d : d);
  if (i < 10) Z1.push(d);
}

/** The decimal digits of an integer 0 <= r < 2^53, put together from the tables. Not by
 *  String(r): V8 keeps each number it converts in its number-string cache, a long-lived array
 *  whose entries (new strings) then survive every young-generation collection; a program
 *  formatting many numbers had its collections copying and promoting thousands of them. */
export function digitString(r: number): string {
  if (r < 1000) return SMALL[r];
  if (r < 1000000) {
    const hi = Math.floor(r / 1000);
    return SMALL[hi] + Z3[r - hi * 1000];
  }
  const hi = Math.floor(r / 1000000);
  return digitString(hi) + zeroPadded(r - hi * 1000000, 6);
}

/** The decimal digits of any safe integer (a Lua integer held as a JS number). */
export function intString(v: number): string {
  if (v >= 0) return v < 1000 ? SMALL[v] : digitString(v);
  return v > -1000 ? NEG_SMALL[-v] : "-" + digitString(-v);
}

/** An integer 0 <= n < 10^w in exactly w digits. */
function zeroPadded(n: number, w: number): string {
  if (w <= 3) return w === 3 ? Z3[n] : w === 2 ? Z2[n] : w === 1 ? Z1[n] : "";
  const hi = Math.floor(n / 1000);
  return zeroPadded(hi, w - 3) + Z3[n - hi * 1000];
}

/** An integer 0 <= r < 2^53 with its last f >= 1 digits after a decimal point: the integer
 *  part has at least one digit, the fraction exactly f. */
function pointed(r: number, f: number): string {
  const p = POW10[f];
  const ip = Math.floor(r / p);
  return (ip < 1000 ? DOTTED[ip] : digitString(ip) + ".") + zeroPadded(r - ip * p, f);
}

/** %.Pf of a finite x >= 0 (digits only). JS's toFixed is exact but rounds ties away from
 *  zero; C rounds them to even. A tie happens exactly when x has P+1 binary fraction digits. */
export function fixedDigits(x: number, P: number): string {
  if (P <= 22) {
    const f = fastFixed(x, P);
    if (f !== null) return f;
  }
  if (x >= 1e21) return BigInt(x).toString() + (P > 0 ? "." + "0".repeat(P) : "");
  if (P >= 100) return exactFixed(x, P);
  const s = x.toFixed(P);
  if (x !== 0 && fracBits(x) === P + 1) {
    const t = x.toFixed(P + 1); // exact: ends in the tie digit 5
    let tr = t.slice(0, -1);
    if (P === 0) tr = tr.slice(0, -1);
    if (isEvenDigit(tr[tr.length - 1])) return tr;
  }
  return s;
}

// Fast paths: scale by an exact power of ten (one correctly rounded operation, so the scaled
// value is within half an ulp of the exact product) and round to an integer. When the
// fraction is too close to one half to decide, the rounding error of a product settles it;
// a quotient falls back to the exact conversions.

/** The scaled value y = x * p (p = 0: y is a quotient) rounded to an integer as the exact
 *  value would round, ties to even; -1 when a quotient is too close to a half-way point. */
function roundScaled(y: number, x: number, p: number): number {
  const fl = Math.floor(y);
  // exact: the fraction of y and one half are multiples of y's ulp
  const d = y - fl - 0.5;
  if (Math.abs(d) > y * 4.5e-16) return d > 0 ? fl + 1 : fl;
  if (p === 0) return -1;
  // the exact product is y + e; the rounded sum d + e has the sign of the exact one
  const t = d + productError(x, p, y);
  if (t !== 0) return t > 0 ? fl + 1 : fl;
  return fl % 2 === 0 ? fl : fl + 1;
}

/** Dekker's two-product: the exact x * p minus its rounded value y, itself a double (both
 *  factors split into halves of 26 bits whose products are exact; no overflow here: x and
 *  p are below 1e300, and y is at least one half). */
function productError(x: number, p: number, y: number): number {
  let c = 134217729 * x;
  const xh = c - (c - x);
  const xl = x - xh;
  c = 134217729 * p;
  const ph = c - (c - p);
  const pl = p - ph;
  return xh * ph - y + xh * pl + xl * ph + xl * pl;
}

function fastFixed(x: number, P: number): string | null {
  const y = x * POW10[P];
  if (!(y < 1e15)) return null;
  const r = roundScaled(y, x, POW10[P]);
  if (r < 0) return null;
  // r < 2^53: the quotient's floor and the product are exact
  return P === 0 ? digitString(r) : pointed(r, P);
}

/** The decimal exponent that goes with the last result of fastSig or expDigits. */
let lastExp = 0;

/** The exponent of the last expDigits result. */
export function expOf(): number {
  return lastExp;
}

/** x > 0 rounded to P+1 significant digits, as an integer in [10^P, 10^(P+1)) with its
 *  exponent in lastExp; -1 when the fast path cannot decide (then use the exact one). */
function fastSig(x: number, P: number): number {
  // floor(log10(x)) or one less (for x less than 6% above a power of ten), from the binary
  // exponent and fraction f: log2(1 + f) >= f; cheaper than Math.log10
  f64[0] = x;
  const hi = u32[1];
  const be = (hi >>> 20) & 0x7ff;
  if (be === 0) return -1;
  let E = Math.floor((be - 1023 + (hi & 0xfffff) * (1 / 1048576)) * 0.3010299956639812);
  let k = P - E;
  if (k > 22 || k < -22) return -1;
  let y = k >= 0 ? x * POW10[k] : x / POW10[-k];
  if (y >= POW10[P + 1] || y < POW10[P]) {
    if (y < POW10[P]) {
      E--;
      k++;
    } else {
      E++;
      k--;
    }
    if (k > 22 || k < -22) return -1;
    y = k >= 0 ? x * POW10[k] : x / POW10[-k];
  }
  let r = roundScaled(y, x, k >= 0 ? POW10[k] : 0);
  if (r < 0) return -1;
  if (r === POW10[P + 1]) {
    r = POW10[P];
    E++;
  }
  if (r < POW10[P] || r >= POW10[P + 1]) return -1;
  lastExp = E;
  return r;
}

/** %.Pf by exact big-integer arithmetic (ties to even), for precisions toFixed refuses. */
function exactFixed(x: number, P: number): string {
  f64[0] = x;
  const lo = u32[0];
  const hi = u32[1];
  const be = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff | (be === 0 ? 0 : 0x100000)) << 32n) | BigInt(lo);
  const e2 = be === 0 ? -1074 : be - 1075;
  let q: bigint;
  const scaled = m * 10n ** BigInt(P);
  if (e2 >= 0) q = scaled << BigInt(e2);
  else {
    const sh = BigInt(-e2);
    q = scaled >> sh;
    const r = scaled - (q << sh);
    const half = 1n << (sh - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q++;
  }
  const d = q.toString().padStart(P + 1, "0");
  return d.slice(0, d.length - P) + (P > 0 ? "." + d.slice(d.length - P) : "");
}

/** %.Pe of a finite x >= 0: the mantissa digits ("d.ddd"); the decimal exponent is then
 *  expOf(). */
export function expDigits(x: number, P: number): string {
  if (x === 0) {
    lastExp = 0;
    return P > 0 ? "0." + "0".repeat(P) : "0";
  }
  if (P <= 14) {
    const r = fastSig(x, P);
    if (r >= 0) return P > 0 ? pointed(r, P) : SMALL[r];
  }
  const s = x.toExponential(P);
  const ei = s.indexOf("e");
  const E = parseInt(s.slice(ei + 1), 10);
  lastExp = E;
  if (maybeTie(x, P, E)) {
    const t = x.toExponential(P + 1);
    const ti = t.indexOf("e");
    if (t.charCodeAt(ti - 1) === 53 /* 5 */) {
      const e10 = parseInt(t.slice(ti + 1), 10);
      const k = fracBits(x);
      let tie: boolean;
      if (k > 0) tie = e10 + 1 + k === P + 2;
      else {
        const d = (x < 9007199254740992 ? String(x) : BigInt(x).toString()).replace(/0+$/, "");
        tie = d.length === P + 2;
      }
      if (tie) {
        let tm = t.slice(0, ti - 1);
        if (P === 0) tm = tm.slice(0, -1);
        if (isEvenDigit(tm[tm.length - 1])) {
          lastExp = e10;
          return tm;
        }
      }
    }
  }
  return s.slice(0, ei);
}

/** Cheap filter: can x have exactly P+2 significant decimal digits ending in 5? E is the
 *  exponent of x rounded to P+1 digits: floor(log10(x)), or one more after a carry. */
function maybeTie(x: number, P: number, E: number): boolean {
  const k = fracBits(x);
  if (k > 0) return Math.abs(E + 1 + k - (P + 2)) <= 1;
  return E + 2 >= P + 2;
}

/** "e-99".."e+99" and "E-99".."E+99" by exponent + 99 */
const EXP_LOWER: string[] = [];
const EXP_UPPER: string[] = [];
for (let e = -99; e <= 99; e++) {
  const t = (e < 0 ? "-" : "+") + Z2[e < 0 ? -e : e];
  EXP_LOWER.push("e" + t);
  EXP_UPPER.push("E" + t);
}

export function expSuffix(e: number, upper: boolean): string {
  if (e > -100 && e < 100) return (upper ? EXP_UPPER : EXP_LOWER)[e + 99];
  return (upper ? "E" : "e") + (e < 0 ? "-" : "+") + Math.abs(e);
}

function stripFracZeros(m: string): string {
  if (m.indexOf(".") < 0) return m;
  let i = m.length;
  while (m.charCodeAt(i - 1) === 48) i--;
  if (m.charCodeAt(i - 1) === 46) i--;
  return m.slice(0, i);
}

/** %g of a finite x >= 0. The %f form (precision P-1-X) has exactly the digits of the %e
 *  form (precision P-1): both round at the same decimal position. */
export function gDigits(x: number, P: number, alt: boolean, upper: boolean): string {
  if (P === 0) P = 1;
  if (x === 0) {
    if (!alt) return "0";
    return P > 1 ? "0." + "0".repeat(P - 1) : "0.";
  }
  if (!alt && P <= 15) {
    const r = fastSig(x, P - 1);
    if (r >= 0) return shortG(r, P, lastExp, upper);
  }
  let mant = expDigits(x, P - 1);
  const X = lastExp;
  let s: string;
  if (P > X && X >= -4) {
    const digits = P > 1 ? mant[0] + mant.slice(2) : mant;
    if (X >= 0) s = X + 1 < P ? digits.slice(0, X + 1) + "." + digits.slice(X + 1) : digits;
    else s = "0." + "0".repeat(-X - 1) + digits;
    if (!alt) s = stripFracZeros(s);
    else if (s.indexOf(".") < 0) s += ".";
  } else {
    if (!alt) mant = stripFracZeros(mant);
    else if (X === P && x < Math.pow(10, P)) mant = "1."; // glibc: rounding up to 10^P from %f style
    else if (mant.indexOf(".") < 0) mant += ".";
    s = mant + expSuffix(X, upper);
  }
  return s;
}

/** %g without '#' from the P significant digits r (an integer) and the exponent X:
 *  trailing zeros of the fraction are dropped by arithmetic before any string is built. */
function shortG(r: number, P: number, X: number, upper: boolean): string {
  if (P > X && X >= -4) {
    // fixed style: zeros of the fraction go (X + 1 integer digits stay, at least one)
    const z = trailingZeros(r, X >= 0 ? P - X - 1 : P - 1);
    if (z > 0) r /= POW10[z];
    const nd = P - z;
    if (X < 0) return SMALL_FRACTION[-X - 1] + digitString(r);
    return nd === X + 1 ? digitString(r) : pointed(r, nd - X - 1);
  }
  const z = trailingZeros(r, P - 1);
  if (z > 0) r /= POW10[z];
  return (P - z > 1 ? pointed(r, P - z - 1) : SMALL[r]) + expSuffix(X, upper);
}

/** How many zero digits end the integer 0 < r < 2^53, at most max (r % 10 on a double
 *  beyond 32 bits is a slow fmod: the low eight digits are taken once instead). */
function trailingZeros(r: number, max: number): number {
  let z = 0;
  if (r >= 2147483648) {
    let hi = Math.floor(r / 100000000);
    let lo = r - hi * 100000000;
    while (lo === 0 && z + 8 <= max) {
      z += 8;
      r = hi;
      hi = Math.floor(r / 100000000);
      lo = r - hi * 100000000;
    }
    // eight more zeros than max allows: max is the answer
    if (lo === 0) return max;
    r = lo;
  }
  let n = r | 0;
  while (z < max && n % 10 === 0) {
    n = (n / 10) | 0;
    z++;
  }
  return z;
}

/** what comes before the digits of %g in fixed style for exponents -1 to -4 */
const SMALL_FRACTION = ["0.", "0.0", "0.00", "0.000"];

/** the leading digit of %a (2 after rounding up 1.fff...) with the point */
const LEAD_POINT = ["0.", "1.", "2."];

/** glibc's %a of a finite x >= 0 without the "0x": prec < 0 means as many digits as needed. */
export function hexDigits(x: number, prec: number, alt: boolean): string {
  let lead: number;
  let exp: number;
  let frac: string;
  if (x === 0) {
    lead = 0;
    exp = 0;
    frac = "";
  } else {
    f64[0] = x;
    const lo = u32[0];
    const hi = u32[1];
    const be = (hi >>> 20) & 0x7ff;
    lead = be === 0 ? 0 : 1;
    exp = be === 0 ? -1022 : be - 1023;
    // the 13 hex digits of the 52-bit fraction (the 5 of its high part when the rest is 0)
    const h = hi & 0xfffff;
    frac = HEXDIG[h >>> 16] + HEX2[(h >>> 8) & 255] + HEX2[h & 255];
    if (prec >= 0 || lo !== 0) frac += HEX2[lo >>> 24] + HEX2[(lo >>> 16) & 255] + HEX2[(lo >>> 8) & 255] + HEX2[lo & 255];
    if (prec < 0) {
      // only the significant digits
      let n = frac.length;
      while (n > 0 && frac.charCodeAt(n - 1) === 48) n--;
      if (n < frac.length) frac = frac.slice(0, n);
    }
  }
  if (prec < 0) {
    // as many digits as needed
  } else if (prec < frac.length) {
    const keep = frac.slice(0, prec);
    const next = parseInt(frac[prec], 16);
    const more = /[1-9a-f]/.test(frac.slice(prec + 1));
    const last = prec > 0 ? parseInt(keep[prec - 1], 16) : lead;
    frac = keep;
    if (next > 8 || (next === 8 && (more || (last & 1) === 1))) {
      // round up, carrying into the leading digit
      const digits = keep.split("").map((c) => parseInt(c, 16));
      let i = digits.length - 1;
      for (; i >= 0; i--) {
        if (digits[i] === 15) digits[i] = 0;
        else {
          digits[i]++;
          break;
        }
      }
      if (i < 0) lead++;
      frac = digits.map((d) => d.toString(16)).join("");
    }
  } else frac = frac.padEnd(prec, "0");
  const head = frac.length > 0 || alt ? LEAD_POINT[lead] + frac : HEXDIG[lead];
  return head + (exp < 0 ? "p-" + digitString(-exp) : "p+" + digitString(exp));
}
