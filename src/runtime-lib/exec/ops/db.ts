// PostgreSQL operations for the I/O worker (the `db` builtin, builtins/db/postgres.ts, is the
// other half). Each connection is one pg Client (one server session: BEGIN ... COMMIT span
// calls), kept here by id. pg queues the queries of one client, so concurrent tasks sharing a
// connection take turns. Results cross to the Lua thread as plain data, already converted
// from PostgreSQL's text format to what Lua needs (see `Kind`):
//   pg.connect [url, {ca?, connectTimeout?, queryTimeout?}] → id
//   pg.query   [id, sql, values | null] → PgResult (values: null, boolean, number, bigint,
//              string — already UTF-8-decoded — or Uint8Array, sent in binary format)
//   pg.describe [id, sql] → [oid, element oid or 0] per parameter
//   pg.close [id], pg.closeAll []
import fs from "node:fs";
import { createRequire } from "node:module";
import type * as Pg from "pg";
import type { OpHandler } from "../io-worker.js";

/** How the Lua thread finishes a column's values: "v" values are final (integers as
 *  number/bigint, booleans, byte strings); "f" numbers are Lua floats; "j" values are JSON
 *  text (bytes) to decode; "[" + k: nested arrays whose elements are of kind k. */
export type ScalarKind = "v" | "f" | "j";
export type Kind = ScalarKind | `[${ScalarKind}`;

// pg is evaluated when the first connection opens: a literal require, which esbuild bundles
// but runs only when called (file-by-file tsc output, where ESM has no require, loads it
// from node_modules)
const esm = (id: string): unknown => createRequire(import.meta.url)(id);
let pgLib: typeof Pg | undefined;
const loadPg = (): typeof Pg => (pgLib ??= (typeof require === "function" ? require("pg") : esm("pg")) as typeof Pg);

// ---- PostgreSQL text format → Lua-ready values ----

/** UTF-8 text → a Lua byte string. */
const bytes = (s: string): string => (/[^\x00-\x7f]/.test(s) ? Buffer.from(s, "utf8").toString("latin1") : s);
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

function typeInfo(oid: number): TypeInfo {
  const elem = ARRAYS[oid];
  if (elem === undefined) return SCALARS[oid] ?? TEXT;
  const e = SCALARS[elem] ?? TEXT;
  // (pg-types' arrayParser is { create(text, transform) }, whatever @types/pg says)
  const arrays = loadPg().types.arrayParser as unknown as { create(s: string, f: (e: string) => unknown): { parse(): unknown[] } };
  return T(`[${e.kind}` as Kind, (s) => arrays.create(s, e.parse).parse());
}

// ---- connections ----

interface Conn {
  client: Pg.Client;
  /** why the connection broke (the server went away), if it did */
  broken?: string;
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
  const msg = err.message || String(code ?? "error");
  return new Error(typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `${msg} (${code})` : msg);
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
  return fs.readFileSync(ca, "latin1");
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
    query_timeout: o.queryTimeout !== undefined && o.queryTimeout > 0 ? Math.round(o.queryTimeout * 1000) : undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types: { getTypeParser: ((oid: number) => typeInfo(oid).parse) as Pg.CustomTypesConfig["getTypeParser"] },
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
  const conn: Conn = { client };
  client.on("error", (e) => (conn.broken ??= failure(e).message));
  conns.set(id, conn);
  return id;
}

// ---- results, column by column ----
// Rows cross to the Lua thread in columns (typed arrays, and one string per text column):
// far cheaper to clone than an array per row, and decoded on the other side per value.

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
class ColumnBuilder {
  private readonly vals: unknown[] = [];
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
  finish(rows: number): Column {
    const nulls = this.nulls === null ? null : this.nulls.length === rows ? this.nulls : this.nulls.slice(0, rows);
    const v = this.vals;
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

export interface PgResult {
  /** column names (UTF-8 bytes) in order */
  names: string[];
  kinds: Kind[];
  cols: Column[];
  nrows: number;
  /** rows affected (summed over the statements of a multi-statement string) */
  count: number;
}

// ---- the queries: pg "submittables" (the extension point pg-cursor uses) ----

type PgConnection = import("node:events").EventEmitter & Record<string, (...a: unknown[]) => void> & { stream: { cork?(): void; uncork?(): void } };

/** What pg calls on the query it is running; by default, nothing happens. */
abstract class Submittable {
  callback?: (err: Error | null, value?: unknown) => void;
  constructor(readonly text: string) {}
  abstract submit(con: PgConnection): void;
  protected end(err: Error | null, value?: unknown): void {
    const cb = this.callback;
    this.callback = undefined;
    cb?.(err, value);
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

/** Rows as wire values for parameters: pg's text format, Buffers in binary format. */
function wireValue(v: unknown): string | Buffer | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return String(v);
}

/** A statement (several with the simple protocol when there are no parameters), its rows
 *  collected column by column. */
class Query extends Submittable {
  private names: string[] = [];
  private kinds: Kind[] = [];
  private builders: ColumnBuilder[] = [];
  private rows = 0;
  private count = 0;
  constructor(
    text: string,
    private readonly values: unknown[] | null,
  ) {
    super(text);
  }
  submit(con: PgConnection): void {
    if (this.values === null) return con.query(this.text);
    con.stream.cork?.();
    try {
      con.parse({ text: this.text, types: [] });
      con.bind({ values: this.values, valueMapper: wireValue });
      con.describe({ type: "P", name: "" });
      con.execute({ portal: "", rows: 0 });
      con.sync();
    } finally {
      con.stream.uncork?.();
    }
  }
  override handleRowDescription(msg: { fields: Array<{ name: string; dataTypeID: number }> }): void {
    // (several statements: the rows of the last one that has columns)
    this.names = msg.fields.map((f) => bytes(f.name));
    this.kinds = msg.fields.map((f) => typeInfo(f.dataTypeID).kind);
    this.builders = msg.fields.map((f) => new ColumnBuilder(f.dataTypeID));
    this.rows = 0;
  }
  override handleDataRow(msg: { fields: Array<string | null> }): void {
    const f = msg.fields;
    const b = this.builders;
    const row = this.rows++;
    for (let i = 0; i < b.length; i++) b[i].add(f[i], row);
  }
  override handleCommandComplete(msg: { text: string }): void {
    // "INSERT 0 5", "UPDATE 3", "SELECT 100": the count is the last number
    const m = / (\d+)$/.exec(msg.text);
    if (m) this.count += Number(m[1]);
  }
  handleReadyForQuery(): void {
    const cols = this.builders.map((b) => b.finish(this.rows));
    this.end(null, { names: this.names, kinds: this.kinds, cols, nrows: this.rows, count: this.count } satisfies PgResult);
  }
}

/** A statement's parameter types: Parse and Describe, without executing. */
class Describe extends Submittable {
  private params: number[] = [];
  private con?: PgConnection;
  private readonly onParams = (m: { dataTypeIDs: number[] }): void => {
    this.params = m.dataTypeIDs;
  };
  submit(con: PgConnection): void {
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

function submit<T>(id: unknown, q: Submittable): Promise<T> {
  const c = connOf(id);
  if (c.broken !== undefined) return Promise.reject(new Error(`connection lost: ${c.broken}`));
  return new Promise<T>((resolve, reject) => {
    q.callback = (err, v) => (err ? reject(failure(err)) : resolve(v as T));
    c.client.query(q as unknown as Pg.QueryConfig);
  });
}

async function describe(id: unknown, sql: string): Promise<Array<[number, number]>> {
  const params = await submit<number[]>(id, new Describe(sql));
  return params.map((oid) => [oid, ARRAYS[oid] ?? 0]);
}

async function close(id: unknown): Promise<void> {
  const c = conns.get(id as number);
  if (!c) return;
  conns.delete(id as number);
  await c.client.end().catch(() => {});
}

export const ops: Record<string, OpHandler> = {
  "pg.connect": (args) => connect(String(args[0]), (args[1] ?? {}) as ConnectOptions),
  "pg.query": (args) => submit<PgResult>(args[0], new Query(String(args[1]), (args[2] ?? null) as unknown[] | null)),
  "pg.describe": (args) => describe(args[0], String(args[1])),
  "pg.close": (args) => close(args[0]),
  "pg.closeAll": () => Promise.all([...conns.keys()].map(close)).then(() => undefined),
};
