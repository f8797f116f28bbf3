// string.pack, string.unpack and string.packsize (lstrlib.c), for the native ABI of x86-64
// Linux: little endian, int 4 bytes, short 2, long/size_t/lua_Integer/lua_Number 8,
// maximum alignment 8.
import { Multi } from "../core/multi.js";
import { mkFloat, normInt, plainNaN, positiveNaN } from "../core/numbers.js";
import { argError, checkInteger, checkNumber, checkString, libError, optInteger } from "./aux.js";

const MAXINTSIZE = 16;
const SZINT = 8;
const NATIVE_LITTLE = true;
const MAXALIGN = 8;
/** MAXSIZE of Lua 5.4.4's pack code: INT_MAX (sizes are C ints there) */
const MAXSIZE = 2147483647;

const enum K {
  Int,
  Uint,
  Float,
  Number,
  Double,
  Char,
  String,
  Zstr,
  Padding,
  Paddalign,
  Nop,
}

interface Header {
  fname: string;
  little: boolean;
  maxalign: number;
  fmt: string;
  pos: number; // read position in fmt
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** getnum: a numeral (without overflow: stops growing past MAXSIZE/10) or `df`. */
function getnum(h: Header, df: number): number {
  const f = h.fmt;
  if (!isDigit(f.charCodeAt(h.pos))) return df;
  let a = 0;
  do {
    a = a * 10 + (f.charCodeAt(h.pos++) - 48);
  } while (isDigit(f.charCodeAt(h.pos)) && a <= Math.floor((MAXSIZE - 9) / 10));
  return a;
}

function getnumlimit(h: Header, df: number): number {
  const sz = getnum(h, df);
  if (sz - 1 >= MAXINTSIZE || sz - 1 < 0) throw libError(h.fname, `integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
  return sz;
}

/** getoption: the next option and its size. */
function getoption(h: Header): [K, number] {
  const opt = h.fmt.charCodeAt(h.pos++);
  switch (opt) {
    case 98: // b
      return [K.Int, 1];
    case 66: // B
      return [K.Uint, 1];
    case 104: // h
      return [K.Int, 2];
    case 72: // H
      return [K.Uint, 2];
    case 108: // l
      return [K.Int, 8];
    case 76: // L
      return [K.Uint, 8];
    case 106: // j
      return [K.Int, 8];
    case 74: // J
      return [K.Uint, 8];
    case 84: // T
      return [K.Uint, 8];
    case 102: // f
      return [K.Float, 4];
    case 110: // n
      return [K.Number, 8];
    case 100: // d
      return [K.Double, 8];
    case 105: // i
      return [K.Int, getnumlimit(h, 4)];
    case 73: // I
      return [K.Uint, getnumlimit(h, 4)];
    case 115: // s
      return [K.String, getnumlimit(h, 8)];
    case 99: {
      // c
      const size = getnum(h, -1);
      if (size === -1) throw libError(h.fname, "missing size for format option 'c'");
      return [K.Char, size];
    }
    case 122: // z
      return [K.Zstr, 0];
    case 120: // x
      return [K.Padding, 1];
    case 88: // X
      return [K.Paddalign, 0];
    case 32: // ' '
      break;
    case 60: // <
      h.little = true;
      break;
    case 62: // >
      h.little = false;
      break;
    case 61: // =
      h.little = NATIVE_LITTLE;
      break;
    case 33: // !
      h.maxalign = getnumlimit(h, MAXALIGN);
      break;
    default:
      throw libError(h.fname, `invalid format option '${String.fromCharCode(opt)}'`);
  }
  return [K.Nop, 0];
}

/** getdetails: option, size and the padding needed to align it at `totalsize`. */
function getdetails(h: Header, totalsize: number): [K, number, number] {
  const [opt, size] = getoption(h);
  let align = size;
  if (opt === K.Paddalign) {
    if (h.pos >= h.fmt.length) throw argError(1, h.fname, "invalid next option for option 'X'");
    const [o2, s2] = getoption(h);
    align = s2;
    if (o2 === K.Char || align === 0) throw argError(1, h.fname, "invalid next option for option 'X'");
  }
  let ntoalign = 0;
  if (align > 1 && opt !== K.Char) {
    if (align > h.maxalign) align = h.maxalign;
    if ((align & (align - 1)) !== 0) throw argError(1, h.fname, "format asks for alignment not power of 2");
    ntoalign = (align - (totalsize & (align - 1))) & (align - 1);
  }
  return [opt, size, ntoalign];
}

function header(fname: string, fmt: string): Header {
  return { fname, little: NATIVE_LITTLE, maxalign: 1, fmt, pos: 0 };
}

/** The first NUL of the format ends it, as in C. */
function cfmt(f: string): string {
  const z = f.indexOf("\0");
  return z < 0 ? f : f.slice(0, z);
}

/** posrelatI of lstrlib.c: a start position, negative from the end, clipped to [1, inf). */
function posrelatI(pos: number | bigint, len: number): number {
  if (typeof pos === "bigint") return pos > 0n ? Number.MAX_SAFE_INTEGER : 1;
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

// ---- byte helpers ----

function intBytes(n: bigint, size: number, little: boolean, neg: boolean): string {
  const bytes = new Array<number>(size);
  let u = BigInt.asUintN(64, n);
  for (let i = 0; i < size; i++) {
    let b: number;
    if (i < SZINT) {
      b = Number(u & 0xffn);
      u >>= 8n;
    } else b = neg ? 0xff : 0;
    bytes[little ? i : size - 1 - i] = b;
  }
  return String.fromCharCode.apply(null, bytes);
}

function smallIntBytes(n: number, size: number, little: boolean): string {
  // 0 <= size <= 4 and n fits: plain number arithmetic
  let s = "";
  const bytes = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    bytes[little ? i : size - 1 - i] = n & 0xff;
    n >>= 8;
  }
  s = String.fromCharCode.apply(null, bytes);
  return s;
}

const fbuf = new DataView(new ArrayBuffer(8));

function floatBytes(x: number, size: number, little: boolean): string {
  if (x !== x) x = plainNaN(x);
  if (size === 4) fbuf.setFloat32(0, x, little);
  else fbuf.setFloat64(0, x, little);
  let s = "";
  for (let i = 0; i < size; i++) s += String.fromCharCode(fbuf.getUint8(i));
  return s;
}

function readFloat(data: string, pos: number, size: number, little: boolean): number {
  for (let i = 0; i < size; i++) fbuf.setUint8(i, data.charCodeAt(pos + i));
  const x = size === 4 ? fbuf.getFloat32(0, little) : fbuf.getFloat64(0, little);
  // (a NaN without the sign bit: made the NaN that prints "nan", numbers.ts: NaN signs)
  return x === x || (fbuf.getUint8(little ? size - 1 : 0) & 0x80) !== 0 ? x : positiveNaN();
}

// ---- pack ----

// ---- packsize ----

// ---- unpack ----

function unpackint(h: Header, data: string, pos: number, size: number, signed: boolean): number | bigint {
  const little = h.little;
  const limit = size <= SZINT ? size : SZINT;
  if (limit <= 4) {
    let res = 0;
    for (let i = limit - 1; i >= 0; i--) res = res * 256 + data.charCodeAt(pos + (little ? i : size - 1 - i));
    if (size < SZINT && signed) {
      const mask = 2 ** (size * 8 - 1);
      if (res >= mask) res -= 2 * mask;
    }
    return res;
  }
  let res = 0n;
  for (let i = limit - 1; i >= 0; i--) res = (res << 8n) | BigInt(data.charCodeAt(pos + (little ? i : size - 1 - i)));
  if (size < SZINT) {
    if (signed) res = BigInt.asIntN(size * 8, res);
  } else {
    res = BigInt.asIntN(64, res);
    if (size > SZINT) {
      const mask = !signed || res >= 0n ? 0 : 0xff;
      for (let i = limit; i < size; i++) {
        if (data.charCodeAt(pos + (little ? i : size - 1 - i)) !== mask) throw libError(h.fname, `${size}-byte integer does not fit into Lua Integer`);
      }
    }
  }
  return normInt(res);
}

/** string.pack, string.packsize, string.unpack (methods, so that their frames keep these
 *  names even when bundled) */
export const { pack, packsize, unpack } = {
  pack(fmt: unknown, ...args: unknown[]): unknown {
    const fname = "string.pack";
    const h = header(fname, cfmt(checkString(fmt, 1, fname, arguments.length > 0)));
    const parts: string[] = [];
    let arg = 1;
    let totalsize = 0;
      while (h.pos < h.fmt.length) {
      const [opt, size, ntoalign] = getdetails(h, totalsize);
        totalsize += ntoalign + size;
      if (ntoalign > 0) parts.push("\0".repeat(ntoalign));
      arg++;
      const v = args[arg - 2];
        switch (opt) {
        case K.Int: {
          const n = checkInteger(v, arg, fname);
          if (size < SZINT) {
            const lim = 2 ** (size * 8 - 1);
            if (!(-lim <= n && n < lim)) throw argError(arg, fname, "integer overflow");
          }
          if (typeof n === "number" && size <= 4) parts.push(smallIntBytes(n, size, h.little));
          else parts.push(intBytes(BigInt(n), size, h.little, n < 0));
          break;
        }
        case K.Uint: {
          const n = checkInteger(v, arg, fname);
          if (size < SZINT) {
            const u = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
            if (!(u < 1n << BigInt(size * 8))) throw argError(arg, fname, "unsigned overflow");
          }
          if (typeof n === "number" && n >= 0 && size <= 4) parts.push(smallIntBytes(n, size, h.little));
          else parts.push(intBytes(BigInt(n), size, h.little, false));
          break;
        }
        case K.Float:
        case K.Number:
        case K.Double: {
          const x = checkNumber(v, arg, fname);
          const f = typeof x === "number" ? x : typeof x === "bigint" ? Number(x) : x.n;
          parts.push(floatBytes(f, size, h.little));
          break;
        }
        case K.Char: {
          const s = checkString(v, arg, fname);
          if (s.length > size) throw argError(arg, fname, "string longer than given size");
          parts.push(s);
          if (s.length < size) parts.push("\0".repeat(size - s.length));
          break;
        }
        case K.String: {
          const s = checkString(v, arg, fname);
          if (!(size >= 8 || s.length < 2 ** (size * 8))) throw argError(arg, fname, "string length does not fit in given size");
          parts.push(intBytes(BigInt(s.length), size, h.little, false));
          parts.push(s);
          totalsize += s.length;
          break;
        }
        case K.Zstr: {
          const s = checkString(v, arg, fname);
          if (s.indexOf("\0") >= 0) throw argError(arg, fname, "string contains zeros");
          parts.push(s, "\0");
          totalsize += s.length + 1;
          break;
        }
        case K.Padding:
          parts.push("\0");
          arg--;
          break;
        case K.Paddalign:
        case K.Nop:
          arg--;
          break;
      }
    }
    return parts.join("");
  },

  packsize(fmt: unknown): unknown {
    const fname = "string.packsize";
    const h = header(fname, cfmt(checkString(fmt, 1, fname, arguments.length > 0)));
    let totalsize = 0;
    while (h.pos < h.fmt.length) {
      const [opt, size, ntoalign] = getdetails(h, totalsize);
      if (opt === K.String || opt === K.Zstr) throw argError(1, fname, "variable-length format");
      const sz = size + ntoalign;
      if (totalsize > MAXSIZE - sz) throw argError(1, fname, "format result too large");
      totalsize += sz;
    }
    return totalsize;
  },

  unpack(fmt: unknown, data: unknown, init: unknown): unknown {
    const fname = "string.unpack";
    const h = header(fname, cfmt(checkString(fmt, 1, fname, arguments.length > 0)));
    const d = checkString(data, 2, fname, arguments.length > 1);
    const ld = d.length;
    let pos = posrelatI(optInteger(init, 3, fname, 1), ld) - 1;
    if (pos > ld) throw argError(3, fname, "initial position out of string");
    const out: unknown[] = [];
    while (h.pos < h.fmt.length) {
      const [opt, size, ntoalign] = getdetails(h, pos);
      if (ntoalign + size > ld - pos) throw argError(2, fname, "data string too short");
      pos += ntoalign;
      if (out.length >= 999900) throw libError(fname, "stack overflow (too many results)");
      switch (opt) {
        case K.Int:
        case K.Uint:
          out.push(unpackint(h, d, pos, size, opt === K.Int));
          break;
        case K.Float:
        case K.Number:
        case K.Double:
          out.push(mkFloat(readFloat(d, pos, size, h.little)));
          break;
        case K.Char:
          out.push(d.slice(pos, pos + size));
          break;
        case K.String: {
          const len = unpackint(h, d, pos, size, false);
          const l = typeof len === "bigint" ? (len < 0n ? Infinity : Number(len)) : len < 0 ? Infinity : len;
          if (l > ld - pos - size) throw argError(2, fname, "data string too short");
          out.push(d.slice(pos + size, pos + size + l));
          pos += l;
          break;
        }
        case K.Zstr: {
          let e = d.indexOf("\0", pos);
          if (e < 0) e = ld;
          if (e >= ld) throw argError(2, fname, "unfinished string for format 'z'");
          out.push(d.slice(pos, e));
          pos = e + 1;
          break;
        }
        default:
          break;
      }
      pos += size;
    }
    out.push(pos + 1);
    return new Multi(out);
  },
};
