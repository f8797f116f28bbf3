// The I/O worker: a thread that runs asynchronous operations (timers, later sockets and
// database clients) for the Lua thread, which waits for their results synchronously through
// bridge.ts. It receives commands from the main thread on its parentPort and answers on a
// MessagePort dedicated to events, bumping a shared counter after every message so that a
// main thread blocked in Atomics.wait wakes up. It never prints anything.
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { IoEvent } from "./bridge.js";
import { ops as timerOps } from "./ops/timers.js";
import { ops as echoOps } from "./ops/echo.js";

/** What an operation handler gets besides its arguments. */
export interface OpContext {
  /** aborted when the main thread cancels the operation (ioCancel) */
  signal: AbortSignal;
  /** delivers an "event" event to the main thread (before the final done/error) */
  emit(value: unknown): void;
}

/** An operation: resolves to the "done" value, rejects for an "error" event. */
export type OpHandler = (args: unknown[], ctx: OpContext) => unknown;

/** Commands from the main thread. */
export type Command =
  | { t: "submit"; id: number; op: string; args: unknown[] }
  | { t: "post"; op: string; args: unknown[] }
  | { t: "cancel"; id: number }
  | { t: "load"; id: number; specifier: string };

/** Messages to the main thread: op events, or a last word when the worker stops. */
export type WorkerMessage = IoEvent | { id: 0; kind: "stopped"; message: string };

export interface IoWorkerData {
  /** where events go (the main thread reads them with receiveMessageOnPort) */
  events: MessagePort;
  /** [0] bumped (and notified) after every message posted on `events`; [1] set to 1 as the
   *  worker stops, before Node closes what it owns (bridge.ts ioWorkerAlive) */
  counter: Int32Array;
  /** op modules loaded with ioLoadOps into earlier workers, to load again */
  modules: string[];
}

// nothing a handler (or a Node warning) prints reaches the user's terminal
process.stdout.write = process.stderr.write = () => true;

const { events, counter, modules } = workerData as IoWorkerData;
const registry = new Map<string, OpHandler>();
/** The context of an operation started and not finished or cancelled; its AbortController is
 *  made when the handler first asks for its signal (most never do). */
class Running implements OpContext {
  ac: AbortController | null = null;
  constructor(readonly id: number) {}
  get signal(): AbortSignal {
    this.ac ??= new AbortController();
    return this.ac.signal;
  }
  // (a property, not a method: handlers may take it out of the context)
  readonly emit = (value: unknown): void => {
    // (a value that cannot be cloned fails the op when the batch goes out)
    if (running.has(this.id)) post({ id: this.id, kind: "event", value });
  };
}
/** operations started and not finished or cancelled */
const running = new Map<number, Running>();

function register(ops: Record<string, OpHandler>): void {
  for (const [name, h] of Object.entries(ops)) registry.set(name, h);
}
register(timerOps);
register(echoOps);

// The other built-in ops load on first use, by the family their name starts with: starting
// the worker then costs little, and a script that only makes HTTP requests never loads the
// PostgreSQL driver. (In the ESM bundle each is a chunk of its own.)
type OpModule = { ops: Record<string, OpHandler> };
const families: Record<string, () => Promise<OpModule>> = {
  pg: () => import("./ops/db.js"),
  ws: () => import("./ops/ws.js"),
  shell: () => import("./ops/shell.js"),
  http: () => import("./ops/http-client.js"),
  httpd: () => import("./ops/http-server.js"),
};
const loading = new Map<string, Promise<void>>();

/** The handler of op `name`, loading its family's module when needed. */
async function handlerOf(name: string): Promise<OpHandler | undefined> {
  const known = registry.get(name);
  if (known) return known;
  const family = name.slice(0, name.indexOf("."));
  const load = families[family];
  if (!load) return undefined;
  let p = loading.get(family);
  if (!p) {
    p = load().then((m) => register(m.ops));
    loading.set(family, p);
  }
  await p;
  return registry.get(name);
}

// Events go out in batches: everything produced during one turn of the event loop (a burst
// of requests, say) is one message and one wake-up of the main thread.
let outgoing: WorkerMessage[] = [];
let flushing = false;
/** a batch of commands is being run (finish leaves the events to the turn's flush) */
let starting = false;

function flushEvents(): void {
  flushing = false;
  if (outgoing.length === 0) return;
  const batch = outgoing;
  outgoing = [];
  try {
    events.postMessage(batch);
  } catch {
    // a value that cannot be cloned (a function, a socket...): the other messages go out,
    // and that op fails (its later events are dropped by the main thread)
    for (const msg of batch) {
      try {
        events.postMessage([msg]);
      } catch (e) {
        running.delete(msg.id);
        events.postMessage([{ id: msg.id, kind: "error", message: `cannot send the result of an I/O operation: ${errorMessage(e)}` }]);
      }
    }
  }
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

/** Queues a message for the main thread. */
function post(msg: WorkerMessage): void {
  outgoing.push(msg);
  if (!flushing) {
    flushing = true;
    setImmediate(flushEvents);
  }
}

/** The context of a posted (fire-and-forget) operation: never aborted, emits nothing. */
const idle: OpContext = { signal: new AbortController().signal, emit() {} };

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Sends an op's final event once (not after it was cancelled). When it was the last op
 *  running, and no batch of commands is being started, nothing else can come this turn: the
 *  events go out at once (the main thread, waiting for this one, wakes a little sooner). */
function finish(ev: IoEvent): void {
  if (!running.delete(ev.id)) return;
  post(ev);
  if (running.size === 0 && !starting) flushEvents();
}

// (run and its callbacks are plain functions: an async function would cost the common op, a
// handler found at once whose promise settles later, a few more promises and microtasks)
function run(id: number, op: string, args: unknown[]): void {
  const r = new Running(id);
  running.set(id, r);
  const h = registry.get(op);
  if (h !== undefined) return start(r, h, args);
  handlerOf(op).then(
    (found) => (found ? start(r, found, args) : finish({ id, kind: "error", message: `unknown I/O operation '${op}'` })),
    (e) => finish({ id, kind: "error", message: `cannot load I/O operation '${op}': ${errorMessage(e)}` }),
  );
}

/** Calls an op's handler; its result (or failure), awaited if it is a promise, is the op's
 *  final event. */
function start(r: Running, h: OpHandler, args: unknown[]): void {
  const id = r.id;
  const fail = (e: unknown): void => finish({ id, kind: "error", message: errorMessage(e) });
  let out: unknown;
  try {
    out = h(args, r);
  } catch (e) {
    return fail(e);
  }
  if (typeof (out as PromiseLike<unknown> | null)?.then === "function") (out as PromiseLike<unknown>).then((value) => finish({ id, kind: "done", value }), fail);
  else finish({ id, kind: "done", value: out });
}

async function loadOps(specifier: string): Promise<void> {
  const mod = await import(specifier);
  if (typeof mod.ops !== "object" || mod.ops === null) throw new Error("the module exports no 'ops' table");
  register(mod.ops);
}

/** Runs a command; returns a promise only when later commands must wait for it (a load). */
function command(c: Command): Promise<void> | void {
  switch (c.t) {
    case "submit":
      run(c.id, c.op, c.args);
      return;
    case "post": {
      // fire and forget: nothing is reported, not even a failure
      const h = registry.get(c.op);
      if (!h) {
        // (its family is not loaded yet)
        void handlerOf(c.op).then((f) => f?.(c.args, idle)).catch(() => {});
        return;
      }
      try {
        const out = h(c.args, idle);
        if (out instanceof Promise) out.catch(() => {});
      } catch {
        // (a synchronous throw: as above)
      }
      return;
    }
    case "cancel": {
      // the main thread already reported the op as cancelled: forget it, tell the handler
      const r = running.get(c.id);
      running.delete(c.id);
      r?.ac?.abort();
      return;
    }
    case "load":
      running.set(c.id, new Running(c.id));
      return loadOps(c.specifier).then(
        () => finish({ id: c.id, kind: "done" }),
        (e) => finish({ id: c.id, kind: "error", message: errorMessage(e) }),
      );
  }
}

// Commands run in order: each waits for the loads before it (and at start, for the modules
// earlier workers had loaded, in their order). While nothing waits on a load, a command runs
// at once (a burst of answers costs no promise each); otherwise it joins the chain, which
// never rejects, and `chained` counts the commands still on it.
let gate: Promise<unknown> = Promise.resolve();
let chained = 0;

/** Runs `next` once the chain before it has. */
function chain(next: () => Promise<void> | void): void {
  chained++;
  gate = gate
    .then(next)
    .catch(() => {})
    .then(() => chained--);
}

for (const m of modules) chain(() => loadOps(m));
parentPort!.on("message", (batch: Command[]) => {
  starting = true;
  try {
    runBatch(batch);
  } finally {
    starting = false;
  }
});

function runBatch(batch: Command[]): void {
  for (const c of batch) {
    if (chained > 0) {
      chain(() => command(c));
      continue;
    }
    let wait: Promise<void> | void;
    try {
      wait = command(c);
    } catch {
      continue; // (as on the chain: a command that fails is dropped)
    }
    if (wait !== undefined) chain(() => wait);
  }
}

// Dying (process.exit in a handler, an uncaught exception): tell the main thread, which
// turns every pending op into an error event. The monitor sees the exception before Node
// emits 'exit' and stops the thread.
let fatal: string | undefined;
process.on("uncaughtExceptionMonitor", (e) => {
  fatal ??= `uncaught exception: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
});
process.on("exit", (code) => {
  Atomics.store(counter, 1, 1);
  try {
    post({ id: 0, kind: "stopped", message: fatal ?? `exited with code ${code}` });
    flushEvents();
  } catch {
    // nothing more to be done: the main thread will see the worker's 'exit' event
  }
});
