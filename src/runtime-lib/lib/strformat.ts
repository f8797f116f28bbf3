// string.format (lstrlib.c's str_format) with C printf semantics as glibc produces them:
// exact decimal conversions of doubles rounded half-to-even, %a as glibc's hex output,
// 64-bit integers exact (JS numbers or bigints), and Lua's checks and messages.
import { LFloat, LuaNumber, nanSign } from "../core/numbers.js";
import { flatten, tostringMeta } from "../core/ops.js";
import { LuaTable } from "../core/table.js";
import { addressOf } from "../core/values.js";
import { argError, checkInteger, checkNumber, checkString, libError } from "./aux.js";
import { fixedDigits, expDigits, expOf, gDigits, hexDigits, expSuffix, intString, HEX2, ZEROS } from "../core/numfmt.js";

const FNAME = "string.format";
const HEXDIG = "0123456789abcdef";

// ---- conversion specifications ----

/** One conversion of a format string, with the text before it, parsed once per format
 *  string. Errors that depend only on the format are found when parsing but raised when
 *  formatting reaches them, in the order str_format checks things. */
class Item {
  /** flags, width and precision (-1: none) */
  minus = false;
  plus = false;
  space = false;
  alt = false;
  zero = false;
  width = 0;
  prec = -1;
  /** the message of an invalid specification, raised where checkformat would raise it */
  bad: string | null = null;
  /** an error raised as soon as the item is reached (after the argument count check) */
  err: string | null = null;
  /** a valid specification with no flag but '-' and no precision: the conversion is only
   *  padded to the width */
  padOnly = false;

  constructor(
    /** literal text before the conversion (with %% already reduced) */
    readonly lit: string,
    /** conversion character code; -1: none (the trailing literal); 0: end of string */
    readonly conv: number,
    /** flags/width/precision text between '%' and the conversion */
    readonly spec: string,
  ) {}
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** checkformat: flags from `flags`, a width of at most 2 digits not starting with '0', and
 *  (if allowed) a precision of at most 2 digits; anything else is an invalid specification
 *  (kept as the error message, raised when the item is formatted). */
function checkformat(it: Item, form: string, flags: string, precision: boolean): void {
  const spec = it.spec;
  let i = 0;
  const n = spec.length;
  while (i < n && flags.indexOf(spec[i]) >= 0) {
    switch (spec[i]) {
      case "-":
        it.minus = true;
        break;
      case "+":
        it.plus = true;
        break;
      case " ":
        it.space = true;
        break;
      case "#":
        it.alt = true;
        break;
      case "0":
        it.zero = true;
        break;
    }
    i++;
  }
  if (spec[i] !== "0") {
    let w = 0;
    for (let d = 0; d < 2 && i < n && isDigitCode(spec.charCodeAt(i)); d++) w = w * 10 + spec.charCodeAt(i++) - 48;
    it.width = w;
    if (spec[i] === "." && precision) {
      i++;
      let p = 0;
      for (let d = 0; d < 2 && i < n && isDigitCode(spec.charCodeAt(i)); d++) p = p * 10 + spec.charCodeAt(i++) - 48;
      it.prec = p;
    }
  }
  if (i < n) it.bad = `invalid conversion specification: '${form}'`;
  else it.padOnly = !it.plus && !it.space && !it.alt && !it.zero && it.prec < 0;
}

/** Raises the item's invalid-specification error, if it has one. */
function checkSpec(it: Item): void {
  if (it.bad !== null) throw libError(FNAME, it.bad);
}

/** SPACES[k]: k spaces (widths have at most two digits) */
const SPACES: string[] = [""];
for (let k = 1; k < 100; k++) SPACES.push(SPACES[k - 1] + " ");

function pad(s: string, it: Item): string {
  const k = it.width - s.length;
  if (k <= 0) return s;
  return it.minus ? s + SPACES[k] : SPACES[k] + s;
}

/** Pads with zeros between the sign/prefix and the digits ('0' flag), or with spaces. */
function padNum(prefix: string, body: string, it: Item, zeroOk: boolean): string {
  const k = it.width - prefix.length - body.length;
  if (k <= 0) return prefix + body;
  if (it.minus) return prefix + body + SPACES[k];
  if (it.zero && zeroOk) return prefix + ZEROS.slice(0, k) + body;
  return SPACES[k] + prefix + body;
}

const TWO64 = 1n << 64n;

/** two hex digits per byte value in upper case; the leading byte of a number without its
 *  leading zero digit (HEX_LEAD, HEX_LEAD_UPPER) */
const HEX2_UPPER = HEX2.map((h) => h.toUpperCase());
const HEX_LEAD = HEX2.map((h, b) => (b < 16 ? h[1] : h));
const HEX_LEAD_UPPER = HEX_LEAD.map((h) => h.toUpperCase());
/** two octal digits per 6-bit value, and without a leading zero (OCT_LEAD) */
const OCT2: string[] = [];
const OCT_LEAD: string[] = [];
for (let i = 0; i < 64; i++) {
  OCT2.push(String(i >> 3) + String(i & 7));
  OCT_LEAD.push(i < 8 ? String(i) : OCT2[i]);
}

/** u (an unsigned 32-bit value) in base 16, by bytes */
function hex32(u: number, upper: boolean): string {
  const lead = upper ? HEX_LEAD_UPPER : HEX_LEAD;
  if (u < 256) return lead[u];
  const byte = upper ? HEX2_UPPER : HEX2;
  if (u < 65536) return lead[u >>> 8] + byte[u & 255];
  if (u < 16777216) return lead[u >>> 16] + byte[(u >>> 8) & 255] + byte[u & 255];
  return lead[u >>> 24] + byte[(u >>> 16) & 255] + byte[(u >>> 8) & 255] + byte[u & 255];
}

/** u (an unsigned 32-bit value) in exactly 8 hex digits */
function hex32Full(u: number, upper: boolean): string {
  const byte = upper ? HEX2_UPPER : HEX2;
  return byte[u >>> 24] + byte[(u >>> 16) & 255] + byte[(u >>> 8) & 255] + byte[u & 255];
}

/** A non-negative safe integer in base 8 (Number#toString(radix) is slow in V8). */
function octal(u: number): string {
  let s = "";
  if (u < 4294967296) {
    while (u >= 64) {
      s = OCT2[u & 63] + s;
      u >>>= 6;
    }
    return OCT_LEAD[u] + s;
  }
  do {
    const d = u % 8;
    s = HEXDIG[d] + s;
    u = (u - d) / 8;
  } while (u > 0);
  return s;
}

/** The digits of an integer for %u %o %x %X: negative values as 64-bit two's complement. */
function unsignedDigits(v: number | bigint, conv: number): string {
  if (typeof v === "number" && conv !== 117) {
    if (conv === 111) return v >= 0 ? octal(v) : (BigInt(v) + TWO64).toString(8);
    const upper = conv === 88;
    if (v >= 0 && v < 4294967296) return hex32(v, upper);
    // the high word of a negative safe integer is never 0
    return hex32(Math.floor(v / 4294967296) >>> 0, upper) + hex32Full(v >>> 0, upper);
  }
  const u = v < 0 ? (typeof v === "bigint" ? v : BigInt(v)) + TWO64 : v;
  const digits = u.toString(conv === 111 ? 8 : conv === 117 ? 10 : 16);
  return conv === 88 ? digits.toUpperCase() : digits;
}

function fmtInt(v: number | bigint, conv: number, it: Item): string {
  let prefix = "";
  let digits: string;
  const isZero = v === 0 || v === 0n;
  if (conv === 100 || conv === 105) {
    // d, i
    if (v < 0) {
      digits = typeof v === "number" ? intString(-v) : (-v).toString();
      prefix = "-";
    } else {
      digits = typeof v === "number" ? intString(v) : v.toString();
      if (it.plus) prefix = "+";
      else if (it.space) prefix = " ";
    }
  } else digits = unsignedDigits(v, conv);
  const prec = it.prec;
  if (prec >= 0) {
    if (prec === 0 && isZero) digits = "";
    else if (digits.length < prec) digits = ZEROS.slice(0, prec - digits.length) + digits;
  }
  if (it.alt) {
    if (conv === 111) {
      if (digits[0] !== "0") digits = "0" + digits;
    } else if ((conv === 120 || conv === 88) && !isZero) prefix = conv === 120 ? "0x" : "0X";
  }
  return padNum(prefix, digits, it, prec < 0);
}

function fmtFloat(x: number, conv: number, it: Item): string {
  let sign = "";
  if (x < 0 || (x === 0 && 1 / x < 0) || (x !== x && nanSign(x))) {
    sign = "-";
    x = -x;
  } else if (it.plus) sign = "+";
  else if (it.space) sign = " ";
  const P = it.prec < 0 ? 6 : it.prec;
  let body: string;
  switch (conv) {
    case 102: // f
      if (x === Infinity || x !== x) return infNan(x, sign, false, it);
      body = fixedDigits(x, P);
      if (it.alt && P === 0) body += ".";
      break;
    case 101:
    case 69: // e E
      if (x === Infinity || x !== x) return infNan(x, sign, conv === 69, it);
      body = expDigits(x, P);
      body += (it.alt && P === 0 ? "." : "") + expSuffix(expOf(), conv === 69);
      break;
    case 103: // g
      if (x === Infinity || x !== x) return infNan(x, sign, false, it);
      body = gDigits(x, P, it.alt, false);
      break;
    case 71: // G
      if (x === Infinity || x !== x) return infNan(x, sign, true, it);
      body = gDigits(x, P, it.alt, true);
      break;
    default: {
      // a A
      const upper = conv === 65;
      if (x === Infinity || x !== x) return infNan(x, sign, upper, it);
      const h = hexDigits(x, it.prec, it.alt);
      return padNum(sign + (upper ? "0X" : "0x"), upper ? h.toUpperCase() : h, it, true);
    }
  }
  return padNum(sign, body, it, true);
}

function infNan(x: number, sign: string, upper: boolean, it: Item): string {
  const body = x !== x ? "nan" : "inf";
  return padNum(sign, upper ? body.toUpperCase() : body, it, false);
}

// ---- %q ----

function addquoted(s: string): string {
  let out = '"';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(from, i) + (c === 34 ? '\\"' : c === 92 ? "\\\\" : "\\\n");
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
  return (neg ? "-0x" : "0x") + hexDigits(neg ? -x : x, -1, false);
}

function addliteral(v: unknown, arg: number): string {
  if (typeof v === "string") return addquoted(v);
  if (typeof v === "number") {
    if (Number.isInteger(v)) return intString(v);
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
    const item = new Item(lit, conv, spec);
    lit = "";
    items.push(item);
    i = k + 1;
    if (k - (j + 1) + 1 >= 22) {
      item.err = "invalid format (too long)";
      return items;
    }
    switch (conv) {
      case 99: // c
        checkformat(item, form, "-", false);
        break;
      case 100:
      case 105:
        checkformat(item, form, "-+0 ", true);
        break;
      case 117:
        checkformat(item, form, "-0", true);
        break;
      case 111:
      case 120:
      case 88:
        checkformat(item, form, "-#0", true);
        break;
      case 97:
      case 65:
      case 102:
      case 101:
      case 69:
      case 103:
      case 71:
        checkformat(item, form, "-+#0 ", true);
        break;
      case 112: // p
        checkformat(item, form, "-", false);
        break;
      case 113: // q
        if (spec !== "") item.err = "specifier '%q' cannot have modifiers";
        break;
      case 115: // s
        if (spec !== "") checkformat(item, form, "-", true);
        break;
      default:
        item.err = `invalid conversion '${form}' to 'format'`;
        return items;
    }
  }
  if (lit !== "") items.push(new Item(lit, -1, ""));
  return items;
}

const formats = new Map<string, Item[]>();

/** One conversion of argument `arg` (value v), with str_format's checks in its order. */
function convert(it: Item, v: unknown, arg: number): string {
  const conv = it.conv;
  switch (conv) {
    case 100:
    case 105: {
      // d i: plain integers, perhaps padded, are the common case
      if (typeof v === "number" && Number.isInteger(v)) {
        if (it.spec === "") return intString(v);
        if (it.padOnly) return pad(intString(v), it);
      }
      const iv = checkInteger(v, arg, FNAME);
      checkSpec(it);
      if (it.spec === "") return typeof iv === "number" ? intString(iv) : iv.toString();
      return fmtInt(iv, conv, it);
    }
    case 115: {
      // s (v is already a string: see format)
      const s = v as string;
      if (it.spec === "") return s;
      if (s.indexOf("\0") >= 0) throw argError(arg, FNAME, "string contains zeros");
      checkSpec(it);
      if (it.prec < 0) return s.length >= 100 ? s : pad(s, it);
      return pad(it.prec < s.length ? s.slice(0, it.prec) : s, it);
    }
    case 102:
    case 101:
    case 69:
    case 103:
    case 71: {
      // f e E g G
      const x = typeof v === "number" ? v : toNum(checkNumber(v, arg, FNAME));
      checkSpec(it);
      return fmtFloat(x, conv, it);
    }
    case 117:
    case 111:
    case 120:
    case 88: {
      // u o x X
      if (it.spec === "" && typeof v === "number" && v >= 0 && Number.isInteger(v) && conv !== 117) {
        return conv === 111 ? octal(v) : v < 4294967296 ? hex32(v, conv === 88) : unsignedDigits(v, conv);
      }
      const iv = checkInteger(v, arg, FNAME);
      checkSpec(it);
      return fmtInt(iv, conv, it);
    }
    case 99: {
      // c
      checkSpec(it);
      const c = checkInteger(v, arg, FNAME);
      const code = typeof c === "bigint" ? Number(BigInt.asUintN(8, c)) : c & 255;
      return pad(String.fromCharCode(code), it);
    }
    case 97:
    case 65:
      // a A
      checkSpec(it);
      return fmtFloat(toNum(checkNumber(v, arg, FNAME)), conv, it);
    case 112: {
      // p
      const p = pointerOf(v);
      checkSpec(it);
      return pad(p === null ? "(null)" : p, it);
    }
    case 113:
      // q
      return addliteral(v, arg);
    default:
      return "";
  }
}

/** string.format (a method, so that its frame is named `format` even when bundled) */
export const { format } = {
  format(...args: unknown[]): unknown {
    // one rest array holds the format too (no `arguments` object besides it: slow code
    // before V8 optimizes would build both)
    const fmt = args[0];
    const f = typeof fmt === "string" ? fmt : checkString(fmt, 1, FNAME, args.length > 0);
    let items = formats.get(f);
    if (items === undefined) {
      items = parseFormat(f);
      if (f.length <= 1000) {
        if (formats.size >= 512) formats.clear();
        formats.set(f, items);
      }
    }
    const nargs = args.length - 1;
    const n = items.length;
    let out = "";
    for (let t = 0; t < n; t++) {
      const it = items[t];
      if (it.conv === -1) {
        out += it.lit;
        break;
      }
      // argument t + 2 (the format is argument 1)
      if (t >= nargs) throw argError(t + 2, FNAME, "no value");
      if (it.err !== null) throw libError(FNAME, it.err);
      let v = args[t + 1];
      // __tostring runs from this frame (as from C's str_format): error levels count from it
      if (it.conv === 115 && typeof v !== "string") v = tostringMeta(v, addressOf);
      const piece = convert(it, v, t + 2);
      // no concatenation with an empty side: each is a call of V8's StringAdd builtin
      if (it.lit !== "") out = out + it.lit + piece;
      else out = out === "" ? piece : out + piece;
    }
    // more than two pieces make a rope: flattened now, results kept in tables hold one flat
    // string and not every piece
    return n > 2 ? flatten(out) : out;
  },
};

function toNum(v: LuaNumber): number {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n;
}
