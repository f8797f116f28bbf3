// What the `db` builtin shares with its drivers (postgres.ts, sqlite.ts): the connection
// userdata, the driver interface, driver errors, parameter lists and the result shape.
// Drivers are generators so that one body serves plain callers (which block) and tasks
// (which park): see builtins/waiting.ts.
import { isUtf8 } from "node:buffer";
import { LuaTable } from "../../core/table.js";
import { Userdata, typeName } from "../../core/values.js";
import type { Wait } from "../../exec/scheduler.js";
import { NULL, markShape } from "../convert.js";

export type DbGen<T> = Generator<Wait, T, unknown>;

export interface QueryOptions {
  /** SQL NULL columns hold json.null instead of being absent */
  keepNull: boolean;
}

export interface ExecResult {
  count: number | bigint;
  /** the engine's last inserted row id, where it has one (SQLite) */
  lastId?: number | bigint;
}

export interface Driver {
  readonly engine: "postgres" | "sqlite";
  query(sql: string, params: unknown[], o: QueryOptions): DbGen<LuaTable>;
  execute(sql: string, params: unknown[]): DbGen<ExecResult>;
  close(): DbGen<void>;
}

/** A failure the builtin reports as "db.<fn>: <message>". */
export class DbError extends Error {}

/** A bad parameter list, reported as "db: <message>" whatever the function (as the original). */
export class ParamError extends DbError {}

/** An open (or closed) database connection: an opaque userdata. */
export class Connection extends Userdata {
  /** db.transaction calls running on this connection (nested ones use savepoints) */
  txDepth = 0;
  constructor(
    public driver: Driver | null,
    mt: LuaTable,
  ) {
    super(mt);
  }
  override toString(): string {
    return `db.connection (${this.driver === null ? "closed" : this.driver.engine})`;
  }
}

/** The parameters of a call: nil → none; a table is read as 1..n, n being `params.n` when it
 *  is an integer, else the largest positive integer key (so nil in the middle binds NULL). */
export function paramList(v: unknown): unknown[] {
  if (v === undefined) return [];
  if (!(v instanceof LuaTable)) throw new ParamError("params must be a table (array) or nil");
  const n = v.getStr("n");
  let count = typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : v.length();
  // (integer keys beyond the array part are in the other keys: only those are looked at)
  if (n === undefined && v.h !== null) {
    for (const k of v.h.keys()) if (typeof k === "number" && Number.isInteger(k) && k > count) count = k;
  }
  const out: unknown[] = [];
  for (let i = 1; i <= count; i++) out.push(v.getInt(i));
  return out;
}

export function unsupported(v: unknown): ParamError {
  return new ParamError(`unsupported parameter type: ${typeName(v)}`);
}

/** Is Lua string s (bytes) valid UTF-8? */
export const isUtf8String = (s: string): boolean => !/[\x80-\xff]/.test(s) || isUtf8(Buffer.from(s, "latin1"));

/** The value of an SQL NULL in a row. */
export const nullOf = (o: QueryOptions): unknown => (o.keepNull ? NULL : undefined);

/** The result of a query: an array of rows; `rows.columns` (through the metatable, so it is
 *  not one of the array's keys) lists the column names in order. */
export function resultTable(rows: LuaTable[], names: string[]): LuaTable {
  // (arrays when encoded as JSON, even empty)
  const t = markShape(new LuaTable(rows), "array");
  const index = new LuaTable();
  index.setStr("columns", markShape(new LuaTable(names.slice()), "array"));
  const mt = new LuaTable();
  mt.setStr("__index", index);
  t.mt = mt;
  return t;
}
