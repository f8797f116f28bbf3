// The PostgreSQL driver: a connection is one pg Client in the I/O worker (exec/ops/db.ts),
// so a connection is one server session and BEGIN/COMMIT work across calls. Every call is an
// I/O wait: plain callers block, tasks park (each waits only for itself; the queries of one
// connection run one after another, as pg queues them).
import { LuaTable } from "../../core/table.js";
import { IoWait } from "../../exec/scheduler.js";
import { ioSubmit, ioPending, ioWait } from "../../exec/bridge.js";
import type { PgBatch, PgResult } from "../../exec/ops/db-values.js";
import { DbError, DbGen, Driver, ExecResult, QueryOptions, failureMessage } from "./conn.js";
import { NEEDS_TYPE, ParamType, PgParam, RowCollector, pgParam, typedParam } from "./pgvalues.js";

export interface PgConnectOptions {
  ca?: string;
  connectTimeout?: number;
  queryTimeout?: number;
}

/** Runs worker op `op`; a failure becomes a DbError with the worker's message. */
function* io(op: string, args: unknown[], onEvent?: (v: unknown) => void): DbGen<unknown> {
  try {
    return yield new IoWait(op, args, onEvent);
  } catch (e) {
    const msg = failureMessage(e);
    throw msg === undefined ? e : new DbError(msg);
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
  constructor(private readonly id: number) {}

  private *params(sql: string, params: unknown[]): DbGen<PgParam[] | null> {
    if (params.length === 0) return null;
    const out = params.map(pgParam);
    if (!out.includes(NEEDS_TYPE)) return out as PgParam[];
    let types = this.types.get(sql);
    if (types === undefined) {
      types = (yield* io("pg.describe", [this.id, sql])) as ParamType[];
      if (this.types.size >= TYPE_CACHE_SIZE) this.types.clear();
      this.types.set(sql, types);
    }
    return params.map((v, i) => (out[i] === NEEDS_TYPE ? typedParam(v, types[i]) : (out[i] as PgParam)));
  }

  private *run(op: "pg.query" | "pg.execute", sql: string, params: unknown[], onEvent?: (v: unknown) => void): DbGen<unknown> {
    const values = yield* this.params(sql, params);
    try {
      return yield* io(op, [this.id, sql, values], onEvent);
    } catch (e) {
      // the statement may mean something else now (a table was altered)
      this.types.delete(sql);
      throw e;
    }
  }

  *query(sql: string, params: unknown[], o: QueryOptions): DbGen<LuaTable> {
    // (big results come in batches, made tables while the worker reads the next)
    const rows = new RowCollector(o);
    rows.add((yield* this.run("pg.query", sql, params, (b) => rows.add(b as PgBatch))) as PgResult);
    return rows.result();
  }

  *execute(sql: string, params: unknown[]): DbGen<ExecResult> {
    return { count: (yield* this.run("pg.execute", sql, params)) as number };
  }

  *close(): DbGen<void> {
    open.delete(this.id);
    yield* io("pg.close", [this.id]);
  }
}

export function* connectPg(url: string, o: PgConnectOptions): DbGen<Driver> {
  const id = (yield* io("pg.connect", [url, o])) as number;
  if (!hooked) process.once("exit", closeAllAtExit);
  hooked = true;
  open.add(id);
  return new PgDriver(id);
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
