// Lua values ⇄ the PostgreSQL driver's plain data (the worker side is exec/ops/db.ts).
// Parameters: nil and json.null → NULL; booleans; integers (exact to 64 bits) and floats as
// decimal text; strings as text when they are safe as text for every parameter type, else
// (bytes that are not UTF-8, NUL or backslash, which bytea's text input would interpret)
// according to the parameter's type — bytea gets the bytes in binary format; tables too:
// json/jsonb and untyped parameters get JSON text, array types an array literal.
import { LuaTable } from "../../core/table.js";
import { RowMaker, rowMaker } from "../../core/record.js";
import { LFloat, isNumber, mkFloat, normInt } from "../../core/numbers.js";
import { NULL, utf8Decode } from "../convert.js";
import { decodeJson, encodeJson, JsonError } from "../json.js";
import { DbError, QueryOptions, isUtf8String, nullOf, resultTable, unsupported } from "./conn.js";
import { bytes, typeInfo, type Column, type Kind, type PgBatch, type ScalarKind } from "../../pg/values.js";
import type { RowSink } from "./pg-direct.js";
import { memoryTicks } from "../../core/memory.js";

/** A parameter as it crosses to the worker. */
export type PgParam = null | boolean | number | bigint | string | Uint8Array;
/** A parameter's type from the server: [type oid, element oid (0 unless an array type)]. */
export type ParamType = [number, number];

const BYTEA = 17;
const JSON_OIDS = new Set([114, 3802]);

/** Needs the parameter's type to be sent right. */
export const NEEDS_TYPE = Symbol("needs type");

const plainText = (s: string): boolean => !/[\x80-\xff\\\x00]/.test(s);


const bytesOf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "latin1"));

function number(v: unknown): number | bigint {
  return v instanceof LFloat ? v.n : (v as number | bigint);
}

/** A parameter without knowing its type, or NEEDS_TYPE. */
export function pgParam(v: unknown): PgParam | typeof NEEDS_TYPE {
  if (v === undefined || v === NULL) return null;
  if (typeof v === "boolean") return v;
  if (isNumber(v)) return number(v);
  if (typeof v === "string") {
    if (plainText(v)) return v;
    if (!/[\\\x00]/.test(v) && isUtf8String(v)) return utf8Decode(v, "db");
    return NEEDS_TYPE;
  }
  if (v instanceof LuaTable) return NEEDS_TYPE;
  throw unsupported(v);
}

/** A parameter for a parameter of type `t`. */
export function typedParam(v: unknown, t: ParamType | undefined): PgParam {
  const [oid, elem] = t ?? [0, 0];
  if (typeof v === "string") {
    if (oid === BYTEA || !isUtf8String(v)) return bytesOf(v);
    return utf8Decode(v, "db");
  }
  if (v instanceof LuaTable) return elem !== 0 && !JSON_OIDS.has(oid) ? arrayLiteral(v, elem) : jsonText(v);
  const p = pgParam(v);
  return p === NEEDS_TYPE ? null : p;
}

function jsonText(v: unknown): string {
  try {
    return utf8Decode(encodeJson(v, ""), "db");
  } catch (e) {
    if (e instanceof JsonError) throw new DbError(`cannot encode a table parameter as JSON: ${e.msg}`);
    throw e;
  }
}

// ---- array literals: {1,NULL,"a \"b\""} ----

function quoted(s: string): string {
  return `"${s.replace(/[\\"]/g, "\\$&")}"`;
}

function element(v: unknown, elem: number, seen: Set<LuaTable>): string {
  if (v === undefined || v === NULL) return "NULL";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (isNumber(v)) {
    const n = number(v);
    return typeof n === "number" && !Number.isFinite(n) ? (n > 0 ? "Infinity" : n < 0 ? "-Infinity" : "NaN") : String(n);
  }
  if (typeof v === "string") return quoted(elem === BYTEA ? "\\x" + Buffer.from(v, "latin1").toString("hex") : utf8Decode(v, "db"));
  if (v instanceof LuaTable) return JSON_OIDS.has(elem) ? quoted(jsonText(v)) : arrayLiteral(v, elem, seen);
  throw unsupported(v);
}

function arrayLiteral(t: LuaTable, elem: number, seen = new Set<LuaTable>()): string {
  if (seen.has(t)) throw new DbError("cannot bind a table that contains itself");
  seen.add(t);
  const n = t.length();
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) parts.push(element(t.get(i), elem, seen));
  seen.delete(t);
  return `{${parts.join(",")}}`;
}

// ---- results → Lua ----

function scalar(v: unknown, k: ScalarKind, o: QueryOptions): unknown {
  if (v === null) return nullOf(o);
  if (k === "v") return v;
  if (k === "f") return mkFloat(v as number);
  return decodeJson(v as string, o.keepNull);
}

function arrayToLua(a: unknown[], k: ScalarKind, o: QueryOptions): LuaTable {
  const out: unknown[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    out[i] = Array.isArray(x) ? arrayToLua(x, k, o) : scalar(x, k, o);
  }
  return new LuaTable(out);
}

/** A converter for values of kind `kind` (arrays, as they come in "any" columns). */
function converter(kind: Kind, o: QueryOptions): (v: unknown) => unknown {
  if (kind[0] !== "[") return (v) => scalar(v, kind as ScalarKind, o);
  const k = kind[1] as ScalarKind;
  return (v) => (v === null ? nullOf(o) : arrayToLua(v as unknown[], k, o));
}

/** Turns the batches of rows of a query (pg/values.ts PgBatch) into Lua tables as
 *  they arrive. A failure (the memory limit) is kept for `result`: batches are added while
 *  the scheduler waits, where an error would reach some other wait. */
export class RowCollector {
  private rows: LuaTable[] = [];
  private names: string[] = [];
  private set = -1;
  private failed: { e: unknown } | null = null;
  constructor(private readonly o: QueryOptions) {}

  add(b: PgBatch): void {
    if (this.failed !== null) return;
    try {
      if (b.set !== this.set) {
        this.set = b.set;
        this.rows = [];
      }
      this.names = b.names;
      const rows = this.rows;
      const start = rows.length;
      for (let i = 0; i < b.nrows; i++) rows.push(new LuaTable());
      for (let j = 0; j < b.names.length; j++) fillColumn(rows, start, b.names[j], b.cols[j], b.kinds[j], this.o);
      // (fillColumn stores without counting: the memory limit hears of the rows here)
      memoryTicks(b.nrows * (b.names.length + 1));
    } catch (e) {
      this.failed = { e };
    }
  }

  result(): LuaTable {
    if (this.failed !== null) throw this.failed.e;
    return resultTable(this.rows, this.names);
  }
}

/** Stores column `name` of rows[start...] (value i in rows[start + i]), column by column so
 *  that each loop handles one type. NULLs are skipped unless keep_null asks for json.null. */
function fillColumn(rows: LuaTable[], start: number, name: string, col: Column, kind: Kind, o: QueryOptions): void {
  const n = rows.length - start;
  if (col.t === "any") {
    const conv = converter(kind, o);
    for (let i = 0; i < n; i++) put(rows[start + i], name, conv(col.v[i]));
    return;
  }
  const nulls = col.nulls;
  if (nulls === null && kind === "v" && fillPlain(rows, start, n, name, col)) return;
  const nul = nullOf(o);
  const read = valueReader(col, kind, o);
  if (nulls === null) for (let i = 0; i < n; i++) rows[start + i].setField(name, read(i));
  else for (let i = 0; i < n; i++) put(rows[start + i], name, nulls[i] === 1 ? nul : read(i));
}

/** The common columns (integers, text) without NULLs, in plain loops: cheaper while the
 *  code is not yet optimised, which for a one-off big select it mostly is not. */
function fillPlain(rows: LuaTable[], start: number, n: number, name: string, col: Exclude<Column, { t: "any" }>): boolean {
  if (col.t === "num") {
    const v = col.v;
    for (let i = 0; i < n; i++) rows[start + i].setField(name, v[i]);
    return true;
  }
  if (col.t === "str") {
    const { s, ends } = col;
    for (let i = 0, a = 0; i < n; i++) {
      const b = ends[i];
      rows[start + i].setField(name, s.slice(a, b));
      a = b;
    }
    return true;
  }
  return false;
}

function put(t: LuaTable, name: string, v: unknown): void {
  if (v !== undefined) t.setField(name, v);
}

function valueReader(col: Exclude<Column, { t: "any" }>, kind: Kind, o: QueryOptions): (i: number) => unknown {
  switch (col.t) {
    case "num": {
      const v = col.v;
      return kind === "f" ? (i) => mkFloat(v[i]) : (i) => v[i];
    }
    case "big": {
      const v = col.v;
      return (i) => normInt(v[i]);
    }
    case "bool": {
      const v = col.v;
      return (i) => v[i] === 1;
    }
    case "str": {
      const { s, ends } = col;
      if (kind === "j") return (i) => decodeJson(s.slice(i === 0 ? 0 : ends[i - 1], ends[i]), o.keepNull);
      return (i) => s.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
    }
  }
}

// ---- rows read by the Lua thread itself (pg-direct.ts) ----

type RawConverter = (b: Buffer, start: number, end: number) => unknown;
const latin1 = (b: Buffer, start: number, end: number): string => (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(start, end);

/** A decimal integer's digits (as PostgreSQL writes int2, int4 and oid). */
function intAt(b: Buffer, start: number, end: number): number {
  const neg = b[start] === 0x2d;
  let n = 0;
  for (let i = neg ? start + 1 : start; i < end; i++) n = n * 10 + b[i] - 0x30;
  return neg ? -n : n;
}

/** int8: exact; a bigint beyond ±(2^53-1) */
function int8At(b: Buffer, start: number, end: number): number | bigint {
  const n = intAt(b, start, end);
  return Number.isSafeInteger(n) ? n : BigInt(latin1(b, start, end));
}

/** How a column of type `oid` becomes a Lua value straight from the text format's bytes:
 *  the common types without an intermediate string; text as it comes (UTF-8 bytes are what a
 *  Lua string holds); the rest through the worker's parsers (pg/values.ts). */
function rawConverter(oid: number, o: QueryOptions): RawConverter {
  switch (oid) {
    case 21: // int2
    case 23: // int4
    case 26: // oid
      return intAt;
    case 20:
      return int8At;
    case 700: // float4
    case 701: // float8
      return (b, s, e) => mkFloat(Number(latin1(b, s, e)));
    case 16: // bool
      return (b, s) => b[s] === 0x74;
  }
  const info = typeInfo(oid);
  if (info.kind === "j") return (b, s, e) => decodeJson(latin1(b, s, e), o.keepNull);
  if (info.parse === bytes) return latin1;
  const conv = converter(info.kind, o);
  return (b, s, e) => conv(info.parse(b.toString("utf8", s, e)));
}

/** The rows of a query as the Lua thread reads them off the socket: each DataRow becomes a
 *  Lua table at once (pg-direct.ts; the worker's batches take RowCollector). */
export class WireRows implements RowSink {
  private rows: LuaTable[] = [];
  private names: string[] = [];
  private convs: RawConverter[] = [];
  private values: unknown[] = [];
  private make: RowMaker = rowMaker([]);
  constructor(private readonly o: QueryOptions) {}

  columns(names: string[], oids: number[]): void {
    // (several statements: the rows of the last one that has columns)
    this.rows = [];
    this.names = names;
    this.convs = oids.map((oid) => rawConverter(oid, this.o));
    this.values = new Array(names.length).fill(undefined);
    this.make = rowMaker(names);
  }

  row(b: Buffer, at: number): void {
    const n = b.readInt16BE(at);
    at += 2;
    const convs = this.convs;
    const values = this.values;
    const nul = nullOf(this.o);
    for (let i = 0; i < n; i++) {
      const len = b.readInt32BE(at);
      at += 4;
      if (len < 0) values[i] = nul;
      else {
        values[i] = convs[i](b, at, at + len);
        at += len;
      }
    }
    this.rows.push(this.make(values));
  }

  result(): LuaTable {
    return resultTable(this.rows, this.names);
  }
}
