// The math library (lmathlib.c of Lua 5.4, with the LUA_COMPAT_MATHLIB functions that the
// reference lua5.4 build carries: cosh, sinh, tanh, pow, frexp, ldexp, log10, atan2).
// Integer-typed arguments (JS integer numbers, bigints) keep integer results where Lua's
// lua_isinteger paths do; strings always go the float way, as luaL_checknumber makes them.
import { LuaTable } from "../core/table.js";
import { cPow } from "../core/arith.js";
import { Multi } from "../core/multi.js";
import { LFloat, LuaNumber, MAXINT, MININT, absFloat, floatToInt, mkFloat, negativeNaN, normInt, positiveIfNaN, str2number, toF, toIntExact, wrapInt } from "../core/numbers.js";
import { argError, checkInteger, checkNumber, libError } from "./aux.js";
import { lessThan } from "./table.js";
import { Xoshiro, smear32 } from "./xoshiro.js";
import { builtins } from "../core/values.js";

const MAX_SAFE = 9007199254740991;
const TWO32 = 4294967296;

function present(args: IArguments): boolean {
  return args.length > 0;
}

/** glibc's functions return a NaN argument as it is (keeping its sign). For an argument out
 *  of the domain, log and log2 give x86's default NaN ("-nan"), log10, asin and acos a
 *  positive one (numbers.ts: NaN signs). */
const keepNaN =
  (f: (x: number) => number) =>
  (x: number): number =>
    x !== x ? x : f(x);
const orPositiveNaN =
  (f: (x: number) => number) =>
  (x: number): number =>
    positiveIfNaN(f(x));

const cLog = keepNaN((x) => (x < 0 ? negativeNaN() : Math.log(x)));
const cLog2 = keepNaN((x) => (x < 0 ? negativeNaN() : Math.log2(x)));
const cLog10 = keepNaN(orPositiveNaN(Math.log10));
const cAsin = keepNaN(orPositiveNaN(Math.asin));
const cAcos = keepNaN(orPositiveNaN(Math.acos));

/** lua_Number → Lua value that is an integer when the value fits (pushnumint). */
function numint(d: number): LuaNumber {
  const i = floatToInt(d);
  return i !== undefined ? i : mkFloat(d);
}

/** A float argument (luaL_checknumber) as a JS double. */
function fnum(v: unknown, arg: number, fname: string, present = true): number {
  if (typeof v === "number") return v;
  return toF(checkNumber(v, arg, fname, present));
}

function isIntType(v: unknown): v is number | bigint {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

function abs(x: unknown): unknown {
  if (typeof x === "number") {
    if (Number.isInteger(x)) return x < 0 ? -x : x;
    return absFloat(x);
  }
  if (typeof x === "bigint") return x < 0n ? wrapInt(-x) : x;
  return mkFloat(absFloat(fnum(x, 1, "math.abs", present(arguments))));
}

function ceil(x: unknown): unknown {
  if (isIntType(x)) return x;
  return numint(Math.ceil(fnum(x, 1, "math.ceil", present(arguments))));
}

function floor(x: unknown): unknown {
  if (isIntType(x)) return x;
  return numint(Math.floor(fnum(x, 1, "math.floor", present(arguments))));
}

function fmod(a: unknown, b: unknown): unknown {
  if (isIntType(a) && isIntType(b)) {
    if (b === 0) throw argError(2, "math.fmod", "zero");
    if (b === -1) return 0;
    if (typeof a === "number" && typeof b === "number") return (a % b) + 0;
    return normInt(BigInt(a) % BigInt(b));
  }
  // C evaluates fmod's two luaL_checknumber calls right to left
  const y = fnum(b, 2, "math.fmod", arguments.length > 1);
  const x = fnum(a, 1, "math.fmod", present(arguments));
  const r = x % y;
  if (r !== r) {
    // glibc: a NaN operand comes back as it is; an invalid operation (x infinite or
    // y zero) gives the default NaN
    if (x !== x) return x;
    if (y !== y) return y;
    return negativeNaN();
  }
  return mkFloat(r);
}

function modf(x: unknown): unknown {
  if (isIntType(x)) return new Multi([x, new LFloat(0)]);
  const n = fnum(x, 1, "math.modf", present(arguments));
  const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
  return new Multi([numint(ip), mkFloat(n === ip ? 0 : n - ip)]);
}

function sqrt(x: unknown): unknown {
  return mkFloat(Math.sqrt(fnum(x, 1, "math.sqrt", present(arguments))));
}

function exp(x: unknown): unknown {
  return mkFloat(Math.exp(fnum(x, 1, "math.exp", present(arguments))));
}

function log(x: unknown, base: unknown): unknown {
  const v = fnum(x, 1, "math.log", present(arguments));
  if (base === undefined) return mkFloat(cLog(v));
  const b = fnum(base, 2, "math.log");
  if (b === 2) return mkFloat(cLog2(v));
  if (b === 10) return mkFloat(cLog10(v));
  return mkFloat(cLog(v) / cLog(b));
}

function sin(x: unknown): unknown {
  return mkFloat(Math.sin(fnum(x, 1, "math.sin", present(arguments))));
}

function cos(x: unknown): unknown {
  return mkFloat(Math.cos(fnum(x, 1, "math.cos", present(arguments))));
}

function tan(x: unknown): unknown {
  return mkFloat(Math.tan(fnum(x, 1, "math.tan", present(arguments))));
}

function asin(x: unknown): unknown {
  return mkFloat(cAsin(fnum(x, 1, "math.asin", present(arguments))));
}

function acos(x: unknown): unknown {
  return mkFloat(cAcos(fnum(x, 1, "math.acos", present(arguments))));
}

function atan(y: unknown, x: unknown): unknown {
  const a = fnum(y, 1, "math.atan", present(arguments));
  const b = x === undefined ? 1 : fnum(x, 2, "math.atan");
  return mkFloat(Math.atan2(a, b));
}

function atan2(y: unknown, x: unknown): unknown {
  const a = fnum(y, 1, "math.atan2", present(arguments));
  const b = x === undefined ? 1 : fnum(x, 2, "math.atan2");
  return mkFloat(Math.atan2(a, b));
}

function deg(x: unknown): unknown {
  return mkFloat(fnum(x, 1, "math.deg", present(arguments)) * (180 / Math.PI));
}

function rad(x: unknown): unknown {
  return mkFloat(fnum(x, 1, "math.rad", present(arguments)) * (Math.PI / 180));
}

/** lua_tointegerx: numbers with an exact integer value and numeric strings. */
function tointeger(x: unknown): unknown {
  if (typeof x === "number") {
    if (Number.isInteger(x)) return x;
  } else if (typeof x === "bigint") return x;
  else if (x instanceof LFloat) {
    const i = floatToInt(x.n);
    if (i !== undefined) return i;
  } else if (typeof x === "string") {
    const n = str2number(x);
    const i = n === undefined ? undefined : toIntExact(n);
    if (i !== undefined) return i;
  } else if (arguments.length === 0) throw argError(1, "math.tointeger", "value expected");
  return undefined;
}

function type(x: unknown): unknown {
  if (typeof x === "number") return Number.isInteger(x) ? "integer" : "float";
  if (typeof x === "bigint") return "integer";
  if (x instanceof LFloat) return "float";
  if (arguments.length === 0) throw argError(1, "math.type", "value expected");
  return undefined;
}

function ult(a: unknown, b: unknown): unknown {
  const x = checkInteger(a, 1, "math.ult", present(arguments));
  const y = checkInteger(b, 2, "math.ult", arguments.length > 1);
  return x < 0 === y < 0 ? x < y : y < 0;
}

function min(...args: unknown[]): unknown {
  const n = args.length;
  if (n < 1) throw argError(1, "math.min", "value expected");
  let imin = 0;
  for (let i = 1; i < n; i++) if (lessThan(args[i], args[imin])) imin = i;
  return args[imin];
}

function max(...args: unknown[]): unknown {
  const n = args.length;
  if (n < 1) throw argError(1, "math.max", "value expected");
  let imax = 0;
  for (let i = 1; i < n; i++) if (lessThan(args[imax], args[i])) imax = i;
  return args[imax];
}

// ---- deprecated functions (LUA_COMPAT_MATHLIB) ----

function cosh(x: unknown): unknown {
  return mkFloat(Math.cosh(fnum(x, 1, "math.cosh", present(arguments))));
}

function sinh(x: unknown): unknown {
  return mkFloat(Math.sinh(fnum(x, 1, "math.sinh", present(arguments))));
}

function tanh(x: unknown): unknown {
  return mkFloat(Math.tanh(fnum(x, 1, "math.tanh", present(arguments))));
}

function pow(x: unknown, y: unknown): unknown {
  const a = fnum(x, 1, "math.pow", present(arguments));
  const b = fnum(y, 2, "math.pow", arguments.length > 1);
  return mkFloat(cPow(a, b));
}

function log10(x: unknown): unknown {
  return mkFloat(cLog10(fnum(x, 1, "math.log10", present(arguments))));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the high word

/** C frexp: x = m * 2^e with 0.5 <= |m| < 1. */
function frexpParts(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let adj = 0;
  f64[0] = x;
  if (((u32[HI] >>> 20) & 0x7ff) === 0) {
    // subnormal: scale into the normal range first
    f64[0] = x * 18446744073709551616; // 2^64
    adj = -64;
  }
  const e = ((u32[HI] >>> 20) & 0x7ff) - 1022;
  u32[HI] = (u32[HI] & 0x800fffff) | (1022 << 20);
  return [f64[0], e + adj];
}

function frexp(x: unknown): unknown {
  const [m, e] = frexpParts(fnum(x, 1, "math.frexp", present(arguments)));
  return new Multi([mkFloat(m), e]);
}

/** C scalbn/ldexp, exact including the subnormal range (as musl does it). */
function scalbn(x: number, n: number): number {
  if (n > 1023) {
    x *= 2 ** 1023;
    n -= 1023;
    if (n > 1023) {
      x *= 2 ** 1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    x *= 2 ** -1022 * 2 ** 53;
    n += 1022 - 53;
    if (n < -1022) {
      x *= 2 ** -1022 * 2 ** 53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return x * 2 ** n;
}

function ldexp(x: unknown, e: unknown): unknown {
  const m = fnum(x, 1, "math.ldexp", present(arguments));
  const i = checkInteger(e, 2, "math.ldexp", arguments.length > 1);
  // (int) cast of the lua_Integer
  const n = typeof i === "number" && i >= -2147483648 && i <= 2147483647 ? i : Number(BigInt.asIntN(32, BigInt(i)));
  return mkFloat(scalbn(m, n));
}

// ---- pseudo-random numbers (xoshiro256**) ----

const gen = new Xoshiro();
/** Whether this state's generator has been seeded. A state's seed is drawn when math.random
 *  or math.randomseed is first called, not when the state is made: the seed comes from the
 *  clock and Math.random, so no program can tell, and most never draw a random number. */
let seeded = false;

function fullInt(): number | bigint {
  const h = gen.h;
  if (h < 0x200000) return h * TWO32 + gen.l;
  return wrapInt(gen.big());
}

/** A uniform integer in [0, n] for 0 <= n <= 2^53-1 (Lua's project). */
function projectSmall(n: number): number {
  if (n < TWO32) {
    const lim = smear32(n);
    let r = (gen.l & lim) >>> 0;
    while (r > n) {
      gen.next();
      r = (gen.l & lim) >>> 0;
    }
    return r;
  }
  const limH = smear32(Math.floor(n / TWO32));
  let r = ((gen.h & limH) >>> 0) * TWO32 + gen.l;
  while (r > n) {
    gen.next();
    r = ((gen.h & limH) >>> 0) * TWO32 + gen.l;
  }
  return r;
}

/** The same over the whole unsigned 64-bit range. */
function projectBig(n: bigint): bigint {
  let lim = n;
  if ((lim & (lim + 1n)) > 0n) {
    lim |= lim >> 1n;
    lim |= lim >> 2n;
    lim |= lim >> 4n;
    lim |= lim >> 8n;
    lim |= lim >> 16n;
    lim |= lim >> 32n;
  }
  let r = gen.big() & lim;
  while (r > n) {
    gen.next();
    r = gen.big() & lim;
  }
  return r;
}

function random(m: unknown, n: unknown): unknown {
  if (!seeded) randseed();
  gen.next();
  let low: number | bigint;
  let up: number | bigint;
  switch (arguments.length) {
    case 0:
      return mkFloat(gen.float());
    case 1:
      low = 1;
      up = checkInteger(m, 1, "math.random");
      if (up === 0) return fullInt();
      break;
    case 2:
      low = checkInteger(m, 1, "math.random");
      up = checkInteger(n, 2, "math.random");
      break;
    default:
      throw libError("math.random", "wrong number of arguments");
  }
  if (!(low <= up)) throw argError(1, "math.random", "interval is empty");
  if (typeof low === "number" && typeof up === "number") {
    const d = up - low;
    if (d <= MAX_SAFE) return low + projectSmall(d);
  }
  const d = BigInt.asUintN(64, BigInt(up) - BigInt(low));
  return wrapInt(projectBig(d) + BigInt(low));
}

function setseed(n1: number | bigint, n2: number | bigint): void {
  gen.seed(n1, n2);
  seeded = true;
}

function randseed(): [number | bigint, number | bigint] {
  const n1 = Math.floor(Date.now() / 1000);
  const n2 = 0x550000000000 + Math.floor(Math.random() * 0x10000000) * 16;
  setseed(n1, n2);
  return [n1, n2];
}

function randomseed(a: unknown, b: unknown): unknown {
  if (arguments.length === 0) return new Multi(randseed());
  const n1 = checkInteger(a, 1, "math.randomseed");
  const n2 = b === undefined ? 0 : checkInteger(b, 2, "math.randomseed");
  setseed(n1, n2);
  return new Multi([n1, n2]);
}

/** Registers the math library into the globals table. */
export function openMath(G: LuaTable): void {
  const M = LuaTable.library({
    abs, acos, asin, atan, ceil, cos, deg, exp, tointeger, floor, fmod, ult, log, max, min, modf, rad, sin, sqrt,
    tan, type, atan2, cosh, sinh, tanh, pow, frexp, ldexp, log10, random, randomseed,
    pi: Math.PI, huge: Infinity, maxinteger: MAXINT, mininteger: MININT,
  });
  Object.assign(builtins, { mathSqrt: sqrt, mathFloor: floor, mathAbs: abs, mathMax: max, mathMin: min });
  // (a new state draws a new seed, at its first use)
  seeded = false;
  G.setField("math", M);
}

