// The `db` table (SPEC B§1.16; docs/db.md):
//   db.connect(url, opts?) → conn       postgres:// or postgresql:// (one session per
//                                       connection, opened by the I/O worker; see
//                                       db/postgres.ts), sqlite: URLs (embedded)
//   db.query(conn, sql, params?, opts?) → rows    rows[i] keyed by column name; rows.columns
//                                       lists the names in order; opts.keep_null = true puts
//                                       json.null where a column is NULL
//   db.execute(conn, sql, params?) → { rows_affected = N, last_insert_id = id (SQLite) }
//   db.transaction(conn, fn) → fn's results      BEGIN, fn(conn), COMMIT; ROLLBACK and the
//                                       error again when fn fails (nested: a savepoint)
//   db.close(conn)
// Parameters are bound, never interpolated: $1..$n for PostgreSQL, ? for SQLite. Every
// function waits as I/O does: plain callers block, tasks park (builtins/waiting.ts).
import { LuaTable } from "../core/table.js";
import { trec } from "../core/record.js";
import { EMPTY } from "../core/multi.js";
import { ExitRequest } from "../core/errors.js";
import { Y, startCall, withGen } from "../core/coro.js";
import { callable } from "../core/ops.js";
import { isNumber, toF } from "../core/numbers.js";
import { libError } from "../lib/aux.js";
import { waiting, WaitBody } from "./waiting.js";
import { utf8Decode } from "./convert.js";
import { Connection, DbError, DbGen, Driver, ParamError, QueryOptions, isUtf8String, paramList } from "./db/conn.js";
import { connectPg, PgConnectOptions } from "./db/postgres.js";
import { connectSqlite } from "./db/sqlite.js";

const connMeta = new LuaTable();
connMeta.setStr("__name", "db.connection");
connMeta.setStr("__metatable", false);
connMeta.setStr("__tostring", function connToString(c: unknown): unknown {
  return String(c);
});

/** A driver failure as the Lua error "db.<fn>: <message>" ("db: ..." for bad parameters). */
function reraise(fname: string, e: unknown): never {
  if (e instanceof ParamError) throw libError(fname, `db: ${e.message}`);
  const msg = e instanceof DbError ? e.message : undefined;
  if (msg !== undefined) throw libError(fname, `${fname}: ${msg}`);
  throw e;
}

/** Runs a driver generator, turning its failures into Lua errors. */
function* guarded<T>(fname: string, g: DbGen<T>): DbGen<T> {
  try {
    return yield* g;
  } catch (e) {
    reraise(fname, e);
  }
}

function driverOf(conn: unknown, fname: string): Driver {
  if (!(conn instanceof Connection)) throw libError(fname, `${fname}: first argument must be a db connection`);
  if (conn.driver === null) throw libError(fname, `${fname}: connection is closed`);
  return conn.driver;
}

/** The SQL text, decoded from UTF-8 (the drivers take JS strings). */
function sqlOf(sql: unknown, fname: string): string {
  if (typeof sql !== "string") throw libError(fname, `${fname}: second argument must be a SQL string`);
  if (!/[\x80-\xff]/.test(sql)) return sql;
  if (!isUtf8String(sql)) throw libError(fname, `${fname}: SQL string is not valid UTF-8`);
  return utf8Decode(sql, fname);
}

function params(v: unknown, fname: string): unknown[] {
  try {
    return paramList(v);
  } catch (e) {
    reraise(fname, e);
  }
}

function queryOptions(v: unknown): QueryOptions {
  if (v === undefined) return { keepNull: false };
  if (!(v instanceof LuaTable)) throw libError("db.query", "db.query: options must be a table");
  const k = v.getStr("keep_null");
  return { keepNull: k !== undefined && k !== false };
}

// ---- connect ----

function seconds(o: LuaTable, key: string): number | undefined {
  const v = o.getStr(key);
  if (v === undefined) return undefined;
  if (!isNumber(v) || !(toF(v) >= 0)) throw libError("db.connect", `db.connect: option '${key}' must be a non-negative number of seconds`);
  return toF(v);
}

function pgOptions(v: unknown): PgConnectOptions {
  if (!(v instanceof LuaTable)) return {};
  const ca = v.getStr("ca_cert") ?? v.getStr("ca_cert_file");
  if (ca !== undefined && typeof ca !== "string") throw libError("db.connect", "db.connect: option 'ca_cert' must be a string");
  return { ca, connectTimeout: seconds(v, "connect_timeout"), queryTimeout: seconds(v, "query_timeout") };
}

function* connectBody(url: unknown, opts: unknown): WaitBody {
  if (typeof url !== "string") throw libError("db.connect", "db.connect: first argument must be a URL string");
  if (opts !== undefined && !(opts instanceof LuaTable)) throw libError("db.connect", "db.connect: options must be a table");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  let driver: Driver;
  if (scheme === "postgres" || scheme === "postgresql") driver = yield* guarded("db.connect", connectPg(url, pgOptions(opts)));
  else if (scheme === "sqlite") driver = yield* guarded("db.connect", connectSqlite(url));
  else if (scheme === "mysql" || scheme === "mariadb") throw libError("db.connect", "db.connect: MySQL is not supported (use PostgreSQL or SQLite)");
  else throw libError("db.connect", `db.connect: unsupported database URL (expected postgres://, postgresql:// or sqlite:)`);
  return new Connection(driver, connMeta);
}

// ---- query, execute, close ----

/** db.execute's results: { rows_affected = N } and { rows_affected = N, last_insert_id = id } */
const countOnly = trec(["rows_affected"]);
const countAndId = trec(["rows_affected", "last_insert_id"]);

function* queryBody(conn: unknown, sql: unknown, ps: unknown, opts: unknown): WaitBody {
  const d = driverOf(conn, "db.query");
  const text = sqlOf(sql, "db.query");
  return yield* guarded("db.query", d.query(text, params(ps, "db.query"), queryOptions(opts)));
}

function* executeBody(conn: unknown, sql: unknown, ps: unknown): WaitBody {
  const d = driverOf(conn, "db.execute");
  const text = sqlOf(sql, "db.execute");
  const r = yield* guarded("db.execute", d.execute(text, params(ps, "db.execute")));
  return r.lastId === undefined ? countOnly(r.count) : countAndId(r.count, r.lastId);
}

function* closeBody(conn: unknown): WaitBody {
  if (!(conn instanceof Connection)) throw libError("db.close", "db.close: first argument must be a db connection");
  const d = conn.driver;
  if (d === null) return EMPTY; // closing twice is harmless
  conn.driver = null;
  yield* guarded("db.close", d.close());
  return EMPTY;
}

// ---- transaction ----

/** BEGIN, fn(conn), COMMIT — or ROLLBACK and the error again. Nested in another
 *  transaction on the same connection, a savepoint instead. `call` runs fn (plainly, or
 *  started from generator code so that it may wait inside a task). */
function* transactionBody(conn: unknown, fn: unknown, call: (fn: unknown, conn: unknown) => DbGen<unknown>): WaitBody {
  const d = driverOf(conn, "db.transaction");
  if (typeof fn !== "function" && !(fn instanceof LuaTable)) throw libError("db.transaction", "db.transaction: second argument must be a function");
  const c = conn as Connection;
  const sp = c.txDepth === 0 ? null : `assay_tx_${c.txDepth}`;
  yield* guarded("db.transaction", d.execute(sp === null ? "BEGIN" : `SAVEPOINT ${sp}`, []));
  c.txDepth++;
  let results: unknown;
  try {
    results = yield* call(fn, conn);
  } catch (e) {
    // a failed ROLLBACK (connection lost) must not hide fn's error
    if (!(e instanceof ExitRequest) && c.driver === d) {
      try {
        yield* d.execute(sp === null ? "ROLLBACK" : `ROLLBACK TO SAVEPOINT ${sp}; RELEASE SAVEPOINT ${sp}`, []);
      } catch {
        // the session is gone: the server rolls back
      }
    }
    throw e;
  } finally {
    c.txDepth--;
  }
  if (c.driver !== d) throw libError("db.transaction", "db.transaction: connection was closed inside the transaction");
  yield* guarded("db.transaction", d.execute(sp === null ? "COMMIT" : `RELEASE SAVEPOINT ${sp}`, []));
  return results;
}

// eslint-disable-next-line require-yield
function* callPlain(fn: unknown, conn: unknown): DbGen<unknown> {
  return callable(fn)(conn);
}

function* callGen(fn: unknown, conn: unknown): DbGen<unknown> {
  const r = startCall(fn, [conn]);
  return Y.y ? yield* r as DbGen<unknown> : r;
}

// (the plain form is reached through `transaction`, which errors name: not named so itself)
const txPlain = waiting("transactionPlain", (conn, fn) => transactionBody(conn, fn, callPlain));
const txGen = waiting("transaction", (conn, fn) => transactionBody(conn, fn, callGen));
const transaction = withGen(
  function transaction(conn: unknown, fn: unknown): unknown {
    return txPlain(conn, fn);
  },
  (txGen as unknown as { $y: (...a: unknown[]) => WaitBody }).$y,
);

const dbLib: Record<string, Function> = {
  connect: waiting("connect", connectBody),
  query: waiting("query", queryBody),
  execute: waiting("execute", executeBody),
  close: waiting("close", closeBody),
  transaction,
};

export function openDb(G: LuaTable): void {
  G.setField("db", LuaTable.library(dbLib));
}
