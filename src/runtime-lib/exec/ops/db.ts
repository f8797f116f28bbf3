// PostgreSQL operations for the I/O worker (the `db` builtin, builtins/db/postgres.ts, is the
// other half). Each connection is one pg Client (one server session: BEGIN ... COMMIT span
// calls), kept here by id. pg queues the queries of one client, so concurrent tasks sharing a
// connection take turns. Queries are pg "submittables" that collect rows column by column,
// already converted from PostgreSQL's text format to what Lua needs (pg/values.ts).
// Statements with parameters are prepared once per connection (pg/statements.ts).
//   pg.connect [url, {ca?, connectTimeout?, queryTimeout?}] → id
//   pg.query   [id, sql, values | null] → PgResult, after PgBatch events for big results
//              (values: null, boolean, number, bigint, string — already UTF-8-decoded — or
//              Uint8Array, sent in binary format)
//   pg.execute [id, sql, values | null] → the number of rows affected
//   pg.describe [id, sql] → [oid, element oid or 0] per parameter
//   pg.lend    [id] → {fd, tx, cleared} | null: the Lua thread speaks to the server itself
//              (builtins/db/pg-direct.ts) until pg.reclaim; null for a TLS connection
//   pg.reclaim [id, tx, cleared, broken | null]: the worker's again
//   pg.close [id], pg.closeAll []
import fs from "node:fs";
import type * as Pg from "pg";
import type { OpHandler } from "../io-worker.js";
import type { Lent } from "../../builtins/db/pg-direct.js";
import { withoutNodeAdvice } from "./net-errors.js";
import { StatementCache } from "../../pg/statements.js";
import { statementMessages, wireValue, withSqlstate } from "../../pg/wire.js";
import { ARRAYS, BATCH_ROWS, ColumnBuilder, Kind, PgBatch, PgResult, bytes, esm, typeInfo } from "../../pg/values.js";
import { loadPg } from "./pg-load.js";

// ---- connections ----

interface Conn {
  client: Pg.Client;
  /** why the connection broke (the server went away), if it did */
  broken?: string;
  /** the session's prepared statements */
  statements: StatementCache;
  /** the transaction status at the last ReadyForQuery: I (idle), T (in a transaction block)
   *  or E (in a failed one) */
  tx: string;
  /** the query pg is running (told when the server parsed and bound its statement) */
  running?: Submittable;
  /** the socket is lent to the Lua thread (pg.lend): the worker does not read it */
  lent: boolean;
  /** the server forgot the prepared statements (DEALLOCATE ALL) since the last pg.lend */
  cleared: boolean;
}
const conns = new Map<number, Conn>();
let nextConn = 1;

function connOf(id: unknown): Conn {
  const c = conns.get(id as number);
  if (!c) throw new Error("connection is closed");
  return c;
}

/** A message with the SQLSTATE when the server sent one: `relation "x" does not exist (42P01)`. */
function failure(e: unknown): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return new Error(withSqlstate(withoutNodeAdvice(err.message) || String(code ?? "error"), code));
}

interface ConnectOptions {
  /** PEM text, or a file holding it */
  ca?: string;
  /** seconds */
  connectTimeout?: number;
  queryTimeout?: number;
}

type SslConfig = false | { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean; checkServerIdentity?: () => undefined };

/** TLS settings for libpq's sslmode (disable, allow, prefer, require, verify-ca, verify-full).
 *  `prefer` and `allow` try TLS without verifying and fall back to plain (connect()). */
function sslConfig(mode: string | undefined, parsed: unknown, ca: string | undefined): SslConfig {
  const base = typeof parsed === "object" && parsed !== null ? { ...(parsed as Record<string, string>) } : {};
  if (ca !== undefined) base.ca = ca;
  const noHostCheck = { checkServerIdentity: (): undefined => undefined };
  switch (mode ?? (base.ca !== undefined || parsed === true ? "verify-full" : "disable")) {
    case "disable":
      return false;
    case "allow":
    case "prefer":
    case "no-verify":
      return { ...base, rejectUnauthorized: false };
    case "require":
      // (libpq: with a root certificate, require verifies it as verify-ca does)
      return base.ca !== undefined ? { ...base, ...noHostCheck } : { ...base, rejectUnauthorized: false };
    case "verify-ca":
      return { ...base, ...noHostCheck };
    case "verify-full":
      return base;
    default:
      throw new Error(`invalid sslmode value: "${mode}"`);
  }
}

function readCa(ca: string | undefined): string | undefined {
  if (ca === undefined || ca.includes("-----BEGIN")) return ca;
  try {
    return fs.readFileSync(ca, "latin1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`cannot read the CA certificate '${ca}': ${err.code === "ENOENT" ? "no such file" : err.message}`);
  }
}

function clientConfig(url: string, o: ConnectOptions): Pg.ClientConfig & { sslmode?: string } {
  const parse = ((typeof require === "function" ? require("pg-connection-string") : esm("pg-connection-string")) as { parse: (s: string) => Record<string, unknown> }).parse;
  const cfg = parse(url);
  const mode = cfg.sslmode as string | undefined;
  const timeout = o.connectTimeout ?? (cfg.connect_timeout !== undefined ? Number(cfg.connect_timeout) : 30);
  return {
    ...(cfg as Pg.ClientConfig),
    port: cfg.port ? Number(cfg.port) : undefined,
    ssl: sslConfig(mode, cfg.ssl, readCa(o.ca)),
    sslmode: mode,
    // ISO dates whatever the server's default
    options: (cfg.options as string | undefined) ?? "-c DateStyle=ISO",
    connectionTimeoutMillis: timeout > 0 ? Math.round(timeout * 1000) : 0,
    // the server cancels a statement that runs too long (the session stays usable); a server
    // that does not answer at all is given a little longer (see submit)
    statement_timeout: o.queryTimeout !== undefined && o.queryTimeout > 0 ? Math.round(o.queryTimeout * 1000) : undefined,
    query_timeout: o.queryTimeout !== undefined && o.queryTimeout > 0 ? Math.round(o.queryTimeout * 1000) + NO_ANSWER_GRACE_MS : undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

async function open(cfg: Pg.ClientConfig): Promise<Pg.Client> {
  const client = new (loadPg().Client)(cfg);
  // a connection error after connect (the server went away) must not kill the worker
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function connect(url: string, o: ConnectOptions): Promise<number> {
  const cfg = clientConfig(url, o);
  let client: Pg.Client;
  try {
    client = await open(cfg);
  } catch (e) {
    // sslmode=prefer/allow: a server without TLS is spoken to in plain text
    const plainOk = (cfg.sslmode === "prefer" || cfg.sslmode === "allow") && /does not support SSL/.test(String((e as Error).message));
    if (!plainOk) throw failure(e);
    client = await open({ ...cfg, ssl: false }).catch((e2) => Promise.reject(failure(e2)));
  }
  const id = nextConn++;
  const conn: Conn = { client, statements: new StatementCache(), tx: "I", lent: false, cleared: false };
  client.on("error", (e) => (conn.broken ??= failure(e).message));
  const con = (client as unknown as { connection: PgConnection }).connection;
  // (first: the client's own listener starts the next query, which reads the status)
  con.prependListener("readyForQuery", (m: { status: string }) => (conn.tx = m.status));
  con.on("parseComplete", () => conn.running?.parsed());
  con.on("bindComplete", () => conn.running?.bound());
  conns.set(id, conn);
  return id;
}

// ---- the queries: pg "submittables" (the extension point pg-cursor uses) ----

type PgConnection = import("node:events").EventEmitter & Record<string, (...a: unknown[]) => void> & { stream: { writable: boolean; write(b: Buffer): boolean } };

/** What pg calls on the query it is running; by default, nothing happens. */
abstract class Submittable {
  callback?: (err: Error | null, value?: unknown) => void;
  constructor(
    protected readonly conn: Conn,
    readonly text: string,
  ) {}
  submit(con: PgConnection): void {
    this.conn.running = this;
    this.send(con);
  }
  protected abstract send(con: PgConnection): void;
  protected end(err: Error | null, value?: unknown): void {
    if (this.conn.running === this) this.conn.running = undefined;
    const cb = this.callback;
    this.callback = undefined;
    cb?.(err, value);
  }
  /** The server parsed the statement (ParseComplete). */
  parsed(): void {}
  /** The server bound its parameters (BindComplete): from here on it runs. */
  bound(): void {}
  /** A copy to run once more after a failure, if it is worth it. */
  again(): Submittable | undefined {
    return undefined;
  }
  handleRowDescription(_msg: { fields: Array<{ name: string; dataTypeID: number }> }): void {}
  handleDataRow(_msg: { fields: Array<string | null> }): void {}
  handleCommandComplete(_msg: { text: string }, _con: PgConnection): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(con: PgConnection): void {
    con.sendCopyFail("COPY FROM STDIN is not supported");
  }
  handleCopyData(): void {}
  handleError(err: Error): void {
    this.end(err);
  }
  abstract handleReadyForQuery(): void;
}

/** A statement: with parameters, through the session's prepared statements
 *  (pg/statements.ts); without, with the simple protocol (so the text may hold several). */
abstract class Statement extends Submittable {
  protected count = 0;
  /** its prepared statement's name */
  private name: string | undefined;
  /** the same, when this call prepares it */
  private fresh: string | undefined;
  /** binds a statement prepared by an earlier call */
  private cached = false;
  /** the session was outside a transaction block when it was sent */
  private idle = false;
  private isBound = false;
  private retry = false;
  constructor(
    conn: Conn,
    text: string,
    protected readonly values: unknown[] | null,
    /** whether its rows are wanted (their description is asked for) */
    private readonly rows: boolean,
  ) {
    super(conn, text);
  }
  protected send(con: PgConnection): void {
    if (this.values === null) return con.query(this.text);
    const cache = this.conn.statements;
    let name = cache.lookup(this.text);
    this.cached = name !== undefined;
    if (name === undefined) name = this.fresh = cache.newName();
    this.name = name;
    this.idle = this.conn.tx === "I";
    const close = cache.takeClosing();
    const msgs = statementMessages({ close, name, parse: !this.cached, text: this.text, params: this.values.map(wireValue), describe: this.rows });
    // (one write for all the messages; as pg's own writes, none to a closed socket, whose
    // end fails the query)
    if (con.stream.writable) con.stream.write(msgs);
  }
  override parsed(): void {
    if (this.fresh !== undefined) this.conn.statements.add(this.text, this.fresh);
  }
  override bound(): void {
    this.isBound = true;
  }
  override handleCommandComplete(msg: { text: string }): void {
    // "INSERT 0 5", "UPDATE 3", "SELECT 100": the count is the last number
    const m = / (\d+)$/.exec(msg.text);
    if (m) this.count += Number(m[1]);
    // (the server forgot the session's prepared statements)
    else if (msg.text === "DEALLOCATE ALL" || msg.text === "DISCARD ALL") {
      this.conn.statements.clear();
      this.conn.cleared = true;
    }
  }
  override handleError(err: Error): void {
    if (this.cached && !this.isBound) {
      // a statement prepared earlier failed before it ran: it may be stale (a table it uses
      // changed, or the server forgot it). Prepared again it may well work: outside a
      // transaction block, where the failure changed nothing, it is tried once more
      this.conn.statements.drop(this.text);
      this.retry = this.idle && typeof (err as { code?: unknown }).code === "string";
    }
    // the name is the driver's business: the message reads as for an unnamed statement
    // ('bind message supplies 1 parameters, but prepared statement "" requires 2')
    if (this.name !== undefined) err.message = err.message.split(`"${this.name}"`).join(`""`);
    this.end(err);
  }
  override again(): Statement | undefined {
    return this.retry ? this.copy() : undefined;
  }
  protected abstract copy(): Statement;
}

/** A statement whose rows are collected column by column. */
class Query extends Statement {
  private names: string[] = [];
  private kinds: Kind[] = [];
  private builders: ColumnBuilder[] = [];
  private set = 0;
  private nrows = 0;
  /** `emit`: where batches of rows go before the end (none: all rows come at the end) */
  constructor(
    conn: Conn,
    text: string,
    values: unknown[] | null,
    private readonly emit?: (b: PgBatch) => void,
  ) {
    super(conn, text, values, true);
  }
  protected copy(): Query {
    return new Query(this.conn, this.text, this.values, this.emit);
  }
  override handleRowDescription(msg: { fields: Array<{ name: string; dataTypeID: number }> }): void {
    // (several statements: the rows of the last one that has columns)
    this.set++;
    this.names = msg.fields.map((f) => bytes(f.name));
    this.kinds = msg.fields.map((f) => typeInfo(f.dataTypeID).kind);
    this.builders = msg.fields.map((f) => new ColumnBuilder(f.dataTypeID));
    this.nrows = 0;
  }
  override handleDataRow(msg: { fields: Array<string | null> }): void {
    const f = msg.fields;
    const b = this.builders;
    const row = this.nrows++;
    for (let i = 0; i < b.length; i++) b[i].add(f[i], row);
    if (this.nrows === BATCH_ROWS && this.emit) this.emit(this.batch());
  }
  private batch(): PgBatch {
    const nrows = this.nrows;
    this.nrows = 0;
    return { set: this.set, names: this.names, kinds: this.kinds, cols: this.builders.map((b) => b.take(nrows)), nrows };
  }
  handleReadyForQuery(): void {
    this.end(null, { ...this.batch(), count: this.count } satisfies PgResult);
  }
}

/** A statement of which only the number of rows affected matters (rows it returns are
 *  dropped as they come). */
class Execute extends Statement {
  constructor(conn: Conn, text: string, values: unknown[] | null) {
    super(conn, text, values, false);
  }
  protected copy(): Execute {
    return new Execute(this.conn, this.text, this.values);
  }
  handleReadyForQuery(): void {
    this.end(null, this.count);
  }
}

/** A statement's parameter types: Parse and Describe, without executing. */
class Describe extends Submittable {
  private params: number[] = [];
  private con?: PgConnection;
  private readonly onParams = (m: { dataTypeIDs: number[] }): void => {
    this.params = m.dataTypeIDs;
  };
  protected send(con: PgConnection): void {
    this.con = con;
    con.on("parameterDescription", this.onParams);
    con.parse({ text: this.text, types: [] });
    con.describe({ type: "S", name: "" });
    con.sync();
  }
  protected override end(err: Error | null): void {
    this.con?.off("parameterDescription", this.onParams);
    super.end(err, this.params);
  }
  handleReadyForQuery(): void {
    this.end(null);
  }
}

/** How much longer than query_timeout a server that does not answer at all is waited for. */
const NO_ANSWER_GRACE_MS = 2000;

/** Runs `make`'s query on connection `id`. */
function submit<T>(id: unknown, make: (c: Conn) => Submittable): Promise<T> {
  const c = connOf(id);
  if (c.broken !== undefined) return Promise.reject(new Error(`connection lost: ${c.broken}`));
  return new Promise<T>((resolve, reject) => enqueue(id, c, make(c), resolve, reject));
}

function enqueue<T>(id: unknown, c: Conn, q: Submittable, resolve: (v: T) => void, reject: (e: Error) => void): void {
  q.callback = (err, v) => {
    if (!err) return resolve(v as T);
    if (err.message === "Query read timeout") {
      // no answer even to the server-side timeout: the session is in an unknown state
      c.broken ??= "the server did not answer in time";
      streamOf(c).destroy();
      return reject(new Error("query timed out: the server did not answer"));
    }
    if (conns.get(id as number) !== c) return reject(new Error("connection was closed"));
    const retry = q.again();
    if (retry !== undefined) return enqueue(id, c, retry, resolve, reject);
    // (the socket closed under the query: said as for later calls on this connection)
    const code = (err as { code?: unknown }).code;
    if (code === undefined && (c.broken !== undefined || /^Connection terminated/.test(err.message))) return reject(new Error(`connection lost: ${err.message}`));
    reject(failure(err));
  };
  c.client.query(q as unknown as Pg.QueryConfig);
}

async function describe(id: unknown, sql: string): Promise<Array<[number, number]>> {
  const params = await submit<number[]>(id, (c) => new Describe(c, sql));
  return params.map((oid) => [oid, ARRAYS[oid] ?? 0]);
}

// ---- lending the socket to the Lua thread ----

/** pg's socket: a net.Socket (TLS: a tls.TLSSocket, `encrypted`) and its libuv handle */
interface PgStream {
  _handle?: { fd?: number; readStop(): number; readStart(): number } | null;
  encrypted?: boolean;
  destroy(): void;
}
const streamOf = (c: Conn): PgStream => (c.client as unknown as { connection: { stream: PgStream } }).connection.stream;

/** Stops reading the connection's socket and gives its descriptor to the Lua thread, which
 *  runs the queries itself until pg.reclaim. Only between queries (the Lua thread has none
 *  running here), and only for a plain socket: a TLS one stays with pg. */
function lend(id: unknown): Lent | null {
  const c = connOf(id);
  const stream = streamOf(c);
  const h = stream._handle;
  if (c.lent || c.broken !== undefined || stream.encrypted || !h || typeof h.fd !== "number" || h.fd < 0) return null;
  h.readStop();
  c.lent = true;
  const cleared = c.cleared;
  c.cleared = false;
  return { fd: h.fd, tx: c.tx, cleared };
}

/** The Lua thread gives the socket back: pg reads it again. `tx` is the transaction status
 *  the Lua thread last saw, `cleared` whether the server forgot the prepared statements
 *  meanwhile, `broken` why the connection broke, if it did. */
function reclaim(id: unknown, tx: string, cleared: boolean, broken: string | null): void {
  const c = conns.get(id as number);
  if (!c || !c.lent) return;
  giveBack(c);
  c.tx = tx;
  if (cleared) c.statements.clear();
  if (broken !== null) {
    c.broken ??= broken;
    streamOf(c).destroy();
  }
}

function giveBack(c: Conn): void {
  c.lent = false;
  streamOf(c)._handle?.readStart();
}

async function close(id: unknown): Promise<void> {
  const c = conns.get(id as number);
  if (!c) return;
  conns.delete(id as number);
  // (pg waits for the server to close its end)
  if (c.lent) giveBack(c);
  await c.client.end().catch(() => {});
}

const valuesOf = (v: unknown): unknown[] | null => (v ?? null) as unknown[] | null;

export const ops: Record<string, OpHandler> = {
  "pg.connect": (args) => connect(String(args[0]), (args[1] ?? {}) as ConnectOptions),
  "pg.query": (args, ctx) => submit<PgResult>(args[0], (c) => new Query(c, String(args[1]), valuesOf(args[2]), (b) => ctx.emit(b))),
  // (the row count alone: a number crosses back cheaper than a result)
  "pg.execute": (args) => submit<number>(args[0], (c) => new Execute(c, String(args[1]), valuesOf(args[2]))),
  "pg.describe": (args) => describe(args[0], String(args[1])),
  "pg.lend": (args) => lend(args[0]),
  "pg.reclaim": (args) => reclaim(args[0], String(args[1]), args[2] === true, (args[3] ?? null) as string | null),
  "pg.close": (args) => close(args[0]),
  "pg.closeAll": () => Promise.all([...conns.keys()].map(close)).then(() => undefined),
};
