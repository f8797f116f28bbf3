// The PostgreSQL driver: a connection is one pg Client in the I/O worker (exec/ops/db.ts),
// so a connection is one server session and BEGIN/COMMIT work across calls. Every call is an
// I/O wait: plain callers block, tasks park (each waits only for itself; the queries of one
// connection run one after another, as pg queues them). While nothing else could run (no
// task, timer or I/O operation), a plain connection's socket is borrowed and the calls speak
// to the server from the Lua thread (pg-direct.ts); it goes back to the worker before
// anything else uses the connection.
import { LuaTable } from "../../core/table.js";
import { IoFailure, IoWait, idle } from "../../exec/scheduler.js";
import { ioPost, ioSubmit, ioPending, ioWait, ioWorkerId } from "../../exec/bridge.js";
import { ARRAYS, type PgBatch, type PgResult } from "../../pg/values.js";
import { DbError, DbGen, Driver, ExecResult, QueryOptions } from "./conn.js";
import { NEEDS_TYPE, ParamType, PgParam, RowCollector, WireRows, pgParam, typedParam } from "./pgvalues.js";
import { Lent, PgDirect } from "./pg-direct.js";

export interface PgConnectOptions {
  ca?: string;
  connectTimeout?: number;
  queryTimeout?: number;
}

/** Runs worker op `op`; the op's failure becomes a DbError with the worker's message.
 *  Anything else raised during the wait (a signal's "interrupted (SIGTERM)") goes on as it is. */
function* io(op: string, args: unknown[], onEvent?: (v: unknown) => void): DbGen<unknown> {
  try {
    return yield new IoWait(op, args, onEvent);
  } catch (e) {
    throw e instanceof IoFailure ? new DbError(e.message) : e;
  }
}

/** Parameter types by statement text, per connection (bounded: cleared when full). */
const TYPE_CACHE_SIZE = 256;

/** connections open in the worker, closed at exit */
const open = new Set<number>();
let hooked = false;

class PgDriver implements Driver {
  readonly engine = "postgres";
  private readonly types = new Map<string, ParamType[]>();
  /** the session as spoken to from this thread (its prepared statements last across lends) */
  private readonly direct: PgDirect;
  /** the worker lent the socket: calls go through `direct` */
  private lent = false;
  /** the worker will not lend this connection's socket (TLS) */
  private unlendable = false;
  constructor(
    private readonly id: number,
    /** the query timeout, ms (0: none) */
    timeoutMs: number,
  ) {
    this.direct = new PgDirect(timeoutMs);
  }

  /** The session to speak to directly for a call now, or null: the call goes through the
   *  worker (and the socket goes back to it first). */
  private *session(): DbGen<PgDirect | null> {
    if (!idle()) {
      this.giveBack();
      return null;
    }
    if (!this.lent && !this.unlendable) {
      const lent = (yield* io("pg.lend", [this.id])) as Lent | null;
      if (lent === null) this.unlendable = true;
      else {
        this.direct.lend(lent, ioWorkerId());
        this.lent = true;
      }
    }
    return this.lent ? this.direct : null;
  }

  /** Gives the socket back to the worker (commands reach it in order: no wait is needed). */
  private giveBack(): void {
    if (!this.lent) return;
    this.lent = false;
    ioPost("pg.reclaim", [this.id, ...this.direct.giveBack()]);
  }

  private *params(sql: string, params: unknown[]): DbGen<PgParam[] | null> {
    if (params.length === 0) return null;
    const out = params.map(pgParam);
    if (!out.includes(NEEDS_TYPE)) return out as PgParam[];
    let types = this.types.get(sql);
    if (types === undefined) {
      const direct = yield* this.session();
      types = direct !== null ? direct.describe(sql).map((oid): ParamType => [oid, ARRAYS[oid] ?? 0]) : ((yield* io("pg.describe", [this.id, sql])) as ParamType[]);
      if (this.types.size >= TYPE_CACHE_SIZE) this.types.clear();
      this.types.set(sql, types);
    }
    return params.map((v, i) => (out[i] === NEEDS_TYPE ? typedParam(v, types[i]) : (out[i] as PgParam)));
  }

  /** Runs `sql`: directly when the session is lent (`direct`), else through the worker
   *  (`viaWorker`, with the parameters). */
  private *run<T>(sql: string, params: unknown[], direct: (d: PgDirect, values: PgParam[] | null) => T, viaWorker: (values: PgParam[] | null) => DbGen<T>): DbGen<T> {
    const values = yield* this.params(sql, params);
    try {
      const d = yield* this.session();
      if (d === null) return yield* viaWorker(values);
      try {
        return direct(d, values);
      } finally {
        // (the worker makes the connection's later calls fail, as for its own)
        if (d.broken !== undefined) this.giveBack();
      }
    } catch (e) {
      // the statement may mean something else now (a table was altered)
      this.types.delete(sql);
      throw e;
    }
  }

  *query(sql: string, params: unknown[], o: QueryOptions): DbGen<LuaTable> {
    const id = this.id;
    return yield* this.run(
      sql,
      params,
      (d, values) => {
        const rows = new WireRows(o);
        d.query(sql, values, rows);
        return rows.result();
      },
      function* (values: PgParam[] | null) {
        // (big results come in batches, made tables while the worker reads the next)
        const rows = new RowCollector(o);
        rows.add((yield* io("pg.query", [id, sql, values], (b) => rows.add(b as PgBatch))) as PgResult);
        return rows.result();
      },
    );
  }

  *execute(sql: string, params: unknown[]): DbGen<ExecResult> {
    const count = yield* this.run(
      sql,
      params,
      (d, values) => d.execute(sql, values),
      (values) => io("pg.execute", [this.id, sql, values]) as DbGen<number>,
    );
    return { count };
  }

  *close(): DbGen<void> {
    this.giveBack();
    open.delete(this.id);
    yield* io("pg.close", [this.id]);
  }
}

export function* connectPg(url: string, o: PgConnectOptions): DbGen<Driver> {
  const id = (yield* io("pg.connect", [url, o])) as number;
  if (!hooked) process.once("exit", closeAllAtExit);
  hooked = true;
  open.add(id);
  return new PgDriver(id, o.queryTimeout !== undefined && o.queryTimeout > 0 ? Math.round(o.queryTimeout * 1000) : 0);
}

/** At exit: ends the sessions still open (a Terminate to the server rather than a dropped
 *  socket), waiting a moment at most — the process must not hang on a dead server. */
function closeAllAtExit(): void {
  if (open.size === 0) return;
  open.clear();
  try {
    const id = ioSubmit("pg.closeAll", []);
    const deadline = performance.now() + 500;
    for (let left = 500; left > 0; left = deadline - performance.now()) {
      // (events of other operations are dropped: the program is over)
      if (ioWait(left).some((e) => e.id === id) || ioPending() === 0) return;
    }
  } catch {
    // the worker is gone: nothing to close
  }
}
