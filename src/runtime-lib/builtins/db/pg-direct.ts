// A PostgreSQL session spoken to from the Lua thread itself. The I/O worker opens every
// connection (start-up, authentication, TLS negotiation: exec/ops/db.ts); while nothing
// else in the program could run (no task, timer or I/O operation), the driver borrows a
// plain connection's socket (pg.lend) and runs its statements here with synchronous reads
// and writes on the descriptor. A statement then wakes no thread but the server's: on a
// machine where waking a thread costs ~13 µs, that is most of what separates a call from the
// driver's own round trip. The socket goes back to the worker (pg.reclaim) before anything
// else uses the connection. The messages and their handling are those of the worker's
// statements: the same prepared-statement cache, the same values, the same errors.
import fs from "node:fs";
import { StatementCache } from "../../pg/statements.js";
import { copyFailMessage, describeMessages, queryMessage, statementMessages, wireValue, withSqlstate } from "../../pg/wire.js";
import { checkSignal, signalState } from "../../exec/signals.js";
import { ioWorkerAlive } from "../../exec/bridge.js";
import { DbError } from "./conn.js";

/** How much longer than the query timeout a server that does not answer at all is waited
 *  for (the server cancels the statement itself at the timeout: statement_timeout). */
const NO_ANSWER_GRACE_MS = 2000;
/** How long a read (or write) spins on a socket that is not ready before it starts to sleep. */
const SPIN_MS = 1;
/** The first and the longest sleep between two tries of a quiet socket. */
const FIRST_NAP_MS = 0.05;
const MAX_NAP_MS = 2;

/** The read buffer's size, and the size past which it is let go after an answer. */
const BUFFER = 1 << 16;
const BIG_BUFFER = 1 << 20;

const napCell = new Int32Array(new SharedArrayBuffer(4));

/** Where the rows of a query go as they are read. */
export interface RowSink {
  /** A result set begins (a string of several statements may have several). */
  columns(names: string[], oids: number[]): void;
  /** A row: the body of a DataRow message at `b[at]` (the number of fields, then each
   *  field's length, -1 for NULL, and its bytes in text format). */
  row(b: Buffer, at: number): void;
}

/** The server's answer to one statement, as it is read. */
interface Answer {
  /** where the rows go (none: they are dropped) */
  sink?: RowSink;
  /** the statement this exchange prepares: its SQL text and name, cached once the server
   *  confirms it (ParseComplete) */
  prepares?: { text: string; name: string };
  count: number;
  bound: boolean;
  /** parameter types (a Describe) */
  params: number[];
  error?: ServerError;
}

interface ServerError {
  message: string;
  code?: string;
  /** the server ends the session */
  fatal: boolean;
}

/** What pg.lend answers: the socket's descriptor, the transaction status, and whether the
 *  server forgot the prepared statements since the last lend (DEALLOCATE ALL). */
export interface Lent {
  fd: number;
  tx: string;
  cleared: boolean;
}

export class PgDirect {
  /** transaction status at the last ReadyForQuery: I, T or E */
  private tx = "I";
  /** the server forgot every prepared statement (DEALLOCATE ALL) since the socket was lent */
  private cleared = false;
  /** why the connection broke, if it did */
  broken: string | undefined;
  private fd = -1;
  /** the worker that lent the socket (ioWorkerId): the descriptor is open while it runs */
  private worker = 0;
  private readonly statements = new StatementCache("assay_direct_");
  /** Syncs sent whose ReadyForQuery is still to be read (a statement whose handling stopped
   *  part way: see settle) */
  private owed = 0;
  private buf = Buffer.allocUnsafe(BUFFER);
  private start = 0;
  private end = 0;

  constructor(
    /** the connection's query timeout, ms (0: none) */
    private readonly timeoutMs: number,
  ) {}

  /** Worker `worker` (ioWorkerId) lent the socket. */
  lend(l: Lent, worker: number): void {
    this.fd = l.fd;
    this.worker = worker;
    this.tx = l.tx;
    // (what an earlier lend read past its last answer can only have been messages the server
    // sends unasked, notices say: the worker has had the socket since)
    this.start = this.end = 0;
    if (l.cleared) this.statements.clear();
  }

  /** The arguments of pg.reclaim, which gives the socket back to the worker: first what a
   *  statement that stopped part way left unread is read (the worker's pg expects nothing). */
  giveBack(): [string, boolean, string | null] {
    try {
      if (this.broken === undefined) this.settle();
    } catch {
      // (a signal, say: the session is in a state the worker cannot take up)
      this.broken ??= "interrupted while the server answered";
    }
    const cleared = this.cleared;
    this.cleared = false;
    this.fd = -1;
    return [this.tx, cleared, this.broken ?? null];
  }

  /** Runs a statement: its rows go to `sink`; returns the number of rows affected. */
  query(text: string, values: unknown[] | null, sink: RowSink): number {
    return this.statement(text, values, sink).count;
  }

  /** Runs a statement, dropping its rows; returns the number of rows affected. */
  execute(text: string, values: unknown[] | null): number {
    return this.statement(text, values).count;
  }

  /** The types of a statement's parameters. */
  describe(text: string): number[] {
    return this.check(this.exchange(describeMessages(text), answer())).params;
  }

  private statement(text: string, values: unknown[] | null, sink?: RowSink): Answer {
    const rows = sink !== undefined;
    if (values === null) return this.check(this.exchange(queryMessage(text), answer(sink)));
    for (let attempt = 0; ; attempt++) {
      const cache = this.statements;
      const known = cache.lookup(text);
      const name = known ?? cache.newName();
      const idle = this.tx === "I";
      const msgs = statementMessages({ close: cache.takeClosing(), name, parse: known === undefined, text, params: values.map(wireValue), describe: rows });
      const a = answer(sink);
      if (known === undefined) a.prepares = { text, name };
      this.exchange(msgs, a);
      if (a.error === undefined) return a;
      if (known !== undefined && !a.bound) {
        // a statement prepared earlier failed before it ran: it may be stale (a table it uses
        // changed, or the server forgot it). Outside a transaction block, where the failure
        // changed nothing, it is prepared again once
        cache.drop(text);
        if (idle && attempt === 0 && a.error.code !== undefined) continue;
      }
      // (the name is the driver's business: the message reads as for an unnamed statement)
      a.error.message = a.error.message.split(`"${name}"`).join(`""`);
      return this.check(a);
    }
  }

  private check(a: Answer): Answer {
    if (a.error !== undefined) throw new DbError(withSqlstate(a.error.message, a.error.code));
    return a;
  }

  /** Sends `msgs` (ending with a Sync) and reads the answer up to ReadyForQuery. */
  private exchange(msgs: Buffer, a: Answer): Answer {
    if (this.broken !== undefined) throw new DbError(`connection lost: ${this.broken}`);
    // (the descriptor is the worker's: were the worker gone, its number could name a file
    // opened since)
    if (!ioWorkerAlive(this.worker)) throw this.lost("the I/O worker stopped");
    this.settle();
    this.send(msgs);
    this.owed++;
    for (;;) {
      let type: number;
      try {
        type = this.takeMessage();
      } catch (e) {
        // (the server said why it closed the session: that is this statement's error)
        if (a.error?.fatal && e instanceof DbError && this.broken !== undefined) this.check(a);
        throw e;
      }
      const at = this.body;
      const end = this.start;
      switch (type) {
        case 0x31: // ParseComplete
          if (a.prepares !== undefined) this.statements.add(a.prepares.text, a.prepares.name);
          break;
        case 0x32: // BindComplete
          a.bound = true;
          break;
        case 0x54: // RowDescription
          if (a.sink !== undefined) this.rowDescription(a.sink, at);
          break;
        case 0x44: // DataRow (always after its RowDescription)
          if (a.sink !== undefined) a.sink.row(this.buf, at);
          break;
        case 0x43: {
          // CommandComplete: "INSERT 0 5", "UPDATE 3", "SELECT 100": the count is the last number
          const tag = this.buf.toString("utf8", at, end - 1);
          const m = / (\d+)$/.exec(tag);
          if (m) a.count += Number(m[1]);
          else if (tag === "DEALLOCATE ALL" || tag === "DISCARD ALL") {
            this.statements.clear();
            this.cleared = true;
          }
          break;
        }
        case 0x74: {
          // ParameterDescription
          const n = this.buf.readInt16BE(at);
          for (let i = 0; i < n; i++) a.params.push(this.buf.readUInt32BE(at + 2 + 4 * i));
          break;
        }
        case 0x45: {
          // ErrorResponse (the first counts: a COPY refused, say, ends in a second)
          const e = this.errorFields(at, end);
          a.error ??= e;
          if (e.fatal) this.broken = withSqlstate(e.message, e.code);
          break;
        }
        case 0x47: // CopyInResponse
          this.send(copyFailMessage("COPY FROM STDIN is not supported"));
          break;
        case 0x5a: // ReadyForQuery
          this.tx = String.fromCharCode(this.buf[at]);
          this.owed--;
          // (a buffer grown for one big row is not kept for the life of the connection)
          if (this.buf.length > BIG_BUFFER && this.start === this.end) {
            this.buf = Buffer.allocUnsafe(BUFFER);
            this.start = this.end = 0;
          }
          return a;
        // (NoData, EmptyQueryResponse, CloseComplete, PortalSuspended, NoticeResponse,
        // ParameterStatus, NotificationResponse, CopyOutResponse, CopyData, CopyDone: nothing)
      }
    }
  }

  /** Reads what a statement left unread when its handling stopped part way (a signal, a
   *  result past the memory limit), up to the ReadyForQuery it was owed. */
  private settle(): void {
    while (this.owed > 0) {
      if (this.takeMessage() === 0x5a) {
        this.tx = String.fromCharCode(this.buf[this.body]);
        this.owed--;
      }
    }
  }

  private rowDescription(sink: RowSink, at: number): void {
    const b = this.buf;
    const n = b.readInt16BE(at);
    at += 2;
    const names: string[] = [];
    const oids: number[] = [];
    for (let i = 0; i < n; i++) {
      // (name, table oid, column number, type oid, type size, type modifier, format)
      const z = b.indexOf(0, at);
      // (UTF-8 bytes: what a Lua string holds)
      names.push(b.toString("latin1", at, z));
      oids.push(b.readUInt32BE(z + 1 + 6));
      at = z + 1 + 18;
    }
    sink.columns(names, oids);
  }

  private errorFields(at: number, end: number): ServerError {
    const b = this.buf;
    let message = "";
    let code: string | undefined;
    let severity = "";
    while (at < end && b[at] !== 0) {
      const field = b[at];
      const z = b.indexOf(0, at + 1);
      const v = b.toString("utf8", at + 1, z);
      if (field === 0x4d) message = v;
      else if (field === 0x43) code = v;
      else if (field === 0x56) severity = v;
      at = z + 1;
    }
    return { message, code, fatal: severity === "FATAL" || severity === "PANIC" };
  }

  // ---- the socket ----

  /** where the body of the message read last begins (it ends at this.start) */
  private body = 0;

  /** Reads the next whole message: returns its type, with this.body at its body and
   *  this.start past it (it counts as read even if handling it fails: a row past the memory
   *  limit, say). */
  private takeMessage(): number {
    for (;;) {
      const avail = this.end - this.start;
      if (avail >= 5) {
        const len = this.buf.readInt32BE(this.start + 1);
        if (avail >= 1 + len) {
          const type = this.buf[this.start];
          this.body = this.start + 5;
          this.start += 1 + len;
          return type;
        }
        this.room(1 + len);
      } else this.room(5);
      this.fill();
    }
  }

  /** Makes room in the buffer for a message of `size` bytes starting at this.start. */
  private room(size: number): void {
    if (this.start + size <= this.buf.length) return;
    const live = this.end - this.start;
    if (size <= this.buf.length) this.buf.copy(this.buf, 0, this.start, this.end);
    else {
      const bigger = Buffer.allocUnsafe(Math.max(size, this.buf.length * 2));
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
    }
    this.start = 0;
    this.end = live;
  }

  /** Reads what the socket has, waiting for it (see stalled). */
  private fill(): void {
    if (this.start === this.end) this.start = this.end = 0;
    const t0 = performance.now();
    let nap = FIRST_NAP_MS;
    const limit = Error.stackTraceLimit;
    // (every empty read throws: without a stack trace that costs far less)
    Error.stackTraceLimit = 0;
    try {
      for (;;) {
        let n: number;
        try {
          n = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
        } catch (e) {
          if (!notReady(e)) throw this.lost((e as Error).message);
          nap = this.stalled(t0, nap);
          continue;
        }
        if (n === 0) throw this.lost("Connection terminated unexpectedly");
        this.end += n;
        return;
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  private send(b: Buffer): void {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let t0 = performance.now();
    let nap = FIRST_NAP_MS;
    let at = 0;
    try {
      while (at < b.length) {
        try {
          at += fs.writeSync(this.fd, b, at, b.length - at);
          // (the timeout counts from the last progress, as for reads)
          t0 = performance.now();
          nap = FIRST_NAP_MS;
        } catch (e) {
          if (!notReady(e)) throw this.lost((e as Error).message);
          nap = this.stalled(t0, nap);
        }
      }
    } catch (e) {
      // (a signal or the timeout while a big statement was going out: the server has part
      // of a message, and nothing can follow it)
      if (at > 0) this.broken ??= "interrupted while a statement was sent";
      throw e;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /** One turn of waiting for a socket that could not be read or written (since `t0`): a
   *  spin for the first SPIN_MS, then a nap of `nap` ms; returns the next nap. Past the
   *  query timeout and its grace, the server is taken for gone. */
  private stalled(t0: number, nap: number): number {
    const waited = performance.now() - t0;
    if (this.timeoutMs > 0 && waited > this.timeoutMs + NO_ANSWER_GRACE_MS) {
      this.broken = "the server did not answer in time";
      throw new DbError("query timed out: the server did not answer");
    }
    if (waited <= SPIN_MS) return nap;
    this.nap(nap);
    return Math.min(nap * 2, MAX_NAP_MS);
  }

  /** Sleeps `ms`; a signal (worker mode) wakes it and is raised. */
  private nap(ms: number): void {
    const cell = signalState.cell;
    if (cell !== null) Atomics.wait(cell, 0, 0, ms);
    else Atomics.wait(napCell, 0, 0, ms);
    checkSignal();
  }

  private lost(why: string): DbError {
    // (an error the server sent as it went: "terminating connection due to administrator
    // command (57P01)" says more than the closed socket)
    this.broken ??= why;
    return new DbError(`connection lost: ${this.broken}`);
  }
}

/** Whether a read or write of the non-blocking socket failed only for want of data or room
 *  (or a signal): try again. */
function notReady(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "EAGAIN" || code === "EWOULDBLOCK" || code === "EINTR";
}

function answer(sink?: RowSink): Answer {
  return { sink, count: 0, bound: false, params: [] };
}
