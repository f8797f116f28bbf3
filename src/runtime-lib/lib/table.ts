// The table library (ltablib.c of Lua 5.4): concat, insert, move, pack, remove, sort, unpack.
// Every function works on anything that behaves like a table (metamethods __index,
// __newindex, __len, checked as ltablib's checktab does) through the generic get/set/len
// below; tables without a metatable take fast paths on their array part (`t.arr`, key k
// at index k-1), which must do exactly what the generic path would.
import { checkMemory } from "../core/memory.js";
import { LuaTable } from "../core/table.js";
import { EMPTY, Multi, first } from "../core/multi.js";
import { LuaError, captureSites } from "../core/errors.js";
import { attempt, callable, eq, getMetatable, index, metaOf, objTypeName, setindex, tostr } from "../core/ops.js";
import { LFloat, MAXINT, floatToInt, isNumber, str2number, toIntExact, wrapInt } from "../core/numbers.js";
import { numLt } from "../core/arith.js";
import { typeName } from "../core/values.js";
import { argError, checkInteger, checkString, libError, typeError } from "./aux.js";
import { USE_JOIN, acquireOut, releaseOut } from "./strbuf.js";

const MAX_SAFE = 9007199254740991;
const INT_MAX = 2147483647;
/** lua_checkstack's limit (LUAI_MAXSTACK) minus what a call typically has in use */
const MAX_RESULTS = 999_975;

const TAB_R = 1;
const TAB_W = 2;
const TAB_L = 4;
const TAB_RW = TAB_R | TAB_W;

type Int = number | bigint;

/** An error raised from inside a C function by the VM: no position prefix. */
function plainError(msg: string): LuaError {
  return new LuaError(msg, captureSites());
}

/** ltablib's checktab: a table, or a value whose metatable has the needed metamethods. */
function checkTab(v: unknown, arg: number, fname: string, what: number, present = true): void {
  if (v instanceof LuaTable) return;
  const mt = getMetatable(v);
  if (
    mt !== null &&
    (!(what & TAB_R) || mt.getStr("__index") !== undefined) &&
    (!(what & TAB_W) || mt.getStr("__newindex") !== undefined) &&
    (!(what & TAB_L) || mt.getStr("__len") !== undefined)
  )
    return;
  throw typeError(arg, fname, "table", v, present);
}

/** lua_tointegerx: integers, floats with an exact integer value, numeric strings. */
function toInteger(v: unknown): Int | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "bigint") return v;
  if (v instanceof LFloat) return floatToInt(v.n);
  if (typeof v === "string") {
    const n = str2number(v);
    return n === undefined ? undefined : toIntExact(n);
  }
  return undefined;
}

/** luaL_len: the length with __len, which must be an integer. */
export function lenOf(v: unknown, fname: string): Int {
  let r: unknown;
  if (v instanceof LuaTable) {
    const h = v.mt === null ? undefined : v.mt.getStr("__len");
    if (h === undefined) return v.length();
    r = first(callable(h)(v));
  } else if (typeof v === "string") return v.length;
  else {
    const h = metaOf(v, "__len");
    if (h === undefined) throw plainError(attempt("get length of", v));
    r = first(callable(h)(v));
  }
  const i = toInteger(r);
  if (i === undefined) throw libError(fname, "object length is not an integer");
  return i;
}

function auxGetn(t: unknown, fname: string, what: number, present: boolean): Int {
  checkTab(t, 1, fname, what | TAB_L, present);
  return lenOf(t, fname);
}

/** lua_geti */
function geti(t: unknown, k: Int): unknown {
  if (typeof k === "number" && t instanceof LuaTable && t.mt === null) return t.getInt(k);
  return index(t, k);
}

/** lua_seti */
function seti(t: unknown, k: Int, v: unknown): void {
  if (typeof k === "number" && k > 0 && t instanceof LuaTable && t.mt === null) t.setInt(k, v);
  else setindex(t, k, v);
}

/** k + d with 64-bit wrap-around */
function addI(k: Int, d: number): Int {
  if (typeof k === "number") {
    const r = k + d;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return wrapInt(BigInt(k) + BigInt(d));
}

function u64(k: Int): bigint {
  return BigInt.asUintN(64, BigInt(k));
}

/** Lua's `<` as lua_compare does it from a C function: errors carry no position. */
export function lessThan(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (isNumber(a) && isNumber(b)) return numLt(a, b);
  let h = metaOf(a, "__lt");
  if (h === undefined) h = metaOf(b, "__lt");
  if (h !== undefined) {
    const r = first(callable(h)(a, b));
    return r !== undefined && r !== false;
  }
  const t1 = objTypeName(a);
  const t2 = objTypeName(b);
  if (t1 === t2) throw plainError(`attempt to compare two ${t1} values`);
  throw plainError(`attempt to compare ${t1} with ${t2}`);
}

// ---- insert / remove / move ----

function insert(t: unknown, a: unknown, b: unknown): unknown {
  const argc = arguments.length;
  if (argc === 2 && t instanceof LuaTable && t.mt === null) {
    // append: t[#t + 1] = v
    t.setInt(t.length() + 1, a);
    return EMPTY;
  }
  const n = auxGetn(t, "table.insert", TAB_RW, argc > 0);
  if (argc === 2) {
    // append: t[#t + 1] = v
    if (typeof n === "number" && t instanceof LuaTable && t.mt === null) t.setInt(n + 1, a);
    else seti(t, addI(n, 1), a);
    return EMPTY;
  }
  if (argc !== 3) throw libError("table.insert", "wrong number of arguments to 'insert'");
  const e = addI(n, 1);
  const pos = checkInteger(a, 2, "table.insert");
  // pos must lie in [1, e] (compared as unsigned, like ltablib)
  const ok = typeof pos === "number" && typeof e === "number" && e >= 0 ? pos >= 1 && pos <= e : u64(addI(pos, -1)) < u64(e);
  if (!ok) throw argError(2, "table.insert", "position out of bounds");
  if (typeof pos === "number" && typeof e === "number") {
    if (t instanceof LuaTable && t.mt === null && n === t.arr.length) {
      const arr = t.arr;
      if (pos === e) t.setInt(e, b);
      else {
        t.setInt(e, arr[e - 2]);
        arr.copyWithin(pos, pos - 1, e - 2);
        arr[pos - 1] = b;
      }
      return EMPTY;
    }
    for (let i = e; i > pos; i--) seti(t, i, geti(t, i - 1));
  } else {
    const p = BigInt(pos);
    for (let i = BigInt(e); i > p; i--) seti(t, wrapInt(i), geti(t, wrapInt(i - 1n)));
  }
  seti(t, pos, b);
  return EMPTY;
}

function remove(t: unknown, p: unknown): unknown {
  const size = auxGetn(t, "table.remove", TAB_RW, arguments.length > 0);
  let pos = p === undefined ? size : checkInteger(p, 2, "table.remove");
  if (pos !== size) {
    // pos must lie in [1, size + 1] (compared as unsigned)
    const ok = typeof pos === "number" && typeof size === "number" && size >= 0 ? pos >= 1 && pos <= size + 1 : u64(addI(pos, -1)) <= u64(size);
    if (!ok) throw argError(1, "table.remove", "position out of bounds");
  }
  if (typeof pos === "number" && typeof size === "number") {
    if (t instanceof LuaTable && t.mt === null && size === t.arr.length && pos >= 1 && pos <= size) {
      const arr = t.arr;
      const v = arr[pos - 1];
      if (pos === 1) arr.shift();
      else if (pos === size) arr.pop();
      else arr.splice(pos - 1, 1);
      while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
      return v;
    }
    const v = geti(t, pos);
    for (; pos < size; pos++) seti(t, pos, geti(t, pos + 1));
    seti(t, pos, undefined);
    return v;
  }
  const v = geti(t, pos);
  let i = BigInt(pos);
  const s = BigInt(size);
  for (; i < s; i++) seti(t, wrapInt(i), geti(t, wrapInt(i + 1n)));
  seti(t, wrapInt(i), undefined);
  return v;
}

function move(a1: unknown, f: unknown, e: unknown, t: unknown, a2: unknown): unknown {
  const argc = arguments.length;
  const fi = checkInteger(f, 2, "table.move", argc > 1);
  const ei = checkInteger(e, 3, "table.move", argc > 2);
  const ti = checkInteger(t, 4, "table.move", argc > 3);
  const other = a2 !== undefined;
  const dest = other ? a2 : a1;
  checkTab(a1, 1, "table.move", TAB_R);
  checkTab(dest, other ? 5 : 1, "table.move", TAB_W);
  if (ei >= fi) {
    if (!(fi > 0 || BigInt(ei) < MAXINT + BigInt(fi))) throw argError(3, "table.move", "too many elements to move");
    const n = BigInt(ei) - BigInt(fi) + 1n;
    if (!(BigInt(ti) <= MAXINT - n + 1n)) throw argError(4, "table.move", "destination wrap around");
    const forward = ti > ei || ti <= fi || (other && !eq(a1, dest));
    if (typeof fi === "number" && typeof ei === "number" && typeof ti === "number" && ti + (ei - fi) <= MAX_SAFE) {
      const cnt = ei - fi + 1;
      if (forward) for (let i = 0; i < cnt; i++) seti(dest, ti + i, geti(a1, fi + i));
      else for (let i = cnt - 1; i >= 0; i--) seti(dest, ti + i, geti(a1, fi + i));
    } else {
      const bf = BigInt(fi);
      const bt = BigInt(ti);
      if (forward) for (let i = 0n; i < n; i++) seti(dest, wrapInt(bt + i), geti(a1, wrapInt(bf + i)));
      else for (let i = n - 1n; i >= 0n; i--) seti(dest, wrapInt(bt + i), geti(a1, wrapInt(bf + i)));
    }
  }
  return dest;
}

// ---- concat / pack / unpack ----

function concatError(v: unknown, i: Int): LuaError {
  // luaL_typename: the basic type name, without __name
  return libError("table.concat", `invalid value (${typeName(v)}) at index ${i} in table for 'concat'`);
}

/** A large result counts against the memory limit. */
function bigCheck(r: string): string {
  if (r.length > 1048576) checkMemory(0);
  return r;
}

function concat(t: unknown, sep: unknown, i: unknown, j: unknown): unknown {
  const argc = arguments.length;
  let last: Int = auxGetn(t, "table.concat", TAB_R, argc > 0);
  const s = sep === undefined ? "" : checkString(sep, 2, "table.concat");
  let k: Int = i === undefined ? 1 : checkInteger(i, 3, "table.concat");
  last = j === undefined ? last : checkInteger(j, 4, "table.concat");
  if (typeof k === "number" && typeof last === "number") {
    if (k > last) return "";
    if (t instanceof LuaTable && t.mt === null && k >= 1 && last <= t.arr.length) return concatArray(t.arr, s, k, last);
    let out = "";
    for (; k < last; k++) out += field(t, k) + s;
    if (k === last) out += field(t, k);
    return out;
  }
  let out = "";
  let b = BigInt(k);
  const e = BigInt(last);
  for (; b < e; b++) out += field(t, wrapInt(b)) + s;
  if (b === e) out += field(t, wrapInt(b));
  return out;
}

/** From this many values on, a byte buffer builds the result; below, Array.join does. The
 *  buffer's loop is several times faster once optimized, but a program that makes many
 *  short lists runs it cold, where the native join is faster. */
const MANY = 64;

/** concat over elements k..last (1-based) of an array part. */
function concatArray(arr: unknown[], sep: string, k: number, last: number): string {
  if (last - k + 1 < MANY) return bigCheck(joinFew(arr, sep, k, last));
  const out = acquireOut();
  try {
    const bad = out.join(arr, sep, k - 1, last - 1);
    if (bad === USE_JOIN) return bigCheck(joinFew(arr, sep, k, last));
    if (bad >= 0) throw concatError(arr[bad], bad + 1);
    return bigCheck(out.result());
  } finally {
    releaseOut(out);
  }
}

/** The same by Array.join, numbers converted first (short lists, long strings, very long
 *  results). */
function joinFew(arr: unknown[], sep: string, k: number, last: number): string {
  let x = k;
  while (x <= last && typeof arr[x - 1] === "string") x++;
  const parts = k === 1 && last === arr.length && x > last ? arr : arr.slice(k - 1, last);
  for (; x <= last; x++) {
    const v = arr[x - 1];
    if (typeof v === "string") continue;
    const str = tostr(v);
    if (str === undefined) throw concatError(v, x);
    parts[x - k] = str;
  }
  return parts.join(sep);
}

function field(t: unknown, k: Int): string {
  const v = geti(t, k);
  if (typeof v === "string") return v;
  const s = tostr(v);
  if (s === undefined) throw concatError(v, k);
  return s;
}

function pack(...args: unknown[]): unknown {
  const n = args.length;
  const t = new LuaTable(args);
  t.setStr("n", n);
  return t;
}

function unpack(t: unknown, i: unknown, j: unknown): unknown {
  const lo = i === undefined ? 1 : checkInteger(i, 2, "table.unpack");
  const hi = j === undefined ? lenOf(t, "table.unpack") : checkInteger(j, 3, "table.unpack");
  if (lo > hi) return EMPTY;
  if (typeof lo === "number" && typeof hi === "number" && hi - lo < MAX_RESULTS) {
    const n = hi - lo + 1;
    if (n === 1) return geti(t, lo);
    if (t instanceof LuaTable && t.mt === null) {
      if (lo >= 1 && hi <= t.arr.length) return new Multi(t.arr.slice(lo - 1, hi));
      const vals: unknown[] = new Array(n);
      for (let x = 0; x < n; x++) vals[x] = t.getInt(lo + x);
      return new Multi(vals);
    }
    const vals: unknown[] = new Array(n);
    for (let x = 0; x < n; x++) vals[x] = index(t, lo + x);
    return new Multi(vals);
  }
  const n = u64(BigInt(hi) - BigInt(lo));
  if (n >= BigInt(MAX_RESULTS)) throw libError("table.unpack", "too many results to unpack");
  const vals: unknown[] = [];
  const b = BigInt(lo);
  for (let x = 0n; x <= n; x++) vals.push(geti(t, wrapInt(b + x)));
  return vals.length === 1 ? vals[0] : new Multi(vals);
}

// ---- sort (ltablib's quicksort, so inconsistent comparators behave the same) ----

type Less = (a: unknown, b: unknown) => boolean;

/** thrown by the partition loops; `sort` turns it into the Lua error */
const INVALID_ORDER = { invalidOrder: true };

/** arrays larger than this may use randomized pivots */
const RANLIMIT = 100;

function randomizePivot(): number {
  // l_randomizePivot mixes clock() and time(): any varying value will do
  return (Date.now() + Math.floor(performance.now() * 1000)) >>> 0;
}

function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + (lo + r4);
}

/** Quicksort on a raw array: element k of the Lua table is a[k - 1]. */
function auxsortRaw(a: unknown[], lo: number, up: number, lt: Less, rnd: number): void {
  while (lo < up) {
    let x = a[lo - 1];
    let y = a[up - 1];
    if (lt(y, x)) {
      a[lo - 1] = y;
      a[up - 1] = x;
    }
    if (up - lo === 1) return;
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    x = a[p - 1];
    y = a[lo - 1];
    if (lt(x, y)) {
      a[p - 1] = y;
      a[lo - 1] = x;
    } else {
      y = a[up - 1];
      if (lt(y, x)) {
        a[p - 1] = y;
        a[up - 1] = x;
      }
    }
    if (up - lo === 2) return;
    const P = a[p - 1];
    a[p - 1] = a[up - 2];
    a[up - 2] = P;
    // partition: a[lo] <= P == a[up-1] <= a[up]
    let i = lo;
    let j = up - 1;
    for (;;) {
      let ai = a[++i - 1];
      while (lt(ai, P)) {
        if (i === up - 1) throw INVALID_ORDER;
        ai = a[++i - 1];
      }
      let aj = a[--j - 1];
      while (lt(P, aj)) {
        if (j < i) throw INVALID_ORDER;
        aj = a[--j - 1];
      }
      if (j < i) {
        a[up - 2] = ai;
        a[i - 1] = P;
        break;
      }
      a[i - 1] = aj;
      a[j - 1] = ai;
    }
    p = i;
    let n: number;
    if (p - lo < up - p) {
      auxsortRaw(a, lo, p - 1, lt, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortRaw(a, p + 1, up, lt, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

/** The same on an array holding only JS numbers or only byte strings, where JS's `<` is Lua's
 *  (for strings it compares bytes, as strcmp in the C locale). */
function auxsortPlain<T extends number | string>(a: T[], lo: number, up: number, rnd: number): void {
  while (lo < up) {
    let x = a[lo - 1];
    let y = a[up - 1];
    if (y < x) {
      a[lo - 1] = y;
      a[up - 1] = x;
    }
    if (up - lo === 1) return;
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    x = a[p - 1];
    y = a[lo - 1];
    if (x < y) {
      a[p - 1] = y;
      a[lo - 1] = x;
    } else {
      y = a[up - 1];
      if (y < x) {
        a[p - 1] = y;
        a[up - 1] = x;
      }
    }
    if (up - lo === 2) return;
    const P = a[p - 1];
    a[p - 1] = a[up - 2];
    a[up - 2] = P;
    // partition: a[lo] <= P == a[up-1] <= a[up]
    let i = lo;
    let j = up - 1;
    for (;;) {
      let ai = a[++i - 1];
      while (ai < P) {
        if (i === up - 1) throw INVALID_ORDER;
        ai = a[++i - 1];
      }
      let aj = a[--j - 1];
      while (P < aj) {
        if (j < i) throw INVALID_ORDER;
        aj = a[--j - 1];
      }
      if (j < i) {
        a[up - 2] = ai;
        a[i - 1] = P;
        break;
      }
      a[i - 1] = aj;
      a[j - 1] = ai;
    }
    p = i;
    let n: number;
    if (p - lo < up - p) {
      auxsortPlain(a, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortPlain(a, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}


/** The same through lua_geti/lua_seti, for tables with metatables and table-like values. */
function auxsortGen(t: unknown, lo: number, up: number, lt: Less, rnd: number): void {
  while (lo < up) {
    let x = geti(t, lo);
    let y = geti(t, up);
    if (lt(y, x)) {
      seti(t, lo, y);
      seti(t, up, x);
    }
    if (up - lo === 1) return;
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    x = geti(t, p);
    y = geti(t, lo);
    if (lt(x, y)) {
      seti(t, p, y);
      seti(t, lo, x);
    } else {
      y = geti(t, up);
      if (lt(y, x)) {
        seti(t, p, y);
        seti(t, up, x);
      }
    }
    if (up - lo === 2) return;
    const P = geti(t, p);
    seti(t, p, geti(t, up - 1));
    seti(t, up - 1, P);
    let i = lo;
    let j = up - 1;
    for (;;) {
      let ai = geti(t, ++i);
      while (lt(ai, P)) {
        if (i === up - 1) throw INVALID_ORDER;
        ai = geti(t, ++i);
      }
      let aj = geti(t, --j);
      while (lt(P, aj)) {
        if (j < i) throw INVALID_ORDER;
        aj = geti(t, --j);
      }
      if (j < i) {
        seti(t, up - 1, ai);
        seti(t, i, P);
        break;
      }
      seti(t, i, aj);
      seti(t, j, ai);
    }
    p = i;
    let n: number;
    if (p - lo < up - p) {
      auxsortGen(t, lo, p - 1, lt, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortGen(t, p + 1, up, lt, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

/** 1 if all elements are JS numbers, 2 if all are strings (no metamethods can run then), else 0. */
function homogeneous(a: unknown[]): number {
  const n = a.length;
  if (n === 0) return 0;
  const k = typeof a[0];
  if (k !== "number" && k !== "string") return 0;
  for (let i = 1; i < n; i++) if (typeof a[i] !== k) return 0;
  return k === "number" ? 1 : 2;
}

function sort(t: unknown, comp: unknown): unknown {
  const n = auxGetn(t, "table.sort", TAB_RW, arguments.length > 0);
  if (n > 1) {
    if (!(n < INT_MAX)) throw argError(1, "table.sort", "array too big");
    if (comp !== undefined && typeof comp !== "function") throw typeError(2, "table.sort", "function", comp);
    const up = Number(n);
    let lt: Less = lessThan;
    if (comp !== undefined) {
      const f = comp as (a: unknown, b: unknown) => unknown;
      lt = (a, b) => {
        const r = f(a, b);
        const v = r instanceof Multi ? r.v[0] : r;
        return v !== undefined && v !== false;
      };
    }
    try {
      if (t instanceof LuaTable && t.mt === null && up === t.arr.length) {
        const arr = t.arr;
        try {
          const kind = comp === undefined ? homogeneous(arr) : 0;
          if (kind === 1) auxsortPlain(arr as number[], 1, up, 0);
          else if (kind === 2) auxsortPlain(arr as string[], 1, up, 0);
          else auxsortRaw(arr, 1, up, lt, 0);
        } finally {
          // a comparator that shrank the table must not leave trailing holes behind
          while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
        }
      } else auxsortGen(t, 1, up, lt, 0);
    } catch (e) {
      if (e === INVALID_ORDER) throw libError("table.sort", "invalid order function for sorting");
      throw e;
    }
  }
  return EMPTY;
}

/** Registers the table library into the globals table. */
export function openTable(G: LuaTable): void {
  G.setField("table", LuaTable.library({ concat, insert, move, pack, remove, sort, unpack }));
}
