// The helper table handed to every compiled chunk: exactly the names in
// compiler/helpers.ts, which compiled code destructures once per chunk.
import { LuaTable } from "./core/table.js";
import { LFloat } from "./core/numbers.js";
import { EMPTY, Multi, first, nth, ret, retTail } from "./core/multi.js";
import * as ops from "./core/ops.js";
import { $fp, forIn, forprep, forval, forClose } from "./core/loops.js";
import { Y, cg, cg0, cg1, cg2, cg3, gop, tru, gonly } from "./core/coro.js";
import { closable, closeVar, closeVarG } from "./core/close.js";
import { builtins } from "./core/values.js";
import { memoryTick } from "./core/memory.js";
import { trec } from "./core/record.js";
import { LuaError, protectedCalls } from "./core/errors.js";

/** The values of a call result as an array to spread (not a copy: never mutated). A single
 *  value goes into an array made for any value: an array literal whose values were all
 *  numbers so far would hold them unboxed, and V8 may store a NaN there as its canonical NaN,
 *  losing a positive NaN's sign (numbers.ts: NaN signs). */
export function spread(r: unknown): unknown[] {
  if (r instanceof Multi) return r.v;
  const one = [undefined as unknown];
  one[0] = r;
  return one;
}

/** A table constructor: positional values (none: undefined), then key/value pairs. */
export function tnew(arr?: unknown[], kv?: unknown[]): LuaTable {
  const n = arr === undefined ? 0 : arr.length;
  const t = new LuaTable(arr);
  memoryTick();
  if (kv) {
    for (let i = 0; i < kv.length; i += 2) {
      const k = kv[i];
      if (typeof k === "string") {
        t.setStr(k, kv[i + 1]);
        continue;
      }
      // positional fields are stored last in Lua, so they win over [i] = v
      if (typeof k === "number" && Number.isInteger(k) && k >= 1 && k <= n) continue;
      ops.rawsetTableCtor(t, k, kv[i + 1]);
    }
  }
  return t;
}

/** Lua 5.5 named varargs: `function f(...t)` gets t = {n = select('#', ...), ...}. */
export function varargTable(va: unknown[]): LuaTable {
  const t = new LuaTable(va.slice());
  t.setStr("n", va.length);
  return t;
}

/** select(n, ...) on a vararg array when n is a valid index (checked by selectOk). */
export function selectVa(n: number, va: unknown[]): unknown {
  const from = n > 0 ? n - 1 : va.length + n;
  if (from >= va.length) return EMPTY;
  return from === va.length - 1 ? va[from] : new Multi(va.slice(from));
}

export function selectOk(n: unknown, len: number): boolean {
  return typeof n === "number" && Number.isInteger(n) && n !== 0 && n >= -len;
}

export function gt(a: unknown, b: unknown, site?: number): boolean {
  return ops.lt(b, a, site);
}

export function ge(a: unknown, b: unknown, site?: number): boolean {
  return ops.le(b, a, site);
}

export const helpers = {
  first, spread, ret, retTail, nth, Multi, EMPTY, LuaTable, LFloat,
  add: ops.add, sub: ops.sub, mul: ops.mul, div: ops.div, mod: ops.mod, idiv: ops.idiv, pow: ops.pow, unm: ops.unm,
  band: ops.band, bor: ops.bor, bxor: ops.bxor, shl: ops.shl, shr: ops.shr, bnot: ops.bnot,
  concat: ops.concat, len: ops.len, eq: ops.eq, eqSlow: ops.eqSlow, lt: ops.lt, le: ops.le, gt, ge,
  index: ops.index, indexS: ops.indexS, setindex: ops.setindex, setindexS: ops.setindexS, callable: ops.callable,
  tnew, trec, forprep, forval, $fp, forIn, closable, closeVar, varargTable,
  $B: builtins, $SM: ops.stringMeta, selectVa, selectOk,
  $Y: Y, cg, cg0, cg1, cg2, cg3, gop, tru, gonly, forClose, closeVarG, LuaError, $PC: protectedCalls,
};
