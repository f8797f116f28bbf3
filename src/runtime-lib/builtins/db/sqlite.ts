// The SQLite driver, on better-sqlite3: synchronous and in-process, so it runs on the Lua
// thread and never waits (its generators finish without yielding). Values:
//   INTEGER ⇄ Lua integers (exact to 64 bits: safeIntegers), REAL ⇄ floats, TEXT ⇄ strings
//   (UTF-8), BLOB ⇄ strings that are not UTF-8 (binary-safe both ways), NULL ⇄ nil;
//   booleans bind as 1/0 and tables as JSON text; columns declared BOOLEAN/BOOL read back as
//   booleans and columns declared JSON/JSONB are decoded.
// better-sqlite3 is a native addon: it is never bundled, but loaded from node_modules on first
// use (through createRequire, which esbuild leaves alone) — from a file built by `assay build`,
// node_modules is searched from the built file's directory.
import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";
import { LuaTable } from "../../core/table.js";
import { RowMaker, rowMaker } from "../../core/record.js";
import { LFloat, isNumber, mkFloat, normInt } from "../../core/numbers.js";
import { NULL, utf8Decode, utf8Encode } from "../convert.js";
import { decodeJson, encodeJson, JsonError } from "../json.js";
import { DbError, DbGen, Driver, ExecResult, QueryOptions, isUtf8String, nullOf, resultTable, unsupported } from "./conn.js";

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[]>;

let Sqlite: typeof BetterSqlite3 | undefined;

function load(): typeof BetterSqlite3 {
  if (Sqlite) return Sqlite;
  try {
    Sqlite = createRequire(import.meta.url)("better-sqlite3") as typeof BetterSqlite3;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" ? "the better-sqlite3 package cannot be found: install it next to the program with npm install better-sqlite3@12" : (e as Error).message;
    throw new DbError(`sqlite is not available in this build (${why})`);
  }
  return Sqlite;
}

/** The message of a better-sqlite3 error, with SQLite's result code. */
function failure(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  return new DbError(typeof code === "string" && code.startsWith("SQLITE_") ? `${e.message} (${code})` : e.message);
}

// ---- values ----

function bind(v: unknown): unknown {
  if (v === undefined || v === NULL) return null;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === "bigint") return v;
  if (v instanceof LFloat) return v.n;
  if (typeof v === "string") return !/[\x80-\xff]/.test(v) ? v : isUtf8String(v) ? utf8Decode(v, "db") : Buffer.from(v, "latin1");
  if (v instanceof LuaTable) {
    try {
      return utf8Decode(encodeJson(v, ""), "db");
    } catch (e) {
      if (e instanceof JsonError) throw new DbError(`cannot encode a table parameter as JSON: ${e.msg}`);
      throw e;
    }
  }
  if (isNumber(v)) return v;
  throw unsupported(v);
}

/** A column's converter, from its declared type. */
function converter(declared: string | null, o: QueryOptions): (v: unknown) => unknown {
  const t = (declared ?? "").toUpperCase();
  const base = (v: unknown): unknown => {
    switch (typeof v) {
      case "bigint":
        return normInt(v);
      case "number":
        return mkFloat(v);
      case "string":
        return utf8Encode(v);
      default:
        return v === null ? nullOf(o) : Buffer.isBuffer(v) ? v.toString("latin1") : v;
    }
  };
  if (t === "BOOLEAN" || t === "BOOL") return (v) => (typeof v === "bigint" ? v !== 0n : base(v));
  if (t === "JSON" || t === "JSONB") return (v) => (typeof v === "string" ? decodeJson(utf8Encode(v), o.keepNull) : base(v));
  return base;
}

// ---- the driver ----

const openDbs = new Set<Database>();
let hooked = false;

/** Column names, declared types and converters (without and with keep_null) of readers, and
 *  the schema versions they were read at. */
const shapes = new WeakMap<Statement, { main: unknown; temp: unknown; names: string[]; types: Array<string | null>; conv: Array<Array<(v: unknown) => unknown>>; make: RowMaker }>();

/** Prepared statements kept per connection, by SQL text (the least recently used go). */
const CACHE_SIZE = 128;

class SqliteDriver implements Driver {
  readonly engine = "sqlite";
  private readonly cache = new Map<string, Statement>();
  /** read the schema versions (see shape) */
  private versionStmts: Array<BetterSqlite3.Statement<unknown[], unknown>> | undefined;
  /** the SQL text last looked up in the cache: already its most recently used */
  private recent: string | undefined;
  constructor(private readonly db: Database) {}

  /** The statement, or null for a string of several statements (run with exec). */
  private prepare(sql: string, nparams: number): Statement | null {
    const cached = this.cache.get(sql);
    if (cached !== undefined) {
      // (a loop runs one statement over and over: it need not move to the end each time)
      if (sql !== this.recent) {
        this.cache.delete(sql);
        this.cache.set(sql, cached);
        this.recent = sql;
      }
      return cached;
    }
    try {
      const st = this.db.prepare(sql).safeIntegers(true) as Statement;
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
      this.recent = sql;
      return st;
    } catch (e) {
      if (nparams === 0 && e instanceof RangeError && /more than one statement/.test(e.message)) return null;
      throw failure(e);
    }
  }

  private script(sql: string): number | bigint {
    try {
      const before = this.db.prepare("SELECT total_changes()").pluck().get() as number;
      this.db.exec(sql);
      return (this.db.prepare("SELECT total_changes()").pluck().get() as number) - before;
    } catch (e) {
      throw failure(e);
    }
  }

  // eslint-disable-next-line require-yield
  *query(sql: string, params: unknown[], o: QueryOptions): DbGen<LuaTable> {
    const values = params.map(bind);
    const st = this.prepare(sql, values.length);
    if (st === null || !st.reader) {
      if (st === null) this.script(sql);
      else this.runStmt(st, values);
      return resultTable([], []);
    }
    let raw: unknown[][];
    try {
      raw = st.raw(true).all(...values) as unknown[][];
    } catch (e) {
      throw failure(e);
    }
    // (after running: a statement prepared before a schema change is prepared again as it
    // runs, and may then have other columns)
    const { names, conv, make } = this.shape(st, o);
    const rows: LuaTable[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i];
      for (let j = 0; j < conv.length; j++) r[j] = conv[j](r[j]);
      rows[i] = make(r);
    }
    return resultTable(rows, names);
  }

  /** The schema versions: SQLite counts the changes of the database's schema, whoever made
   *  them, and those of the connection's temporary tables apart. */
  private schemaVersions(): [unknown, unknown] {
    this.versionStmts ??= [this.db.prepare("PRAGMA main.schema_version").pluck(), this.db.prepare("PRAGMA temp.schema_version").pluck()];
    return [this.versionStmts[0].get(), this.versionStmts[1].get()];
  }

  /** A reader's column names and converters (kept with the statement until the schema
   *  changes: reading them costs more than the schema versions do). */
  private shape(st: Statement, o: QueryOptions): { names: string[]; conv: Array<(v: unknown) => unknown>; make: RowMaker } {
    let sh = shapes.get(st);
    const [main, temp] = this.schemaVersions();
    if (sh === undefined || sh.main !== main || sh.temp !== temp) {
      const cols = st.columns();
      const names = cols.map((c) => utf8Encode(c.name));
      sh = { main, temp, names, types: cols.map((c) => c.type), conv: [], make: rowMaker(names) };
      shapes.set(st, sh);
    }
    const k = o.keepNull ? 1 : 0;
    const conv = (sh.conv[k] ??= sh.types.map((t) => converter(t, o)));
    return { names: sh.names, conv, make: sh.make };
  }

  private runStmt(st: Statement, values: unknown[]): ExecResult {
    try {
      const info = st.run(...values);
      return { count: info.changes, lastId: normInt(BigInt(info.lastInsertRowid)) };
    } catch (e) {
      throw failure(e);
    }
  }

  // eslint-disable-next-line require-yield
  *execute(sql: string, params: unknown[]): DbGen<ExecResult> {
    const values = params.map(bind);
    const st = this.prepare(sql, values.length);
    return st === null ? { count: this.script(sql) } : this.runStmt(st, values);
  }

  // eslint-disable-next-line require-yield
  *close(): DbGen<void> {
    openDbs.delete(this.db);
    this.db.close();
  }
}

/** The file of a sqlite: URL (sqlite::memory:, sqlite:///abs.db, sqlite://rel.db,
 *  sqlite:path; ?mode=ro|rw|rwc|memory as sqlx). */
function parseUrl(url: string): { file: string; mode: string } {
  let rest = url.replace(/^sqlite:/i, "");
  if (rest.startsWith("//")) rest = rest.slice(2);
  const q = rest.indexOf("?");
  const query = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : "");
  let file = q >= 0 ? rest.slice(0, q) : rest;
  if (/%[0-9a-f]{2}/i.test(file)) file = decodeURIComponent(file);
  const mode = query.get("mode") ?? "rwc";
  if (!["ro", "rw", "rwc", "memory"].includes(mode)) throw new DbError(`invalid sqlite mode '${mode}' (ro, rw, rwc or memory)`);
  if (file === "" || file === ":memory:" || mode === "memory") return { file: ":memory:", mode: "rwc" };
  return { file, mode };
}

export function* connectSqlite(url: string): DbGen<Driver> {
  const { file, mode } = parseUrl(url);
  const Db = load();
  let db: Database;
  try {
    db = new Db(file, { readonly: mode === "ro", fileMustExist: mode !== "rwc" });
  } catch (e) {
    throw failure(e);
  }
  if (!hooked) process.once("exit", () => openDbs.forEach((d) => d.close()));
  hooked = true;
  openDbs.add(db);
  return new SqliteDriver(db);
}
