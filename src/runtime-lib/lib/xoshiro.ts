// xoshiro256** — the pseudo-random generator of Lua 5.4's math library (lmathlib.c), on
// 32-bit halves: each 64-bit word of the state is a pair (high, low) of uint32 numbers.
// Plain number arithmetic on halves is several times faster than BigInt in V8.

const TWO32 = 4294967296;

export class Xoshiro {
  // state words 0..3 as high/low halves
  private s0h = 0;
  private s0l = 0;
  private s1h = 0;
  private s1l = 0;
  private s2h = 0;
  private s2l = 0;
  private s3h = 0;
  private s3l = 0;
  /** the last value produced by next(), high and low halves */
  h = 0;
  l = 0;

  /** Advances the state; the result is left in h/l. */
  next(): void {
    const s0h = this.s0h, s0l = this.s0l;
    const s1h = this.s1h, s1l = this.s1l;
    const s2h = (this.s2h ^ s0h) >>> 0, s2l = (this.s2l ^ s0l) >>> 0;
    const s3h = (this.s3h ^ s1h) >>> 0, s3l = (this.s3l ^ s1l) >>> 0;
    // res = rotl(s1 * 5, 7) * 9
    let lo = s1l * 5;
    let ml = lo >>> 0;
    let mh = (s1h * 5 + Math.floor(lo / TWO32)) >>> 0;
    const rh = ((mh << 7) | (ml >>> 25)) >>> 0;
    const rl = ((ml << 7) | (mh >>> 25)) >>> 0;
    lo = rl * 9;
    this.l = lo >>> 0;
    this.h = (rh * 9 + Math.floor(lo / TWO32)) >>> 0;
    this.s0h = (s0h ^ s3h) >>> 0;
    this.s0l = (s0l ^ s3l) >>> 0;
    this.s1h = (s1h ^ s2h) >>> 0;
    this.s1l = (s1l ^ s2l) >>> 0;
    // s2 ^= s1 << 17
    this.s2h = (s2h ^ ((s1h << 17) | (s1l >>> 15))) >>> 0;
    this.s2l = (s2l ^ (s1l << 17)) >>> 0;
    // s3 = rotl(s3, 45)
    this.s3h = ((s3h >>> 19) | (s3l << 13)) >>> 0;
    this.s3l = ((s3l >>> 19) | (s3h << 13)) >>> 0;
  }

  /** Lua's setseed: state = {n1, 0xff, n2, 0} (as unsigned 64-bit words), then 16 values
   *  discarded. */
  seed(n1: number | bigint, n2: number | bigint): void {
    this.s0h = high(n1);
    this.s0l = low(n1);
    this.s1h = 0;
    this.s1l = 0xff;
    this.s2h = high(n2);
    this.s2l = low(n2);
    this.s3h = 0;
    this.s3l = 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** The last value as a float in [0, 1): its high 53 bits times 2^-53 (I2d). */
  float(): number {
    return (this.h * 2097152 + (this.l >>> 11)) * 1.1102230246251565e-16;
  }

  /** The last value as an unsigned bigint. */
  big(): bigint {
    return (BigInt(this.h) << 32n) | BigInt(this.l);
  }
}

/** The high and low halves of an integer as an unsigned 64-bit word (two's complement). A
 *  non-negative safe integer, the usual seed, is split without BigInt, which is slow to start. */
function high(n: number | bigint): number {
  if (typeof n === "number" && n >= 0 && n <= Number.MAX_SAFE_INTEGER) return Math.floor(n / TWO32);
  return Number(BigInt.asUintN(64, BigInt(n)) >> 32n);
}

function low(n: number | bigint): number {
  if (typeof n === "number" && n >= 0 && n <= Number.MAX_SAFE_INTEGER) return n % TWO32;
  return Number(BigInt.asUintN(64, BigInt(n)) & 0xffffffffn);
}

/** The smallest 2^b - 1 not below n, for n < 2^32. */
export function smear32(n: number): number {
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  return n >>> 0;
}
