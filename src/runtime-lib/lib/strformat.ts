// string.format (lstrlib.c's str_format) with C printf semantics as glibc produces them:
// exact decimal conversions of doubles rounded half-to-even, %a as glibc's hex output,
// 64-bit integers exact (JS numbers or bigints), and Lua's checks and messages.
import { LFloat, LuaNumber, nanSign } from "../core/numbers.js";
import { tostringMeta } from "../core/ops.js";
import { LuaTable } from "../core/table.js";
import { addressOf } from "../core/values.js";
import { argError, checkInteger, checkNumber, checkString, libError } from "./aux.js";
import { fixedDigits, expDigits, gDigits, hexDigits, expSuffix } from "../core/numfmt.js";

const FNAME = "string.format";
const HEXDIG = "0123456789abcdef";

// ---- conversion specifications ----

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number; // -1: none
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** checkformat: flags from `flags`, a width of at most 2 digits not starting with '0', and
 *  (if allowed) a precision of at most 2 digits; anything else is an invalid specification
 *  (returned as the error message, raised when the item is formatted). */
function checkformat(spec: string, form: string, flags: string, precision: boolean): Spec | string {
  const sp: Spec = { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };
  let i = 0;
  const n = spec.length;
  while (i < n && flags.indexOf(spec[i]) >= 0) {
    switch (spec[i]) {
      case "-":
        sp.minus = true;
        break;
      case "+":
        sp.plus = true;
        break;
      case " ":
        sp.space = true;
        break;
      case "#":
        sp.alt = true;
        break;
      case "0":
        sp.zero = true;
        break;
    }
    i++;
  }
  if (spec[i] !== "0") {
    let w = 0;
    for (let d = 0; d < 2 && i < n && isDigitCode(spec.charCodeAt(i)); d++) w = w * 10 + spec.charCodeAt(i++) - 48;
    sp.width = w;
    if (spec[i] === "." && precision) {
      i++;
      let p = 0;
      for (let d = 0; d < 2 && i < n && isDigitCode(spec.charCodeAt(i)); d++) p = p * 10 + spec.charCodeAt(i++) - 48;
      sp.prec = p;
    }
  }
  if (i < n) return `invalid conversion specification: '${form}'`;
  return sp;
}

function pad(s: string, sp: Spec): string {
  if (s.length >= sp.width) return s;
  return sp.minus ? s.padEnd(sp.width, " ") : s.padStart(sp.width, " ");
}

/** Pads with zeros between the sign/prefix and the digits ('0' flag), or with spaces. */
function padNum(prefix: string, body: string, sp: Spec, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  if (len >= sp.width) return prefix + body;
  if (sp.minus) return (prefix + body).padEnd(sp.width, " ");
  if (sp.zero && zeroOk) return prefix + "0".repeat(sp.width - len) + body;
  return (prefix + body).padStart(sp.width, " ");
}

const TWO64 = 1n << 64n;

/** A non-negative safe integer in base 8 or 16 (Number#toString(radix) is slow in V8). */
function radix(u: number, base: number): string {
  let s = "";
  if (u < 4294967296) {
    // 32-bit integer operations
    const shift = base === 16 ? 4 : 3;
    const mask = base - 1;
    do {
      s = HEXDIG[u & mask] + s;
      u >>>= shift;
    } while (u !== 0);
    return s;
  }
  do {
    const d = u % base;
    s = HEXDIG[d] + s;
    u = (u - d) / base;
  } while (u > 0);
  return s;
}

function fmtInt(v: number | bigint, conv: number, sp: Spec): string {
  let prefix = "";
  let digits: string;
  const isZero = v === 0 || v === 0n;
  if (conv === 100 || conv === 105) {
    // d, i
    const neg = v < 0;
    digits = (neg ? -v : v).toString();
    if (neg) prefix = "-";
    else if (sp.plus) prefix = "+";
    else if (sp.space) prefix = " ";
  } else {
    let u: number | bigint = v;
    if (v < 0) u = typeof v === "bigint" ? v + TWO64 : BigInt(v) + TWO64;
    const base = conv === 111 ? 8 : conv === 117 ? 10 : 16;
    digits = typeof u === "number" && base !== 10 ? radix(u, base) : u.toString(base);
    if (conv === 88) digits = digits.toUpperCase();
  }
  if (sp.prec >= 0) {
    if (sp.prec === 0 && isZero) digits = "";
    else if (digits.length < sp.prec) digits = digits.padStart(sp.prec, "0");
  }
  if (sp.alt) {
    if (conv === 111) {
      if (digits[0] !== "0") digits = "0" + digits;
    } else if ((conv === 120 || conv === 88) && !isZero) prefix = conv === 120 ? "0x" : "0X";
  }
  return padNum(prefix, digits, sp, sp.prec < 0);
}

function fmtFloat(x: number, conv: number, sp: Spec): string {
  const upper = conv === 69 || conv === 71 || conv === 65;
  let sign = "";
  const neg = x !== x ? nanSign(x) : x < 0 || Object.is(x, -0);
  if (neg) sign = "-";
  else if (sp.plus) sign = "+";
  else if (sp.space) sign = " ";
  if (x !== x || x === Infinity || x === -Infinity) {
    const body = x !== x ? "nan" : "inf";
    return padNum(sign, upper ? body.toUpperCase() : body, sp, false);
  }
  const ax = Math.abs(x);
  const P = sp.prec < 0 ? 6 : sp.prec;
  let body: string;
  switch (conv) {
    case 102: // f
      body = fixedDigits(ax, P);
      if (sp.alt && P === 0) body += ".";
      break;
    case 101:
    case 69: {
      // e E
      const [m, e] = expDigits(ax, P);
      body = m + (sp.alt && P === 0 ? "." : "") + expSuffix(e, upper);
      break;
    }
    case 103:
    case 71: // g G
      body = gDigits(ax, P, sp.alt, upper);
      if (upper) body = body.toUpperCase();
      break;
    default: {
      // a A
      const h = hexDigits(ax, sp.prec, sp.alt);
      return padNum(sign + (upper ? "0X" : "0x"), upper ? h.toUpperCase() : h, sp, true);
    }
  }
  return padNum(sign, body, sp, true);
}

// ---- %q ----

function addquoted(s: string): string {
  let out = '"';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(from, i) + "\\" + s[i];
      from = i + 1;
    } else if (c < 32 || c === 127) {
      out += s.slice(from, i);
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      out += "\\" + (isDigitCode(next) ? String(c).padStart(3, "0") : String(c));
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

const MININT_HEX = "0x8000000000000000";

function quotefloat(x: number): string {
  if (x === Infinity) return "1e9999";
  if (x === -Infinity) return "-1e9999";
  if (x !== x) return "(0/0)";
  const neg = x < 0 || Object.is(x, -0);
  return (neg ? "-" : "") + "0x" + hexDigits(Math.abs(x), -1, false);
}

function addliteral(v: unknown, arg: number): string {
  if (typeof v === "string") return addquoted(v);
  if (typeof v === "number") {
    if (Number.isInteger(v)) return String(v);
    return quotefloat(v);
  }
  if (typeof v === "bigint") return v === -(1n << 63n) ? MININT_HEX : v.toString();
  if (v instanceof LFloat) return quotefloat(v.n);
  if (v === undefined || typeof v === "boolean") return String(v === undefined ? "nil" : v);
  throw argError(arg, FNAME, "value has no literal form");
}

// ---- %p ----

const stringIds = new Map<string, object>();

function pointerOf(v: unknown): string | null {
  if (v instanceof LuaTable || typeof v === "function" || (typeof v === "object" && v !== null && !(v instanceof LFloat))) {
    return addressOf(v as object);
  }
  if (typeof v === "string") {
    let o = stringIds.get(v);
    if (o === undefined) {
      if (stringIds.size > 10000) stringIds.clear();
      o = {};
      stringIds.set(v, o);
    }
    return addressOf(o);
  }
  return null;
}

// ---- string.format ----

/** characters getformat spans: flags, digits and '.' */
function isSpecChar(c: number): boolean {
  return c === 45 || c === 43 || c === 35 || c === 32 || c === 46 || isDigitCode(c);
}

/** One conversion of a format string, with the text before it. Errors that depend only on
 *  the format are found when parsing but raised when formatting reaches them, in the order
 *  str_format checks things. */
interface Item {
  /** literal text before the conversion (with %% already reduced) */
  lit: string;
  /** conversion character code; -1: none (the trailing literal); 0: end of string */
  conv: number;
  /** flags/width/precision text between '%' and the conversion */
  spec: string;
  /** parsed specification, or the error message for an invalid one */
  sp: Spec | string;
  /** an error raised as soon as the item is reached (after the argument count check) */
  err: string | null;
}

const NO_SPEC: Spec = { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };

function parseFormat(f: string): Item[] {
  const items: Item[] = [];
  const n = f.length;
  let lit = "";
  let i = 0;
  while (i < n) {
    const j = f.indexOf("%", i);
    if (j < 0) {
      lit += i === 0 ? f : f.slice(i);
      break;
    }
    if (j > i) lit += f.slice(i, j);
    i = j + 1;
    if (i < n && f.charCodeAt(i) === 37) {
      lit += "%";
      i++;
      continue;
    }
    let k = i;
    while (k < n && isSpecChar(f.charCodeAt(k))) k++;
    const conv = k < n ? f.charCodeAt(k) : 0;
    const spec = f.slice(i, k);
    const form = "%" + spec + (conv === 0 ? "" : f[k]);
    const item: Item = { lit, conv, spec, sp: NO_SPEC, err: null };
    lit = "";
    items.push(item);
    i = k + 1;
    if (k - (j + 1) + 1 >= 22) {
      item.err = "invalid format (too long)";
      return items;
    }
    switch (conv) {
      case 99: // c
        item.sp = checkformat(spec, form, "-", false);
        break;
      case 100:
      case 105:
        item.sp = checkformat(spec, form, "-+0 ", true);
        break;
      case 117:
        item.sp = checkformat(spec, form, "-0", true);
        break;
      case 111:
      case 120:
      case 88:
        item.sp = checkformat(spec, form, "-#0", true);
        break;
      case 97:
      case 65:
      case 102:
      case 101:
      case 69:
      case 103:
      case 71:
        item.sp = checkformat(spec, form, "-+#0 ", true);
        break;
      case 112: // p
        item.sp = checkformat(spec, form, "-", false);
        break;
      case 113: // q
        if (spec !== "") item.err = "specifier '%q' cannot have modifiers";
        break;
      case 115: // s
        if (spec !== "") item.sp = checkformat(spec, form, "-", true);
        break;
      default:
        item.err = `invalid conversion '${form}' to 'format'`;
        return items;
    }
  }
  if (lit !== "") items.push({ lit, conv: -1, spec: "", sp: NO_SPEC, err: null });
  return items;
}

const formats = new Map<string, Item[]>();

function spec(sp: Spec | string): Spec {
  if (typeof sp === "string") throw libError(FNAME, sp);
  return sp;
}

/** string.format (a method, so that its frame is named `format` even when bundled) */
export const { format } = {
  format(fmt: unknown, ...args: unknown[]): unknown {
    const f = checkString(fmt, 1, FNAME, arguments.length > 0);
    let items = formats.get(f);
    if (items === undefined) {
      items = parseFormat(f);
      if (f.length <= 1000) {
        if (formats.size >= 512) formats.clear();
        formats.set(f, items);
      }
    }
    const top = args.length + 1;
    let arg = 1;
    // few pieces: concatenate; more: join them, so that the result is one flat string and not
    // a rope holding on to every piece (costly when results are kept in tables)
    const n = items.length;
    const parts: string[] | null = n > 2 ? [] : null;
    let out = "";
    for (let t = 0; t < n; t++) {
      const it = items[t];
      const conv = it.conv;
      if (conv === -1) {
        if (parts === null) out += it.lit;
        else parts.push(it.lit);
        break;
      }
      if (++arg > top) throw argError(arg, FNAME, "no value");
      if (it.err !== null) throw libError(FNAME, it.err);
      const v = args[arg - 2];
      let piece: string;
      switch (conv) {
        case 99: {
          // c
          const sp = spec(it.sp);
          const c = checkInteger(v, arg, FNAME);
          const code = typeof c === "bigint" ? Number(BigInt.asUintN(8, c)) : ((c % 256) + 256) % 256;
          piece = pad(String.fromCharCode(code), sp);
          break;
        }
        case 100:
        case 105:
        case 117:
        case 111:
        case 120:
        case 88: {
          // d i u o x X
          const iv = checkInteger(v, arg, FNAME);
          const sp = spec(it.sp);
          if (it.spec === "" && conv === 100) piece = typeof iv === "number" ? String(iv) : iv.toString();
          else piece = fmtInt(iv, conv, sp);
          break;
        }
        case 97:
        case 65: {
          // a A
          const sp = spec(it.sp);
          piece = fmtFloat(toNum(checkNumber(v, arg, FNAME)), conv, sp);
          break;
        }
        case 102:
        case 101:
        case 69:
        case 103:
        case 71: {
          // f e E g G
          const x = toNum(checkNumber(v, arg, FNAME));
          piece = fmtFloat(x, conv, spec(it.sp));
          break;
        }
        case 112: {
          // p
          const p = pointerOf(v);
          piece = pad(p === null ? "(null)" : p, spec(it.sp));
          break;
        }
        case 113:
          // q
          piece = addliteral(v, arg);
          break;
        case 115: {
          // s
          const s = typeof v === "string" ? v : tostringMeta(v, addressOf);
          if (it.spec === "") piece = s;
          else {
            if (s.indexOf("\0") >= 0) throw argError(arg, FNAME, "string contains zeros");
            const sp = spec(it.sp);
            if (sp.prec < 0 && s.length >= 100) piece = s;
            else piece = pad(sp.prec >= 0 ? s.slice(0, sp.prec) : s, sp);
          }
          break;
        }
        default:
          piece = "";
      }
      if (parts === null) out += it.lit + piece;
      else {
        if (it.lit !== "") parts.push(it.lit);
        parts.push(piece);
      }
    }
    return parts === null ? out : parts.join("");
  },
};

function toNum(v: LuaNumber): number {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n;
}
