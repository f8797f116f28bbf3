// PostgreSQL's text format → Lua-ready values, for the I/O worker's PostgreSQL operations
// (exec/ops/db.ts) and the Lua thread's (builtins/db/pg-direct.ts), and the result shape
// that crosses from the worker to the Lua thread: rows go column by column (typed arrays,
// and one string per text column), far cheaper to clone than an array per row;
// builtins/db/pgvalues.ts turns them into Lua tables.
import { createRequire } from "node:module";

/** How the Lua thread finishes a column's values: "v" values are final (integers as
 *  number/bigint, booleans, byte strings); "f" numbers are Lua floats; "j" values are JSON
 *  text (bytes) to decode; "[" + k: nested arrays whose elements are of kind k. */
export type ScalarKind = "v" | "f" | "j";
export type Kind = ScalarKind | `[${ScalarKind}`;

// ---- PostgreSQL text format → Lua-ready values ----

// Array literals are parsed by postgres-array (what pg's own parsers use): loaded on first
// use by a literal require, which esbuild bundles but runs only when called (file-by-file tsc
// output, where ESM has no require, loads it from node_modules). pg itself is for the worker
// alone (exec/ops/pg-load.ts): the Lua thread's bundle must not carry it.
export const esm = (id: string): unknown => createRequire(import.meta.url)(id);
type ArrayParse = (s: string, element: (e: string) => unknown) => unknown[];
let arrayParse: ArrayParse | undefined;
const arrays = (): ArrayParse => (arrayParse ??= ((typeof require === "function" ? require("postgres-array") : esm("postgres-array")) as { parse: ArrayParse }).parse);

/** UTF-8 text → a Lua byte string. */
export const bytes = (s: string): string => (/[^\x00-\x7f]/.test(s) ? Buffer.from(s, "utf8").toString("latin1") : s);
const int = (s: string): number => Number(s);
/** int8: exact, a bigint beyond ±(2^53-1) */
function int8(s: string): number | bigint {
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
}
function bytea(s: string): string {
  if (s.startsWith("\\x")) return Buffer.from(s.slice(2), "hex").toString("latin1");
  // bytea_output = 'escape': \\ is a backslash, \ooo an octal byte
  return s.replace(/\\(\\|[0-7]{3})/g, (_, e: string) => (e === "\\" ? "\\" : String.fromCharCode(parseInt(e, 8))));
}
const TIMESTAMP = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)(?:([+-]\d\d)(?::(\d\d))?(?::(\d\d))?)?$/;
/** "2024-05-01 10:00:00.5+02" → "2024-05-01T10:00:00.5+02:00" ("Z" for UTC); infinity and
 *  BC dates stay as PostgreSQL writes them */
function timestamp(s: string): string {
  const m = TIMESTAMP.exec(s);
  if (!m) return s;
  const [, date, time, h, mm, ss] = m;
  if (h === undefined) return `${date}T${time}`;
  if (Number(h) === 0 && !mm && !ss) return `${date}T${time}Z`;
  return `${date}T${time}${h}:${mm ?? "00"}${ss ? ":" + ss : ""}`;
}

interface TypeInfo<K extends Kind = Kind> {
  kind: K;
  parse: (s: string) => unknown;
}
const T = <K extends Kind>(kind: K, parse: (s: string) => unknown): TypeInfo<K> => ({ kind, parse });
const TEXT = T("v", bytes);
const SCALARS: Record<number, TypeInfo<ScalarKind>> = {
  16: T("v", (s) => s === "t"), // bool
  17: T("v", bytea),
  20: T("v", int8),
  21: T("v", int), // int2
  23: T("v", int), // int4
  26: T("v", int), // oid
  114: T("j", bytes), // json
  3802: T("j", bytes), // jsonb
  700: T("f", Number), // float4
  701: T("f", Number), // float8
  1114: T("v", timestamp),
  1184: T("v", timestamp), // timestamptz
};
/** array type → element type */
export const ARRAYS: Record<number, number> = {
  1000: 16, 1001: 17, 1002: 18, 1003: 19, 1005: 21, 1007: 23, 1009: 25, 1014: 1042, 1015: 1043,
  1016: 20, 1021: 700, 1022: 701, 1028: 26, 1115: 1114, 1182: 1082, 1183: 1083, 1185: 1184,
  1187: 1186, 1231: 1700, 199: 114, 3807: 3802, 2951: 2950, 1041: 869, 651: 650, 1270: 1266,
};

export function typeInfo(oid: number): TypeInfo {
  const elem = ARRAYS[oid];
  if (elem === undefined) return SCALARS[oid] ?? TEXT;
  const e = SCALARS[elem] ?? TEXT;
  return T(`[${e.kind}` as Kind, (s) => arrays()(s, e.parse));
}

// ---- results, column by column ----

/** A column of a result; `nulls[i]` = 1 where row i is NULL. */
export type Column =
  | { t: "num"; v: Float64Array; nulls: Uint8Array | null }
  | { t: "big"; v: BigInt64Array; nulls: Uint8Array | null }
  | { t: "bool"; v: Uint8Array; nulls: Uint8Array | null }
  /** byte strings: value i is s.slice(ends[i - 1] ?? 0, ends[i]) */
  | { t: "str"; s: string; ends: Uint32Array; nulls: Uint8Array | null }
  /** anything else (arrays), NULL as null */
  | { t: "any"; v: unknown[] };

type Shape = Column["t"];
const SHAPES: Record<number, Shape> = { 16: "bool", 20: "big", 21: "num", 23: "num", 26: "num", 700: "num", 701: "num" };

/** Collects one column's values as the rows arrive. */
export class ColumnBuilder {
  private vals: unknown[] = [];
  private nulls: Uint8Array | null = null;
  private readonly shape: Shape;
  private readonly parse: (s: string) => unknown;
  constructor(readonly oid: number) {
    const info = typeInfo(oid);
    this.parse = info.parse;
    this.shape = SHAPES[oid] ?? (info.kind[0] === "[" ? "any" : "str");
  }
  add(raw: string | null, row: number): void {
    if (raw === null) {
      if (this.shape === "any") return void this.vals.push(null);
      if (this.nulls === null) this.nulls = new Uint8Array(Math.max(row + 1, 16));
      else if (row >= this.nulls.length) this.grow(row);
      this.nulls[row] = 1;
      this.vals.push(this.shape === "str" ? "" : 0);
    } else this.vals.push(this.parse === bytes ? raw : this.parse(raw));
  }
  private grow(row: number): void {
    const n = new Uint8Array(Math.max(row + 1, this.nulls!.length * 2));
    n.set(this.nulls!);
    this.nulls = n;
  }
  /** The column of the rows added so far (`rows` of them); the builder starts again empty. */
  take(rows: number): Column {
    const nulls = this.nulls === null ? null : this.nulls.length === rows ? this.nulls : this.nulls.slice(0, rows);
    const v = this.vals;
    this.vals = [];
    this.nulls = null;
    switch (this.shape) {
      case "num":
        return { t: "num", v: Float64Array.from(v as number[]), nulls };
      case "bool":
        return { t: "bool", v: Uint8Array.from(v as boolean[], (b) => (b ? 1 : 0)), nulls };
      case "big":
        // all within ±(2^53-1): plain numbers are cheaper to read
        if ((v as unknown[]).every((x) => typeof x === "number")) return { t: "num", v: Float64Array.from(v as number[]), nulls };
        return { t: "big", v: BigInt64Array.from(v as Array<number | bigint>, (x) => BigInt(x)), nulls };
      case "str": {
        // (text columns hold the server's text: made bytes once for the whole column)
        let joined = (v as string[]).join("");
        if (this.parse === bytes && /[^\x00-\x7f]/.test(joined)) {
          for (let i = 0; i < v.length; i++) v[i] = bytes(v[i] as string);
          joined = (v as string[]).join("");
        }
        const ends = new Uint32Array(v.length);
        let end = 0;
        for (let i = 0; i < v.length; i++) ends[i] = end += (v[i] as string).length;
        return { t: "str", s: joined, ends, nulls };
      }
      default:
        return { t: "any", v };
    }
  }
}

/** Rows of a result, sent as they arrive (every BATCH_ROWS rows, so that the Lua thread turns
 *  them into tables while the worker reads the next ones); the final batch is the PgResult. */
export interface PgBatch {
  /** which result set (a string of several statements has several): rows of an earlier set
   *  are dropped when a later one begins */
  set: number;
  /** column names (UTF-8 bytes) in order */
  names: string[];
  kinds: Kind[];
  cols: Column[];
  nrows: number;
}

export interface PgResult extends PgBatch {
  /** rows affected (summed over the statements of a multi-statement string) */
  count: number;
}

export const BATCH_ROWS = 8192;
