// The prepared statements of one PostgreSQL session, as the I/O worker (exec/ops/db.ts) or the
// Lua thread (builtins/db/pg-direct.ts) knows them: a parameterised statement is parsed once
// per connection under a name of its own, and later calls with the same SQL text only bind
// and execute it — the server neither parses nor plans it again.
//
// The cache holds only statements the server confirmed (ParseComplete): one whose Parse
// failed (a syntax error, an aborted transaction) does not exist there. It is bounded: the
// least recently used statement makes room for a new one and is closed on the server with
// the next statement sent. DEALLOCATE ALL and DISCARD ALL empty it, as they empty the server's.
// A statement that fails before it runs is dropped (it may be stale: a table it uses was
// altered, or the server forgot it), so that the next call prepares it again.

/** Prepared statements kept per connection. */
export const STATEMENTS_PER_CONNECTION = 100;

export class StatementCache {
  /** SQL text → statement name, least recently used first */
  private readonly names = new Map<string, string>();
  /** names to close on the server (evicted or dropped) */
  private closing: string[] = [];
  private next = 1;
  constructor(
    /** the names' prefix: each thread that prepares statements on a session has its own */
    private readonly prefix = "assay_ps_",
    private readonly capacity = STATEMENTS_PER_CONNECTION,
  ) {}

  /** The name of `text`'s prepared statement, if there is one (now the most recently used). */
  lookup(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined) {
      this.names.delete(text);
      this.names.set(text, name);
    }
    return name;
  }

  /** A name no statement of this session has had. */
  newName(): string {
    return `${this.prefix}${this.next++}`;
  }

  /** The server prepared `text` as `name`. */
  add(text: string, name: string): void {
    if (this.names.size >= this.capacity) {
      const [oldest, old] = this.names.entries().next().value as [string, string];
      this.names.delete(oldest);
      this.closing.push(old);
    }
    this.names.set(text, name);
  }

  /** `text`'s statement is not to be used again; it is closed with the next statement. */
  drop(text: string): void {
    const name = this.names.get(text);
    if (name === undefined) return;
    this.names.delete(text);
    this.closing.push(name);
  }

  /** The server deallocated every prepared statement of the session. */
  clear(): void {
    this.names.clear();
    this.closing = [];
  }

  /** The names to close before the next statement (then forgotten). */
  takeClosing(): string[] {
    if (this.closing.length === 0) return NONE;
    const out = this.closing;
    this.closing = [];
    return out;
  }
}

const NONE: string[] = [];
