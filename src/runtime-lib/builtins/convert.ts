// The shared Lua ⇄ data mapping (SPEC B§1.1, A3) used by json, yaml, toml, template
// variables, JWT claims and HTTP bodies:
//   Lua → data: tables are arrays iff every key is an integer 1..n (n = number of pairs; the
//   empty table is an array unless marked), else objects with keys in byte order; json.null
//   is null; integers beyond ±2^53 are bigints; strings are decoded from UTF-8 bytes.
//   data → Lua: null → nil, arrays → 1..n tables, objects → string-keyed tables, integral
//   numbers → integers, strings → UTF-8 byte strings.
// `json.array(t)` / `json.object(t)` mark a table's shape (`shapeOf`).
import { LuaTable } from "../core/table.js";
import { LFloat, fmtG14, isNumber, mkFloat, positiveIfNaN } from "../core/numbers.js";
import { LuaError } from "../core/errors.js";
import { typeName, Userdata } from "../core/values.js";

/** The json.null sentinel: encodes as null. */
export class JsonNull extends Userdata {
  override toString(): string {
    return "null";
  }
}
export const NULL = new JsonNull();

const shapes = new WeakMap<LuaTable, "array" | "object">();

/** Marks a table to encode as an array or an object whatever its keys. */
export function markShape(t: LuaTable, shape: "array" | "object"): LuaTable {
  shapes.set(t, shape);
  return t;
}

export function shapeOf(t: LuaTable): "array" | "object" | undefined {
  return shapes.get(t);
}

/** Lua byte string (UTF-8) → JS string; invalid UTF-8 is an error naming `what`. */
export function utf8Decode(s: string, what: string): string {
  // plain ASCII needs no work
  if (!/[\x80-\xff]/.test(s)) return s;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.from(s, "latin1"));
  } catch {
    throw new LuaError(`${what}: string is not valid UTF-8`);
  }
}

/** JS string → Lua byte string (UTF-8 bytes). */
export function utf8Encode(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return Buffer.from(s, "utf8").toString("latin1");
}

export interface ToDataOptions {
  /** prefix of error messages ("json.encode") */
  what: string;
  /** return integral floats as their LFloat box (not a plain number), so an encoder can
   *  print `1.0` for a float and `1` for an integer */
  keepFloats?: boolean;
  /** how an unmarked empty table encodes (default "array") */
  emptyTables?: "array" | "object";
}

/** Lua value → plain JS data (objects with keys in byte order, arrays, bigint, null). */
export function luaToData(v: unknown, opts: ToDataOptions, seen: Set<LuaTable> = new Set()): unknown {
  if (v === undefined || v === NULL) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return utf8Decode(v, opts.what);
  if (isNumber(v)) {
    const n = v instanceof LFloat ? v.n : v;
    if (typeof n === "number" && !Number.isFinite(n)) throw new LuaError(`${opts.what}: cannot encode ${fmtG14(n)} as JSON number`);
    return opts.keepFloats && v instanceof LFloat ? v : n;
  }
  if (v instanceof LuaTable) {
    if (seen.has(v)) throw new LuaError(`${opts.what}: cannot encode a table that contains itself`);
    seen.add(v);
    try {
      const keys = tableKeys(v);
      const shape = shapes.get(v) ?? (keys.length === 0 ? (opts.emptyTables ?? "array") : isArrayShape(keys) ? "array" : "object");
      if (shape === "array") {
        // (a loop: Math.max(...keys) overflows the stack on large arrays)
        let n = 0;
        for (const k of keys) if (typeof k === "number" && k > n) n = k;
        const out: unknown[] = [];
        for (let i = 1; i <= n; i++) out.push(luaToData(v.get(i), opts, seen));
        return out;
      }
      const entries = keys.map((k) => [keyString(k, opts), k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      // no prototype: a "__proto__" key is an ordinary key
      const o: Record<string, unknown> = Object.create(null);
      for (const [s, k] of entries) o[s] = luaToData(v.get(k), opts, seen);
      return o;
    } finally {
      seen.delete(v);
    }
  }
  throw new LuaError(`${opts.what}: unsupported Lua type for JSON: ${typeName(v)}`);
}

function tableKeys(t: LuaTable): unknown[] {
  const keys: unknown[] = [];
  let k: unknown = undefined;
  for (;;) {
    const e = t.next(k);
    if (e === undefined) return keys;
    keys.push(e[0]);
    k = e[0];
  }
}

function isArrayShape(keys: unknown[]): boolean {
  let max = 0;
  for (const k of keys) {
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1) return false;
    if (k > max) max = k;
  }
  return max === keys.length;
}

function keyString(k: unknown, opts: ToDataOptions): string {
  if (typeof k === "string") return utf8Decode(k, opts.what);
  if (typeof k === "number" || typeof k === "bigint") return String(k);
  if (k instanceof LFloat) return String(k.n);
  throw new LuaError(`${opts.what}: unsupported table key type: ${typeName(k)}`);
}

/** A scalar as the yaml and TOML parsers give it (both read every integer as a bigint). */
export type ParsedScalar = string | boolean | number | bigint;

export function isParsedScalar(v: unknown): v is ParsedScalar {
  const t = typeof v;
  return t === "string" || t === "boolean" || t === "number" || t === "bigint";
}

/** A parsed scalar → Lua: strings as UTF-8 bytes, integers through `int` (each format bounds
 *  them its own way), other numbers as floats (`1.0` stays a float: it was written as one). */
export function parsedScalarToLua(v: ParsedScalar, int: (b: bigint) => unknown): unknown {
  switch (typeof v) {
    case "string":
      return utf8Encode(v);
    case "bigint":
      return int(v);
    case "number":
      // (a format's NaN, .nan or nan, is the positive one: numbers.ts, NaN signs)
      return mkFloat(positiveIfNaN(v));
    default:
      return v; // a boolean
  }
}

/** Plain JS data → Lua value. Integral numbers become integers (callers that know a
 *  number was written as a float pass it as an LFloat or non-integral number). */
export function dataToLua(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  switch (typeof v) {
    case "boolean":
    case "bigint":
      return typeof v === "bigint" && v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
    case "number":
      return positiveIfNaN(v);
    case "string":
      return utf8Encode(v);
  }
  if (Array.isArray(v)) {
    const t = new LuaTable();
    v.forEach((x, i) => {
      const lv = dataToLua(x);
      if (lv !== undefined) t.set(i + 1, lv);
    });
    return t;
  }
  if (v instanceof Date) return utf8Encode(v.toISOString());
  if (v instanceof LFloat) return v;
  const t = new LuaTable();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const lv = dataToLua(x);
    if (lv !== undefined) t.set(utf8Encode(k), lv);
  }
  return t;
}
