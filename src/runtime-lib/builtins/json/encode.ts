// Lua values → JSON text, written straight from LuaTables into a Lua byte string (strings are
// already UTF-8 bytes: they are validated and escaped, never decoded).
//   Tables: a mark (json.array / json.object, or a `__jsontype` metatable field as upstream)
//   decides; otherwise a table is an array iff every key is an integer ≥ 1 and the largest
//   key equals the number of keys. The empty table is an object (SPEC A3). Object keys are
//   emitted sorted in byte order; integer and float keys become decimal strings.
//   Numbers: integers as decimals (exact to 64 bits), floats in shortest round-trip form with
//   a fraction or exponent as serde_json (ryu) writes them: 1.0, 0.1, 1e16, 1e-7, -0.0.
//   NaN and ±inf, functions, userdata (other than json.null), threads and cycles are errors.
import { LuaTable } from "../../core/table.js";
import { LFloat, fmtG14 } from "../../core/numbers.js";
import { memoryTicks } from "../../core/memory.js";
import { typeName } from "../../core/values.js";
import { NULL, shapeOf } from "../convert.js";
import { JsonError, utf8Length } from "./parse.js";

// the encoder's state (it reads tables raw and never calls out to Lua): output bytes go
// into a growing buffer — building a string from millions of pieces keeps them all alive
// until the end, which the garbage collector pays for many times over
let buf = new Uint8Array(1 << 16);
let o = 0;
/** one level of indentation; "" for compact output */
let unit = "";
/** the tables being written, outermost first (a table met again inside itself is a cycle);
 *  shallow nesting is searched in `stack`, deeper levels also go into the Set `deep` */
const stack: LuaTable[] = [];
let depth = 0;
const SHALLOW = 32;
const deep = new Set<LuaTable>();
/** per nesting level: the last object's keys in table order, and sorted (objects of one
 *  shape, as in an array of records, usually repeat them) */
const lastKeys: string[][] = [];
const lastSorted: string[][] = [];

/** Encodes a Lua value; `indent` is one level of indentation ("" = compact). */
export function encodeJson(v: unknown, indent: string): string {
  o = 0;
  unit = indent;
  depth = 0;
  try {
    writeValue(v, "");
    memoryTicks(o >> 10);
    return Buffer.from(buf.buffer, buf.byteOffset, o).toString("latin1");
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new JsonError("value nested too deeply (stack overflow)");
    }
    throw e;
  } finally {
    o = 0;
    if (buf.length > 1 << 20) buf = new Uint8Array(1 << 16);
    stack.length = 0;
    deep.clear();
    lastKeys.length = 0;
    lastSorted.length = 0;
  }
}

/** Makes room for n more bytes. */
function grow(n: number): void {
  let size = buf.length * 2;
  while (size < o + n) size *= 2;
  const b = new Uint8Array(size);
  b.set(buf.subarray(0, o));
  buf = b;
}

/** Writes an ASCII string (numbers, literals, indentation). */
function put(s: string): void {
  const n = s.length;
  if (o + n > buf.length) grow(n);
  const b = buf;
  let p = o;
  for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
  o = p;
}

/** Writes a safe integer in decimal. */
function writeInt(v: number): void {
  if (o + 24 > buf.length) grow(24);
  const b = buf;
  let p = o;
  if (v < 0) {
    b[p++] = 45;
    v = -v;
  }
  let digits = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
  p += digits;
  o = p;
  do {
    const q = Math.floor(v / 10);
    b[--p] = 48 + (v - q * 10);
    v = q;
  } while (v > 0);
}

/** Writes one ASCII byte. */
function put1(c: number): void {
  if (o >= buf.length) grow(1);
  buf[o++] = c;
}

/** A newline and the indentation of a nesting level (pretty output only). */
function newline(ind: string): void {
  put1(10);
  put(ind);
}

function writeValue(v: unknown, ind: string): void {
  switch (typeof v) {
    case "string":
      writeString(v);
      return;
    case "number":
      if (Number.isInteger(v)) writeInt(v);
      else put(floatText(v));
      return;
    case "boolean":
      put(v ? "true" : "false");
      return;
    case "undefined":
      put("null");
      return;
    case "bigint":
      put(v.toString());
      return;
    case "object":
      if (v instanceof LuaTable) return writeTable(v, ind);
      if (v instanceof LFloat) {
        put(floatText(v.n));
        return;
      }
      if (v === NULL) {
        put("null");
        return;
      }
  }
  throw new JsonError(`unsupported Lua type for JSON: ${typeName(v)}`);
}

// ---- numbers ----

/** A float as serde_json writes it (ryu's shortest round-trip digits and layout). */
export function floatText(n: number): string {
  const a = n < 0 ? -n : n;
  if (Number.isInteger(n)) {
    if (a < 1e16) return n === 0 && 1 / n < 0 ? "-0.0" : n + ".0";
  } else if (a >= 1e-5 && a < 1e16) {
    // here JS's shortest form is already ryu's: plain decimal with a fraction
    return "" + n;
  } else if (n !== n || a === Infinity) {
    throw new JsonError(`cannot encode ${fmtG14(n)} as JSON number`);
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(n.toExponential())!;
  const sign = m[1];
  const digits = m[2] + (m[3] ?? "");
  const len = digits.length;
  const kk = +m[4] + 1; // the decimal point's place after the digits' start
  if (kk >= len && kk <= 16) return sign + digits + "0".repeat(kk - len) + ".0";
  if (kk > 0 && kk <= 16) return sign + digits.slice(0, kk) + "." + digits.slice(kk);
  if (kk > -5 && kk <= 0) return sign + "0." + "0".repeat(-kk) + digits;
  return sign + digits[0] + (len > 1 ? "." + digits.slice(1) : "") + "e" + (kk - 1);
}

/** An object key from a non-string table key. */
function keyText(k: unknown): string {
  if (typeof k === "number") return Number.isInteger(k) ? "" + k : Number.isFinite(k) ? floatText(k) : fmtG14(k);
  if (typeof k === "bigint") return k.toString();
  if (k instanceof LFloat) return Number.isFinite(k.n) ? floatText(k.n) : fmtG14(k.n);
  throw new JsonError(`unsupported table key type: ${typeName(k)}`);
}

// ---- strings ----

/** Escapes for the bytes 0–127 that need one (0 = none). */
const ESCAPE_CHAR = new Uint8Array(128);
for (let c = 0; c < 32; c++) ESCAPE_CHAR[c] = 117; // \u00XX
ESCAPE_CHAR[8] = 98; // \b
ESCAPE_CHAR[9] = 116; // \t
ESCAPE_CHAR[10] = 110; // \n
ESCAPE_CHAR[12] = 102; // \f
ESCAPE_CHAR[13] = 114; // \r
ESCAPE_CHAR[34] = 34; // \"
ESCAPE_CHAR[92] = 92; // \\
const HEX = "0123456789abcdef";

/** Writes a Lua string as a JSON string: escapes written, UTF-8 checked and copied. */
function writeString(s: string): void {
  const n = s.length;
  if (o + n + 2 > buf.length) grow(n + 2);
  let b = buf;
  let p = o;
  b[p++] = 34;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const e = ESCAPE_CHAR[c];
      if (e === 0) b[p++] = c;
      else {
        // an escape takes up to 6 bytes for 1
        if (p + 6 + (n - i) > b.length) {
          o = p;
          grow(6 + (n - i));
          b = buf;
        }
        b[p++] = 92;
        b[p++] = e;
        if (e === 117) {
          b[p++] = 48;
          b[p++] = 48;
          b[p++] = HEX.charCodeAt(c >> 4);
          b[p++] = HEX.charCodeAt(c & 15);
        }
      }
    } else {
      const len = utf8Length(s, i, c);
      if (len === 0) {
        throw new JsonError(`string is not valid UTF-8 (byte 0x${c.toString(16)} at position ${i + 1}); binary data must be encoded first, e.g. with base64`);
      }
      b[p++] = c;
      for (let k = 1; k < len; k++) b[p++] = s.charCodeAt(i + k);
      i += len - 1;
    }
  }
  b[p++] = 34;
  o = p;
}

// ---- tables ----

function writeTable(t: LuaTable, ind: string): void {
  const d = depth;
  if (d < SHALLOW) {
    for (let i = 0; i < d; i++) if (stack[i] === t) throw cycle();
  } else {
    if (d === SHALLOW) for (let i = 0; i < SHALLOW; i++) deep.add(stack[i]);
    if (deep.has(t)) throw cycle();
    deep.add(t);
  }
  stack[d] = t;
  depth = d + 1;
  let shape = shapeOf(t);
  if (shape === undefined && t.mt !== null) {
    const j = t.mt.getStr("__jsontype");
    if (j === "array" || j === "object") shape = j;
  }
  if (shape === "object") writeObject(t, ind);
  else if (shape === "array") writeMarkedArray(t, ind);
  else if (!writeAutoArray(t, ind)) writeObject(t, ind);
  depth = d;
  if (d >= SHALLOW) {
    deep.delete(t);
    if (d === SHALLOW) deep.clear();
  }
}

function cycle(): JsonError {
  return new JsonError("cannot encode a table that contains itself (cycle)");
}

function hasStringKeys(t: LuaTable): boolean {
  if (t.sm !== null) return t.sm.size > 0;
  for (const k in t.s) return k !== undefined;
  return false;
}

/** Writes t as an array if its keys are exactly 1..n (n > 0); false (nothing written) if not. */
function writeAutoArray(t: LuaTable, ind: string): boolean {
  const a = t.arr;
  const n = a.length;
  const h = t.h;
  if (h !== null && h.size > 0) {
    // integer keys that were not assigned in order live in the Map
    if (hasStringKeys(t)) return false;
    let count = h.size;
    let max = n;
    for (const k of h.keys()) {
      if (typeof k !== "number" || !Number.isInteger(k) || k < 1) return false;
      if (k > max) max = k;
    }
    for (let i = 0; i < n; i++) if (a[i] !== undefined) count++;
    if (count !== max) return false;
    writeElements(t, max, ind);
    return true;
  }
  if (n === 0 || hasStringKeys(t)) return false;
  const before = o;
  const ind2 = ind + unit;
  put1(91);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (x === undefined) {
      // a hole: not an array after all
      o = before;
      return false;
    }
    if (i > 0) put1(44);
    if (unit !== "") newline(ind2);
    writeValue(x, ind2);
  }
  if (unit !== "") newline(ind);
  put1(93);
  return true;
}

/** json.array(t): elements 1..n, n the largest positive integer key (holes are null). */
function writeMarkedArray(t: LuaTable, ind: string): void {
  if (hasStringKeys(t)) throw nonArrayKey(firstStringKey(t));
  let max = t.arr.length;
  if (t.h !== null) {
    for (const k of t.h.keys()) {
      if (typeof k !== "number" || !Number.isInteger(k) || k < 1) throw nonArrayKey(k);
      if (k > max) max = k;
    }
  }
  if (max === 0) put("[]");
  else writeElements(t, max, ind);
}

function firstStringKey(t: LuaTable): string {
  if (t.sm !== null) return t.sm.keys().next().value as string;
  return Object.keys(t.s)[0];
}

function nonArrayKey(k: unknown): JsonError {
  const shown = typeof k === "string" ? `"${k}"` : typeof k === "number" || typeof k === "bigint" || k instanceof LFloat ? keyText(k) : `of type ${typeName(k)}`;
  return new JsonError(`table marked as an array has a key that is not a positive integer: ${shown}`);
}

function writeElements(t: LuaTable, n: number, ind: string): void {
  const ind2 = ind + unit;
  put1(91);
  for (let i = 1; i <= n; i++) {
    if (i > 1) put1(44);
    if (unit !== "") newline(ind2);
    writeValue(t.getInt(i), ind2);
  }
  if (unit !== "") newline(ind);
  put1(93);
}

function writeObject(t: LuaTable, ind: string): void {
  const a = t.arr;
  const h = t.h;
  if (a.length === 0 && (h === null || h.size === 0)) {
    // string keys only, the common case
    const sm = t.sm;
    if (sm === null) {
      const s = t.s;
      const keys = sortedKeys(s);
      if (keys.length === 0) {
        put("{}");
        return;
      }
      const ind2 = ind + unit;
      put1(123);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (i > 0) put1(44);
        if (unit !== "") newline(ind2);
        writeString(k);
        put1(58);
        if (unit !== "") put1(32);
        writeValue(t.fromSlot(k, s[k]), ind2);
      }
      if (unit !== "") newline(ind);
      put1(125);
      return;
    }
    const keys = [...sm.keys()];
    writeEntries(keys, keys.map((k) => sm.get(k)), ind);
    return;
  }
  // mixed keys: name each, sort by name
  const names: string[] = [];
  const values: unknown[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== undefined) {
      names.push("" + (i + 1));
      values.push(a[i]);
    }
  }
  if (t.sm !== null) {
    for (const [k, v] of t.sm) {
      names.push(k);
      values.push(v);
    }
  } else {
    const s = t.s;
    for (const k of Object.keys(s)) {
      names.push(k);
      values.push(t.getStr(k));
    }
  }
  if (h !== null) {
    for (const [k, v] of h) {
      names.push(keyText(k));
      values.push(v);
    }
  }
  writeEntries(names, values, ind);
}

/** The keys of a table's string part in byte order. */
function sortedKeys(s: Record<string, unknown>): string[] {
  const d = depth;
  const last = lastKeys[d];
  if (last !== undefined) {
    let i = 0;
    const n = last.length;
    for (const k in s) {
      if (i >= n || k !== last[i]) {
        i = -1;
        break;
      }
      i++;
    }
    if (i === n) return lastSorted[d];
  }
  const keys = Object.keys(s);
  lastKeys[d] = keys;
  return (lastSorted[d] = keys.slice().sort());
}

/** Writes an object from names and values in any order, sorting them by name. */
function writeEntries(names: string[], values: unknown[], ind: string): void {
  if (names.length === 0) {
    put("{}");
    return;
  }
  const order = names.map((_, i) => i);
  order.sort((x, y) => (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
  const ind2 = ind + unit;
  put1(123);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (j > 0) {
      if (names[i] === names[order[j - 1]]) {
        throw new JsonError(`table has two keys that both encode as the object key "${names[i]}"`);
      }
      put1(44);
    }
    if (unit !== "") newline(ind2);
    writeString(names[i]);
    put1(58);
    if (unit !== "") put1(32);
    writeValue(values[i], ind2);
  }
  if (unit !== "") newline(ind);
  put1(125);
}
