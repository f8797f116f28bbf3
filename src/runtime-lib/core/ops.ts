// Lua's operators with metamethods — the equivalent of the VM's instruction semantics.
// Compiled code calls these helpers; each has a fast path for the common operand types and
// a slow path with string coercion, metamethods and Lua's exact error messages.
import { LuaTable } from "./table.js";
import { first } from "./multi.js";
import { LFloat, LuaNumber, isNumber, isInteger, str2number, numberToString, toF } from "./numbers.js";
import * as A from "./arith.js";
import { rtError, luaError, builtinError, LuaError } from "./errors.js";
import { typeName, Userdata } from "./values.js";
import { mm1, mm2, mm3 } from "./coro.js";
import { memoryTicks } from "./memory.js";

const MAX_SAFE = 9007199254740991;

// ---- metatables ----

export const stringMeta: { mt: LuaTable | null } = { mt: null };

export function getMetatable(v: unknown): LuaTable | null {
  if (v instanceof LuaTable) return v.mt;
  if (typeof v === "string") return stringMeta.mt;
  if (v instanceof Userdata) return v.mt;
  return null;
}

export function metaOf(v: unknown, event: string): unknown {
  const mt = getMetatable(v);
  return mt === null ? undefined : mt.getStr(event);
}

/** The type name in error messages: the metatable's __name when it is a string. */
export function objTypeName(v: unknown): string {
  const n = metaOf(v, "__name");
  return typeof n === "string" ? n : typeName(v);
}

/** "attempt to <action> a <type> value" for v's type name: one string per action and type,
 *  which the message cache of a site (errors.ts positionedAtSite) compares by identity. A
 *  text built anew for every error, then compared, cost ~100 ns of an error raised in a loop
 *  under pcall. (A __name can be any string: at most 32 of those are kept per action.) */
const attemptTexts = new Map<string, Map<string, string>>();

export function attempt(action: string, v: unknown): string {
  const type = objTypeName(v);
  let byType = attemptTexts.get(action);
  if (byType === undefined) attemptTexts.set(action, (byType = new Map()));
  let text = byType.get(type);
  if (text === undefined) {
    text = `attempt to ${action} a ${type} value`;
    if (byType.size < 32) byType.set(type, text);
  }
  return text;
}

/** Calls a Lua value with arguments and returns its first result. */
export function call1(f: unknown, ...args: unknown[]): unknown {
  return first(callable(f)(...args));
}

// ---- calls ----

/** The JS function to call for a Lua value: the value itself, or its __call chain. `site`:
 *  the call's site when compiled code asks (its errors' position, see rtError). */
export function callable(f: unknown, site?: number): Function {
  if (typeof f === "function") return f;
  const h = metaOf(f, "__call");
  if (h !== undefined) {
    const g = callable(h, site);
    return (...args: unknown[]) => g(f, ...args);
  }
  // the error comes when the call happens, after its arguments are evaluated (as in Lua)
  return () => {
    throw rtError(attempt("call", f), "c", 0, site);
  };
}

// ---- indexing ----
// The helpers compiled code calls take the call's site last (see rtError); they pass it only
// to errors raised before any metamethod runs, where the compiled caller is the innermost frame.

export function index(o: unknown, k: unknown, site?: number): unknown {
  if (o instanceof LuaTable) {
    const v = o.get(k);
    if (v !== undefined || o.mt === null) return v;
    return indexMiss(o, k, o.mt);
  }
  return indexOther(o, k, site);
}

/** `o.name` with a constant string key. */
export function indexS(o: unknown, k: string, site?: number): unknown {
  if (o instanceof LuaTable) {
    let v = o.s[k];
    if (v !== undefined) return o.fromSlot(k, v);
    if (o.sm !== null && (v = o.sm.get(k)) !== undefined) return v;
    let cur: LuaTable = o;
    let mt = o.mt;
    // the usual class layout: __index tables chained through metatables
    for (let loop = 0; mt !== null && loop < MAXTAGLOOP; loop++) {
      const h = mt.getStr("__index");
      if (!(h instanceof LuaTable)) return h === undefined ? undefined : indexMiss(cur, k, mt);
      v = h.getStr(k);
      if (v !== undefined) return v;
      cur = h;
      mt = h.mt;
    }
    return mt === null ? undefined : indexMiss(cur, k, mt);
  }
  return indexOther(o, k, site);
}

const MAXTAGLOOP = 2000;

/** Follows __index after a raw miss on a table with a metatable. */
function indexMiss(o: LuaTable, k: unknown, mt: LuaTable): unknown {
  let h = mt.getStr("__index");
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    if (h === undefined) return undefined;
    if (typeof h === "function") return first(mm2(h, o, k));
    if (h instanceof LuaTable) {
      const v = h.get(k);
      if (v !== undefined || h.mt === null) return v;
      o = h;
      h = h.mt.getStr("__index");
      continue;
    }
    // a non-table, non-function __index value: index it in turn (no variable name)
    const next = metaOf(h, "__index");
    if (next === undefined) throw rtError(attempt("index", h));
    if (typeof next === "function") return first(mm2(next, h, k));
    h = next;
  }
  throw luaError("'__index' chain too long; possible loop");
}

function indexOther(o: unknown, k: unknown, site: number | undefined): unknown {
  // s:method() — the string metatable's __index is the string library table
  if (typeof o === "string" && typeof k === "string" && stringMeta.mt !== null) {
    const lib = stringMeta.mt.getStr("__index");
    if (lib instanceof LuaTable) {
      const v = lib.getStr(k);
      if (v !== undefined || lib.mt === null) return v;
      return index(lib, k);
    }
  }
  const h = metaOf(o, "__index");
  if (h === undefined) throw rtError(attempt("index", o), "i", 0, site);
  if (typeof h === "function") return first(mm2(h, o, k));
  return index(h, k);
}

export function setindex(o: unknown, k: unknown, v: unknown, site?: number): void {
  // the common case first: a table without a metatable, an array index or a string key
  if (o instanceof LuaTable && o.mt === null) {
    if (typeof k === "number") {
      if (k > 0 && Number.isInteger(k)) return o.setInt(k, v);
    } else if (typeof k === "string") return o.setStr(k, v);
    return rawsetChecked(o, k, v, site);
  }
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let h: unknown;
    if (o instanceof LuaTable) {
      if (o.mt === null || (h = o.mt.getStr("__newindex")) === undefined) return rawsetChecked(o, k, v, site);
      if (o.get(k) !== undefined) return rawsetChecked(o, k, v, site);
    } else {
      h = metaOf(o, "__newindex");
      if (h === undefined) throw rtError(attempt("index", o), loop === 0 ? "i" : undefined, 0, site);
    }
    if (typeof h === "function") {
      mm3(h, o, k, v);
      return;
    }
    o = h;
  }
  throw luaError("'__newindex' chain too long; possible loop");
}

/** `o.name = v` with a constant string key. */
export function setindexS(o: unknown, k: string, v: unknown, site?: number): void {
  if (o instanceof LuaTable && o.mt === null) {
    o.setStr(k, v);
    return;
  }
  setindex(o, k, v, site);
}

export function rawsetChecked(t: LuaTable, k: unknown, v: unknown, site?: number): void {
  if (typeof k === "number") {
    if (k !== k) throw luaError("table index is NaN", site);
  } else if (k === undefined) throw luaError("table index is nil", site);
  else if (k instanceof LFloat && Number.isNaN(k.n)) throw luaError("table index is NaN", site);
  t.set(k, v);
}

export const rawsetTableCtor = rawsetChecked;

// ---- arithmetic ----

const ARITH_EVENTS = ["__add", "__sub", "__mul", "__div", "__mod", "__pow", "__idiv", "__unm"];
const enum Op {
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Pow,
  Idiv,
  Unm,
}

/** Converts an arithmetic operand: numbers, and strings that are numerals. */
export function tonum(v: unknown): LuaNumber | undefined {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LFloat) return v;
  if (typeof v === "string") return str2number(v);
  return undefined;
}

function arithNum(op: Op, x: LuaNumber, y: LuaNumber, site: number | undefined): LuaNumber {
  switch (op) {
    case Op.Add:
      return A.numAdd(x, y);
    case Op.Sub:
      return A.numSub(x, y);
    case Op.Mul:
      return A.numMul(x, y);
    case Op.Div:
      return A.numDiv(x, y);
    case Op.Pow:
      return A.numPow(x, y);
    case Op.Mod:
      return modNum(x, y, site);
    case Op.Idiv:
      return idivNum(x, y, site);
    case Op.Unm:
      return A.numUnm(x);
  }
}

/** Lua's % on numbers (integer modulo by zero is an error). */
export function modNum(x: LuaNumber, y: LuaNumber, site?: number): LuaNumber {
  if (isInteger(x) && isInteger(y)) {
    if (y === 0) throw luaError("attempt to perform 'n%0'", site);
    return A.intMod(x, y);
  }
  return A.fltMod(toF(x), toF(y));
}

/** Lua's // on numbers (integer division by zero is an error). */
export function idivNum(x: LuaNumber, y: LuaNumber, site?: number): LuaNumber {
  if (isInteger(x) && isInteger(y)) {
    if (y === 0) throw luaError("attempt to divide by zero", site);
    return A.intIdiv(x, y);
  }
  return A.fltIdiv(toF(x), toF(y));
}

/** Arithmetic on numerals: Lua runs it in the string library's metamethod, a C function, so
 *  a division by zero raised there carries no position ("attempt to divide by zero"). */
function arithOfStrings(op: Op, x: LuaNumber, y: LuaNumber): LuaNumber {
  if ((op === Op.Mod || op === Op.Idiv) && isInteger(x) && isInteger(y) && y == 0) {
    throw new LuaError(op === Op.Mod ? "attempt to perform 'n%0'" : "attempt to divide by zero");
  }
  return arithNum(op, x, y, undefined);
}

const OP_NAMES = ["add", "sub", "mul", "div", "mod", "pow", "idiv", "unm"];

/** Lua raises this error in the string library's arithmetic metamethod (a C function): its
 *  traceback starts with that level. */
function inStringMetamethod(e: LuaError, event: string): LuaError {
  e.raisedIn = `metamethod '${event}'`;
  return e;
}

function arithSlow(op: Op, a: unknown, b: unknown, site: number | undefined): unknown {
  const x = tonum(a);
  const y = tonum(b);
  if (x !== undefined && y !== undefined) {
    if (typeof a === "string" || typeof b === "string") return arithOfStrings(op, x, y);
    return arithNum(op, x, y, site);
  }
  const ev = ARITH_EVENTS[op];
  // strings take part through the string library's arithmetic metamethods (5.4)
  if (typeof a !== "string") {
    const h = metaOf(a, ev);
    if (h !== undefined) return first(mm2(h, a, b));
  }
  if (typeof a === "string" || typeof b === "string") {
    const other = typeof a === "string" ? b : a;
    const h = typeof other === "string" ? undefined : metaOf(other, ev);
    if (h !== undefined) return first(mm2(h, a, b));
    throw inStringMetamethod(luaError(`attempt to ${OP_NAMES[op]} a '${typeName(a)}' with a '${typeName(b)}'`, site), OP_NAMES[op]);
  }
  const h = metaOf(b, ev);
  if (h !== undefined) return first(mm2(h, a, b));
  const bad = x === undefined ? 0 : 1;
  throw rtError(attempt("perform arithmetic on", bad === 0 ? a : b), "a", bad, site);
}

export function add(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) return r <= MAX_SAFE && r >= -MAX_SAFE ? r : A.numAdd(a, b);
      return new LFloat(r);
    }
    return r;
  }
  return numericSlow(Op.Add, a, b, site);
}

export function sub(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) return r <= MAX_SAFE && r >= -MAX_SAFE ? r : A.numSub(a, b);
      return new LFloat(r);
    }
    return r;
  }
  return numericSlow(Op.Sub, a, b, site);
}

export function mul(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) return r <= MAX_SAFE && r >= -MAX_SAFE ? r + 0 : A.numMul(a, b);
      return new LFloat(r);
    }
    return r;
  }
  return numericSlow(Op.Mul, a, b, site);
}

export function div(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a / b;
    return Number.isInteger(r) ? new LFloat(r) : r;
  }
  return numericSlow(Op.Div, a, b, site);
}

export function mod(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
      const r = a % b;
      return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
    }
    return modNum(a, b, site);
  }
  return numericSlow(Op.Mod, a, b, site);
}

export function idiv(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b) && b !== 0) return Math.floor(a / b) + 0;
    return idivNum(a, b, site);
  }
  return numericSlow(Op.Idiv, a, b, site);
}

/** Operands that are numbers of any representation (boxed floats, big integers) skip the
 *  string and metamethod machinery. */
function numericSlow(op: Op, a: unknown, b: unknown, site: number | undefined): unknown {
  if (isNumber(a) && isNumber(b)) return arithNum(op, a, b, site);
  return arithSlow(op, a, b, site);
}

export function pow(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "number" && typeof b === "number") return A.numPow(a, b);
  return numericSlow(Op.Pow, a, b, site);
}

export function unm(a: unknown, site?: number): unknown {
  if (typeof a === "number") return A.numUnm(a);
  const x = tonum(a);
  if (x !== undefined) return A.numUnm(x);
  if (typeof a === "string") throw inStringMetamethod(luaError("attempt to unm a 'string' with a 'string'", site), "unm");
  const h = metaOf(a, "__unm");
  if (h !== undefined) return first(mm2(h, a, a));
  throw rtError(attempt("perform arithmetic on", a), "a", 0, site);
}

// ---- bitwise ----

const BIT_EVENTS = ["__band", "__bor", "__bxor", "__shl", "__shr", "__bnot"];
const BIT_FNS = [A.intBand, A.intBor, A.intBxor, A.intShl, A.intShr];

function toBitInt(v: unknown): number | bigint | undefined | null {
  // undefined: not a number at all; null: a number without an integer representation
  if (!isNumber(v)) return undefined;
  const i = A.bitOperand(v);
  return i === undefined ? null : i;
}

function bitSlow(op: number, a: unknown, b: unknown, site: number | undefined): unknown {
  const x = toBitInt(a);
  const y = toBitInt(b);
  if (x != null && y != null) return op === 5 ? A.intBnot(x) : BIT_FNS[op](x, y);
  const h = metaOf(a, BIT_EVENTS[op]) ?? metaOf(b, BIT_EVENTS[op]);
  if (h !== undefined) return first(mm2(h, a, b));
  if (x !== undefined && y !== undefined) {
    // both numbers: one has no integer representation
    throw rtError("number%v has no integer representation", "a", x === null ? 0 : 1, site);
  }
  const bad = x === undefined ? 0 : 1;
  throw rtError(attempt("perform bitwise operation on", bad === 0 ? a : b), "a", bad, site);
}

function smallInt(v: unknown): v is number {
  return typeof v === "number" && (v | 0) === v;
}

export function band(a: unknown, b: unknown, site?: number): unknown {
  return smallInt(a) && smallInt(b) ? a & b : bitSlow(0, a, b, site);
}
export function bor(a: unknown, b: unknown, site?: number): unknown {
  return smallInt(a) && smallInt(b) ? a | b : bitSlow(1, a, b, site);
}
export function bxor(a: unknown, b: unknown, site?: number): unknown {
  return smallInt(a) && smallInt(b) ? a ^ b : bitSlow(2, a, b, site);
}
export function shl(a: unknown, b: unknown, site?: number): unknown {
  return bitSlow(3, a, b, site);
}
export function shr(a: unknown, b: unknown, site?: number): unknown {
  return bitSlow(4, a, b, site);
}
export function bnot(a: unknown, site?: number): unknown {
  return smallInt(a) ? ~a : bitSlow(5, a, a, site);
}

// ---- concatenation and length ----

export function tostr(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LFloat) return numberToString(v);
  return undefined;
}

/** Where flatten's read goes (a store the compiler cannot drop). */
const flat = { sink: 0 };

/** s as one flat string: V8 flattens a rope (a cons string of parts) in place when a
 *  character of it is read, after which the collector keeps the flat copy alone. */
export function flatten(s: string): string {
  flat.sink = s.charCodeAt(0);
  return s;
}

/** The longest result of `..` that is copied into a flat string at once. V8 makes a result
 *  of 13 characters or more a rope of its two parts, 32 bytes besides them, that keeps both
 *  alive; a program that keeps many short built strings (`"item" .. i .. "=" .. v` into a
 *  table) then copies and marks three objects where one would do. Read once, a rope is
 *  flattened in place and the collector keeps only the flat copy: 300,000 such strings
 *  kept took 0.95 -> 0.68 s in plain JS. Longer results stay ropes, so that building a long
 *  string piece by piece does not copy it at every step. */
const FLAT_UPTO = 64;

export function concat(a: unknown, b: unknown, site?: number): unknown {
  if (typeof a === "string" && typeof b === "string") {
    const r = a + b;
    if (r.length <= FLAT_UPTO) return flatten(r);
    // long strings share their parts: count the new part, a tick a kilobyte
    if (r.length > 4096) memoryTicks((a.length < b.length ? a.length : b.length) >> 10);
    return r;
  }
  const x = tostr(a);
  const y = tostr(b);
  if (x !== undefined && y !== undefined) {
    const r = x + y;
    return r.length <= FLAT_UPTO ? flatten(r) : r;
  }
  const h = metaOf(a, "__concat") ?? metaOf(b, "__concat");
  if (h !== undefined) return first(mm2(h, a, b));
  const bad = x === undefined ? 0 : 1;
  throw rtError(attempt("concatenate", bad === 0 ? a : b), "k", bad, site);
}

export function len(v: unknown, site?: number): unknown {
  if (typeof v === "string") return v.length;
  if (v instanceof LuaTable) {
    if (v.mt === null) return v.length();
    const h = v.mt.getStr("__len");
    if (h === undefined) return v.length();
    return first(mm1(h, v));
  }
  const h = metaOf(v, "__len");
  if (h !== undefined) return first(mm1(h, v));
  throw rtError(attempt("get length of", v), "i", 0, site);
}

// ---- comparison ----

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === "string" || (ta === "number" && typeof b === "number")) return false;
  return eqSlow(a, b);
}

export function eqSlow(a: unknown, b: unknown): boolean {
  if (isNumber(a)) return isNumber(b) && A.numEq(a, b);
  if (a instanceof LuaTable || a instanceof Userdata) {
    if (!(b instanceof LuaTable || b instanceof Userdata)) return false;
    let h = metaOf(a, "__eq");
    if (h === undefined) h = metaOf(b, "__eq");
    if (h === undefined) return false;
    const r = first(mm2(h, a, b));
    return r !== undefined && r !== false;
  }
  return false;
}

export function lt(a: unknown, b: unknown, site?: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (isNumber(a) && isNumber(b)) return A.numLt(a, b);
  return cmpMeta("__lt", a, b, site);
}

export function le(a: unknown, b: unknown, site?: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (typeof a === "string" && typeof b === "string") return a <= b;
  if (isNumber(a) && isNumber(b)) return A.numLe(a, b);
  return cmpMeta("__le", a, b, site);
}

function cmpMeta(ev: string, a: unknown, b: unknown, site: number | undefined): boolean {
  let h = metaOf(a, ev);
  if (h === undefined) h = metaOf(b, ev);
  if (h !== undefined) {
    const r = first(mm2(h, a, b));
    return r !== undefined && r !== false;
  }
  const t1 = objTypeName(a);
  const t2 = objTypeName(b);
  if (t1 === t2) throw rtError(`attempt to compare two ${t1} values`, undefined, 0, site);
  throw rtError(`attempt to compare ${t1} with ${t2}`, undefined, 0, site);
}

// ---- conversions used by compiled code ----

/** tostring with __tostring and __name, as luaL_tolstring. */
export function tostringMeta(v: unknown, addressOf: (o: object) => string): string {
  const h = metaOf(v, "__tostring");
  if (h !== undefined) {
    const r = first(callable(h)(v));
    if (typeof r !== "string") {
      if (isNumber(r)) return numberToString(r);
      // luaL_tolstring runs inside a builtin (tostring, print, string.format)
      throw builtinError("'__tostring' must return a string");
    }
    return r;
  }
  const s = tostr(v);
  if (s !== undefined) return s;
  if (v === undefined) return "nil";
  if (v === true) return "true";
  if (v === false) return "false";
  const name = metaOf(v, "__name");
  const kind = typeof name === "string" ? name : typeName(v);
  return `${kind}: ${addressOf(v as object)}`;
}

